"""The shipped model's scores on a fixed article stay what they were: its weights were learned on
exactly these features, so any change to featurisation (even one meant only to make it faster)
must show up here, and then the model has to be retrained."""

from __future__ import annotations

import numpy as np

from annotator.extractors.registry import shipped_extractor
from annotator.learn.hashing import Rows, article_rows, batch_rows
from tests.learn import pinned_article as pinned


def test_the_shipped_model_scores_the_pinned_article_as_stored():
    ex = shipped_extractor()
    assert tuple(ex.labels) == pinned.LABELS
    detail = ex.rule_detail(pinned.TITLE, pinned.SENTENCES)
    probs = ex.probabilities(pinned.SENTENCES, detail)
    np.testing.assert_allclose(probs, np.array(pinned.EXPECTED_PROBABILITIES), rtol=0, atol=1e-6)
    logits = ex.model.stage1(Rows.from_list(article_rows(pinned.SENTENCES)))
    np.testing.assert_allclose(logits, np.array(pinned.EXPECTED_LOGITS), rtol=0, atol=1e-5)


def test_a_batch_of_articles_gets_the_rows_each_article_gets_alone():
    a = list(pinned.SENTENCES)
    b = a[2:6]  # the same texts at other positions, with other neighbours
    c = a[:1]
    batch = batch_rows([a, b, [], c, a])
    alone = Rows.from_list(article_rows(a) + article_rows(b) + article_rows(c) + article_rows(a))
    np.testing.assert_array_equal(batch.indptr, alone.indptr)
    np.testing.assert_array_equal(batch.indices, alone.indices)
