"""Bulk reads for agreement and review: the decided annotations of chosen annotators as columns.

Agreement over 600,000 sentences × 3 annotators must not build one Python object per annotation
(a plain ``fetchall`` of 1.8 million rows alone takes over a second). Each query here lets SQLite
fold one annotator's rows into a single ``group_concat`` string that numpy parses in one call
(``np.fromstring(sep=",")``), about 0.1 s per annotator.

- Label sets come back as bit masks: bit i is set when the i-th label asked for is present.
  ``Annotations.write`` stores labels as compact JSON in schema order, so a ``CASE`` on the
  ``2^L`` canonical strings matches every row it wrote; ``instr`` on ``"label"`` (quotes included,
  so ``stat`` never matches ``statistic``) is the fallback for anything else.
- Text values that are only compared for equality (a label's form fields, a span's fields) come
  back as their canonical JSON text; callers turn them into small integer ids.
- Only *decided* annotations are read: an undecided annotation is missing, not "no label".

numpy is imported inside the methods so that opening a Store stays cheap.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    import numpy as np  # lazy: numpy loads only when agreement or review read columns

    from annotator.store import Store

# A separator that never occurs in json.dumps output (control characters are escaped there).
_SEP = "\x1e"
# Labels sets are packed with the sentence id into one int64: sentence_id << len(labels) | mask.
_PACK_LIMIT = 24
_MASK_LIMIT = 62  # and at most 64 span labels, packed beside the sentence id
_CHUNK = 10_000


@dataclass(frozen=True, slots=True)
class DecidedLabels:
    """One annotator's decided label sets, by sentence (ascending sentence ids)."""

    annotator_id: int
    sentence_ids: np.ndarray  # int64
    masks: np.ndarray  # int64; bit i set when labels[i] was chosen


@dataclass(frozen=True, slots=True)
class DecidedFields:
    """One annotator's form fields per label on decided sentences that have any fields."""

    annotator_id: int
    sentence_ids: np.ndarray  # int64, ascending
    values: tuple[tuple[str, ...], ...]  # per label asked for: JSON text per sentence ("" = none)


@dataclass(frozen=True, slots=True)
class AnnotatorSpans:
    """One annotator's spans as parallel columns (one entry per span)."""

    annotator_id: int
    sentence_ids: np.ndarray  # int64
    labels: np.ndarray  # int64 index into the labels asked for
    starts: np.ndarray  # int64 offsets into the sentence
    ends: np.ndarray
    fields: tuple[str, ...]  # the span's fields as JSON text ("" = none)


class DecidedColumns:
    """Bulk columnar reads of decided annotations, for agreement and review."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ agreement columns

    def decided_labels(self, annotator_id: int, label_ids: Sequence[str]) -> DecidedLabels:
        """The annotator's decided annotations as (sentence id, label-set bit mask) columns."""
        import numpy as np  # lazy: numpy loads only when agreement or review read columns

        n = len(label_ids)
        if n > _MASK_LIMIT:
            raise AnnotatorError(f"agreement handles at most {_MASK_LIMIT} labels, not {n}")
        mask_sql, params = _mask_expression(label_ids, self.store.sql.find)
        gc = self.store.sql.group_concat
        if n <= _PACK_LIMIT:
            text = self._one(
                f"SELECT {gc(f'(sentence_id << {n}) | ({mask_sql})')} FROM annotations "
                "WHERE annotator_id = ? AND decided = 1",
                [*params, annotator_id],
            )
            packed = _ints(text)
            sids, masks = packed >> n, packed & ((1 << n) - 1)
        else:  # too many bits to pack beside the id: fetch pairs
            pair = "sentence_id || ',' || (" + mask_sql + ")"
            text = self._one(
                f"SELECT {gc(pair)} FROM annotations "
                "WHERE annotator_id = ? AND decided = 1",
                [*params, annotator_id],
            )
            pairs = _ints(text).reshape(-1, 2)
            sids, masks = pairs[:, 0].copy(), pairs[:, 1].copy()
        if len(sids) > 1 and not bool(np.all(sids[1:] > sids[:-1])):
            order = np.argsort(sids, kind="stable")
            sids, masks = sids[order], masks[order]
        return DecidedLabels(annotator_id, sids, masks)

    def decided_fields(self, annotator_id: int, label_ids: Sequence[str]) -> DecidedFields:
        """The annotator's form fields per label on decided sentences with any field set.

        Each label's fields come back as canonical JSON text (``json_extract`` keeps the stored
        key order, and ``Annotations.write`` stores keys sorted), so equal text = equal values.
        """
        import numpy as np  # lazy: numpy loads only when agreement or review read columns

        sql = self.store.sql
        member = f"coalesce({sql.json_member('fields')}, '')"
        columns = ", ".join(sql.group_concat(member, _SEP) for _ in label_ids)
        rows = self.store.query(
            f"SELECT {sql.group_concat('sentence_id')}{', ' if columns else ''}{columns} "
            "FROM annotations WHERE annotator_id = ? AND decided = 1 AND fields != '{}'",
            [*(sql.json_key(label) for label in label_ids), annotator_id],
        )
        row = rows[0]
        sids = _ints(row[0])
        values = tuple(_texts(row[1 + i], len(sids)) for i in range(len(label_ids)))
        order = np.argsort(sids, kind="stable")
        if len(sids) > 1 and not bool(np.all(order == np.arange(len(sids)))):
            sids = sids[order]
            values = tuple(tuple(col[k] for k in order) for col in values)
        return DecidedFields(annotator_id, sids, values)

    def spans(
        self, annotator_id: int, label_ids: Sequence[str], *, fields: bool = True
    ) -> AnnotatorSpans:
        """The annotator's spans of the given labels, decided or not (callers keep the decided:
        joining ``annotations`` here made SQLite walk every annotation, 3× slower).

        Without ``fields`` the span fields come back empty (agreement does not compare them).
        """
        import numpy as np  # lazy: numpy loads only when agreement or review read columns

        if not label_ids:
            empty = np.zeros(0, dtype=np.int64)
            return AnnotatorSpans(annotator_id, empty, empty, empty, empty, ())
        case = "CASE label " + " ".join("WHEN ? THEN ?" for _ in label_ids) + " END"
        params: list[Any] = []
        for i, label in enumerate(label_ids):
            params += [label, i]
        marks = ",".join("?" * len(label_ids))
        # two packed integers per span (sentence·64 + label, start·2^31 + end): SQLite builds
        # these strings 2.5× faster than four comma-joined numbers
        gc = self.store.sql.group_concat
        fields_sql = gc("CASE WHEN fields = '{}' THEN '' ELSE fields END", _SEP) if fields else "NULL"
        row = self.store.query(
            f"SELECT {gc(f'sentence_id * 64 + ({case})')}, "
            f"{gc('(char_start << 31) | char_end')}, {fields_sql} "
            f"FROM spans WHERE annotator_id = ? AND label IN ({marks})",
            [*params, annotator_id, *label_ids],
        )[0]
        where, offsets = _ints(row[0]), _ints(row[1])
        return AnnotatorSpans(
            annotator_id,
            where >> 6,
            where & 63,
            offsets >> 31,
            offsets & ((1 << 31) - 1),
            _texts(row[2], len(where)) if fields else ("",) * len(where),
        )

    def active_annotator_ids(self) -> list[int]:
        """Ids of the human annotators with at least one decided annotation, by name."""
        rows = self.store.query(
            "SELECT an.annotator_id FROM annotators an WHERE an.kind = 'human' AND EXISTS "
            "(SELECT 1 FROM annotations a WHERE a.annotator_id = an.annotator_id AND a.decided = 1) "
            "ORDER BY an.name"
        )
        return [r[0] for r in rows]

    def boilerplate_ids(self) -> np.ndarray:
        """Ids of the sentences flagged as boilerplate, ascending."""
        import numpy as np  # lazy: numpy loads only when agreement or review read columns

        return np.sort(
            _ints(self._one(f"SELECT {self._ids()} FROM sentences WHERE boilerplate = 1"))
        )

    def annotated_ids(self, annotator_id: int) -> np.ndarray:
        """Ids of the sentences the annotator has any annotation row for (decided or not)."""
        import numpy as np  # lazy: numpy loads only when agreement or review read columns

        return np.sort(
            _ints(
                self._one(
                    f"SELECT {self._ids()} FROM annotations WHERE annotator_id = ?",
                    [annotator_id],
                )
            )
        )

    # ------------------------------------------------------------------ the review queue

    def adjudicated_ids(self) -> np.ndarray:
        """Ids of the sentences with an adjudication record, ascending."""
        import numpy as np  # lazy: numpy loads only when agreement or review read columns

        return np.sort(_ints(self._one(f"SELECT {self._ids()} FROM adjudications")))

    def locate(self, sentence_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        """Map sentence id → (article id, position in the article)."""
        ids = [int(s) for s in sentence_ids]
        out: dict[int, tuple[int, int]] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            rows = self.store.query(
                "SELECT sentence_id, article_id, position FROM sentences "
                f"WHERE sentence_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update((r[0], (r[1], r[2])) for r in rows)
        return out

    def article_sentence_ids(self, article_id: int) -> np.ndarray:
        """Ids of the article's sentences, ascending."""
        import numpy as np  # lazy: numpy loads only when agreement or review read columns

        return np.sort(
            _ints(
                self._one(
                    f"SELECT {self._ids()} FROM sentences WHERE article_id = ?",
                    [article_id],
                )
            )
        )

    # ------------------------------------------------------------------ helpers

    def _ids(self) -> str:
        return self.store.sql.group_concat("sentence_id")

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.store.query(sql, list(params))[0][0]


def _mask_expression(
    label_ids: Sequence[str], find: Callable[[str, str], str]
) -> tuple[str, list[Any]]:
    """SQL computing the label-set bit mask of ``annotations.labels``, and its parameters."""
    instr = " | ".join(
        f"(CASE WHEN {find('labels', '?')} > 0 THEN {1 << i} ELSE 0 END)"
        for i in range(len(label_ids))
    )  # fallback for text not written by Annotations.write
    params: list[Any] = [f'"{label}"' for label in label_ids]
    if not label_ids:
        return "0", []
    if len(label_ids) > 5:  # 2^L canonical strings would make a long CASE; instr is fine
        return instr, params
    whens = []
    canonical: list[Any] = []
    for mask in range(1 << len(label_ids)):
        chosen = [label for i, label in enumerate(label_ids) if mask >> i & 1]
        whens.append("WHEN ? THEN ?")
        canonical += [json.dumps(chosen, ensure_ascii=False, separators=(",", ":"), allow_nan=False), mask]
    return f"CASE labels {' '.join(whens)} ELSE {instr} END", canonical + params


def _ints(text: str | None) -> np.ndarray:
    """Parse a ``group_concat`` of integers (None when there were no rows)."""
    import numpy as np  # lazy: numpy loads only when agreement or review read columns

    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def _texts(text: str | None, count: int) -> tuple[str, ...]:
    """Split a ``group_concat`` of text values joined by the separator into ``count`` values."""
    if count == 0:
        return ()
    parts = (text or "").split(_SEP)
    if len(parts) != count:  # a bug, not a user error: the columns came from the same rows
        raise AssertionError(f"expected {count} values, got {len(parts)}")
    return tuple(parts)
