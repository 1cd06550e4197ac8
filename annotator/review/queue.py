"""The disagreement queue and review progress over the chosen annotators' decided units."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from annotator.agreement.data import ReliabilityData, load
from annotator.errors import AnnotatorError, NotFound
from annotator.review.differences import ASPECTS, Differences, differences
from annotator.review.versions import QueueItem, ReviewProgress, reviewers

if TYPE_CHECKING:
    from annotator.store import Store


# --------------------------------------------------------------------------- loading




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


def load_review(store: Store, annotators: Sequence[str] | None) -> _Review:
    """The chosen annotators' decided units, their differences and what is adjudicated."""
    names = [a.name for a in reviewers(store, annotators)]
    data = load(store, names, spans=True, fields=True)
    adjudicated = np.isin(data.sentence_ids, store.decided.adjudicated_ids())
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
    review = load_review(store, annotators)
    data, diff = review.data, review.diff
    names = data.annotators
    per_pair = diff.any  # (pairs, labels, units)
    if label is not None:
        store.schema.label(label)  # raises for an unknown label, listing the known ones
        per_pair = per_pair[:, [data.labels.index(label)], :]
    differs = np.any(per_pair, axis=1)  # (pairs, units); np.any: typed as an array
    if pair is not None:
        differs = differs[[_pair_index(diff, names, pair)]]
    keep = differs.any(axis=0)
    if not include_adjudicated:
        keep &= ~review.adjudicated
    if article_id is not None:
        keep &= np.isin(data.sentence_ids, store.decided.article_sentence_ids(article_id))
    units = np.flatnonzero(keep)
    where = store.decided.locate(data.sentence_ids[units])
    any_diff = diff.any
    # Each item's who/what is a row of bits; the few distinct rows become tuples once.
    pair_names = [(names[i], names[j]) for i, j in diff.pairs]
    columns = [
        (data.decided[units], names),
        (np.any(any_diff, axis=0)[:, units].T, data.labels),
        (np.array([np.any(diff.aspect(a), axis=(0, 1))[units] for a in ASPECTS]).T, ASPECTS),
        (np.any(any_diff, axis=1)[:, units].T, pair_names),
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
    review = load_review(store, annotators)
    disputed, agreed, incomplete = review.status()
    return ReviewProgress(
        total=len(review.data.sentence_ids),
        resolved=int(np.count_nonzero(review.adjudicated)),
        disputed=int(np.count_nonzero(disputed)),
        agreed=int(np.count_nonzero(agreed)),
        incomplete=int(np.count_nonzero(incomplete)),
    )


