"""A statistic span's own text read into its fields (annotator/text/figures.py)."""

from __future__ import annotations

import pytest

from annotator.text.figures import Figure, read_figure, span_prefill


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("1.63万名", Figure(16300, "名")),
        ("76.8万人次", Figure(768000, "人次")),
        ("195名", Figure(195, "名")),
        ("同比下降12.5%", Figure(12.5, "%", "down", 12.5)),
        ("同比增长百分之八", Figure(8, "%", "up", 8)),
        ("三千五百起", Figure(3500, "起")),
        ("与去年持平的300起", Figure(300, "起", "flat", None)),
        ("16,300元", Figure(16300, "元")),
        ("12个", Figure(12, "个")),
    ],
)
def test_read_figure(text, figure):
    assert read_figure(text) == figure


def test_no_number_gives_nothing():
    assert read_figure("抓获犯罪嫌疑人") is None
    assert span_prefill("抓获犯罪嫌疑人", {"value"}, set(), {}) == ({}, {})


def test_prefill_follows_the_schema_and_keeps_what_is_set():
    spans, form = span_prefill(
        "同比下降12.5%", {"value", "unit"}, {"direction", "change", "value"}, {}
    )
    assert spans == {"value": 12.5, "unit": "%"}
    assert form == {"direction": "down", "change": 12.5}  # the form's value is not touched
    _spans, form = span_prefill(
        "同比下降12.5%", {"value"}, {"direction", "change"}, {"direction": "up"}
    )
    assert form == {"change": 12.5}
    assert span_prefill("1.63万名", {"value"}, set(), {}) == ({"value": 16300}, {})
