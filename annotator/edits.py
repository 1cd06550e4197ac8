"""Undoable edits: Qt-free values with ``apply`` and ``revert`` on a Store.

Every change a user makes in the workbench is one of these, applied in one store transaction.
The GUI wraps each in a QUndoCommand; the core tests them directly. An edit holds the state
before and after, so reverting restores exactly what was there (fields of an unset label too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from annotator.records import AnnotationState, Change, SpanValue

if TYPE_CHECKING:
    from collections.abc import Iterable

    from annotator.store import Store
    from annotator.store.suggestions import StoredSuggestion


class Edit(Protocol):
    @property
    def text(self) -> str: ...  # shown in the undo history ("Set labels", ...)

    def apply(self, store: Store) -> Change: ...

    def revert(self, store: Store) -> Change: ...


class _BeforeAfter:
    """``apply`` writes ``after``, ``revert`` writes ``before``: each edit only says how to write."""

    __slots__ = ()
    before: Any
    after: Any

    def _write(self, store: Store, value: Any) -> Change:
        raise NotImplementedError

    def apply(self, store: Store) -> Change:
        return self._write(store, self.after)

    def revert(self, store: Store) -> Change:
        return self._write(store, self.before)


@dataclass(frozen=True, slots=True)
class SetState(_BeforeAfter):
    """Replace one annotator's state of one sentence (labels, fields, spans, note, decided)."""

    article_id: int
    sentence_id: int
    annotator_id: int
    before: AnnotationState
    after: AnnotationState
    text: str = "Edit sentence"

    def _write(self, store: Store, state: AnnotationState) -> Change:
        with store.transaction():
            store.annotations.write(
                self.sentence_id,
                self.annotator_id,
                state,
                spans=self.before.spans != self.after.spans,
            )
        return Change(
            frozenset({self.article_id}), frozenset({self.sentence_id}), frozenset({"annotation"})
        )


@dataclass(frozen=True, slots=True)
class SetBoilerplate(_BeforeAfter):
    article_id: int
    sentence_id: int
    before: bool
    after: bool
    text: str = "Flip boilerplate"

    def _write(self, store: Store, flag: bool) -> Change:
        with store.transaction():
            store.sentences.set_boilerplate(self.sentence_id, flag)
        return Change(
            frozenset({self.article_id}), frozenset({self.sentence_id}), frozenset({"boilerplate"})
        )


@dataclass(frozen=True, slots=True)
class SetArticleFields(_BeforeAfter):
    article_id: int
    annotator_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    text: str = "Edit article form"

    def _write(self, store: Store, values: dict[str, Any]) -> Change:
        with store.transaction():
            store.state.set_article_fields(self.article_id, self.annotator_id, values)
        return Change(frozenset({self.article_id}), frozenset(), frozenset({"article_fields"}))


# --------------------------------------------------------------------------- state transforms
# Pure functions from one state to the next: the rules of the workbench's keys, kept out of Qt.


def toggle_label(state: AnnotationState, label: str) -> AnnotationState:
    """Set ``label`` if absent, remove it (and its spans) if present."""
    if label in state.labels:
        return state.with_(
            labels=tuple(lab for lab in state.labels if lab != label),
            spans=tuple(s for s in state.spans if s.label != label),
        )
    return state.with_(labels=(*state.labels, label))


def clear_labels(state: AnnotationState) -> AnnotationState:
    """Remove every label and span (the note stays)."""
    return state.with_(labels=(), spans=())


def confirm(state: AnnotationState) -> AnnotationState:
    """Mark the sentence decided with its current labels (possibly none)."""
    return state.with_(decided=True)


def add_span(state: AnnotationState, span: SpanValue) -> AnnotationState:
    """Add a span; its label is set on the sentence too. Adding an existing span is a no-op."""
    if any(s.key() == span.key() for s in state.spans):
        return state
    labels = state.labels if span.label in state.labels else (*state.labels, span.label)
    return state.with_(labels=labels, spans=(*state.spans, span))


def remove_span(state: AnnotationState, span: SpanValue) -> AnnotationState:
    return state.with_(spans=tuple(s for s in state.spans if s.key() != span.key()))


def set_span_field(
    state: AnnotationState, span: SpanValue, field_id: str, value: Any
) -> AnnotationState:
    spans = []
    for s in state.spans:
        if s.key() == span.key():
            fields = {k: v for k, v in s.fields.items() if k != field_id}
            if value not in (None, ""):
                fields[field_id] = value
            s = SpanValue(s.label, s.start, s.end, fields)
        spans.append(s)
    return state.with_(spans=tuple(spans))


def set_field(state: AnnotationState, label: str, field_id: str, value: Any) -> AnnotationState:
    """Set one form field of a label (an empty value removes it)."""
    fields = {k: dict(v) for k, v in state.fields.items()}
    values = fields.setdefault(label, {})
    if value in (None, ""):
        values.pop(field_id, None)
    else:
        values[field_id] = value
    if not values:
        fields.pop(label)
    return state.with_(fields=fields)


def set_note(state: AnnotationState, note: str) -> AnnotationState:
    return state.with_(note=note)


def accept_suggestions(
    state: AnnotationState, suggestions: Iterable[StoredSuggestion]
) -> AnnotationState:
    """Take extractor suggestions into a state: their labels, spans and (empty) form fields.

    ``suggestions`` are stored suggestions (label, spans as {start, end, fields}, fields). What the
    annotator already has stays: labels are added, a field is filled only where it is empty.
    """
    labels = list(state.labels)
    spans = list(state.spans)
    fields = {k: dict(v) for k, v in state.fields.items()}
    keys = {s.key() for s in spans}
    for sug in suggestions:
        if sug.label not in labels:
            labels.append(sug.label)
        for raw in sug.spans:
            span = SpanValue(
                sug.label, int(raw["start"]), int(raw["end"]), dict(raw.get("fields") or {})
            )
            if span.key() not in keys:
                keys.add(span.key())
                spans.append(span)
        values = fields.setdefault(sug.label, {})
        for fid, value in (sug.fields or {}).items():
            if values.get(fid) in (None, "") and value not in (None, ""):
                values[fid] = value
        if not values:
            fields.pop(sug.label)
    return state.with_(labels=tuple(labels), spans=tuple(spans), fields=fields)


def review_outcome(accepted: AnnotationState, final: AnnotationState) -> str:
    """How an accepted suggestion ended: "accepted" unchanged, or "changed" (labels, spans, fields)."""
    same = (
        set(accepted.labels) == set(final.labels)
        and {s.key() for s in accepted.spans} == {s.key() for s in final.spans}
        and dict(accepted.fields) == dict(final.fields)
    )
    return "accepted" if same else "changed"
