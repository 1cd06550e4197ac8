"""Review records and one sentence side by side: versions, their keys, and structured diffs."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.agreement.data import choose_annotators
from annotator.errors import AnnotatorError
from annotator.records import AnnotationState, Annotator, FieldValues, Sentence, SpanValue
from annotator.store.annotators import GOLD_NAME
from annotator.store.gold import Adjudication

if TYPE_CHECKING:
    from annotator.store import Store



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


# --------------------------------------------------------------------------- one sentence


def version_key(state: AnnotationState) -> tuple[Any, ...]:
    """What makes two versions the same: labels, fields and spans (not the note)."""

    def canon(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)

    return (
        tuple(state.labels),
        canon(state.fields),
        tuple(sorted((s.label, s.start, s.end, canon(s.fields)) for s in state.spans)),
    )


def compare(store: Store, sentence_id: int, annotators: Sequence[str] | None = None) -> Comparison:
    """Each chosen annotator's decided version of the sentence, the versions and their diff."""
    chosen = reviewers(store, annotators)
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
            if len({json.dumps(v, sort_keys=True, allow_nan=False) for v in values.values()}) > 1:
                out.append(FieldDiff(label, key, values))
    return tuple(out)


def _span_diffs(text: str, states: Mapping[str, AnnotationState]) -> tuple:
    marked: dict[tuple[str, int, int], dict[str, FieldValues]] = {}
    for name, state in states.items():
        for span in state.spans:
            marked.setdefault(span.key(), {})[name] = span.fields
    out = []
    for (label, start, end), by in sorted(marked.items(), key=lambda kv: (kv[0][1], kv[0][2])):
        same_fields = len({json.dumps(f, sort_keys=True, allow_nan=False) for f in by.values()}) == 1
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


def reviewers(store: Store, annotators: Sequence[str] | None) -> list[Annotator]:
    """The chosen annotators to review; the gold layer is not one of them."""
    chosen = choose_annotators(store, annotators)
    if any(a.kind == "gold" for a in chosen):
        raise AnnotatorError(f"the {GOLD_NAME} layer is what review writes, not an annotator")
    return chosen
