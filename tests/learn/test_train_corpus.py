"""`annotator train` on the article model: --corpus, calibration, old model files, rules' votes.

The "corpus" here is a handful of articles written for these tests (never the shipped corpus's
sentences): the tests check what is trained on and calibrated on, not the model's quality.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import annotator.learn.project as project
import annotator.learn.train as train_module
from annotator.cli import cli
from annotator.errors import AnnotatorError
from annotator.extractors.base import ArticleSentence
from annotator.extractors.registry import get
from annotator.learn.article_extractor import ArticleModelExtractor
from annotator.learn.article_model import TrainArticle
from annotator.learn.extractor import LearnedExtractor
from annotator.learn.features import featurize
from annotator.learn.model import LearnedModel
from annotator.learn.project import model_names, train_project
from annotator.paths import model_dir
from annotator.records import AnnotationState

# newly written sentences: (text, labels)
STAT = "今年以来，某县公安机关共侦破盗窃案件{}起，抓获嫌疑人{}名。"
STORY = "那天夜里，民警老周接到报警后赶到河边，把落水的男孩拉上了岸。"
MOTTO = "大家常把“守护一方平安”挂在嘴边。"
PLAIN = "入秋以后，小城的街道安静了许多。"


def written_article(i: int) -> TrainArticle:
    rows = [
        (PLAIN, frozenset()),
        (STAT.format(10 + i, 20 + i), frozenset({"statistic"})),
        (STORY, frozenset({"anecdote"})),
        (MOTTO, frozenset({"slogan"})),
        (f"第{i}段的描写与数字无关，只讲天气。", frozenset()),
    ]
    return TrainArticle(
        f"写给测试的第{i}篇",
        tuple(ArticleSentence(t) for t, _ in rows),
        tuple(labs for _, labs in rows),
    )


@pytest.fixture
def tiny_corpus(monkeypatch):
    calls = []

    def fake():
        calls.append(1)
        return [written_article(i) for i in range(6)], [written_article(i) for i in range(6, 10)]

    monkeypatch.setattr(project, "corpus_articles", fake)
    return calls


def decide_one_article(store):
    alice = store.annotators.get_or_create("alice")
    with store.transaction():
        for s in store.sentences.for_article(1):
            if not s.boilerplate:
                labels = ("statistic",) if any(c.isdigit() for c in s.text) else ()
                store.annotations.write(
                    s.sentence_id, alice.annotator_id, AnnotationState(labels=labels, decided=True)
                )
    return alice


@pytest.mark.slow
def test_train_with_corpus_adds_its_articles_and_calibrates_on_its_calib_split(store, tiny_corpus):
    decide_one_article(store)  # one project article: its statistics only
    model, path = train_project(store, name="withcorpus", cv=0, corpus=True)
    assert tiny_corpus and path == model_dir(store.path) / "withcorpus.npz"
    assert model.labels == ("statistic", "anecdote", "slogan")  # the corpus annotates these
    assert model.trained_on["corpus_sentences"] == 30
    assert model.info["calibration"] == "on the corpus's calib split (20 sentences)"
    assert set(model.thresholds) == set(model.labels)
    assert model.uses_rules  # the rules' votes weighed in on calib
    with pytest.raises(AnnotatorError, match="the corpus does not annotate speech"):
        train_project(store, name="x", cv=0, corpus=True, labels=["speech"])


@pytest.mark.slow
def test_cli_train_corpus_reports_calibration_and_saves_npz(store, tiny_corpus):
    decide_one_article(store)
    result = CliRunner().invoke(
        cli, ["train", "--db", str(store.target), "--corpus", "--cv", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["model"].endswith("default.npz")
    assert report["calibration"].startswith("on the corpus's calib split")
    assert report["trained_on"]["corpus"] is True


@pytest.mark.slow
def test_a_failing_rule_extractor_stops_calibration_instead_of_dropping_the_rules(
    store, tiny_corpus, monkeypatch
):
    decide_one_article(store)

    def broken():
        raise RuntimeError("statistics: bad pattern")

    monkeypatch.setattr(train_module, "rules", broken)
    with pytest.raises(RuntimeError, match="statistics: bad pattern"):
        train_project(store, name="norules", cv=0, corpus=True)
    assert model_names(store) == []
    model, _ = train_project(store, name="norules", cv=0, corpus=True, use_rules=False)
    assert not model.uses_rules  # asked for: fine


@pytest.mark.slow
def test_learned_name_prefers_the_npz_and_still_loads_an_old_model_file(store):
    from sklearn.linear_model import LogisticRegression

    texts = ["共抓获12名嫌疑人。", "天气很好。", "破获案件30起。", "街上很安静。"]
    old = LearnedModel(
        name="mine",
        version="old1",
        schema_hash=store.schema.hash,
        labels=("statistic",),
        skipped={},
        classifiers={"statistic": LogisticRegression().fit(featurize(texts, None), [1, 0, 1, 0])},
        use_rules=False,
    )
    old.save(model_dir(store.path))
    ex = get("learned:mine", store)
    assert isinstance(ex, LearnedExtractor) and ex.version == "old1"  # an existing project
    alice = store.annotators.get_or_create("alice")
    with store.transaction():
        for aid in store.articles.ids():
            for s in store.sentences.for_article(aid):
                if not s.boilerplate:
                    labels = ("statistic",) if any(c.isdigit() for c in s.text) else ()
                    store.annotations.write(
                        s.sentence_id, alice.annotator_id, AnnotationState(labels, decided=True)
                    )
    model, _ = train_project(store, name="mine", cv=0, labels=["statistic"])
    ex = get("learned:mine", store)
    assert isinstance(ex, ArticleModelExtractor) and ex.version == model.version
    assert model_names(store) == ["mine"]
