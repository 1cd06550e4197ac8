"""WCAG AA contrast of the article view's colours for every label colour of the default schema."""

from __future__ import annotations

import itertools

import pytest

from annotator import contrast as c
from annotator.paths import resource_path
from annotator.schema import load_schema

COLORS = [lab.color for lab in load_schema(resource_path("labels.toml")).labels]
TINTS = [
    list(combo) for n in (1, 2) for combo in itertools.combinations(COLORS, n)
]  # one label, and two labels blended


def test_known_ratios():
    assert c.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert c.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert c.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert c.over("#000000", 255, "#ffffff") == "#000000"
    assert c.over("#000000", 0, "#ffffff") == "#ffffff"


@pytest.mark.parametrize("current", [False, True])
@pytest.mark.parametrize("tint", TINTS, ids=lambda t: "+".join(t))
def test_text_selection_and_span_meet_aa_on_every_tint(tint, current):
    bg = c.sentence_background(tint, current)
    assert c.contrast(c.TEXT, bg) >= c.TEXT_AA
    sel_bg, sel_fg = c.SELECTION
    assert c.contrast(sel_fg, sel_bg) >= c.TEXT_AA
    assert c.contrast(sel_bg, bg) >= c.NON_TEXT_AA
    for label in COLORS:
        span_bg, underline = c.span_colors(label, bg)
        assert c.contrast(c.TEXT, span_bg) >= c.TEXT_AA
        assert c.contrast(underline, span_bg) >= c.NON_TEXT_AA
        assert c.contrast(sel_bg, span_bg) >= c.NON_TEXT_AA


def test_darken_to_keeps_a_colour_that_already_passes():
    assert c.darken_to("#000080", "#ffffff", 3.0) == "#000080"
    assert c.contrast(c.darken_to("#ffff00", "#ffffff", 3.0), "#ffffff") >= 3.0
