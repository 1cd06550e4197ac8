"""Suggested article fields from the byline and metadata lines the boilerplate rules flag.

``时间:2022-08-15作者:警安在线``, ``2022年09月28日 18:25 - 来源:中新网山西``, ``来源:新聊城客户端
2024-07-16 14:43:17``, a bare ``2024-10-15 10:44:40``, or ``2024年7月16日《聊城日报》1版`` give the
article form a date (YYYY-MM-DD) and an outlet; the region comes from the body text where one
place name clearly dominates. These are suggestions: the form shows them and the analyst
accepts them with one key; nothing here writes anything.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.text.boilerplate import noise_kind

METADATA_KINDS = ("byline", "timestamp", "edition")
MAX_LINE = 100  # metadata lines are short; longer ones are body text and are not read
REGION_SENTENCES = 30  # the region is read from the opening of the body (title, lede)

_DATE = re.compile(r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?")
_KEY = (
    r"时间|時間|发布时间|發布時間|發佈時間|日期|作者|来源|來源|稿源|出处|出處|责任编辑|責任編輯|编辑|編輯"
    r"|责编|責編|校对|校對|审核|審核|记者|記者|通讯员|通訊員|摄影|攝影|阅读|閱讀|浏览|瀏覽|点击|點擊"
)
_SOURCE = re.compile(rf"(?:来源|來源|稿源|出处|出處)\s*[:：]\s*(.*?)\s*(?=(?:{_KEY})\s*[:：]|\s{{2,}}|$)")
_BARE_SOURCE = re.compile(r"^(?:来源|來源|稿源)\s*[:：]\s*$")
_EDITION = re.compile(r"《([^》]{2,20})》")
# administrative suffixes; not 区 (巡逻区, 社区, 辖区 are everywhere) nor 州 (温州, 衢州 end in it)
_ADMIN_RE = re.compile(r"[省市县縣]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class FieldSuggestion:
    field: str  # an article field id: "date", "outlet", "region"
    value: str
    evidence: str  # the line it was read from (shown beside the suggestion)


def parse_date(text: str) -> str | None:
    """The first valid date in ``text`` as YYYY-MM-DD (2022年09月28日, 2023/8/5, 2024-07-16)."""
    for m in _DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        if 1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def outlet_of(line: str) -> str | None:
    """The outlet named by a 来源:… byline, cut before the next key (作者:, 时间:) or date."""
    m = _SOURCE.search(line)
    if not m:
        return None
    value = _DATE.split(m.group(1))[0]
    value = value.strip(" \u3000-–—|｜()（）")
    return value or None


def dominant_place(texts: Sequence[str]) -> str | None:
    """The place the body is clearly about, with its administrative suffix (浙江省, 渭南市).

    Every 省/市/县 names a candidate: the two or three Chinese characters before it.
    A candidate counts every time its name appears, with or without the suffix (聊城 ×8 and
    聊城市 ×3 make 11), so a real place named again and again wins over a chance pairing
    (渭南全市 gives 南全 once). It must count at least three and half as much again as the next.
    Plain string work, no word segmentation: opening an article must stay fast."""
    joined = "\n".join(texts)
    written: dict[str, Counter[str]] = {}
    for m in _ADMIN_RE.finditer(joined):
        for n in (2, 3):
            base = joined[max(0, m.start() - n) : m.start()]
            if len(base) == n and _HAN.fullmatch(base):
                written.setdefault(base, Counter())[base + m.group()] += 1
    counts = Counter({base: joined.count(base) for base in written})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return written[ranked[0][0]].most_common(1)[0][0]


def suggest_article_fields(
    lines: Sequence[str], body: Sequence[str] = (), fields: Sequence[str] = ("date", "outlet", "region")
) -> dict[str, FieldSuggestion]:
    """Suggestions for the article form from its ``lines`` (every line, noise included; only the
    metadata lines the boilerplate rules flag are read) and its ``body`` (the real sentences,
    for the region). The first line that gives a field wins; 来源 beats a print edition."""
    found: dict[str, FieldSuggestion] = {}
    edition: FieldSuggestion | None = None
    previous_bare_source = False
    for raw in lines:
        line = raw.strip()
        if not line or len(line) > MAX_LINE:
            continue
        kind = noise_kind(line)
        if previous_bare_source and "outlet" not in found and kind is None and len(line) <= 20:
            found["outlet"] = FieldSuggestion("outlet", line, line)  # 来源:\n中新网
        previous_bare_source = bool(_BARE_SOURCE.match(line))
        if kind not in METADATA_KINDS:
            continue
        date = parse_date(line)
        if date and "date" not in found:
            found["date"] = FieldSuggestion("date", date, line)
        outlet = outlet_of(line)
        if outlet and "outlet" not in found:
            found["outlet"] = FieldSuggestion("outlet", outlet, line)
        if kind == "edition" and edition is None and (m := _EDITION.search(line)):
            edition = FieldSuggestion("outlet", m.group(1), line)
    if "outlet" not in found and edition is not None:
        found["outlet"] = edition
    place = dominant_place(body) if "region" in fields else None
    if place:
        found["region"] = FieldSuggestion("region", place, place)
    return {k: v for k, v in found.items() if k in fields}


def form_suggestions(
    text: str, body: Sequence[str], field_ids: Sequence[str], current: dict
) -> dict[str, FieldSuggestion]:
    """Suggestions for the article form's empty fields among ``field_ids``, from the article's
    full ``text`` (its metadata lines) and its ``body`` sentences (the region)."""
    wanted = [f for f in ("date", "outlet", "region") if f in field_ids and not current.get(f)]
    if not wanted:
        return {}
    return suggest_article_fields(text.splitlines(), body[:REGION_SENTENCES], wanted)
