"""One round of active learning on a real project: retrain, refresh suggestions, rank the queue."""

from __future__ import annotations

import pytest

from annotator.errors import AnnotatorError
from annotator.learn.active import retrain
from annotator.records import AnnotationState
from tests.gui.helpers import simple_labels  # one stand-in labeller for the learning tests


def test_retrain_stores_suggestions_and_ranks_this_annotators_undecided(store):
    lead = store.annotators.get_or_create("lead")
    alice = store.annotators.get_or_create("alice")
    labeled = set()
    with store.transaction():
        for aid in store.articles.ids()[:4]:
            for s in store.sentences.for_article(aid):
                if not s.boilerplate:
                    state = AnnotationState(labels=simple_labels(s.text), decided=True)
                    store.annotations.write(s.sentence_id, lead.annotator_id, state)
                    labeled.add(s.sentence_id)
        first = next(iter(sorted(labeled)))
        store.annotations.write(first, alice.annotator_id, AnnotationState(decided=True))

    result = retrain(store, alice.annotator_id, limit=50)

    assert result.model == "learned:default"
    assert result.sentences == len(labeled) + 1  # no gold yet: lead's layer and alice's one
    stored = store.query("SELECT count(*) FROM suggestions WHERE extractor = 'learned:default'")
    assert result.suggestions == stored[0][0] > 0
    assert 10 < len(result.queue) <= 50
    scores = [u for _s, _a, u in result.queue]
    assert scores == sorted(scores, reverse=True)
    assert first not in [sid for sid, _a, _u in result.queue]  # alice decided it
    assert set(result.texts) == {sid for sid, _a, _u in result.queue}
    sid = result.queue[0][0]
    assert result.texts[sid] == store.learning.sentence_texts([sid])[0][2]


def test_retrain_without_decided_sentences_says_so(store):
    alice = store.annotators.get_or_create("alice")
    with pytest.raises(AnnotatorError, match="no decided sentences to learn from"):
        retrain(store, alice.annotator_id)
