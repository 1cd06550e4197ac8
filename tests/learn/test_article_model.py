"""The learned article model on small articles written for these tests (never corpus sentences)."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.errors import InputError
from annotator.extractors.base import ArticleSentence
from annotator.learn.article_model import (
    TrainArticle,
    load_article_model,
    neighbourhood,
    train_article_model,
)
from annotator.learn.hashing import Rows, article_rows

pytest.importorskip("sklearn")

LABELS = ("statistic", "anecdote", "slogan")
STAT = "截至目前，全县共破获各类案件{}起，抓获嫌疑人{}名，同比下降{}%。"
STORY = [
    "{}月{}日晚，家住河东村的老{}拨通了报警电话。",
    "他说自家的两头牛不见了。",
    "民警赶到现场，顺着脚印一路寻找。",
    "“真没想到这么快就找回来了！”老人拉着民警的手说。",
]
SLOGAN = "坚持“{}个到位”工作要求，做到{}、{}、{}。"
PLAIN = [
    "会议要求，各单位要认真抓好落实。",
    "下一步，该局将继续加大工作力度。",
    "警方提醒广大群众注意防范。",
    "此次活动由县委政法委主办。",
]


def article(i: int) -> TrainArticle:
    names = "张王李赵刘陈杨黄周吴"
    words = ["早发现", "早报告", "早处置", "快出警", "快处置", "快反馈"]
    sents = [
        (STAT.format(100 + i, 20 + i, 5 + i % 7), {"statistic"}),
        (PLAIN[i % 4], set()),
        *[(s.format(1 + i % 12, 1 + i % 28, names[i % 10]) if "{" in s else s, {"anecdote"}) for s in STORY],
        (SLOGAN.format("三四五六"[i % 4], *words[i % 3 : i % 3 + 3]), {"slogan"}),
        ("相关阅读", set()),
    ]
    return TrainArticle(
        f"第{i}篇",
        tuple(ArticleSentence(t, t == "相关阅读", n) for n, (t, _) in enumerate(sents)),
        tuple(frozenset(labs) for _, labs in sents),
    )


@pytest.fixture(scope="module")
def model():
    train = [article(i) for i in range(12)]
    calib = [article(i) for i in range(12, 18)]
    return train_article_model("toy", train, LABELS, "h1", calib=calib, folds=3)


def test_it_labels_unseen_articles_of_the_same_shape(model):
    right = total = 0
    for i in range(40, 45):
        a = article(i)
        for s, labs, row in zip(a.sentences, a.labels, model.article_probabilities(a.sentences), strict=True):
            if s.boilerplate:  # page noise is the extractor's business, not the model's
                continue
            got = {lab for lab, p in zip(LABELS, row, strict=True) if p >= model.threshold(lab)}
            right += got == set(labs or ())
            total += 1
    assert right / total >= 0.85


def test_a_saved_model_scores_exactly_as_before_and_needs_no_pickle(model, tmp_path):
    path = model.save(tmp_path / "toy.npz")
    again = load_article_model(path, "h1")
    a = article(41).sentences
    assert np.allclose(model.article_probabilities(a), again.article_probabilities(a), atol=2e-3)
    assert again.thresholds == model.thresholds
    with np.load(path, allow_pickle=False) as data:  # raises if anything needed pickle
        assert set(data.files) >= {"meta", "weights", "used"}


def test_a_model_of_another_schema_or_a_non_model_file_is_refused(model, tmp_path):
    path = model.save(tmp_path / "toy.npz")
    with pytest.raises(InputError, match="trained with label schema h1"):
        load_article_model(path, "other")
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a model file"):
        load_article_model(junk)


def test_thresholds_are_chosen_for_the_precision_target_on_calib(model):
    calib = [article(i) for i in range(12, 18)]
    for j, label in enumerate(LABELS):
        tp = fp = 0
        for a in calib:
            for s, labs, row in zip(a.sentences, a.labels, model.article_probabilities(a.sentences), strict=True):
                if not s.boilerplate and row[j] >= model.threshold(label):
                    tp += label in (labs or ())
                    fp += label not in (labs or ())
        assert tp / (tp + fp) >= 0.85


def test_neighbours_never_cross_an_article_boundary():
    logits = np.arange(5, dtype=float).reshape(5, 1)
    hood = neighbourhood(logits, [2, 3])  # columns: self, -2, -1, +1, +2
    assert hood[1].tolist() == [1, 0, 0, 0, 0]  # last of article 1: nothing after it
    assert hood[2].tolist() == [2, 0, 0, 3, 4]  # first of article 2: nothing before it


def test_sparse_dot_matches_scipy():
    rows = Rows.from_list(article_rows(article(3).sentences))
    w = np.random.default_rng(0).normal(size=(1 << 20, 2)).astype(np.float32)
    assert np.allclose(rows.dot(w), rows.to_scipy() @ w, atol=1e-4)
