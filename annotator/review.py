"""Review and adjudication: where annotators disagree, what each decided, and the gold layer.

The pure core behind the review mode (no Qt; the GUI only displays and calls this):

- ``queue``: the sentences where the chosen annotators' decided versions differ, filterable by
  label, annotator pair and article, without the ones already adjudicated;
- ``compare``: one sentence side by side: each annotator's state, the distinct *versions*
  (INCEpTION's configurations: a version and the annotators who chose it) and a structured diff;
- ``adjudicate``: write a sentence's gold version and its adjudication record in one transaction
  (``AdjudicationEdit`` is the same as an undoable edit);
- ``auto_adjudicate_agreed``: promote every sentence on which all chosen annotators decided the
  identical version into gold (method ``auto_agreed``); idempotent;
- ``progress``: resolved of total.

A version is the label set, each label's form fields and the spans with their fields; the note
is not part of it. Units are the agreement units (``annotator.agreement.data``): sentences two or
more chosen annotators decided, boilerplate only when someone labeled it. A sentence is
*disputed* when two annotators who both decided it differ (a tie is a dispute), *agreed* when
every chosen annotator decided it and all versions are identical, *incomplete* otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from annotator.agreement.data import ReliabilityData, choose_annotators, load
from annotator.agreement.differences import ASPECTS, Differences, differences
from annotator.errors import AnnotatorError, NotFound
from annotator.records import AnnotationState, Annotator, Change, FieldValues, Sentence, SpanValue
from annotator.store.annotators import GOLD_NAME
from annotator.store.gold import Adjudication

if TYPE_CHECKING:
    from annotator.store import Store

METHODS = ("manual", "auto_agreed")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Version:
    """One distinct version of a sentence and the annotators who decided exactly it."""

    labels: tuple[str, ...]
    fields: Mapping[str, FieldValues]
    spans: tuple[SpanValue, ...]
    annotators: tuple[str, ...]

    def state(self, note: str = "") -> AnnotationState:
        """This version as a decided state, ready to ``adjudicate``."""
        return AnnotationState(self.labels, self.fields, self.spans, note, True)


@dataclass(frozen=True)
class LabelDiff:
    """A label some deciding annotators set and others did not."""

    label: str
    chosen_by: tuple[str, ...]
    not_chosen_by: tuple[str, ...]


@dataclass(frozen=True)
class FieldDiff:
    """A form field of a label on which the annotators who set the label differ."""

    label: str
    field: str
    values: Mapping[str, Any]  # annotator → value (None: left empty)


@dataclass(frozen=True)
class SpanDiff:
    """A span not every deciding annotator marked, or marked with different span fields."""

    label: str
    start: int
    end: int
    text: str
    marked_by: tuple[str, ...]
    not_marked_by: tuple[str, ...]
    fields: Mapping[str, FieldValues]  # annotator who marked it → the span's fields


@dataclass(frozen=True)
class Comparison:
    """One sentence as the chosen annotators decided it, side by side."""

    sentence: Sentence
    annotators: tuple[str, ...]
    states: Mapping[str, AnnotationState]  # the annotators who decided it → their state
    undecided: tuple[str, ...]
    versions: tuple[Version, ...]  # most chosen first
    label_diffs: tuple[LabelDiff, ...]
    field_diffs: tuple[FieldDiff, ...]
    span_diffs: tuple[SpanDiff, ...]
    gold: AnnotationState | None
    adjudication: Adjudication | None

    @property
    def disputed(self) -> bool:
        return len(self.versions) > 1

    @property
    def agreed(self) -> bool:
        """Every chosen annotator decided the sentence and all decided the same version."""
        return len(self.versions) == 1 and not self.undecided


@dataclass(frozen=True)
class QueueItem:
    """A disputed sentence in the review queue."""

    sentence_id: int
    article_id: int
    position: int
    decided_by: tuple[str, ...]
    labels: tuple[str, ...]  # labels on which some pair differs
    aspects: tuple[str, ...]  # which of "labels", "fields", "spans" differ
    pairs: tuple[tuple[str, str], ...]  # the annotator pairs that differ


@dataclass(frozen=True)
class ReviewProgress:
    """Resolved of total, with what the open sentences are waiting for."""

    total: int  # units: sentences decided by two or more chosen annotators
    resolved: int  # of those, adjudicated into gold
    disputed: int  # open, annotators differ
    agreed: int  # open, every chosen annotator decided the same version (auto-adjudicable)
    incomplete: int  # open, no difference so far but not every annotator decided

    @property
    def open(self) -> int:
        return self.total - self.resolved


@dataclass(frozen=True)
class AutoResult:
    """What ``auto_adjudicate_agreed`` did."""

    promoted: int  # agreed sentences written to gold now
    already_adjudicated: int  # agreed sentences that had an adjudication already
    gold_kept: int  # agreed sentences with a gold version but no record: left alone
    disputed: int  # open disputes left for review
    incomplete: int  # not decided by every chosen annotator yet


# --------------------------------------------------------------------------- loading


def _reviewers(store: Store, annotators: Sequence[str] | None) -> list[Annotator]:
    chosen = choose_annotators(store, annotators)
    if any(a.kind == "gold" for a in chosen):
        raise AnnotatorError(f"the {GOLD_NAME} layer is what review writes, not an annotator")
    return chosen


@dataclass(frozen=True)
class _Review:
    data: ReliabilityData
    diff: Differences
    adjudicated: np.ndarray  # (units,) bool

    def status(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(disputed, agreed, incomplete) masks over units, among the open ones."""
        open_ = ~self.adjudicated
        disputed = self.diff.disputed()
        complete = self.data.decided.all(axis=1)
        return (
            open_ & disputed,
            open_ & ~disputed & complete,
            open_ & ~disputed & ~complete,
        )


def _load(store: Store, annotators: Sequence[str] | None) -> _Review:
    names = [a.name for a in _reviewers(store, annotators)]
    data = load(store, names, spans=True, fields=True)
    adjudicated = np.isin(data.sentence_ids, store.review.adjudicated_ids())
    return _Review(data, differences(data), adjudicated)


# --------------------------------------------------------------------------- queue and progress


def queue(
    store: Store,
    annotators: Sequence[str] | None = None,
    *,
    label: str | None = None,
    pair: tuple[str, str] | None = None,
    article_id: int | None = None,
    include_adjudicated: bool = False,
) -> list[QueueItem]:
    """The disputed sentences in document order, optionally only those differing on ``label``,
    between the two annotators of ``pair``, or in one article.

    Raises NotFound for an unknown annotator or a pair outside the chosen annotators, and
    SchemaError for an unknown label.
    """
    review = _load(store, annotators)
    data, diff = review.data, review.diff
    names = data.annotators
    per_pair = diff.any  # (pairs, labels, units)
    if label is not None:
        store.schema.label(label)  # raises for an unknown label, listing the known ones
        per_pair = per_pair[:, [data.labels.index(label)], :]
    differs = per_pair.any(axis=1)  # (pairs, units)
    if pair is not None:
        differs = differs[[_pair_index(diff, names, pair)]]
    keep = differs.any(axis=0)
    if not include_adjudicated:
        keep &= ~review.adjudicated
    if article_id is not None:
        keep &= np.isin(data.sentence_ids, store.review.article_sentence_ids(article_id))
    units = np.flatnonzero(keep)
    where = store.review.locate(data.sentence_ids[units])
    any_diff = diff.any
    # Each item's who/what is a row of bits; the few distinct rows become tuples once.
    pair_names = [(names[i], names[j]) for i, j in diff.pairs]
    columns = [
        (data.decided[units], names),
        (any_diff.any(axis=0)[:, units].T, data.labels),
        (np.array([diff.aspect(a).any(axis=(0, 1))[units] for a in ASPECTS]).T, ASPECTS),
        (any_diff.any(axis=1)[:, units].T, pair_names),
    ]
    decoded = [_decode(bits, items) for bits, items in columns]
    out = []
    for k, sid in enumerate(data.sentence_ids[units].tolist()):
        article, position = where[sid]
        out.append(
            QueueItem(
                sid, article, position, decoded[0][k], decoded[1][k], decoded[2][k], decoded[3][k]
            )
        )
    return out


def _decode(bits: np.ndarray, items: Sequence[Any]) -> list[tuple[Any, ...]]:
    """For each row of a bool matrix, the tuple of ``items`` whose column is set."""
    if len(bits) == 0:
        return []
    rows, inverse = np.unique(bits, axis=0, return_inverse=True)
    tuples = [tuple(x for x, b in zip(items, row, strict=True) if b) for row in rows.tolist()]
    return [tuples[i] for i in inverse.ravel().tolist()]


def _pair_index(diff: Differences, names: Sequence[str], pair: tuple[str, str]) -> int:
    a, b = pair
    for name in (a, b):
        if name not in names:
            raise NotFound(f"annotator '{name}' is not among the compared: {', '.join(names)}")
    wanted = {names.index(a), names.index(b)}
    for p, (i, j) in enumerate(diff.pairs):
        if {i, j} == wanted:
            return p
    raise AnnotatorError(f"a pair needs two different annotators, got '{a}' twice")


def progress(store: Store, annotators: Sequence[str] | None = None) -> ReviewProgress:
    """How many of the units are resolved, and what the open ones are waiting for."""
    review = _load(store, annotators)
    disputed, agreed, incomplete = review.status()
    return ReviewProgress(
        total=len(review.data.sentence_ids),
        resolved=int(np.count_nonzero(review.adjudicated)),
        disputed=int(np.count_nonzero(disputed)),
        agreed=int(np.count_nonzero(agreed)),
        incomplete=int(np.count_nonzero(incomplete)),
    )


# --------------------------------------------------------------------------- one sentence


def version_key(state: AnnotationState) -> tuple[Any, ...]:
    """What makes two versions the same: labels, fields and spans (not the note)."""

    def canon(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    return (
        tuple(state.labels),
        canon(state.fields),
        tuple(sorted((s.label, s.start, s.end, canon(s.fields)) for s in state.spans)),
    )


def compare(store: Store, sentence_id: int, annotators: Sequence[str] | None = None) -> Comparison:
    """Each chosen annotator's decided version of the sentence, the versions and their diff."""
    chosen = _reviewers(store, annotators)
    sentence = store.sentences.get(sentence_id)
    states: dict[str, AnnotationState] = {}
    for a in chosen:
        found = store.annotations.get(sentence_id, a.annotator_id)
        if found is not None and found.state.decided:
            states[a.name] = found.state
    undecided = tuple(a.name for a in chosen if a.name not in states)
    groups: dict[tuple[Any, ...], list[str]] = {}
    for name, state in states.items():
        groups.setdefault(version_key(state), []).append(name)
    versions = sorted(
        (
            Version(states[who[0]].labels, states[who[0]].fields, states[who[0]].spans, tuple(who))
            for who in groups.values()
        ),
        key=lambda v: -len(v.annotators),
    )
    gold_annotator = store.annotators.find(GOLD_NAME)
    gold = None
    if gold_annotator is not None:
        found = store.annotations.get(sentence_id, gold_annotator.annotator_id)
        gold = found.state if found else None
    return Comparison(
        sentence=sentence,
        annotators=tuple(a.name for a in chosen),
        states=states,
        undecided=undecided,
        versions=tuple(versions),
        label_diffs=_label_diffs(store.schema.label_ids, states),
        field_diffs=_field_diffs(store.schema.label_ids, states),
        span_diffs=_span_diffs(sentence.text, states),
        gold=gold,
        adjudication=store.gold.get(sentence_id),
    )


def _label_diffs(labels: Sequence[str], states: Mapping[str, AnnotationState]) -> tuple:
    out = []
    for label in labels:
        chosen = tuple(n for n, s in states.items() if label in s.labels)
        if chosen and len(chosen) < len(states):
            out.append(LabelDiff(label, chosen, tuple(n for n in states if n not in chosen)))
    return tuple(out)


def _field_diffs(labels: Sequence[str], states: Mapping[str, AnnotationState]) -> tuple:
    out = []
    for label in labels:
        setters = {n: s.fields.get(label, {}) for n, s in states.items() if label in s.labels}
        if len(setters) < 2:
            continue
        keys: list[str] = []
        for values in setters.values():
            keys += [k for k in values if k not in keys]
        for key in keys:
            values = {n: v.get(key) for n, v in setters.items()}
            if len({json.dumps(v, sort_keys=True) for v in values.values()}) > 1:
                out.append(FieldDiff(label, key, values))
    return tuple(out)


def _span_diffs(text: str, states: Mapping[str, AnnotationState]) -> tuple:
    marked: dict[tuple[str, int, int], dict[str, FieldValues]] = {}
    for name, state in states.items():
        for span in state.spans:
            marked.setdefault(span.key(), {})[name] = span.fields
    out = []
    for (label, start, end), by in sorted(marked.items(), key=lambda kv: (kv[0][1], kv[0][2])):
        same_fields = len({json.dumps(f, sort_keys=True) for f in by.values()}) == 1
        if len(by) < len(states) or not same_fields:
            out.append(
                SpanDiff(
                    label,
                    start,
                    end,
                    text[start:end],
                    tuple(by),
                    tuple(n for n in states if n not in by),
                    by,
                )
            )
    return tuple(out)


# --------------------------------------------------------------------------- writing gold


def adjudicate(
    store: Store,
    sentence_id: int,
    state: AnnotationState,
    adjudicator: str,
    note: str = "",
    method: str = "manual",
    *,
    annotators: Sequence[str] | None = None,
) -> Adjudication:
    """Write ``state`` as the sentence's gold version, with who decided it, how and why.

    The gold annotation (decided) and the adjudication record are one transaction. The record's
    sources are the chosen annotators whose decided version equals ``state``. Raises
    SchemaError for a state the schema refuses and AnnotatorError for an unknown method.
    """
    if method not in METHODS:
        raise AnnotatorError(f"unknown adjudication method '{method}'; known: {', '.join(METHODS)}")
    store.sentences.get(sentence_id)  # NotFound for a bad id, before anything is written
    chosen = _reviewers(store, annotators)
    judge = store.annotators.get_or_create(adjudicator)
    gold = store.annotators.gold()
    wanted = state.with_(decided=True)
    with store.transaction():
        written = store.annotations.write(sentence_id, gold.annotator_id, wanted)
        key = version_key(written)
        sources = []
        for a in chosen:
            found = store.annotations.get(sentence_id, a.annotator_id)
            if found is not None and found.state.decided and version_key(found.state) == key:
                sources.append(a.name)
        store.gold.record(sentence_id, judge.annotator_id, method, sources, note)
    record = store.gold.get(sentence_id)
    assert record is not None
    return record


def reopen(store: Store, sentence_id: int) -> None:
    """Remove the sentence's gold version and adjudication record (one transaction)."""
    gold = store.annotators.find(GOLD_NAME)
    with store.transaction():
        if gold is not None:
            store.annotations.write(sentence_id, gold.annotator_id, AnnotationState())
        store.gold.remove(sentence_id)


def auto_adjudicate_agreed(
    store: Store,
    annotators: Sequence[str] | None = None,
    *,
    adjudicator: str | None = None,
) -> AutoResult:
    """Promote every sentence all chosen annotators decided identically into gold.

    Sentences that already have an adjudication, or a gold version without one (written by
    hand), are left alone, so running it again promotes nothing new. The adjudicator is
    recorded as ``adjudicator`` (default: the gold pseudo-annotator, meaning "automatic").
    """
    review = _load(store, annotators)
    names = review.data.annotators
    disputed, agreed, incomplete = review.status()
    gold = store.annotators.gold()
    judge = gold if adjudicator is None else store.annotators.get_or_create(adjudicator)
    candidates = review.data.sentence_ids[agreed]
    has_gold = np.isin(candidates, store.review.annotated_ids(gold.annotator_id))
    promote = candidates[~has_gold]
    source = store.annotators.get(names[0])
    with store.transaction():
        store.gold.promote(
            promote.tolist(),
            source.annotator_id,
            gold.annotator_id,
            judge.annotator_id,
            "auto_agreed",
            names,
        )
    all_agreed = review.data.decided.all(axis=1) & ~review.diff.disputed()
    return AutoResult(
        promoted=len(promote),
        already_adjudicated=int(np.count_nonzero(all_agreed & review.adjudicated)),
        gold_kept=int(np.count_nonzero(has_gold)),
        disputed=int(np.count_nonzero(disputed)),
        incomplete=int(np.count_nonzero(incomplete)),
    )


# --------------------------------------------------------------------------- undoable edit


@dataclass(frozen=True)
class AdjudicationEdit:
    """``adjudicate`` as an undoable edit (``annotator.edits.Edit``): revert restores the
    sentence's previous gold version and adjudication record exactly."""

    article_id: int
    sentence_id: int
    after: AnnotationState
    adjudicator: str
    note: str
    before: AnnotationState
    before_record: Adjudication | None
    annotators: tuple[str, ...] | None = None
    method: str = "manual"
    text: str = field(default="Adjudicate sentence")

    @classmethod
    def make(
        cls,
        store: Store,
        sentence_id: int,
        state: AnnotationState,
        adjudicator: str,
        note: str = "",
        *,
        annotators: Sequence[str] | None = None,
    ) -> AdjudicationEdit:
        """Snapshot the sentence's current gold so the edit can be reverted."""
        sentence = store.sentences.get(sentence_id)
        gold = store.annotators.find(GOLD_NAME)
        before = (
            store.annotations.state(sentence_id, gold.annotator_id) if gold else AnnotationState()
        )
        return cls(
            sentence.article_id,
            sentence_id,
            state,
            adjudicator,
            note,
            before,
            store.gold.get(sentence_id),
            None if annotators is None else tuple(annotators),
        )

    def _change(self) -> Change:
        return Change(
            frozenset({self.article_id}),
            frozenset({self.sentence_id}),
            frozenset({"annotation", "adjudication"}),
        )

    def apply(self, store: Store) -> Change:
        adjudicate(
            store,
            self.sentence_id,
            self.after,
            self.adjudicator,
            self.note,
            self.method,
            annotators=self.annotators,
        )
        return self._change()

    def revert(self, store: Store) -> Change:
        gold = store.annotators.gold()
        record = self.before_record
        judge = store.annotators.get(record.adjudicator) if record else None
        with store.transaction():
            store.annotations.write(self.sentence_id, gold.annotator_id, self.before)
            if record is None or judge is None:
                store.gold.remove(self.sentence_id)
            else:
                store.gold.record(
                    self.sentence_id,
                    judge.annotator_id,
                    record.method,
                    record.source_annotators,
                    record.note,
                    at=record.updated_at,
                )
        return self._change()
