"""Slogans (口号/提法): set political formulas, quoted or not.

Patterns (examples from the seed articles):

* QUOTED FORMULA — text in “…” that is a formula by its form:
  - numbered: a Chinese numeral starts it or recurs in it (“五个动态清零”, “六个零发生”,
    “两个先行”, “一办九组”, “三中心合一”, “一图一表一报告一方案”, “十防”);
  - a series: items joined by 、 or , (“源、融、亲”, “细致、精致、极致”,
    “五个一批、五个严防、三个确保”, “有机衔接、协同联动、高效便捷”);
  - a + formula (“专业+机制+大数据”, “大数据+巡逻”) or a digit formula (“1、3、5”, “4+4+8”, “135”);
  - a compressed series of one-character measures (“打防管控建”);
  - a long formulation of parallel clauses.
* NUMBERED FORMULA unquoted — numeral + 1-2 characters, repeated: 三清三统一, 一标三实, 两队一室.
* PARALLEL SERIES unquoted — three or more short phrases joined by 、 or , that repeat a
  character in the same place or share a length of 3-6 characters: 警察常在、警车常见、警灯常亮;
  严打、严防、严管、严治; 奔着问题去,盯着问题查,追着问题改.
* MOTTO — a short line made of two parallel halves, or a heading of the genre's motto words:
  守护万家灯火, 守一城烟火 护一夏平安, 群众看公安,关键看破案, 人民安全大如天.

Not slogans: a campaign or programme name alone (“百日行动”, “夏季行动”, “夜市警务”, “融警务”),
a crime category (黄赌毒), a quoted metaphor of one to three characters (“守夜人”, “警察蓝”,
“组合拳”, “防控网”), a heading that only names its topic (下好先手棋助力经济复苏). Spans leave
the quotation marks out; the canonical phrase is the span, and the kind says which pattern.

v2 (``slogan_frames.py``, with examples and counter-examples there): quotes in a formula frame
(坚持“守土有责”, “邻里守望”机制), straight ASCII quotes, set national formulas unquoted
(共建共治共享), maxims of two parallel clauses (安全是发展的底线,稳定是民生的保障), heading mottos
only with pledge words (为民守夜 平安有我, not 严打犯罪 成效明显), and unquoted numbered
formulas only on jieba word boundaries (一村一辅警, not 一千二百余万 or 第二天一早).
"""

from __future__ import annotations

import re

from annotator.extractors import slogan_frames as frames
from annotator.extractors.base import Context, SuggestedSpan, Suggestion

NAME = "slogans"
VERSION = "2"
LABEL = "slogan"

CN_NUM = "一二两三四五六七八九十百"
QUOTE = re.compile(r"[“「]([^“”「」]{1,60})[”」]")
ASCII_QUOTE = re.compile(r'"([^"“”「」]{1,60})"')
NAME_SUFFIX = re.compile(
    r"(行动|警务|活动|工程|专项|会战|战役|品牌|平台|系统|中心|大脑|工作站|服务站|警务站)$"
)
NUMBERED = re.compile(
    rf"[{CN_NUM}](?:个|项|条|大|路|队|室|中心)?[\u4e00-\u9fff]{{1,3}}?[{CN_NUM}][\u4e00-\u9fff]{{1,3}}"
)
# a numeral with a measure word (五个动态清零, 三路督导, 三中心合一), or two characters (十防)
NUMBERED_START = re.compile(
    rf"^[{CN_NUM}](?:个|项|条|大|路|支|张|中心)[\u4e00-\u9fff]|^[{CN_NUM}][\u4e00-\u9fff]$"
)
SPEECH = re.compile(r"[。!！?？…]|^[^、]{31,}$")  # quoted speech, not a formula
INNER_QUOTE = re.compile(r"‘([^‘’“”]{1,40})’")
SINGLES = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:、[\u4e00-\u9fff]){3,}(?![\u4e00-\u9fff])"
)
# a compressed series of one-character measures: “打防管控建”, 打防管控
COMPRESSED = re.compile(r"^[打防管控建宣治严准狠快稳查处破追教育疏堵]{3,7}$")
STYLE = re.compile(r"[式型化性]$")  # “沉浸式”, “一站式”: a manner, not a formula
DIGIT_FORMULA = re.compile(r"^\d+(?:[、+]\d+)+$|^\d{3}$")
PLUS_FORMULA = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,8}(?:\+[\u4e00-\u9fffA-Za-z]{2,10})+$")
SERIES = re.compile(r"[\u4e00-\u9fff‘’]{2,12}(?:[、,，][\u4e00-\u9fff‘’]{2,12}){2,}")
MOTTO_WORDS = re.compile(r"守护|万家灯火|大如天|保平安|护平安|为人民|(?:平安|安全)就在身边")
HALVES = re.compile(r"^([\u4e00-\u9fff]{2,7})(?:\s+|[,，])([\u4e00-\u9fff]{2,7})(?:[。!！]|——.*)?$")
THIRDS = re.compile(
    r"^([\u4e00-\u9fff]{2,6})[,，]([\u4e00-\u9fff]{2,6})[,，]([\u4e00-\u9fff]{2,6})[。!！]?$"
)


def _parallel(items: list[str]) -> bool:
    """Items of a series share a character in the same place, or all have one length of 3-6."""
    items = [i.replace("‘", "").replace("’", "") for i in items]
    if len(items) < 2:
        return False
    lengths = {len(i) for i in items}
    if len(lengths) == 1 and 3 <= next(iter(lengths)) <= 6:
        return True
    shortest = min(lengths)
    for k in range(shortest):
        if len({i[k] for i in items}) == 1:  # same character from the start (严打、严防)
            return True
        if len({i[-1 - k] for i in items}) == 1:  # from the end (细致、精致、极致)
            return True
    # the same two characters somewhere in every item (奔着问题去,盯着问题查)
    first = items[0]
    return any(all(first[j : j + 2] in i for i in items[1:]) for j in range(len(first) - 1))


def _parallel_series(items: list[str]) -> bool:
    """Stricter than ``_parallel`` for unquoted text, where four-character phrases abound:
    equal length counts for 3, 5 or 6 characters, and for 4 only from four items on."""
    if _shared(items):
        return True
    lengths = {len(i) for i in items}
    if len(lengths) != 1:
        return False
    n = next(iter(lengths))
    return n in (3, 5, 6) or (n == 4 and len(items) >= 4)


def _shared(items: list[str]) -> bool:
    """Parallel by a repeated character in the same place (not by length alone)."""
    shortest = min(len(i) for i in items)
    for k in range(shortest):
        if len({i[k] for i in items}) == 1 or len({i[-1 - k] for i in items}) == 1:
            return True
    return False


def _quoted_kind(inner: str) -> str | None:
    """The kind of formula a quoted text is, or None for a metaphor or a name."""
    plain = inner.strip()
    if SPEECH.search(plain) or STYLE.search(plain):
        return None
    if DIGIT_FORMULA.match(plain):
        return "numbered"
    if COMPRESSED.match(plain):
        return "parallel"
    if PLUS_FORMULA.match(plain):
        return "quoted"
    parts = re.split(r"[、,，]", plain)
    if len(parts) >= 2 and all(1 <= len(p) <= 14 for p in parts):
        if len(parts) >= 3 or _parallel(parts) or all(len(p) <= 2 for p in parts):
            return "numbered" if all(NUMBERED_START.match(p) for p in parts) else "parallel"
    if NAME_SUFFIX.search(plain):
        return None
    if NUMBERED_START.match(plain) and len(plain) >= 3 or NUMBERED.fullmatch(plain):
        return "numbered"
    return None


def _parallel_runs(series: str) -> list[tuple[int, int]]:
    """Runs of three or more parallel items inside a 、/,-joined series, as (start, end).

    The first item may carry words before the series (做到警察常在) and the last words after
    it, so both are cut to the length of the items inside the run.
    """
    bounds = []
    pos = 0
    for item in re.split(r"[、,，]", series):
        bounds.append((pos, pos + len(item)))
        pos += len(item) + 1
    runs = []
    i = 0
    while i + 2 < len(bounds):
        length = bounds[i + 1][1] - bounds[i + 1][0]
        j = i + 1
        while j + 1 < len(bounds) and bounds[j + 1][1] - bounds[j + 1][0] == length:
            j += 1
        # the first item may be longer (a lead-in such as 做到警察常在): cut it to ``length``, and
        # then it must share characters with the others, not only their length
        first_len = bounds[i][1] - bounds[i][0]
        first_start = bounds[i][1] - length if first_len >= length else None
        if first_start is not None and j - i + 1 >= 3 and 2 <= length <= 8:
            items = [series[first_start : bounds[i][1]]] + [
                series[a:b] for a, b in bounds[i + 1 : j + 1]
            ]
            if first_len > length:  # a cut lead-in must share characters, or the run be long
                ok = _shared(items) or (len(items) >= 4 and _parallel_series(items))
            else:
                ok = _parallel_series(items)
            if ok and not any(re.search(r"(.)\1", it) for it in items):
                runs.append((first_start, bounds[j][1]))
                i = j + 1
                continue
        i += 1
    return runs


def _motto(text: str, context: Context | None) -> bool:
    body = text.strip().split("——")[0].strip()
    if len(body) > 36:
        return False
    if re.search(r"([\u4e00-\u9fff])\1", body):
        return False  # 一组组, 熙熙攘攘: description, not a motto
    stripped = body.rstrip("。!！;；")
    heading_like = stripped == body and not re.search(r"[。!！?？]", body)
    m = HALVES.match(body)
    if m and _parallel([m.group(1), m.group(2)]):
        # a heading of two halves is a motto only with pledge words, not naming a line of work
        return frames.heading_motto(body) if heading_like else frames.maxim(stripped)
    if frames.maxim(stripped) and not heading_like:
        return True
    if len(body) > 24:
        return False
    heading = (
        context is None or (context.paragraph_start and context.paragraph_end) or len(body) <= 8
    )
    return (
        heading
        and len(body) <= 16
        and bool(MOTTO_WORDS.search(body))
        and not re.search(r"[。,，]", body[:-1])
    )


class Slogans:
    name = NAME
    version = VERSION
    labels = (LABEL,)

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        spans = self.formulas(text, context)
        if not spans:
            return []
        kinds = [s.fields.get("kind") for s in spans]
        score = (
            0.9
            if "numbered" in kinds
            else 0.8
            if "parallel" in kinds or "quoted" in kinds
            else 0.65
        )
        first = spans[0]
        fields = {"canonical": text[first.start : first.end], "kind": first.fields.get("kind")}
        return [Suggestion(LABEL, score, tuple(spans), fields)]

    def formulas(self, text: str, context: Context | None = None) -> list[SuggestedSpan]:
        found: list[tuple[int, int, str]] = []
        quoted_ranges = []  # formulas and names in quotation marks; speech stays searchable
        quotes = [*QUOTE.finditer(text), *INNER_QUOTE.finditer(text)]
        if "“" not in text and "「" not in text:
            quotes += list(ASCII_QUOTE.finditer(text))
        for m in quotes:
            if SPEECH.search(m.group(1)):
                continue
            quoted_ranges.append((m.start(), m.end()))
            kind = _quoted_kind(m.group(1))
            if kind is None and _framed_formula(text, m):
                kind = "quoted"
            if kind:
                found.append((m.start(1), m.end(1), kind))
        outside = _blank(text, quoted_ranges)
        for m in SINGLES.finditer(outside):  # 打、防、管、控、宣、治
            found.append((m.start(), m.end(), "parallel"))
        for m in NUMBERED.finditer(outside):
            piece = m.group()
            if re.search(r"(.)\1", piece) or NAME_SUFFIX.search(piece):
                continue  # 一组组, 一项项: reduplication is not a formula
            cut = frames.numbered_span(text, m.start(), m.end())
            if cut is None:
                continue  # 一千二百余万, 第二天一早, 一步一步: numbers and repetitions
            found.append((*cut, "numbered"))
        for start, end in frames.set_formulas(outside):
            found.append((start, end, "quoted"))
        for m in SERIES.finditer(outside):
            for start, end in _parallel_runs(m.group()):
                found.append((m.start() + start, m.start() + end, "parallel"))
        if _motto(text, context):
            body = text.rstrip("。!！").split("——")[0].strip()
            start = text.index(body)
            found.append((start, start + len(body), "motto"))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        spans: list[SuggestedSpan] = []
        last = -1
        for start, end, kind in found:
            if start >= last:
                spans.append(SuggestedSpan(start, end, {"kind": kind}))
                last = end
        return spans


def _framed_formula(text: str, m: re.Match) -> bool:
    """A quote that is not a formula by its shape, but stands in a formula frame (坚持“…”)."""
    inner = m.group(1).strip()
    if not 2 <= len(inner) <= 30 or STYLE.search(inner) or NAME_SUFFIX.search(inner):
        return False
    if re.search(r"\d", inner):
        return False  # 坚持“2024”: a year or a code
    return frames.framed(text, m.start(1), m.end(1))


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with quoted parts replaced by spaces (offsets kept)."""
    chars = list(text)
    for a, b in ranges:
        for i in range(a, b):
            chars[i] = " "
    return "".join(chars)
