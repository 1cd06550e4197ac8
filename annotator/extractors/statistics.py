"""Statistics: aggregate figures with their units, and change expressions.

Patterns (each with an example from the seed articles):

* FIGURE — an Arabic number, optionally with 万/亿 and 余/多, and a unit or measure word:
  抓获犯罪嫌疑人195名, 1.63万名, 76.8万人次, 745万余元, 22263台次, 2300公里, 60多名.
* CN_FIGURE — Chinese numerals count only with 余/多/几/来 or a 百/千/万/亿 (一百余名, 一亿元,
  一千零五名, 三亿五千万元); a bare Chinese numeral + measure word is a formula, not a figure
  (五个一批, 一条主线, 六条刚性措施).

Values are read by ``annotator.text.numbers.parse_cn_number`` (三亿五千万 → 350000000, 1万600 →
10600, 16,300 → 16300, 两千多 → 2000).
* PERCENT — 99.7%, 12.5%; and CHANGE — a change word before a figure or percentage:
  同比下降12.5%, 同比减少37.8%, 提升至98%, 上升至99.7%, 同比分别下降10.98%.
* RANK — 第4位, 第8名.

Not figures:
* dates and times (7月28日, 2时许, 2022-08-15, 10:44:40) and durations (仅3分钟, 24小时): 月, 日,
  时, 分钟, 小时 are not units here;
* numbers inside formulas — in quotation marks (“1、3、5”分钟快反机制, “4+4+8”工作机制, “135”)
  or joined by + (4+4+8);
* page metadata (阅读:189377, ICP and licence numbers, phone numbers): no unit follows;
* a value that only describes one incident's object: 价值7万余元的商品, 被骗的5万元.

Vetoes (``statistic_vetoes.py``, v2; examples written for these docs): an ordinal or a unit that
is only the start of a word (第37个宣传日, 联合3部门); a ceremony line-up or attendance (6个方队、
25辆警车整齐列队) and a background description (常住人口4万余人), unless a result is reported too
(誓师大会上通报,全市共抓获嫌疑人300名); and, reading the article (``extract_article``), a figure
inside a story that only describes the incident (他家的3头牛不见了), unless it is a police result
(当场抓获嫌疑人2名) or money kept for a victim (我这6万元总算保住了).
"""

from __future__ import annotations

import re

from annotator.extractors import statistic_vetoes
from annotator.extractors.base import ArticleSentence, Context, SuggestedSpan, Suggestion
from annotator.text.numbers import parse_cn_number

NAME = "statistics"
VERSION = "2"
LABEL = "statistic"

UNITS = (
    "人次|辆次|台次|架次|户次|万元|亿元|元|个百分点|公里|千米|平方米|米|吨|公斤|千克|"
    "名|人|起|件|个|处|家|辆|台|次|份|期|支|户|宗|项|条|所|场|批|枚|把|只|部|套|箱|张|本|间|座|艘|匹|头|笔|单"
)
_NUM = r"\d+(?:\.\d+)?"
# the number of a FIGURE: thousands separators (16,300) and mixed forms (1万600, 3亿5000万)
_FIG_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[万亿千百]\d+)*"
_MULT = r"(?:万|亿|千)?"
_APPROX = r"(?:余|多)?"
# a figure must not continue a longer number, a date (7月), a code (8·26) or a formula (4+4+8)
_BEFORE = r"(?<![\d.·+\-:/A-Za-z])"
FIGURE = re.compile(rf"{_BEFORE}({_FIG_NUM}{_MULT}{_APPROX})({UNITS})")
_CN_DIGIT = "〇零一二两三四五六七八九"
_CN_CHARS = _CN_DIGIT + "十百千万亿廿卅"
# a Chinese numeral (三亿五千万, 一千零五, 三点五亿, 十余万, 两千多) holding a 百/千/万/亿 or 余/多/几/来
CN_FIGURE = re.compile(
    rf"(?<![\d.{_CN_CHARS}])"
    rf"((?=[{_CN_DIGIT}十廿卅点]*[百千万亿余多几来])"
    rf"[一二两三四五六七八九十廿卅][{_CN_CHARS}]*(?:点[{_CN_DIGIT}]+[十百千万亿]*)?(?:[余多几来][万亿]*)?)"
    rf"({UNITS})"
)


def cn_number(text: str) -> int | float | None:
    """一百余 → 100, 三千五百 → 3500, 十二 → 12, 两万 → 20000 (余/多 keep the stated value).

    A thin wrapper of ``annotator.text.numbers.parse_cn_number``, kept for its importers.
    """
    return parse_cn_number(text)


PERCENT = re.compile(rf"{_BEFORE}({_NUM})(%|％)")
RANK = re.compile(r"第(\d+)(位|名)")
CHANGE = re.compile(
    r"(?:同比|环比|较去年|较上年)?(?:分别)?(?:上升|下降|增长|减少|提升|提高|降低|下滑|增加|回升)(?:了)?(?:至|到|为)?$"
)
_UP = ("上升", "增长", "提升", "提高", "增加", "回升")
_DOWN = ("下降", "减少", "降低", "下滑")
INCIDENT_OBJECT = re.compile(r"(价值|被骗|被盗|骗走|盗走|损失)[了的]?$")
QUOTED = re.compile(r"“[^”]*”|「[^」]*」")
INDICATOR_STOP = re.compile(r"[,，、;；。:：!！?？“”()（）\s]")


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _short_quote(pos: int, text: str, ranges: list[tuple[int, int]]) -> bool:
    """Inside a short quotation (a formula such as “1、3、5”), not a long quoted statement."""
    return any(a <= pos < b and b - a <= 14 for a, b in ranges)


def _value(number: str) -> float | int | None:
    return parse_cn_number(number)


def _indicator(text: str, start: int) -> str:
    """The words before a figure up to the previous punctuation: 抓获犯罪嫌疑人 (195名)."""
    i = start
    while i > 0 and not INDICATOR_STOP.match(text[i - 1]) and start - i < 16:
        i -= 1
    phrase = text[i:start]
    phrase = CHANGE.sub("", phrase)
    return phrase.lstrip("共累计已达约近超") if len(phrase) > 2 else phrase


class Statistics:
    """Finds aggregate figures; one suggestion per sentence with a span per figure."""

    name = NAME
    version = VERSION
    labels = (LABEL,)

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        spans = self.kept(text)
        if not spans:
            return []
        first = spans[0]
        fields = {k: v for k, v in first.fields.items()}
        indicator = _indicator(text, first.start)
        if indicator:
            fields["indicator"] = indicator
        score = 0.95 if any(ch.isdigit() for s in spans for ch in text[s.start : s.end]) else 0.75
        return [Suggestion(LABEL, score, tuple(spans), fields)]

    # --- vetoes (statistic_vetoes.py): word boundaries, ceremonies, background, stories ---
    def kept(self, text: str) -> list[SuggestedSpan]:
        """The figures that stand as statistics on the sentence alone."""
        spans = statistic_vetoes.on_word_boundaries(text, self.figures(text))
        if spans and statistic_vetoes.sentence_veto(text):
            return []
        return spans

    def extract_article(
        self, title: str, sentences: list[ArticleSentence]
    ) -> list[list[Suggestion]]:
        """As ``extract``, but a figure that only describes one incident of a story is dropped."""
        from annotator.extractors.anecdotes import Anecdotes

        found = [[] if s.boilerplate else self.extract(s.text) for s in sentences]
        if not any(found):
            return found
        flags = Anecdotes().story_flags(sentences)
        return [
            [] if flag and statistic_vetoes.story_veto(s.text) else f
            for s, f, flag in zip(sentences, found, flags, strict=True)
        ]

    # --- end of vetoes ---
    def figures(self, text: str) -> list[SuggestedSpan]:
        quoted = _quoted_ranges(text)
        found: list[tuple[int, int, dict]] = []

        def add(start: int, end: int, number: str, unit: str) -> None:
            if _short_quote(start, text, quoted):
                return
            if text[end : end + 1] in ("+", "、") and _inside(start, quoted):
                return
            before = text[max(0, start - 6) : start]
            if INCIDENT_OBJECT.search(before):
                return
            # a change word right before the figure belongs to the span: 同比下降12.5%
            change = CHANGE.search(text[max(0, start - 10) : start])
            span_start = start - len(change.group()) if change and change.group() else start
            fields: dict = {"unit": unit}
            value = _value(number)
            if value is not None:
                fields["value"] = value
            if change and change.group():
                word = change.group()
                fields["direction"] = (
                    "up"
                    if any(w in word for w in _UP)
                    else "down"
                    if any(w in word for w in _DOWN)
                    else "flat"
                )
                if unit in ("%", "％") and "至" not in word and "到" not in word:
                    fields["change"] = f"{number}%"
            found.append((span_start, end, fields))

        for m in FIGURE.finditer(text):
            add(m.start(), m.end(), m.group(1), m.group(2))
        for m in CN_FIGURE.finditer(text):
            add(m.start(), m.end(), m.group(1), m.group(2))
        for m in PERCENT.finditer(text):
            add(m.start(), m.end(), m.group(1), "%")
        for m in RANK.finditer(text):
            if not _short_quote(m.start(), text, quoted):
                found.append((m.start(), m.end(), {"value": int(m.group(1)), "unit": m.group(2)}))
        found.sort(key=lambda f: (f[0], -f[1]))
        spans: list[SuggestedSpan] = []
        last_end = -1
        for start, end, fields in found:
            if start >= last_end:  # keep the first of overlapping matches
                spans.append(SuggestedSpan(start, end, fields))
                last_end = end
        return spans
