"""Rows for training and applying a learned extractor: decided sentences with their labels."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.store import Store


@dataclass(frozen=True, slots=True)
class TrainingRow:
    sentence_id: int
    article_id: int
    text: str
    labels: tuple[str, ...]
    annotator_id: int


class Learning:
    def __init__(self, store: Store) -> None:
        self.store = store

    def training_rows(self, annotator_ids: Sequence[int]) -> list[TrainingRow]:
        """Decided, non-boilerplate sentences of these layers, in article and sentence order."""
        if not annotator_ids:
            return []
        marks = ",".join("?" * len(annotator_ids))
        rows = self.store.query(
            "SELECT s.sentence_id, s.article_id, s.text, a.labels, a.annotator_id "
            "FROM annotations a JOIN sentences s ON s.sentence_id = a.sentence_id "
            f"WHERE a.decided = 1 AND s.boilerplate = 0 AND a.annotator_id IN ({marks}) "
            "ORDER BY s.article_id, s.position, a.annotator_id",
            list(annotator_ids),
        )
        return [TrainingRow(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4]) for r in rows]

    def undecided(self, annotator_id: int, limit: int | None = None) -> list[tuple[int, int, str]]:
        """(sentence_id, article_id, text) of non-boilerplate sentences this annotator has not decided."""
        sql = (
            "SELECT s.sentence_id, s.article_id, s.text FROM sentences s WHERE s.boilerplate = 0 "
            "AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.sentence_id = s.sentence_id "
            "AND a.annotator_id = ? AND a.decided = 1) ORDER BY s.article_id, s.position"
        )
        params: list[int] = [annotator_id]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [(r[0], r[1], r[2]) for r in self.store.query(sql, params)]

    def sentence_texts(
        self, sentence_ids: Sequence[int] | None = None
    ) -> list[tuple[int, int, str]]:
        """(sentence_id, article_id, text) of non-boilerplate sentences (all, or these)."""
        if sentence_ids is None:
            rows = self.store.query(
                "SELECT sentence_id, article_id, text FROM sentences WHERE boilerplate = 0 "
                "ORDER BY article_id, position"
            )
            return [(r[0], r[1], r[2]) for r in rows]
        out: list[tuple[int, int, str]] = []
        ids = list(sentence_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self.store.query(
                "SELECT sentence_id, article_id, text FROM sentences "
                f"WHERE sentence_id IN ({','.join('?' * len(chunk))}) ORDER BY article_id, position",
                chunk,
            )
            out.extend((r[0], r[1], r[2]) for r in rows)
        return out
