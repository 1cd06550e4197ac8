"""Undoable edits: Qt-free values with ``apply`` and ``revert`` on a Store.

Every change a user makes in the workbench is one of these, applied in one store transaction.
The GUI wraps each in a QUndoCommand; the core tests them directly. An edit holds the state
before and after, so reverting restores exactly what was there (fields of an unset label too).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from annotator.errors import AnnotatorError
from annotator.records import AnnotationState, Change, SpanValue
from annotator.store.annotations import VersionMismatch

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


def _changed(edit: SetState, version: int, *, merged: bool) -> Change:
    return Change(
        frozenset({edit.article_id}),
        frozenset({edit.sentence_id}),
        frozenset({"annotation"}),
        version=version,
        merged=merged,
    )


@dataclass(frozen=True, slots=True)
class SetState:
    """Change one annotator's state of one sentence (labels, fields, spans, note, decided).

    ``version`` is the row version ``before`` was read at. Applying is a compare-and-set: when
    the row still has that version, ``after`` is written; when another window wrote it since,
    the change from ``before`` to ``after`` is merged onto the newer row (``merge_states``), and
    where both changed the same thing differently nothing is written and ``EditConflict`` says
    what is there now. Reverting is the inverse edit applied the same way, so an undo never
    removes another window's newer work. ``applied_version`` is the row version after ``apply``.
    """

    article_id: int
    sentence_id: int
    annotator_id: int
    before: AnnotationState
    after: AnnotationState
    text: str = "Edit sentence"
    version: int | None = None  # None: write without comparing (scripts, old callers)
    applied_version: int | None = None

    def _write(
        self, store: Store, base: AnnotationState, want: AnnotationState, expect: int | None
    ) -> Change:
        aid = self.annotator_id
        merged = False
        write = store.annotations.write_versioned
        if (
            expect is not None
            and base.spans == want.spans
            and store.sql.version_in_returning
            and not store.sql.in_transaction
        ):
            # On a server the label key's write is one statement that returns its version: run
            # alone it is its own transaction (one round trip instead of three). A mismatch
            # wrote nothing; the transaction below then reads, merges and writes.
            try:
                _, new_version = write(self.sentence_id, aid, want, spans=False, expect=expect)
            except VersionMismatch:
                pass
            else:
                return _changed(self, new_version, merged=False)
        with store.transaction():
            # Compare-and-set first: the row is usually still at the version the window read,
            # and a write that finds another version changes nothing (one round trip on a
            # server, not three). Only then is the newer row read and merged.
            try:
                _, new_version = write(
                    self.sentence_id, aid, want, spans=base.spans != want.spans, expect=expect
                )
            except VersionMismatch:
                current, version = store.annotations.versioned(self.sentence_id, aid)
                try:
                    state = merge_states(base, want, current)
                except EditConflict as e:
                    raise EditConflict(self.sentence_id, e.fields, current, version) from None
                merged = True
                _, new_version = write(self.sentence_id, aid, state, spans=True, expect=version)
        return _changed(self, new_version, merged=merged)

    def apply(self, store: Store) -> Change:
        return self._write(store, self.before, self.after, self.version)

    def revert(self, store: Store) -> Change:
        expect = self.applied_version if self.version is not None else None
        return self._write(store, self.after, self.before, expect)

    def rebased(self, current: AnnotationState, version: int) -> SetState:
        """This edit redone on top of ``current``: its changes win where they conflict (the
        user asked for them again, after seeing the newer version)."""
        after = merge_states(self.before, self.after, current, prefer_mine=True)
        return replace(self, before=current, after=after, version=version, applied_version=None)


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


# --------------------------------------------------------------------------- three-way merge


class EditConflict(AnnotatorError):
    """An edit built on an older version changes what another window changed differently since.

    Nothing was written; ``current`` and ``version`` are what the row holds now, and ``fields``
    names what both changed (``note``, ``fields.statistic.value``, ...).
    """

    def __init__(
        self, sentence_id: int, fields: list[str], current: AnnotationState, version: int
    ) -> None:
        self.sentence_id = sentence_id
        self.fields = fields
        self.current = current
        self.version = version
        super().__init__(
            f"sentence {sentence_id}: another window changed {', '.join(fields)} since; "
            "its version is shown now, and redo applies yours over it"
        )


_MISSING = object()


def _pick(
    where: str, base: Any, mine: Any, theirs: Any, prefer_mine: bool, clashes: list[str]
) -> Any:
    if mine == base or mine == theirs:
        return theirs
    if theirs == base or prefer_mine:
        return mine
    clashes.append(where)
    return theirs


def _merge_dicts(
    where: str,
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    prefer_mine: bool,
    clashes: list[str],
) -> dict[str, Any]:
    out = {}
    for key in dict.fromkeys([*theirs, *mine, *base]):
        value = _pick(
            f"{where}.{key}",
            base.get(key, _MISSING),
            mine.get(key, _MISSING),
            theirs.get(key, _MISSING),
            prefer_mine,
            clashes,
        )
        if value is not _MISSING:
            out[key] = value
    return out


def merge_states(
    base: AnnotationState,
    mine: AnnotationState,
    theirs: AnnotationState,
    *,
    prefer_mine: bool = False,
) -> AnnotationState:
    """Three-way merge: the change ``base`` → ``mine`` applied onto ``theirs``.

    Each label, span, form field, span field, the note and the decided flag is merged on its
    own: what only one side changed takes that side's value. Where both changed the same one
    differently, ``prefer_mine`` takes ours, else ``EditConflict`` is raised (nothing merged).
    """
    clashes: list[str] = []
    labels = [
        lab
        for lab in dict.fromkeys([*theirs.labels, *mine.labels])
        if _pick("labels", lab in base.labels, lab in mine.labels, lab in theirs.labels, True, [])
    ]
    fields = {}
    for label in dict.fromkeys([*theirs.fields, *mine.fields, *base.fields]):
        values = _merge_dicts(
            f"fields.{label}",
            dict(base.fields.get(label, {})),
            dict(mine.fields.get(label, {})),
            dict(theirs.fields.get(label, {})),
            prefer_mine,
            clashes,
        )
        if values:
            fields[label] = values
    spans_by = [{s.key(): s for s in st.spans} for st in (base, mine, theirs)]
    spans: list[SpanValue] = []
    for key in dict.fromkeys([*spans_by[2], *spans_by[1]]):
        b, m, t = (d.get(key) for d in spans_by)
        if not _pick("spans", b is not None, m is not None, t is not None, True, []):
            continue
        if m is None or t is None:
            kept = m or t
            if kept is not None:  # always: the key comes from mine or theirs
                spans.append(kept)
            continue
        values = _merge_dicts(
            f"spans.{key[0]}[{key[1]}:{key[2]}]",
            dict(b.fields) if b else {},
            dict(m.fields),
            dict(t.fields),
            prefer_mine,
            clashes,
        )
        spans.append(SpanValue(*key, values))
    spans = [s for s in spans if s.label in labels]  # a removed label takes its spans along
    note = _pick("note", base.note, mine.note, theirs.note, prefer_mine, clashes)
    decided = _pick("decided", base.decided, mine.decided, theirs.decided, prefer_mine, clashes)
    if clashes:
        raise EditConflict(-1, clashes, theirs, -1)
    return AnnotationState(
        labels=tuple(labels),
        fields=fields,
        spans=tuple(sorted(spans, key=lambda s: (s.start, s.end, s.label))),
        note=note,
        decided=decided,
    )


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
