"""Registry, pre-annotation and evaluation on a real project with the reference annotation."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.evaluate import Prediction, evaluate, score
from annotator.extractors.registry import UnknownExtractor, factories, get
from annotator.records import AnnotationState, SpanValue
from annotator.suggest import run_extractor


def test_registry_lists_builtins_through_entry_points():
    from importlib.metadata import entry_points

    declared = {ep.name for ep in entry_points(group="annotator.extractors")}
    assert {"statistics", "slogans", "anecdotes", "rules"} <= declared
    assert {"statistics", "slogans", "anecdotes", "rules"} <= set(factories())
    with pytest.raises(UnknownExtractor, match="unknown extractor 'nope'; known: statistics"):
        get("nope")


def test_a_plugin_from_another_package_is_found(monkeypatch):
    import annotator.extractors.registry as registry

    class EP:
        name = "mine"

        def load(self):
            class Mine:
                name, version, labels = "mine", "0.1", ("slogan",)

                def extract(self, text, context=None):
                    return []

            return Mine

    monkeypatch.setattr(registry, "entry_points", lambda group: [EP()])
    assert get("mine").version == "0.1"


def stored_suggestions(store, extractor: str) -> list:
    return [
        s
        for article_id in store.articles.ids()
        for found in store.suggestions.for_article(article_id).values()
        for s in found
        if s.extractor == extractor
    ]


def assert_well_formed(store, suggestions, extractor) -> None:
    """Each suggestion names the extractor's version and labels, scores in (0, 1], spans inside."""
    for s in suggestions:
        text = store.sentences.get(s.sentence_id).text
        assert (s.extractor, s.extractor_version) == (extractor.name, extractor.version)
        assert s.label in extractor.labels and 0 < s.score <= 1, s
        for span in s.spans:
            assert 0 <= span["start"] < span["end"] <= len(text), (text, span)
            value = span.get("fields", {}).get("value")
            assert value is None or isinstance(value, int | float), span


def test_rules_run_on_the_seeds_and_give_well_formed_suggestions(referenced):
    # No F1 threshold: the rules were tuned on these very sentences, so a score here says
    # nothing about quality (that comes from a held-out split, not from the tests).
    report, _errors = evaluate(referenced, extractor_name="rules", annotator="reference")
    assert report["extractor"] == "rules" and report["sentences"] == 191
    assert set(report["labels"]) == {"statistic", "slogan", "anecdote"}
    rules = get("rules")
    sentences, count = run_extractor(referenced, rules)
    found = stored_suggestions(referenced, "rules")
    assert count > 0 and len(found) == count
    assert len({s.sentence_id for s in found}) == sentences
    assert {s.label for s in found} == {"statistic", "slogan", "anecdote"}
    assert_well_formed(referenced, found, rules)


def test_suggest_stores_and_replaces(referenced):
    ex = get("statistics")
    sentences, count = run_extractor(referenced, ex)
    assert count > 30
    again = run_extractor(referenced, ex)
    assert again == (sentences, count)
    stored = referenced.query("SELECT count(*) FROM suggestions WHERE extractor = 'statistics'")[0][
        0
    ]
    assert stored == count
    boiler = referenced.query(
        "SELECT count(*) FROM suggestions g JOIN sentences s USING (sentence_id) WHERE s.boilerplate = 1"
    )[0][0]
    assert boiler == 0


def test_scoring_by_hand():
    ref = {
        1: AnnotationState(
            labels=("statistic",),
            spans=(SpanValue("statistic", 0, 4, {"value": 195, "unit": "名"}),),
            decided=True,
        ),
        2: AnnotationState(labels=(), decided=True),
        3: AnnotationState(
            labels=("statistic",), spans=(SpanValue("statistic", 2, 6),), decided=True
        ),
    }
    preds = {
        1: Prediction({"statistic"}, [("statistic", 0, 4, {"value": 195, "unit": "人"})]),
        2: Prediction({"statistic"}, [("statistic", 0, 2, {})]),
    }
    report, errors = score(ref, preds, ["statistic"], {1: "a", 2: "b", 3: "c"})
    st = report["labels"]["statistic"]
    assert (st["tp"], st["fp"], st["fn"]) == (1, 1, 1) and st["f1"] == 0.5
    assert report["spans"]["exact"]["statistic"]["tp"] == 1
    assert report["fields"]["statistic.value"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert report["fields"]["statistic.unit"]["accuracy"] == 0.0
    assert {(e["sentence_id"], e["error"]) for e in errors} == {
        (2, "false_positive"),
        (3, "false_negative"),
    }


def test_cli_evaluate_json_errors_and_predictions_file(referenced, tmp_path):
    runner = CliRunner()
    db = str(referenced.target)
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(
        cli,
        [
            "evaluate",
            "--db",
            db,
            "--extractor",
            "rules",
            "--annotator",
            "reference",
            "--json",
            "--errors",
            str(errors),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) >= {
        "extractor",
        "reference",
        "sentences",
        "labels",
        "micro",
        "macro",
        "spans",
        "fields",
    }
    lines = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    assert lines and all(
        x["error"] in ("false_positive", "false_negative") and x["text"] for x in lines
    )


def test_cli_predictions_file_scores_perfectly_against_itself(referenced):
    from pathlib import Path

    ref = Path(__file__).resolve().parent.parent / "data" / "reference" / "seeds.jsonl"
    result = CliRunner().invoke(
        cli,
        [
            "evaluate",
            "--db",
            str(referenced.target),
            "--predictions",
            str(ref),
            "--annotator",
            "reference",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["micro"]["f1"] == 1.0 and report["spans"]["exact"]["statistic"]["f1"] == 1.0


def test_cli_evaluate_without_gold_says_what_to_do(db_path):
    result = CliRunner().invoke(cli, ["evaluate", "--db", str(db_path), "--extractor", "rules"])
    assert result.exit_code == 1 and "gold layer has no decided sentences" in result.output


def test_cli_suggest_and_extractors(db_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["suggest", "--db", str(db_path), "--extractor", "slogans"])
    from annotator.extractors.slogans import VERSION

    assert result.exit_code == 0 and f"slogans {VERSION}:" in result.output
    result = runner.invoke(cli, ["extractors", "--db", str(db_path)])
    assert "rules" in result.output and "statistics" in result.output


@pytest.mark.slow
def test_learned_model_runs_as_an_extractor_and_gives_well_formed_suggestions(referenced):
    from annotator.learn.project import train_project

    model, _ = train_project(referenced, name="ref", annotators=["reference"], cv=5)
    assert set(model.cv["labels"]) == {"statistic", "anecdote", "slogan"}
    report, _ = evaluate(referenced, extractor_name="learned:ref", annotator="reference")
    assert report["extractor"] == "learned:ref" and report["sentences"] == 191
    learned = get("learned:ref", referenced)
    sentences, count = run_extractor(referenced, learned)
    found = stored_suggestions(referenced, "learned:ref")
    assert count > 0 and len(found) == count
    assert_well_formed(referenced, found, learned)
