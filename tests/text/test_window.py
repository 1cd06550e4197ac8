"""The window of paragraphs a long article's view lays out (annotator.text.window)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.text.window import text_window


def test_a_short_article_is_laid_out_whole():
    assert text_window([10] * 5, [0, 0, 1, 1, 2], anchor=3, budget=100) == (0, 5)


def test_a_long_article_shows_the_paragraphs_around_the_anchor():
    lengths = [10] * 1000
    paragraphs = [k // 4 for k in range(1000)]  # 4 sentences a paragraph
    i0, i1 = text_window(lengths, paragraphs, anchor=500, budget=200)
    assert i0 <= 500 < i1
    assert 20 <= i1 - i0 <= 30
    assert paragraphs[i0 - 1] != paragraphs[i0] and paragraphs[i1] != paragraphs[i1 - 1]
    assert 500 - i0 < i1 - 500  # the anchor sits in the upper part


def test_at_either_end_the_window_is_full():
    lengths, paragraphs = [10] * 1000, list(range(1000))
    assert text_window(lengths, paragraphs, anchor=0, budget=200) == (0, 20)
    assert text_window(lengths, paragraphs, anchor=999, budget=200) == (980, 1000)


def test_start_keeps_the_window_in_place():
    lengths, paragraphs = [10] * 1000, list(range(1000))
    assert text_window(lengths, paragraphs, anchor=510, budget=200, start=505) == (505, 525)


@given(
    st.lists(st.tuples(st.integers(1, 300), st.booleans()), min_size=1, max_size=300),
    st.integers(0, 400),
    st.integers(50, 2000),
)
def test_the_anchor_is_always_inside_and_the_window_bounded(sentences, anchor, budget):
    lengths = [n for n, _ in sentences]
    paragraphs, p = [], 0
    for _n, new in sentences:
        p += new
        paragraphs.append(p)
    i0, i1 = text_window(lengths, paragraphs, anchor, budget)
    a = min(anchor, len(lengths) - 1)
    assert 0 <= i0 <= a < i1 <= len(lengths)
    if sum(lengths) > budget:
        assert sum(lengths[i0:i1]) <= 2 * budget + 3 * max(lengths)
