"""Where annotators' versions differ, per unit, annotator pair and label: vectorised for review.

A *version* of a sentence is what one annotator decided: the label set, each label's form fields
and the spans with their fields (the note is not part of it). Two annotators agree on a sentence
when their versions are identical. This module finds, for every unit at once, which pairs of
annotators differ on which label and in which aspect:

- ``labels``: one set the label, the other did not;
- ``fields``: the label's form fields differ (compared as canonical JSON, via integer ids);
- ``spans``: the spans of that label differ in offsets or span fields.

Spans are compared by grouping all annotators' spans on (unit, label, start, end, fields) and
OR-ing one bit per annotator into each group: a pair differs on a group when exactly one of the
two bits is set. Everything is sort + reduce; the only Python loops run over pairs and labels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.agreement.data import ReliabilityData
from annotator.agreement.measures import rater_pairs

ASPECTS = ("labels", "fields", "spans")


@dataclass(frozen=True)
class Differences:
    """Boolean arrays of shape (pairs, labels, units), each already limited to units both decided."""

    pairs: tuple[tuple[int, int], ...]
    labels: np.ndarray
    fields: np.ndarray
    spans: np.ndarray
    both: np.ndarray  # (pairs, units): both annotators of the pair decided the unit

    @property
    def any(self) -> np.ndarray:
        """(pairs, labels, units): the pair differs on the label in some aspect."""
        return self.labels | self.fields | self.spans

    def disputed(self) -> np.ndarray:
        """(units,): some pair of annotators who both decided the unit differs."""
        return np.any(self.any, axis=(0, 1))  # np.any: typed as an array

    def aspect(self, name: str) -> np.ndarray:
        return {"labels": self.labels, "fields": self.fields, "spans": self.spans}[name]


def differences(data: ReliabilityData) -> Differences:
    """Compare every pair of annotators on every unit (fields and spans when loaded)."""
    units, raters = data.values.shape
    n_labels = len(data.labels)
    pairs = tuple(rater_pairs(raters))
    decided = data.decided
    both = np.array([decided[:, i] & decided[:, j] for i, j in pairs]).reshape(len(pairs), units)
    shape = (len(pairs), n_labels, units)
    label_diff = np.zeros(shape, dtype=bool)
    field_diff = np.zeros(shape, dtype=bool)
    span_diff = np.zeros(shape, dtype=bool)
    for li in range(n_labels):
        bits = (data.values >> li) & 1
        for p, (i, j) in enumerate(pairs):
            label_diff[p, li] = both[p] & (bits[:, i] != bits[:, j])
            if data.fields is not None:
                field_diff[p, li] = both[p] & (data.fields[:, i, li] != data.fields[:, j, li])
    if data.spans:
        _span_differences(data, pairs, both, span_diff)
    return Differences(pairs, label_diff, field_diff, span_diff, both)


def _span_differences(
    data: ReliabilityData, pairs: tuple[tuple[int, int], ...], both: np.ndarray, out: np.ndarray
) -> None:
    to_schema = np.array([data.labels.index(lab) for lab in data.span_labels] or [0], np.int64)
    unit = np.concatenate([s.unit for s in data.spans])
    if unit.size == 0:
        return
    label = to_schema[np.concatenate([s.label for s in data.spans])]
    start = np.concatenate([s.start for s in data.spans])
    end = np.concatenate([s.end for s in data.spans])
    fields = np.concatenate(data.span_fields) if data.span_fields else np.zeros(unit.size, np.int64)
    rater_bit = np.concatenate(
        [np.full(len(s.unit), 1 << r, dtype=np.int64) for r, s in enumerate(data.spans)]
    )
    order = np.lexsort((fields, end, start, label, unit))
    keys = np.stack([unit, label, start, end, fields])[:, order]
    new_group = np.ones(unit.size, dtype=bool)
    new_group[1:] = np.any(keys[:, 1:] != keys[:, :-1], axis=0)
    firsts = np.flatnonzero(new_group)
    members = np.bitwise_or.reduceat(rater_bit[order], firsts)
    g_unit, g_label = keys[0, firsts], keys[1, firsts]
    for p, (i, j) in enumerate(pairs):
        differs = ((members >> i) ^ (members >> j)) & 1 == 1
        out[p, g_label[differs], g_unit[differs]] = True
        out[p] &= both[p]
