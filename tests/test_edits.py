"""Edits on a real store: apply writes the state after, revert restores the state before."""

from __future__ import annotations

import pytest

from annotator.edits import SetArticleFields, SetBoilerplate, SetState
from annotator.records import AnnotationState, SpanValue


@pytest.mark.parametrize("kind", ["state", "boilerplate", "article_fields"])
def test_an_edit_applies_after_and_reverts_to_before(store, kind):
    s = store.sentences.for_article(1)[1]
    alice = store.annotators.get_or_create("alice").annotator_id
    if kind == "state":
        labeled = AnnotationState(
            labels=("statistic",), spans=(SpanValue("statistic", 0, 1),), decided=True
        )
        edit = SetState(1, s.sentence_id, alice, AnnotationState(), labeled)

        def read():
            return store.annotations.state(s.sentence_id, alice)
    elif kind == "boilerplate":
        edit = SetBoilerplate(1, s.sentence_id, s.boilerplate, not s.boilerplate)

        def read():
            return store.sentences.get(s.sentence_id).boilerplate
    else:
        edit = SetArticleFields(1, alice, {}, {"region": "上海"})

        def read():
            return store.state.article_fields(1, alice)

    assert read() == edit.before
    change = edit.apply(store)
    assert read() == edit.after != edit.before
    assert 1 in change.articles
    edit.revert(store)
    assert read() == edit.before
