"""The one score formatter: three places, a dash or the caller's marker when undefined."""

from __future__ import annotations

from annotator.scores import fmt_score, prf_lines


def test_a_score_prints_to_three_places_and_undefined_as_a_marker():
    assert fmt_score(0.87654) == "0.877"
    assert fmt_score(0.0) == "0.000"
    assert fmt_score(None) == "    –"
    assert fmt_score(None, "n/a") == "n/a"


def test_the_prf_table_has_a_row_per_label_then_micro_and_macro():
    row = {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "tp": 1, "fp": 0, "fn": 1}
    lines = prf_lines({"statistic": row}, row, None)
    assert lines[0].split() == ["label", "precision", "recall", "F1", "tp", "fp", "fn"]
    assert lines[1].split() == ["statistic", "1.000", "0.500", "0.667", "1", "0", "1"]
    assert lines[2].split() == ["micro", "1.000", "0.500", "0.667"]
    assert lines[3].split() == ["macro", "F1", "–"]
