"""Taking extractor suggestions into a state, and how the review of one is classified."""

from __future__ import annotations

from annotator.edits import accept_suggestions, review_outcome
from annotator.records import AnnotationState, SpanValue
from annotator.store.suggestions import StoredSuggestion


def sug(label, spans=(), fields=None):
    return StoredSuggestion(1, "rules", "1", label, 0.9, tuple(spans), fields or {})


def test_accept_adds_labels_spans_and_fills_only_empty_fields():
    state = AnnotationState(labels=("anecdote",), fields={"statistic": {"unit": "人"}})
    out = accept_suggestions(
        state,
        [
            sug(
                "statistic",
                [{"start": 2, "end": 6, "fields": {"unit": "名"}}],
                {"unit": "名", "value": 195},
            )
        ],
    )
    assert out.labels == ("anecdote", "statistic")
    assert out.spans == (SpanValue("statistic", 2, 6, {"unit": "名"}),)
    assert out.fields["statistic"] == {"unit": "人", "value": 195}  # the annotator's unit stays


def test_accepting_twice_changes_nothing():
    once = accept_suggestions(AnnotationState(), [sug("slogan", [{"start": 0, "end": 4}])])
    assert accept_suggestions(once, [sug("slogan", [{"start": 0, "end": 4}])]) == once


def test_review_outcome():
    accepted = accept_suggestions(AnnotationState(), [sug("slogan", [{"start": 0, "end": 4}])])
    assert review_outcome(accepted, accepted.with_(decided=True)) == "accepted"
    assert review_outcome(accepted, accepted.with_(labels=("slogan", "statistic"))) == "changed"
