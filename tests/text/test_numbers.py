"""Chinese numbers as written in reports: whole numerals, running text, and the extractor's values.

The case table is written for this project (not copied from cn2an). Property tests render integers
as Chinese numerals with a renderer written here, and with cn2an's an2cn where cn2an is installed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.extractors.statistics import Statistics, cn_number
from annotator.schema import parse_number
from annotator.text.numbers import (
    Number,
    find_numbers,
    is_percent,
    parse_cn_number,
    parse_cn_year,
    read_cn_number,
    read_digits,
)

CASES = [
    # Arabic, full-width, separators, decimals, signs
    ("0", 0),
    ("7", 7),
    ("195", 195),
    ("16300", 16300),
    ("16,300", 16300),
    ("1,234,567", 1234567),
    ("１２.５", 12.5),
    ("１６３００", 16300),
    ("0.5", 0.5),
    ("12.0", 12),
    ("-3", -3),
    ("+5", 5),
    (" 42 ", 42),
    # Arabic with 万/亿
    ("1.63万", 16300),
    ("76.8万", 768000),
    ("2亿", 200000000),
    ("3.5亿", 350000000),
    ("16.4亿", 1640000000),
    ("0.3万", 3000),
    ("3万亿", 3000000000000),
    ("1.2万亿", 1200000000000),
    ("100万", 1000000),
    ("12000万", 120000000),
    ("2千", 2000),
    ("1.5千万", 15000000),
    # mixed Arabic and Chinese
    ("1万600", 10600),
    ("3亿5000万", 350000000),
    ("5万三千", 53000),
    ("8亿零200", 800000200),
    ("2百05", 205),
    ("4万6", 46000),
    # Chinese: simple
    ("零", 0),
    ("〇", 0),
    ("一", 1),
    ("两", 2),
    ("九", 9),
    ("十", 10),
    ("十二", 12),
    ("二十", 20),
    ("一十五", 15),
    ("九十九", 99),
    ("一百", 100),
    ("三千五百", 3500),
    ("两万", 20000),
    ("八千零八", 8008),
    ("七百零三", 703),
    ("一千零五", 1005),
    ("一千零五十", 1050),
    ("一千零十", 1010),
    ("一百一十", 110),
    ("一百十二", 112),
    ("四万零四百", 40400),
    ("六万零六", 60006),
    ("十万零三百", 100300),
    ("十万八千", 108000),
    ("一百零一万", 1010000),
    ("二十三万四千五百六十七", 234567),
    # 亿
    ("一亿", 100000000),
    ("三亿五千万", 350000000),
    ("十二亿", 1200000000),
    ("两亿零五十万", 200500000),
    ("四亿零三", 400000003),
    ("五千万零六千", 50006000),
    ("九千九百九十九万九千九百九十九", 99999999),
    ("一万亿", 1000000000000),
    ("三万二千亿", 3200000000000),
    # spoken short forms
    ("三万五", 35000),
    ("两千六", 2600),
    ("一百二", 120),
    ("一亿五", 150000000),
    ("十八万五", 185000),
    ("两百三十万七", 2307000),
    # Chinese decimals
    ("三点五亿", 350000000),
    ("十二点五", 12.5),
    ("零点五", 0.5),
    ("一点零五万", 10500),
    ("二十点二五", 20.25),
    # approximate: the stated value
    ("两千多", 2000),
    ("十余", 10),
    ("十几", 10),
    ("三十来", 30),
    ("一百余", 100),
    ("745万余", 7450000),
    ("1.2万余", 12000),
    ("60多", 60),
    ("十余万", 100000),
    ("三千多万", 30000000),
    ("1000余万", 10000000),
    # percentages
    ("百分之十二点五", 12.5),
    ("百分之五十", 50),
    ("百分之零点三", 0.3),
    ("12.5%", 12.5),
    ("99.7％", 99.7),
    # old and financial forms
    ("廿", 20),
    ("廿三", 23),
    ("卅", 30),
    ("叁佰伍拾", 350),
    ("贰万零壹拾", 20010),
    ("负十五", -15),
    # malformed and digit-by-digit: None
    ("", None),
    ("   ", None),
    ("十一十二", None),
    ("五五万", None),
    ("千千", None),
    ("二〇二二", None),
    ("一九九八", None),
    ("一二三", None),
    ("零五", None),
    ("百", None),
    ("千", None),
    ("万", None),
    ("万亿", None),
    ("百十", None),
    ("十百", None),
    ("一千零", None),
    ("三万零", None),
    ("一万一万", None),
    ("一亿一亿", None),
    ("两百百", None),
    ("三多", None),
    ("几十", None),
    ("很多", None),
    ("点五", None),
    ("五点", None),
    ("1.2.3", None),
    ("10..5", None),
    ("1,2,3", None),
    ("16,30", None),
    ("3.5万零100", None),
    ("1万2.5", None),
    ("16千", None),
    ("一起", None),
    ("百分之", None),
    ("-", None),
    ("负", None),
    ("12a", None),
]


@pytest.mark.parametrize(("text", "value"), CASES)
def test_case_table(text, value):
    got = parse_cn_number(text)
    assert got == value
    if value is not None:
        assert type(got) is (int if float(value).is_integer() else float)


def test_case_table_is_large_and_unique():
    texts = [t for t, _ in CASES]
    assert len(texts) == len(set(texts)) and len(texts) >= 80


def test_records_carry_percent_and_approximation():
    assert read_cn_number("百分之十二点五") == Number(12.5, percent=True, approximate=False)
    assert read_cn_number("两千多") == Number(2000, percent=False, approximate=True)
    assert read_cn_number("16300") == Number(16300)
    assert read_cn_number("十一十二") is None
    assert is_percent("12.5%") and is_percent("百分之五") and not is_percent("12.5")


def test_years_and_codes_are_read_digit_by_digit():
    assert parse_cn_year("二〇二二年") == 2022
    assert parse_cn_year("二零二三") == 2023
    assert parse_cn_year("2024年") == 2024
    assert parse_cn_year("二十二") is None and parse_cn_year("二二") is None
    assert read_digits("幺幺零") == "110"
    assert read_digits("零一") == "01"
    assert read_digits("三点一四") == "3.14"
    assert read_digits("三十") is None


def test_old_names_are_thin_wrappers():
    assert [cn_number(x) for x in ("三亿五千万", "一千零五", "十一十二")] == [350000000, 1005, None]
    assert parse_number("三亿五千万") == 350000000
    assert parse_number("1.63万") == 16300
    assert parse_number(3.5) == 3.5
    for bad in ("二〇二二", "十一十二", True):
        with pytest.raises(ValueError):
            parse_number(bad)


# ------------------------------------------------------------------ properties

_DIGITS = "零一二三四五六七八九"


def _section(n: int, inner: bool) -> str:
    """0 < n < 10^4; ``inner``: not at the start of the numeral, so 10 is 一十, not 十."""
    out, zero = [], False
    for power, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if not (power == 1 and d == 1 and not out and not inner):
            out.append(_DIGITS[d])
        out.append(unit)
    return "".join(out)


def render(n: int, inner: bool = False) -> str:
    """An independent int → Chinese numeral renderer (一万零一, 十万零一十, 三亿五千万)."""
    if n == 0:
        return "零"
    for power, unit in ((8, "亿"), (4, "万")):
        if n >= 10**power:
            high, low = divmod(n, 10**power)
            text = render(high, inner) + unit
            if low:
                text += ("零" if low < 10 ** (power - 1) else "") + render(low, True)
            return text
    return _section(n, inner)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (10, "十"),
        (15, "十五"),
        (101, "一百零一"),
        (100010, "十万零一十"),
        (350000000, "三亿五千万"),
    ],
)
def test_renderer(n, text):
    assert render(n) == text


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10**12))
def test_reads_what_the_renderer_writes(n):
    assert parse_cn_number(render(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**12))
def test_arabic_forms(n):
    assert parse_cn_number(str(n)) == n
    assert parse_cn_number(f"{n:,}") == n
    if n:  # 0万 is not written
        assert parse_cn_number(f"{Decimal(n) / 10000:f}万") == n
        assert parse_cn_number(f"{Decimal(n) / 10**8:f}亿") == n
    assert (
        parse_cn_number(f"{n}".translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == n
    )


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 9),
    st.sampled_from([("百", 100), ("千", 1000), ("万", 10**4)]),
    st.integers(1, 9),
)
def test_spoken_short_forms(a, unit, b):
    word, size = unit
    assert parse_cn_number(f"{_DIGITS[a]}{word}{_DIGITS[b]}") == a * size + b * size // 10


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9999), st.sampled_from(["余", "多"]), st.sampled_from(["万", "亿"]))
def test_approximate_suffixes_keep_the_stated_value(n, marker, unit):
    round_n = n * 10 if n < 1000 else n  # 余/多 follow a unit or a round Arabic number
    assert parse_cn_number(f"{round_n}{marker}{unit}") == round_n * (
        10**4 if unit == "万" else 10**8
    )
    text = render(round_n)
    if text[-1] in "十百千":  # 三千余, 四百多; not 一千零五余
        assert parse_cn_number(f"{text}{marker}") == round_n


def test_against_cn2an():
    """cn2an, a second implementation: its an2cn renders, we read; it reads what we render."""
    cn2an = pytest.importorskip("cn2an")

    @settings(max_examples=400, deadline=None)
    @given(st.integers(0, 10**12))
    def check(n):
        assert parse_cn_number(cn2an.an2cn(n)) == n
        assert cn2an.cn2an(render(n), "normal") == n

    check()


# ------------------------------------------------------------------ running text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("全年追缴赃款三亿五千万元。", [("三亿五千万", 350000000)]),
        ("共出动警力一千零五名，车辆两千多台次", [("一千零五", 1005), ("两千多", 2000)]),
        ("调解十余起邻里纠纷", [("十余", 10)]),
        ("走访1.2万余户、3,500家商铺", [("1.2万余", 12000), ("3,500", 3500)]),
        ("合计1万600人", [("1万600", 10600)]),
        ("满意率达百分之九十八点五", [("百分之九十八点五", 98.5)]),
        ("比上年高出１２.５%", [("１２.５%", 12.5)]),
        ("二〇二三年以来，办结案件三百件", [("三百", 300)]),
        ("民警们一起上阵，冲在一线，一律从严，统一指挥", []),
        ("进一步压实责任，做到万无一失", []),
        ("千方百计走进千家万户", []),
        ("第一时间赶到现场", []),
        ("三分之一的群众", []),
        ("建成5G基站", []),
        ("十分重视，用时三十分钟", [("三十", 30)]),
        ("十一十二两个月", []),
        ("破获一起盗窃案", [("一", 1)]),
    ],
)
def test_find_numbers(text, found):
    spans = find_numbers(text)
    assert [(text[s.start : s.end], s.value) for s in spans] == found
    assert all(tuple(s) == (s.start, s.end, s.value) for s in spans)


# ------------------------------------------------------------------ the statistics extractor


@pytest.mark.parametrize(
    ("sentence", "figure", "value"),
    [
        ("全年共追缴赃款三亿五千万元。", "三亿五千万元", 350000000),
        ("该局今年投入专项经费一亿元。", "一亿元", 100000000),
        ("春节期间共出动警力一千零五名。", "一千零五名", 1005),
        ("组织两千多名志愿者参与巡逻。", "两千多名", 2000),
        ("辖区发生盗窃案十余起。", "十余起", 10),
        ("暑期共服务游客1.2万余人。", "1.2万余人", 12000),
        ("累计发放宣传册16,300份。", "16,300份", 16300),
        ("全市共抓获违法犯罪嫌疑人1万600名。", "1万600名", 10600),
        ("查明涉案资金三点五亿元。", "三点五亿元", 350000000),
        ("共清查出租屋十几万户。", "十几万户", 100000),
    ],
)
def test_statistics_extractor_reads_values(sentence, figure, value):
    (suggestion,) = Statistics().extract(sentence)
    (span,) = suggestion.spans
    assert sentence[span.start : span.end] == figure
    assert span.fields["value"] == value


@pytest.mark.parametrize("sentence", ["二〇二三年以来形势平稳。", "他们十一十二月值守。"])
def test_statistics_extractor_skips_years_and_malformed_numerals(sentence):
    assert Statistics().extract(sentence) == []
