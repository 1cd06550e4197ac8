"""The learned extractor end to end on a real project: train, cross-validate, save, load, suggest."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.errors import AnnotatorError, Cancelled, InputError
from annotator.extractors.base import ArticleSentence
from annotator.learn.article_model import ArticleModel, TrainArticle, load_article_model
from annotator.learn.project import (
    curve_project,
    load_project_model,
    model_names,
    project_dataset,
    suggest_learned,
    train_project,
    uncertain_first,
)
from annotator.learn.train import article_probabilities, folds
from annotator.paths import model_dir
from annotator.records import AnnotationState

FIGURE = re.compile(r"\d+(\.\d+)?(万|亿)?(余)?(名|起|人次|个|元|万元|%|台次|公里|人)")


def rough_labels(text: str) -> tuple[str, ...]:
    """Stand-in labels with a learnable pattern (the tests check mechanics, not quality)."""
    labels = []
    if FIGURE.search(text):
        labels.append("statistic")
    if "“" in text and (
        "说" in text or "表示" in text or "某" in text or "先生" in text or "女士" in text
    ):
        labels.append("anecdote")
    if re.search(r"“[^”]{2,12}”", text) and not FIGURE.search(text):
        labels.append("slogan")
    return tuple(labels)


@pytest.fixture
def labeled(store):
    alice = store.annotators.get_or_create("alice")
    with store.transaction():
        for aid in store.articles.ids():
            for s in store.sentences.for_article(aid):
                if not s.boilerplate:
                    state = AnnotationState(labels=rough_labels(s.text), decided=True)
                    store.annotations.write(s.sentence_id, alice.annotator_id, state)
    return store


def test_folds_never_split_an_article(labeled):
    ds, _who = project_dataset(labeled, ["alice"])
    for train, test in folds(ds.groups, 3):
        assert not {ds.groups[i] for i in train} & {ds.groups[i] for i in test}
        assert sorted(train + test) == list(range(len(ds.articles)))


@pytest.mark.slow
def test_train_cross_validates_saves_and_loads(labeled):
    model, path = train_project(labeled, name="m1", cv=3)
    assert path == model_dir(labeled.path) / "m1.npz" and path.exists()
    assert model.cv["folds"] == 3
    assert set(model.cv["labels"]) == set(model.labels)
    assert model.cv["labels"]["statistic"]["f1"] > 0.4  # learned (chance is about 0.25 here)
    again = load_project_model(labeled, "learned:m1")
    assert isinstance(again, ArticleModel)
    assert again.version == model.version and again.labels == model.labels
    texts = ["全市抓获犯罪嫌疑人195名,同比下降12.5%。", "夏夜的街头很热闹。"]
    art = TrainArticle("", tuple(ArticleSentence(t) for t in texts), (None, None))
    p_stat = article_probabilities(again, art)[:, again.labels.index("statistic")]
    assert p_stat[0] > 0.5 > p_stat[1]
    assert model.info["calibration"].startswith("not calibrated: 5 project article(s)")


@pytest.mark.slow
def test_model_of_another_schema_is_refused(labeled, tmp_path):
    _model, path = train_project(labeled, name="m2", cv=0)
    with pytest.raises(InputError, match="trained with label schema .* retrain it"):
        load_article_model(path, schema_hash="0000000000000000")


def test_too_little_data_is_a_clear_message(store):
    alice = store.annotators.get_or_create("alice")
    s = store.sentences.for_article(1)[1]
    with store.transaction():
        store.annotations.write(
            s.sentence_id, alice.annotator_id, AnnotationState(labels=("statistic",), decided=True)
        )
    with pytest.raises(
        AnnotatorError, match="too little data to train any label .*statistic: only 1 positive"
    ):
        train_project(store, name="tiny", cv=0)


@pytest.mark.slow
def test_suggestions_are_stored_with_scores_and_replaced(labeled):
    train_project(labeled, name="m3", cv=0)
    n = suggest_learned(labeled, "m3")
    assert n > 0
    sugg = [x for v in labeled.suggestions.for_article(1).values() for x in v]
    assert sugg and all(x.extractor == "learned:m3" and 0.5 <= x.score <= 1 for x in sugg)
    stats = [x for x in sugg if x.label == "statistic"]
    assert any(x.spans for x in stats)  # the rules mark the figures
    assert suggest_learned(labeled, "m3") == n  # re-running replaces, not duplicates
    total = labeled.query("SELECT count(*) FROM suggestions WHERE extractor = 'learned:m3'")[0][0]
    assert total == n


@pytest.mark.slow
def test_uncertain_first_orders_undecided_sentences(labeled):
    model, _ = train_project(labeled, name="m4", cv=0)
    bob = labeled.annotators.get_or_create("bob")
    ranked = uncertain_first(labeled, bob.annotator_id, model, limit=20)
    scores = [u for _s, _a, u in ranked]
    assert len(ranked) == 20 and scores == sorted(scores, reverse=True)


@pytest.mark.slow
def test_cli_train_json_and_curve(labeled):
    runner = CliRunner()
    result = runner.invoke(
        cli, ["train", "--db", str(labeled.target), "--annotator", "alice", "--cv", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["extractor"] == "learned:default" and report["cv"]["folds"] == 3
    result = runner.invoke(
        cli, ["train", "--db", str(labeled.target), "--curve", "--cv", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    points = json.loads(result.output)
    assert [p["fraction"] for p in points] == [0.1, 0.2, 0.4, 0.6, 0.8, 1.0]
    sizes = [p["train_sentences"] for p in points]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


@pytest.mark.slow
def test_cli_reports_an_unknown_model_with_the_known_ones(labeled):
    train_project(labeled, name="known", cv=0)
    with pytest.raises(InputError, match=r"no model 'nope' \(models of this project: known\)"):
        load_project_model(labeled, "learned:nope")


def test_cancel_stops_training_and_the_learning_curve(labeled):
    with pytest.raises(Cancelled, match="training cancelled"):
        curve_project(labeled, cv=3, cancel=lambda: True)
    with pytest.raises(Cancelled, match="training cancelled"):
        train_project(labeled, name="stopped", cv=0, cancel=lambda: True)
    assert model_names(labeled) == []
