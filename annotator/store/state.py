"""Per-annotator state kept in the project: where they were, and their article-level forms."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from annotator.records import Position
from annotator.schema import validate_values
from annotator.store.clock import now

if TYPE_CHECKING:
    from annotator.store import Store


class State:
    def __init__(self, store: Store) -> None:
        self.store = store

    def position(self, annotator_id: int) -> Position | None:
        """Where the annotator last was (article and sentence), or None."""
        rows = self.store.query(
            "SELECT article_id, sentence_id FROM positions WHERE annotator_id = ?", [annotator_id]
        )
        return Position(rows[0][0], rows[0][1]) if rows else None

    def set_position(self, annotator_id: int, article_id: int, sentence_id: int | None) -> None:
        """Remember the annotator's place (own transaction: moving is not an undoable edit)."""
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO positions (annotator_id, article_id, sentence_id, updated_at) "
                "VALUES (?,?,?,?) ON CONFLICT (annotator_id) DO UPDATE SET "
                "article_id = excluded.article_id, sentence_id = excluded.sentence_id, "
                "updated_at = excluded.updated_at",
                [annotator_id, article_id, sentence_id, now()],
            )

    def article_fields(self, article_id: int, annotator_id: int) -> dict[str, Any]:
        rows = self.store.query(
            "SELECT fields FROM article_annotations WHERE article_id = ? AND annotator_id = ?",
            [article_id, annotator_id],
        )
        return json.loads(rows[0][0]) if rows else {}

    def set_article_fields(
        self, article_id: int, annotator_id: int, values: dict[str, Any]
    ) -> dict[str, Any]:
        """Validate and store the article-level form (inside a transaction); return it."""
        clean = validate_values(self.store.schema.article_fields, values, where="article")
        if not clean:
            self.store.execute(
                "DELETE FROM article_annotations WHERE article_id = ? AND annotator_id = ?",
                [article_id, annotator_id],
            )
            return clean
        self.store.execute(
            "INSERT INTO article_annotations (article_id, annotator_id, fields, updated_at) "
            "VALUES (?,?,?,?) ON CONFLICT (article_id, annotator_id) DO UPDATE SET "
            "fields = excluded.fields, updated_at = excluded.updated_at",
            [
                article_id,
                annotator_id,
                json.dumps(clean, ensure_ascii=False, sort_keys=True, allow_nan=False),
                now(),
            ],
        )
        return clean
