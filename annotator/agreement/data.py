"""Reliability data: the store's decided annotations as a units × annotators matrix of label sets.

A *unit* is a sentence that at least two of the chosen annotators have decided. An undecided
sentence is missing for that annotator (not "no label"): only the ``decided`` flag says an
annotator looked at the sentence and chose its labels, possibly none. Boilerplate sentences are
left out unless one of the chosen annotators labeled them: "nothing on page noise" is agreement
nobody needs measured, but a label on noise is a disagreement worth seeing.

A value is the annotator's label *set* as a bit mask (bit i = ``labels[i]``, schema order), so
the empty set is a value like any other and each label's presence is one bit away. Everything is
built with numpy from the store's columns; no Python loop runs over sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from annotator.agreement.measures import MISSING
from annotator.agreement.spans import SpanColumns
from annotator.errors import AnnotatorError
from annotator.records import Annotator

if TYPE_CHECKING:
    from annotator.store import Store
    from annotator.store.decided import AnnotatorSpans, DecidedFields


@dataclass(frozen=True)
class ReliabilityData:
    """Decided label sets (and optionally spans and fields) of chosen annotators on units."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]  # bit i of a value is labels[i]
    sentence_ids: np.ndarray  # (units,) ascending
    values: np.ndarray  # (units, annotators) int64 label-set masks; MISSING = not decided
    span_labels: tuple[str, ...] = ()  # the labels whose spans are in ``spans``
    spans: tuple[SpanColumns, ...] = ()  # per annotator; unit = index into sentence_ids
    span_fields: tuple[np.ndarray, ...] = ()  # per annotator, per span: fields id (0 = none)
    fields: np.ndarray | None = None  # (units, annotators, labels) form-fields id (0 = none)

    @property
    def decided(self) -> np.ndarray:
        """(units, annotators) bool: who decided each unit."""
        return self.values != MISSING

    def label_bits(self, label: str) -> np.ndarray:
        """(units, annotators) 0/1 presence of one label, MISSING where not decided."""
        bit = self.labels.index(label)
        return np.where(self.values == MISSING, MISSING, (self.values >> bit) & 1)

    def restricted(self, labels: Sequence[str]) -> np.ndarray:
        """The label-set values with only ``labels`` kept (other bits cleared)."""
        keep = sum(1 << self.labels.index(label) for label in labels)
        return np.where(self.values == MISSING, MISSING, self.values & keep)


def choose_annotators(store: Store, names: Sequence[str] | None) -> list[Annotator]:
    """The annotators to compare: the named ones, or every human annotator who decided something.

    Raises NotFound for an unknown name (listing the known ones) and AnnotatorError when fewer
    than two annotators remain.
    """
    if names is None:
        active = set(store.decided.active_annotator_ids())
        chosen = [a for a in store.annotators.all() if a.annotator_id in active]
        if len(chosen) < 2:
            have = ", ".join(a.name for a in chosen) or "none"
            raise AnnotatorError(
                "agreement needs at least two annotators who have decided sentences; "
                f"found {len(chosen)} ({have})"
            )
        return chosen
    else:
        chosen = []
        for name in names:
            annotator = store.annotators.get(name.strip())
            if annotator not in chosen:
                chosen.append(annotator)
    if len(chosen) < 2:
        have = ", ".join(a.name for a in chosen) or "none"
        raise AnnotatorError(f"agreement needs at least two annotators; got {len(chosen)} ({have})")
    return chosen


def choose_labels(store: Store, names: Sequence[str] | None) -> tuple[str, ...]:
    """The labels to report, in schema order: the named ones (checked) or all of the schema."""
    schema = store.schema
    if names is None:
        return schema.label_ids
    for name in names:
        schema.label(name.strip())  # raises SchemaError listing the known labels
    return tuple(schema.order({n.strip() for n in names}))


def load(
    store: Store,
    annotators: Sequence[str] | None = None,
    *,
    spans: bool = True,
    fields: bool = False,
) -> ReliabilityData:
    """Read the chosen annotators' decided annotations from the store into reliability data."""
    chosen = choose_annotators(store, annotators)
    labels = store.schema.label_ids
    columns = []
    for annotator in chosen:
        decided = store.decided.decided_labels(annotator.annotator_id, labels)
        columns.append((decided.sentence_ids, decided.masks))
    data = from_columns(
        [a.name for a in chosen], labels, columns, boilerplate=store.decided.boilerplate_ids()
    )
    if spans:
        span_labels = tuple(lab.id for lab in store.schema.labels if lab.span)
        data = with_spans(
            data,
            span_labels,
            [store.decided.spans(a.annotator_id, span_labels, fields=fields) for a in chosen],
        )
    if fields:
        data = with_fields(
            data, [store.decided.decided_fields(a.annotator_id, labels) for a in chosen]
        )
    return data


def from_columns(
    annotators: Sequence[str],
    labels: Sequence[str],
    columns: Sequence[tuple[np.ndarray, np.ndarray]],
    *,
    boilerplate: np.ndarray | None = None,
) -> ReliabilityData:
    """Build reliability data from per-annotator (sentence ids, label-set masks) columns.

    Each annotator's sentence ids must be unique. Units are the sentences with two or more
    values, minus boilerplate sentences nobody labeled.
    """
    sids = [np.asarray(c[0], dtype=np.int64) for c in columns]
    masks = [np.asarray(c[1], dtype=np.int64) for c in columns]
    every = np.concatenate(sids) if sids else np.zeros(0, dtype=np.int64)
    raters = len(columns)
    if every.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return ReliabilityData(
            tuple(annotators), tuple(labels), empty, np.zeros((0, raters), dtype=np.int64)
        )
    lo, hi = int(every.min()), int(every.max())
    if hi - lo < 4 * every.size + 1_000_000:  # ids are dense rowids: index by id, no sort
        slot_ids = np.arange(lo, hi + 1, dtype=np.int64)
        slots = [s - lo for s in sids]
    else:
        slot_ids, inverse = np.unique(every, return_inverse=True)
        slots = np.split(inverse, np.cumsum([len(s) for s in sids])[:-1])
    all_slots = np.concatenate(slots)
    count = np.bincount(all_slots, minlength=len(slot_ids))
    labeled = np.bincount(all_slots, weights=np.concatenate(masks) != 0, minlength=len(slot_ids))
    keep = count >= 2
    if boilerplate is not None and len(boilerplate):
        candidates = np.flatnonzero(keep)
        noise = np.isin(slot_ids[candidates], boilerplate) & (labeled[candidates] == 0)
        keep[candidates[noise]] = False
    unit_of_slot = np.full(len(slot_ids), -1, dtype=np.int64)
    unit_of_slot[keep] = np.arange(np.count_nonzero(keep))
    values = np.full((int(np.count_nonzero(keep)), raters), MISSING, dtype=np.int64)
    for r, (slot, mask) in enumerate(zip(slots, masks, strict=True)):
        unit = unit_of_slot[slot]
        inside = unit >= 0
        values[unit[inside], r] = mask[inside]
    return ReliabilityData(tuple(annotators), tuple(labels), slot_ids[keep], values)


def unit_index(data: ReliabilityData, sentence_ids: np.ndarray) -> np.ndarray:
    """Index of each sentence id among the units, -1 for sentences that are not units."""
    ids = np.asarray(sentence_ids, dtype=np.int64)
    units = data.sentence_ids
    if len(units) == 0:
        return np.full(len(ids), -1, dtype=np.int64)
    pos = np.minimum(np.searchsorted(units, ids), len(units) - 1)
    return np.where(units[pos] == ids, pos, -1)


def with_spans(
    data: ReliabilityData, span_labels: Sequence[str], per_annotator: Sequence[AnnotatorSpans]
) -> ReliabilityData:
    """Attach each annotator's spans on the units that annotator decided."""
    spans, span_fields = [], []
    ids: dict[str, int] = {"": 0}
    for r, decided in enumerate(per_annotator):
        unit = unit_index(data, decided.sentence_ids)
        inside = unit >= 0
        inside[inside] = data.values[unit[inside], r] != MISSING  # spans of decided sentences
        spans.append(
            SpanColumns(
                unit[inside], decided.labels[inside], decided.starts[inside], decided.ends[inside]
            )
        )
        span_fields.append(_ids(decided.fields, ids)[inside])
    return replace(
        data, span_labels=tuple(span_labels), spans=tuple(spans), span_fields=tuple(span_fields)
    )


def with_fields(data: ReliabilityData, per_annotator: Sequence[DecidedFields]) -> ReliabilityData:
    """Attach each annotator's form fields per label (``DecidedFields``-like) as ids."""
    out = np.zeros((len(data.sentence_ids), len(data.annotators), len(data.labels)), np.int64)
    ids: dict[str, int] = {"": 0}
    for r, decided in enumerate(per_annotator):
        unit = unit_index(data, decided.sentence_ids)
        inside = unit >= 0
        for li, texts in enumerate(decided.values):
            out[unit[inside], r, li] = _ids(texts, ids)[inside]
    return replace(data, fields=out)


def _ids(texts: Sequence[str], ids: dict[str, int]) -> np.ndarray:
    """Number each distinct text (``ids`` is shared so equal texts get equal ids; "" is 0)."""
    out = np.zeros(len(texts), dtype=np.int64)
    filled = [(k, t) for k, t in enumerate(texts) if t]
    if filled:
        where, values = zip(*filled, strict=True)
        out[list(where)] = [ids.setdefault(t, len(ids)) for t in values]
    return out
