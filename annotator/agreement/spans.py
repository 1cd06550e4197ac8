"""Span agreement between two annotators: exact-match F1 and overlap F1, per span label.

Only spans on sentences both annotators decided count (the caller passes those units). Spans
are parallel int arrays (unit, label, start, end); all matching is sort + searchsorted.

- **Exact F1** = 2·|A∩B| / (|A|+|B|): a span agrees when the other annotator marked the same
  label at the same offsets.
- **Overlap F1** = 2PR/(P+R) with P the share of A's spans that overlap some span of B with the
  same label in the same sentence, and R the same for B. It forgives boundary disagreements
  ("1.63万名" against "1.63万"), which the guidelines leave to judgement.

Both are undefined (None with a reason) when neither annotator marked a span of the label.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.agreement.measures import Score


@dataclass(frozen=True, slots=True)
class SpanColumns:
    """Spans as parallel arrays, one entry per span."""

    unit: np.ndarray
    label: np.ndarray
    start: np.ndarray
    end: np.ndarray

    def take(self, keep: np.ndarray) -> SpanColumns:
        return SpanColumns(self.unit[keep], self.label[keep], self.start[keep], self.end[keep])

    def __len__(self) -> int:
        return len(self.unit)


@dataclass(frozen=True, slots=True)
class SpanAgreement:
    """Span agreement of one pair on one label."""

    exact_f1: Score
    overlap_f1: Score
    spans_a: int
    spans_b: int
    exact_matches: int


NO_SPANS = "neither annotator marked a span of this label on a sentence both decided"


def span_agreement(a: SpanColumns, b: SpanColumns) -> SpanAgreement:
    """Exact and overlap F1 of two annotators' spans (already limited to one label)."""
    na, nb = len(a), len(b)
    if na + nb == 0:
        nothing = Score.undefined(NO_SPANS)
        return SpanAgreement(nothing, nothing, 0, 0, 0)
    width = int(max(a.end.max(initial=0), b.end.max(initial=0))) + 1
    labels = int(max(a.label.max(initial=0), b.label.max(initial=0))) + 1
    key_a = _key(a, labels, width)
    key_b = _key(b, labels, width)
    matches = int(np.intersect1d(key_a, key_b, assume_unique=True).size)
    exact = Score.of(2 * matches / (na + nb))
    if na == 0 or nb == 0:
        return SpanAgreement(exact, Score.of(0.0), na, nb, matches)
    precision = np.count_nonzero(_overlaps(a, b, labels, width)) / na
    recall = np.count_nonzero(_overlaps(b, a, labels, width)) / nb
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return SpanAgreement(exact, Score.of(f1), na, nb, matches)


def _group(spans: SpanColumns, labels: int) -> np.ndarray:
    """(unit, label) as one int64; with ``width`` squared it stays far below 2^63."""
    return spans.unit.astype(np.int64) * labels + spans.label


def _key(spans: SpanColumns, labels: int, width: int) -> np.ndarray:
    return (_group(spans, labels) * width + spans.start) * width + spans.end


def _overlaps(a: SpanColumns, b: SpanColumns, labels: int, width: int) -> np.ndarray:
    """For each span of ``a``: does a span of ``b`` in the same group overlap it?

    Sort b by (group, start) and take the running maximum of (group, end): for a span
    [s, e) the last b span of the group starting before e overlaps it exactly when the largest
    end among the group's spans that start before e lies after s. Encoding group·width + offset
    keeps the running maximum from leaking across groups, since earlier groups sort lower.
    """
    group_b = _group(b, labels)
    start_b = group_b * width + b.start
    order = np.argsort(start_b, kind="stable")
    start_b = start_b[order]
    reach = np.maximum.accumulate(group_b[order] * width + b.end[order])
    group_a = _group(a, labels)
    before = np.searchsorted(start_b, group_a * width + a.end, side="left") - 1
    found = before >= 0
    out = np.zeros(len(a), dtype=bool)
    out[found] = reach[before[found]] > group_a[found] * width + a.start[found]
    return out
