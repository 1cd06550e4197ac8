"""Thresholds for a precision target, calibrated wrappers, and the shipped default extractor."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.extractors.base import Suggestion
from annotator.extractors.calibration import (
    Calibrated,
    LabelCalibration,
    default_extractor_name,
    with_thresholds,
)
from annotator.extractors.scoring import threshold_for_precision


def test_the_best_f1_threshold_reaching_the_precision_is_chosen():
    pairs = [(0.9, True), (0.8, True), (0.7, False), (0.6, True), (0.5, False), (0.4, False), (0.0, True)]
    # 4 positives. At 0.8: P 2/2 R 2/4 F .667; at 0.6: P 3/4 R 3/4 F .75; at 0.5: P 3/5.
    # The threshold lies halfway to the next score down.
    assert threshold_for_precision(pairs, 0.75) == pytest.approx(0.55)
    assert threshold_for_precision(pairs, 0.9) == pytest.approx(0.75)
    # the most recall is not the point: at 0.3 P 4/6 R 1.0 F .80; at 0.5 P 3/3 R .75 F .857
    best_f1 = [(0.9, True), (0.7, True), (0.5, True), (0.4, False), (0.35, False), (0.3, True)]
    assert threshold_for_precision(best_f1, 0.6) == pytest.approx(0.45)
    assert threshold_for_precision([(0.5, False)], 0.85) is None


class Fixed:
    name = "fixed"
    version = "1"
    labels = ("statistic", "slogan")

    def extract(self, text, context=None):
        return [Suggestion("statistic", 0.9), Suggestion("slogan", 0.3)]


def test_a_calibrated_extractor_keeps_only_suggestions_above_their_label_threshold():
    table = {
        "statistic": LabelCalibration(1.0, 0.0, 0.5),  # identity scaling
        "slogan": LabelCalibration(1.0, 0.0, 0.5),
    }
    kept = Calibrated(Fixed(), table).extract("x")
    assert [(g.label, g.score) for g in kept] == [("statistic", 0.9)]
    assert [g.label for g in with_thresholds(Fixed(), 0.2).extract("x")] == ["statistic", "slogan"]


def test_suggest_uses_the_extractor_chosen_on_calib_and_min_confidence_overrides(db_path):
    pytest.importorskip("numpy")
    from annotator.cli import cli

    assert default_extractor_name() == "learned:default"
    runner = CliRunner()
    r = runner.invoke(cli, ["suggest", "--db", str(db_path)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("learned:default ")
    strict = runner.invoke(cli, ["suggest", "--db", str(db_path), "--min-confidence", "0.999"])
    loose = runner.invoke(cli, ["suggest", "--db", str(db_path), "--min-confidence", "0.01"])
    n_strict = int(strict.output.split(": ")[1].split(" ")[0])
    n_loose = int(loose.output.split(": ")[1].split(" ")[0])
    n_default = int(r.output.split(": ")[1].split(" ")[0])
    assert n_strict < n_default < n_loose


def test_the_shipped_model_refuses_a_project_without_its_labels(tmp_path):
    from annotator.extractors.registry import UnknownExtractor, get
    from annotator.schema import schema_from_dict
    from annotator.store import Store

    schema = schema_from_dict(
        {"labels": [{"id": "other", "name": {"zh": "其他", "en": "Other"}, "color": "#336699", "key": "7"}]}
    )
    with Store.create(tmp_path / "p.db", schema) as store:
        with pytest.raises(UnknownExtractor, match="statistic, anecdote, slogan"):
            get("learned:default", store)
