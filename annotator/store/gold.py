"""The adjudication record behind the gold layer: who decided each gold sentence, how, and why.

The gold content itself lives in ``annotations``/``spans`` under the gold pseudo-annotator, so
export, evaluation and the workbench read it like any other layer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.store import Store


@dataclass(frozen=True, slots=True)
class Adjudication:
    sentence_id: int
    adjudicator: str
    method: str  # "manual" or "auto_agreed"
    source_annotators: tuple[str, ...]
    note: str
    created_at: str
    updated_at: str


class Gold:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(
        self,
        sentence_id: int,
        adjudicator_id: int,
        method: str,
        sources: Sequence[str],
        note: str = "",
        *,
        at: str | None = None,
    ) -> None:
        """Record (or replace) the adjudication of a sentence (inside a transaction)."""
        from annotator.store import now

        stamp = at or now()
        self.store.execute(
            "INSERT INTO adjudications (sentence_id, adjudicator_id, method, source_annotators, note, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (sentence_id) DO UPDATE SET "
            "adjudicator_id = excluded.adjudicator_id, method = excluded.method, "
            "source_annotators = excluded.source_annotators, note = excluded.note, "
            "updated_at = excluded.updated_at",
            [
                sentence_id,
                adjudicator_id,
                method,
                json.dumps(list(sources), ensure_ascii=False),
                note,
                stamp,
                stamp,
            ],
        )

    def remove(self, sentence_id: int) -> None:
        self.store.execute("DELETE FROM adjudications WHERE sentence_id = ?", [sentence_id])

    def get(self, sentence_id: int) -> Adjudication | None:
        rows = self.store.query(
            "SELECT j.sentence_id, an.name, j.method, j.source_annotators, j.note, j.created_at, "
            "j.updated_at FROM adjudications j JOIN annotators an ON an.annotator_id = j.adjudicator_id "
            "WHERE j.sentence_id = ?",
            [sentence_id],
        )
        if not rows:
            return None
        r = rows[0]
        return Adjudication(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4], r[5], r[6])

    def count(self) -> int:
        return int(self.store.query("SELECT count(*) FROM adjudications")[0][0])
