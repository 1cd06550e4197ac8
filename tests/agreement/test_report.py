"""The agreement report from a real project: units, spans, JSON keys, the CLI and its errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.agreement import compute_agreement
from annotator.cli import cli
from annotator.errors import AnnotatorError, NotFound, SchemaError
from annotator.records import AnnotationState

from .conftest import span

LABELS = ["stat", "story", "motto"]


def decided(*labels, spans=()):
    return AnnotationState(labels=tuple(labels), spans=tuple(spans), decided=True)


def test_undecided_is_missing_not_an_empty_label_set(project):
    undecided_stat = AnnotationState(labels=("stat",), decided=False)
    store, _ = project(
        LABELS,
        {
            "ann": [["stat"], [], ["story"], undecided_stat],
            "bob": [["stat"], [], ["story"], []],
        },
    )
    report = compute_agreement(store)
    assert report.units == 3  # the fourth sentence has one decided value
    assert report.overall.observed.value == 1.0
    assert report.by_label["stat"].cohen_kappa["ann|bob"].value == pytest.approx(1.0)


def test_boilerplate_counts_only_when_someone_labeled_it(project):
    store, ids = project(LABELS, {"ann": [["stat"], [], []], "bob": [["stat"], [], ["motto"]]})
    with store.transaction():
        store.sentences.set_boilerplate(ids[1], True)  # both left it empty: not a unit
        store.sentences.set_boilerplate(ids[2], True)  # bob labeled it: still a unit
    report = compute_agreement(store)
    assert report.units == 2
    assert report.overall.observed.value == 0.5


def test_report_json_has_the_documented_keys_and_reasons(project):
    store, _ = project(
        LABELS,
        {
            "ann": [["stat"], ["stat", "story"], [], ["story"]],
            "bob": [["stat"], ["story"], [], ["story"]],
            "cat": [["stat"], ["stat"], None, ["story"]],
        },
    )
    data = compute_agreement(store).to_json()
    assert list(data) == [
        "annotators",
        "units",
        "counts",
        "labels",
        "overall",
        "spans",
        "confusion",
    ]
    assert data["annotators"] == ["ann", "bob", "cat"]
    assert data["units"] == 4
    assert data["counts"]["pairable_values"] == 11
    assert data["counts"]["units_decided_by_all"] == 3
    assert data["counts"]["pairs"] == {"ann|bob": 4, "ann|cat": 3, "bob|cat": 3}
    stat = data["labels"]["stat"]
    assert set(stat) == {
        "observed",
        "cohen_kappa",
        "fleiss_kappa",
        "krippendorff_alpha",
        "positive_agreement",
        "reasons",
    }
    assert set(stat["cohen_kappa"]) == {"ann|bob", "ann|cat", "bob|cat"}
    # nobody chose motto: every kappa and alpha is null with a reason, observed is 1
    motto = data["labels"]["motto"]
    assert motto["observed"] == 1.0
    assert motto["fleiss_kappa"] is None and motto["reasons"]["fleiss_kappa"]
    assert motto["cohen_kappa"]["ann|bob"] is None
    assert motto["reasons"]["cohen_kappa"]["ann|bob"]
    assert motto["positive_agreement"] is None
    assert set(data["overall"]) == {
        "observed",
        "observed_mean_of_pairs",
        "cohen_kappa",
        "fleiss_kappa",
        "krippendorff_alpha",
        "krippendorff_alpha_masi",
        "reasons",
    }
    # pooled: unit 1: 3/3, unit 2: 0/3, unit 3: 1/1, unit 4: 3/3 → 7/10
    assert data["overall"]["observed"] == pytest.approx(0.7)
    confusion = data["confusion"]["ann|bob"]
    assert confusion["rows"] == "ann" and confusion["columns"] == "bob"
    assert confusion["sets"] == [[], ["stat"], ["story"], ["stat", "story"]]
    assert confusion["counts"][3][2] == 1  # ann stat+story where bob said story
    assert sum(map(sum, confusion["counts"])) == 4
    json.dumps(data)  # no NaN, no numpy types


def test_span_agreement_per_span_label_and_pair(project):
    store, _ = project(
        LABELS,
        {
            "ann": [decided("stat", spans=[span("stat", 0, 4), span("stat", 5, 8)]), decided()],
            "bob": [decided("stat", spans=[span("stat", 0, 4), span("stat", 6, 9)]), decided()],
        },
        span_labels=["stat", "motto"],
    )
    spans = compute_agreement(store).to_json()["spans"]
    assert set(spans) == {"stat", "motto"}
    stat = spans["stat"]["ann|bob"]
    assert stat["exact_f1"] == pytest.approx(0.5)
    assert stat["overlap_f1"] == pytest.approx(1.0)
    assert (stat["spans_a"], stat["spans_b"], stat["exact_matches"]) == (2, 2, 1)
    assert spans["motto"]["ann|bob"]["exact_f1"] is None
    assert spans["motto"]["ann|bob"]["reasons"]["exact_f1"]


def test_labels_option_restricts_the_report_and_the_label_sets(project):
    store, _ = project(LABELS, {"ann": [["stat", "story"], ["stat"]], "bob": [["stat"], ["stat"]]})
    report = compute_agreement(store, labels=["stat"])
    assert list(report.by_label) == ["stat"]
    assert report.overall.observed.value == 1.0  # story is left out of the label sets


def test_errors_name_what_is_wrong(project):
    store, _ = project(LABELS, {"ann": [["stat"]], "bob": [["stat"]]})
    with pytest.raises(NotFound, match="unknown annotator 'zed'; known annotators: ann, bob"):
        compute_agreement(store, ["ann", "zed"])
    with pytest.raises(AnnotatorError, match=r"at least two annotators; got 1 \(ann\)"):
        compute_agreement(store, ["ann", "ann"])
    with pytest.raises(SchemaError, match="unknown label 'statistic'"):
        compute_agreement(store, labels=["statistic"])


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_prints_tables_per_label_and_pair(project, tmp_path):
    store, _ = project(
        LABELS,
        {"ann": [["stat"], ["story"], []], "bob": [["stat"], [], []], "cat": [["stat"], [], []]},
    )
    store.close()
    result = run("agreement", "--db", str(tmp_path / "project.db"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Agreement of 3 annotators (ann, bob, cat) on 3 sentences" in out
    assert "Cohen's κ per annotator pair" in out and "ann–bob" in out
    assert "Mean Cohen's κ of each annotator with the others" in out
    assert "Label sets: ann (rows) × bob (columns)" in out
    assert "motto" in out and "n/a" in out  # unused label: undefined, with the reason listed


def test_cli_with_one_annotator_is_a_one_line_error(project, tmp_path):
    store, _ = project(LABELS, {"ann": [["stat"], []]})
    store.close()
    result = run("agreement", "--db", str(tmp_path / "project.db"))
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: agreement needs at least two annotators who have decided sentences; found 1 (ann)\n"
    )
    result = run("agreement", "--db", str(tmp_path / "project.db"), "--annotators", "ann,x")
    assert result.stderr == "Error: unknown annotator 'x'; known annotators: ann\n"


def test_cli_labels_and_annotators_options(project, tmp_path):
    store, _ = project(
        LABELS, {"ann": [["stat"], ["story"]], "bob": [["stat"], []], "cat": [[], []]}
    )
    store.close()
    db = str(tmp_path / "project.db")
    result = run("agreement", "--db", db, "--annotators", "ann,bob", "--labels", "story", "--json")
    data = json.loads(result.stdout)
    assert data["annotators"] == ["ann", "bob"]
    assert list(data["labels"]) == ["story"]
    assert list(data["spans"]) == []
