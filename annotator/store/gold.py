"""The adjudication record behind the gold layer: who decided each gold sentence, how, and why.

The gold content itself lives in ``annotations``/``spans`` under the gold pseudo-annotator, so
export, evaluation and the workbench read it like any other layer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.store.clock import now

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
                json.dumps(list(sources), ensure_ascii=False, allow_nan=False),
                note,
                stamp,
                stamp,
            ],
        )

    def promote(
        self,
        sentence_ids: Sequence[int],
        source_annotator_id: int,
        gold_id: int,
        adjudicator_id: int,
        method: str,
        sources: Sequence[str],
        *,
        at: str | None = None,
    ) -> int:
        """Copy one annotator's decided version of many sentences into gold (inside a transaction).

        For sentences whose versions were already found identical (auto-agreement): the source
        annotator's labels, fields and spans become the gold layer's, and each sentence gets an
        adjudication record. Set-based SQL, so promoting 500,000 sentences takes seconds, not
        minutes. Returns how many sentences were copied.
        """
        stamp = at or now()
        ids = json.dumps([int(s) for s in sentence_ids], allow_nan=False)
        chosen = f"sentence_id IN (SELECT value FROM {self.store.sql.json_ints})"
        cur = self.store.execute(
            "INSERT INTO annotations (sentence_id, annotator_id, labels, fields, note, decided, "
            "created_at, updated_at) SELECT sentence_id, ?, labels, fields, '', 1, ?, ? "
            f"FROM annotations WHERE annotator_id = ? AND decided = 1 AND {chosen} "
            "ON CONFLICT (sentence_id, annotator_id) DO UPDATE SET labels = excluded.labels, "
            "fields = excluded.fields, decided = 1, updated_at = excluded.updated_at",
            [gold_id, stamp, stamp, source_annotator_id, ids],
        )
        copied = int(cur.rowcount)
        self.store.execute(f"DELETE FROM spans WHERE annotator_id = ? AND {chosen}", [gold_id, ids])
        self.store.execute(
            "INSERT INTO spans (sentence_id, annotator_id, label, char_start, char_end, fields) "
            "SELECT sentence_id, ?, label, char_start, char_end, fields FROM spans "
            f"WHERE annotator_id = ? AND {chosen}",
            [gold_id, source_annotator_id, ids],
        )
        self.store.execute(
            "INSERT INTO adjudications (sentence_id, adjudicator_id, method, source_annotators, "
            f"note, created_at, updated_at) SELECT value, ?, ?, ?, '', ?, ? FROM {self.store.sql.json_ints} "
            "WHERE true ON CONFLICT (sentence_id) DO UPDATE SET "
            "adjudicator_id = excluded.adjudicator_id, method = excluded.method, "
            "source_annotators = excluded.source_annotators, note = excluded.note, "
            "updated_at = excluded.updated_at",
            [
                adjudicator_id,
                method,
                json.dumps(list(sources), ensure_ascii=False, allow_nan=False),
                stamp,
                stamp,
                ids,
            ],
        )
        return copied

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
