"""Extractor suggestions (pre-annotation) and how annotators answered them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.store.clock import now

if TYPE_CHECKING:
    from annotator.store import Store


@dataclass(frozen=True, slots=True)
class StoredSuggestion:
    sentence_id: int
    extractor: str
    extractor_version: str
    label: str
    score: float
    spans: tuple[dict[str, Any], ...] = ()  # {start, end, fields} in sentence offsets
    fields: dict[str, Any] = field(default_factory=dict)


class Suggestions:
    def __init__(self, store: Store) -> None:
        self.store = store

    def replace(
        self, extractor: str, sentence_ids: Sequence[int] | None, rows: Iterable[StoredSuggestion]
    ) -> int:
        """Drop ``extractor``'s old suggestions (all, or for these sentences) and store new ones."""
        if sentence_ids is None:
            self.store.execute("DELETE FROM suggestions WHERE extractor = ?", [extractor])
        else:
            ids = list(sentence_ids)
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                self.store.execute(
                    f"DELETE FROM suggestions WHERE extractor = ? AND sentence_id IN ({','.join('?' * len(chunk))})",
                    [extractor, *chunk],
                )
        stamp = now()
        cur = self.store.executemany(
            "INSERT INTO suggestions (sentence_id, extractor, extractor_version, label, score, spans, "
            "fields, created_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                (
                    r.sentence_id,
                    r.extractor,
                    r.extractor_version,
                    r.label,
                    float(r.score),
                    json.dumps(list(r.spans), ensure_ascii=False, sort_keys=True, allow_nan=False),
                    json.dumps(r.fields, ensure_ascii=False, sort_keys=True, allow_nan=False),
                    stamp,
                )
                for r in rows
            ),
        )
        return cur.rowcount

    def for_article(self, article_id: int) -> dict[int, list[StoredSuggestion]]:
        """Suggestions of every extractor for the article's sentences, by sentence id."""
        rows = self.store.query(
            "SELECT g.sentence_id, g.extractor, g.extractor_version, g.label, g.score, g.spans, "
            "g.fields FROM suggestions g JOIN sentences s ON s.sentence_id = g.sentence_id "
            "WHERE s.article_id = ? ORDER BY g.sentence_id, g.extractor, g.label",
            [article_id],
        )
        out: dict[int, list[StoredSuggestion]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(
                StoredSuggestion(
                    r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5])), json.loads(r[6])
                )
            )
        return out

    def record_review(
        self, sentence_id: int, annotator_id: int, extractor: str, version: str, outcome: str
    ) -> None:
        """Log that an annotator accepted, changed or rejected a suggestion (in a transaction)."""
        self.store.execute(
            "INSERT INTO suggestion_reviews (sentence_id, annotator_id, extractor, extractor_version, "
            "outcome, created_at) VALUES (?,?,?,?,?,?)",
            [sentence_id, annotator_id, extractor, version, outcome, now()],
        )

    def review_counts(self) -> dict[str, dict[str, int]]:
        """extractor → outcome → count."""
        out: dict[str, dict[str, int]] = {}
        for ext, outcome, n in self.store.query(
            "SELECT extractor, outcome, count(*) FROM suggestion_reviews GROUP BY extractor, outcome"
        ):
            out.setdefault(ext, {})[outcome] = n
        return out

    def rejected(self, annotator_id: int, article_id: int) -> set[tuple[int, str]]:
        """(sentence_id, extractor) pairs whose suggestions this annotator rejected in an article."""
        rows = self.store.query(
            "SELECT DISTINCT r.sentence_id, r.extractor FROM suggestion_reviews r "
            "JOIN sentences s ON s.sentence_id = r.sentence_id "
            "WHERE r.annotator_id = ? AND s.article_id = ? AND r.outcome = 'rejected'",
            [annotator_id, article_id],
        )
        return {(r[0], r[1]) for r in rows}
