"""Numbers as written in Chinese reports: 三亿五千万, 1.63万, 两千多, 百分之十二点五, 16,300.

Pure functions, no Qt and no store.

* :func:`parse_cn_number` — the value of a whole numeral string, or None. Arabic (16300, 16,300,
  full-width １２.５), Chinese (一千零五, 三亿五千万, 一万零一百一十一, financial 壹佰壹拾壹, 廿二),
  mixed (1万600, 3.5亿, 200亿零四千230, 1.2万亿), spoken short forms (三万五 = 35000, 两千六 = 2600,
  一百二 = 120), approximate suffixes that keep the stated value (两千多 → 2000, 十余万 → 100000,
  745万余 → 7450000), percentages (百分之十二点五 and 12.5% → 12.5) and negatives (负十, -10.1万).
  Integral values are ``int`` (3.5亿 → 350000000), others ``float``.
  Malformed strings give None (十一十二, 五五万, 千千, 10.1万零100), and so do digit-by-digit
  readings (二〇二二, 一二三): those are years, codes and phone numbers, not quantities; read them
  with :func:`read_digits` or :func:`parse_cn_year`.
* :func:`read_cn_number` — the same, as a record with ``percent`` and ``approximate`` flags.
* :func:`find_numbers` — numeral runs in running text as ``(start, end, value)``.

How find_numbers decides word boundaries: a careful regex finds maximal numeral runs (so no number
starts inside another); a run must parse as a whole (a trailing 点/余/多/几/来/千/百/十/万/亿 may be
left to the next word: 五点钟, 两千米); then a lexicon vetoes numerals that are part of ordinary
words (一起, 一线, 一律, 统一, 唯一, 万一, 千万, 十分, 千方百计 …) and, for one-character runs only,
jieba vetoes a numeral glued into a word that is not a numeral + measure word (进一步, 一心一意).
jieba alone is not enough: it tags 一起 and 一线 as numerals (m) and splits 百分之十二点五 into
百分之十 + 二点五, so its tokens cannot be the runs themselves.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import NamedTuple

__all__ = [
    "Number",
    "NumberSpan",
    "find_numbers",
    "is_percent",
    "parse_cn_number",
    "parse_cn_year",
    "read_cn_number",
    "read_digits",
]

# ------------------------------------------------------------------ characters

DIGITS: dict[str, int] = {}
for _chars, _v in (
    ("零〇", 0),
    ("一壹弌", 1),
    ("二贰貳两兩弍", 2),
    ("三叁參弎", 3),
    ("四肆", 4),
    ("五伍", 5),
    ("六陆陸", 6),
    ("七柒", 7),
    ("八捌", 8),
    ("九玖", 9),
):
    for _c in _chars:
        DIGITS[_c] = _v
SMALL_UNITS = {"十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3}
BIG_UNITS = {"万": 4, "萬": 4, "亿": 8, "億": 8}
UNITS = {**SMALL_UNITS, **BIG_UNITS}
# old compact tens: 廿 = 二十, 卅 = 三十, 卌 = 四十
_COMPACT = str.maketrans({"廿": "二十", "卅": "三十", "卌": "四十"})
APPROX = "余多几来"
# one-to-one so that offsets in running text survive: full-width digits, point, comma, percent
_WIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")
# digit-by-digit readings also know 幺 (one, in phone numbers)
_READ_DIGITS = {**DIGITS, "幺": 1, **{str(i): i for i in range(10)}}


class Number(NamedTuple):
    value: int | float
    percent: bool = False  # 百分之十二点五, 12.5%: the value is in percent
    approximate: bool = False  # 两千多, 十余, 745万余: the stated value, "more than"


class NumberSpan(NamedTuple):
    start: int
    end: int
    value: int | float


def _as_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


# ------------------------------------------------------------------ tokens

# ("d", value, arabic_text or "") a digit: Chinese 0-9, or an Arabic run (text kept for 01, 3.5)
# ("u", power) a unit: 十 1, 百 2, 千 3, 万 4, 亿 8
_ARABIC = re.compile(r"\d+(?:\.\d+)?")


def _tokens(s: str) -> list[tuple] | None:
    out: list[tuple] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c in DIGITS:
            out.append(("d", DIGITS[c], ""))
            i += 1
        elif c in UNITS:
            out.append(("u", UNITS[c]))
            i += 1
        elif c.isascii() and c.isdigit():
            m = _ARABIC.match(s, i)
            assert m is not None
            out.append(("d", Decimal(m.group()), m.group()))
            i = m.end()
        else:
            return None
    return out


def _is_zero(t: tuple) -> bool:
    return t[0] == "d" and not t[2] and t[1] == 0


def _is_decimal(t: tuple) -> bool:
    return t[0] == "d" and "." in t[2]


# ------------------------------------------------------------------ grammar


def _section(toks: list[tuple], *, after_big: bool = False) -> int | None:
    """A number below 10^4 (or a bare Arabic integer of any size): 一千零五, 两千六, 四千230."""
    if not toks:
        return None
    if len(toks) == 1 and toks[0][0] == "d":
        return None if _is_decimal(toks[0]) else int(toks[0][1])
    total = 0
    last = 99  # power of the last unit seen; units must fall
    pending: tuple | None = None  # a digit waiting for its unit
    gap = False  # a 零 was seen since the last unit
    for n, t in enumerate(toks):
        if t[0] == "u":
            p = t[1]
            if p >= 4 or p >= last:
                return None
            if pending is not None and _is_zero(pending):
                if gap:
                    return None
                gap, pending = True, None  # 一千零十: 零 then a bare 十
            if pending is None:
                if p == 1:  # only 十 stands without a digit (十五, 一百十一, 一千零十)
                    mult = 1
                elif gap and after_big and last == 99:  # 一万零百一十一: a bare 百 after 万零
                    mult = 1
                else:
                    return None
            else:
                if pending[2] and (len(pending[2]) != 1 or pending[2] == "0"):
                    return None  # an Arabic multiplier of 十/百/千 is one digit: 1百01
                mult = int(pending[1])
            total += mult * 10**p
            last, pending, gap = p, None, False
            continue
        # a digit
        if _is_decimal(t):
            return None
        if t[2] and n == len(toks) - 1 and pending is None and last < 99:
            value = int(t[2])  # a final Arabic group: 四千230, 1百01
            if value >= 10**last:
                return None
            return total + value
        if pending is not None:
            if _is_zero(pending) and not gap and last < 99:
                gap = True  # 一千零五: 零 marks an empty place
                pending = t
                if _is_zero(t):
                    return None
                continue
            return None  # two digits in a row: 一一, 二〇二二, 五五万
        if _is_zero(t) and last == 99 and len(toks) > 1 and not after_big:
            return None  # a leading 零: 零一 is read digit by digit
        pending = t
    if pending is not None:
        if _is_zero(pending):
            return None if last < 99 else total  # 一千零 is not finished
        if pending[2] and len(pending[2]) != 1:
            return None
        d = int(pending[1])
        if last < 99 and not gap and last > 1:
            return total + d * 10 ** (last - 1)  # 两千六 = 2600, 一百二 = 120
        return total + d
    return total


def _rest(toks: list[tuple], big: int) -> int | None:
    """What follows a 万 (big = 4) or 亿 (big = 8): 零六千三百五十五, 五 (三万五), 600 (1万600)."""
    if not toks:
        return 0
    limit = 10**big
    if _is_zero(toks[0]) and len(toks) > 1 and toks[1][0] == "d":
        value = _below(toks[1:], big)  # 一万零一, 一亿零一
    elif len(toks) == 1 and toks[0][0] == "d" and (not toks[0][2] or len(toks[0][2]) == 1):
        if _is_zero(toks[0]):
            return None
        return int(toks[0][1]) * 10 ** (big - 1)  # 三万五 = 35000, 1万6 = 16000
    else:
        value = _below(toks, big, after_big=True)
    if value is None or value >= limit:
        return None
    return value


def _below(toks: list[tuple], big: int, *, after_big: bool = False) -> int | None:
    return _below_yi(toks, after_big=after_big) if big == 8 else _section(toks, after_big=after_big)


def _below_yi(toks: list[tuple], *, after_big: bool = False) -> int | None:
    wan = [i for i, t in enumerate(toks) if t == ("u", 4)]
    if not wan:
        return _section(toks, after_big=after_big)
    if len(wan) > 1:
        return None
    i = wan[0]
    high = _section(toks[:i])
    low = _rest(toks[i + 1 :], 4)
    if not high or low is None:
        return None
    return high * 10**4 + low


def _integer(toks: list[tuple]) -> int | None:
    yi = [i for i, t in enumerate(toks) if t == ("u", 8)]
    if not yi:
        return _below_yi(toks)
    if len(yi) > 1:
        return None
    i = yi[0]
    high = _below_yi(toks[:i])
    low = _rest(toks[i + 1 :], 8)
    if not high or low is None:
        return None
    return high * 10**8 + low


def _multiplier(toks: list[tuple]) -> int | None:
    """Units after a decimal: 万 4, 亿 8, 万亿 12, 千万 7, 百万 6 (rising, one small unit at most)."""
    powers = [t[1] for t in toks]
    if any(t[0] != "u" for t in toks) or powers != sorted(set(powers)):
        return None
    if sum(1 for p in powers if p < 4) > 1:
        return None
    return sum(powers)


def _value(s: str) -> Decimal | None:
    """The value of a numeral without sign, percent or approximation."""
    if not s:
        return None
    if "点" in s:
        whole, _, rest = s.partition("点")
        m = re.fullmatch(r"([〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖\d]+)(.*)", rest)
        if not whole or not m:
            return None
        int_toks = _tokens(whole)
        unit_toks = _tokens(m.group(2))
        if int_toks is None or unit_toks is None or any(_is_decimal(t) for t in int_toks):
            return None
        high = _integer(int_toks)
        power = _multiplier(unit_toks)
        if high is None or power is None:
            return None
        frac = "".join(str(DIGITS.get(c, c)) for c in m.group(1))
        return Decimal(f"{high}.{frac}") * 10**power
    toks = _tokens(s)
    if not toks:
        return None
    if _is_decimal(toks[0]):  # 3.5亿, 1.63万, 10.1
        power = _multiplier(toks[1:])
        return None if power is None else toks[0][1] * 10**power
    if any(_is_decimal(t) for t in toks):
        return None
    value = _integer(toks)
    return None if value is None else Decimal(value)


# the cheque way: 壹拾壹元整, 玖仟陆佰陆拾伍圆壹角捌分 (read in 元)
_MONEY = re.compile(r"(.+?)[元圆](?:(.)角)?(?:(.)分)?[整正]?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def read_cn_number(text: object) -> Number | None:
    """A whole numeral string as a :class:`Number`, or None when it is not one."""
    if not isinstance(text, str):
        return None
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_COMPACT)
    if "," in s:  # thousands separators: 16,300 (and only those)
        s = re.sub(r"\d[\d,]*(?:\.\d+)?", _drop_separators, s)
        if "," in s:
            return None
    percent = False
    if s.startswith("百分之"):
        percent, s = True, s[3:]
    elif s.endswith("%"):
        percent, s = True, s[:-1]
    sign = 1
    if s[:1] in ("负", "-", "+"):
        sign, s = (1 if s[0] == "+" else -1), s[1:]
    approximate = False
    m = re.fullmatch(rf"(.*?)([{APPROX}])([万亿萬億]*)", s)
    if m:
        before = m.group(1)
        if not before or not (
            before[-1] in UNITS or (re.search(r"(?<![\d.])\d{2,}\Z", before) and m.group(2) != "几")
        ):
            return None  # 余/多 follow a unit or a round Arabic number: 十余, 60多, not 三多
        approximate, s = True, before + m.group(3)
    value: Decimal | None
    money = _MONEY.fullmatch(s) if not percent and not approximate else None
    if money:
        value = _value(money.group(1))
        for digit, scale in ((money.group(2), Decimal("0.1")), (money.group(3), Decimal("0.01"))):
            if value is not None and digit is not None:
                if digit not in DIGITS:
                    return None
                value += DIGITS[digit] * scale
    else:
        value = _value(s)
    if value is None:
        return None
    return Number(_as_number(sign * value), percent, approximate)


def _drop_separators(m: re.Match) -> str:
    run = m.group()
    if "," not in run:
        return run
    return run.replace(",", "") if _THOUSANDS.fullmatch(run) else run


def parse_cn_number(text: str) -> int | float | None:
    """The value of a whole numeral string (see the module docstring), or None."""
    number = read_cn_number(text)
    return None if number is None else number.value


def is_percent(text: str) -> bool:
    """百分之十二点五 and 12.5% are percentages (parse_cn_number gives 12.5 for both)."""
    number = read_cn_number(text)
    return bool(number and number.percent)


def read_digits(text: object) -> str | None:
    """A digit-by-digit reading: 二〇二二 → "2022", 幺八九 → "189", 一二点三零 → "12.30"."""
    if not isinstance(text, str):
        return None
    s = re.sub(r"\s+", "", text.translate(_WIDTH))
    sign = ""
    if s[:1] in ("负", "-"):
        sign, s = "-", s[1:]
    whole, point, frac = s.replace("点", ".").partition(".")
    if not whole or (point and not frac) or "." in frac:
        return None
    out = []
    for part in (whole, frac):
        if any(c not in _READ_DIGITS for c in part):
            return None
        out.append("".join(str(_READ_DIGITS[c]) for c in part))
    return sign + out[0] + (("." + out[1]) if point else "")


def parse_cn_year(text: object) -> int | None:
    """A year written digit by digit: 二〇二二年 → 2022, 2022 → 2022; None for anything else."""
    if not isinstance(text, str):
        return None
    digits = read_digits(text.strip().removesuffix("年"))
    if digits is None or not digits.isdigit() or len(digits) != 4:
        return None
    return int(digits)


# ------------------------------------------------------------------ running text

_CN = "〇零一二两三四五六七八九十百千万亿廿卅壹贰叁肆伍陆柒捌玖拾佰仟兩萬億"
_RUN = re.compile(
    rf"(?:百分之)?"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN}])"
    rf"(?:[{_CN}\d]|(?<=[\d{_CN}])[.点](?=[\d{_CN}])|[{APPROX}](?![{APPROX}]))*"
    rf"%?"
)
# the characters a run may give back to the next word: 五点钟, 两千米, 一百来到 …
_GIVE_BACK = set("点余多几来千百十万亿")
# words in which numeral characters are not numbers
LEXICON = (
    "一起 一线 一律 一些 一切 一直 一定 一样 一般 一致 一旦 一同 一并 一贯 一体 一举 一再 一流 "
    "一带 一边 一味 一向 一度 一道 一心 一行 一方面 一系列 一把手 一站式 一揽子 一刀切 一盘棋 "
    "一张网 一门心思 一是 一来 统一 唯一 万一 千万 十分 万分 之一 进一步 千家万户 千方百计 "
    "万无一失 成千上万 一心一意 独一无二 三令五申 五湖四海 四面八方 千辛万苦 万众一心"
).split()
# 一起 is "together" unless a case follows: 一起案件, 一起交通事故
_ONE_CASE = re.compile(r"一起(?:[^，。,；;、]{0,6}?(?:案|事件|事故|警情|纠纷))")


def _vetoed(text: str, start: int, end: int) -> bool:
    run = text[start:end]
    for word in LEXICON:
        if run not in word or len(word) <= len(run):
            continue
        lo = max(0, end - len(word))
        for p in range(lo, start + 1):
            if text.startswith(word, p) and p <= start and end <= p + len(word):
                if word == "一起" and _ONE_CASE.match(text, p):
                    continue
                return True
    if len(run) == 1 and run in _CN:
        from annotator.text.tokens import pos_tag

        for tok in pos_tag(text):
            if tok.start <= start and end <= tok.end and tok.end - tok.start > 1:
                return not tok.pos.startswith("m")
    return False


def find_numbers(text: str) -> list[NumberSpan]:
    """Numeral runs in running text with their values, left to right, never overlapping.

    Digit-by-digit runs (二〇二二年), malformed runs (十一十二), ordinals (第一), runs touching Latin
    letters (5G, G20), fractions (三分之一) and numerals inside words (一起, 统一) are left out.
    """
    if not text:
        return []
    s = text.translate(_WIDTH)  # same length: offsets stay valid
    out: list[NumberSpan] = []
    for m in _RUN.finditer(s):
        start, end = m.start(), m.end()
        value = None
        while end > start:
            value = parse_cn_number(s[start:end])
            if value is not None or s[end - 1] not in _GIVE_BACK:
                break
            end -= 1
        if value is None:
            continue
        before, after = s[start - 1 : start], s[end : end + 2]
        if before == "第" or after == "分之" or s[max(0, start - 2) : start] == "分之":
            continue
        if (before.isascii() and before.isalpha()) or (after[:1].isascii() and after[:1].isalpha()):
            continue
        if _vetoed(s, start, end):
            continue
        out.append(NumberSpan(start, end, value))
    return out
