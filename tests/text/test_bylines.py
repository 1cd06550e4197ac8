"""Article-form suggestions from byline and metadata lines (annotator/text/bylines.py)."""

from __future__ import annotations

import pytest

from annotator.text.boilerplate import noise_kind
from annotator.text.bylines import dominant_place, outlet_of, parse_date, suggest_article_fields


@pytest.mark.parametrize(
    ("line", "date", "outlet"),
    [
        ("时间:2022-08-15作者:警安在线 阅读:189377", "2022-08-15", None),  # 作者 is no outlet
        ("2024-10-15 10:44:40", "2024-10-15", None),
        ("2022年09月28日 18:25 - 来源:中新网山西", "2022-09-28", "中新网山西"),
        ("来源:新聊城客户端  2024-07-16 14:43:17", "2024-07-16", "新聊城客户端"),
        ("2024年7月16日《聊城日报》1版", "2024-07-16", "聊城日报"),
        ("TUhjnbcbe - 2023/8/5 21:00:00", "2023-08-05", None),
        ("来源：中国警察网 作者：张三", None, "中国警察网"),
        ("發布時間：2023年1月2日", "2023-01-02", None),
    ],
)
def test_metadata_lines_give_date_and_outlet(line, date, outlet):
    assert noise_kind(line) is not None  # the boilerplate rules flag it already
    got = suggest_article_fields([line])
    assert (got["date"].value if "date" in got else None) == date
    assert (got["outlet"].value if "outlet" in got else None) == outlet
    assert all(s.evidence == line for s in got.values())


def test_body_sentences_never_give_a_date_or_outlet():
    lines = ["据新华社消息,2022年1月1日,来源:群众举报的线索被核实。", "7月2日上午,高唐县公安局举行活动。"]
    assert suggest_article_fields(lines) == {}


def test_first_line_wins_and_source_beats_a_print_edition():
    lines = ["2024年7月16日《聊城日报》1版", "来源:新聊城客户端  2024-07-17 14:43:17"]
    got = suggest_article_fields(lines)
    assert got["date"].value == "2024-07-16"
    assert got["outlet"].value == "新聊城客户端"


def test_outlet_on_the_line_after_a_bare_source():
    got = suggest_article_fields(["来源:", "中新网", "正文第一句。"])
    assert got["outlet"].value == "中新网"


def test_helpers():
    assert parse_date("2022年13月01日 与 2023.2.3") == "2023-02-03"
    assert parse_date("没有日期") is None
    assert outlet_of("来源:") is None


def test_region_only_when_one_place_clearly_dominates():
    body = ["聊城市公安局开展夏季行动。", "聊城警方抓获嫌疑人。", "聊城各地巡逻。", "高唐县警方追回财物。"]
    assert dominant_place(body) == "聊城市"
    tied = ["聊城市公安局开展行动。", "聊城警方抓获嫌疑人。", "渭南市警方巡逻。", "渭南警方宣传。"]
    assert dominant_place(tied) is None
    assert dominant_place(["治安形势好转。"] * 5) is None  # no administrative place name


def test_only_the_requested_fields():
    got = suggest_article_fields(["2022年09月28日 - 来源:中新网山西"], fields=("date",))
    assert set(got) == {"date"}


def test_every_seed_gets_a_date_and_a_region(seeds):
    for path in sorted(seeds.iterdir()):
        lines = path.read_text(encoding="utf-8").splitlines()
        body = [x for x in lines if x.strip() and noise_kind(x.strip()) is None]
        got = suggest_article_fields(lines, body)
        assert {"date", "region"} <= set(got), path.name
