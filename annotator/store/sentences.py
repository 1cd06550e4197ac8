"""Sentences: reading them, flipping the boilerplate flag, and finding the next undecided one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.errors import NotFound
from annotator.records import Sentence

if TYPE_CHECKING:
    from annotator.store import Store

_COLS = "sentence_id, article_id, position, char_start, char_end, paragraph, boilerplate, text"


def _sentence(row: tuple[Any, ...]) -> Sentence:
    return Sentence(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7])


class Sentences:
    def __init__(self, store: Store) -> None:
        self.store = store

    def for_article(self, article_id: int, article_text: str | None = None) -> list[Sentence]:
        """The article's sentences in order. Given the article's text (already read), each
        sentence's text is sliced from it instead of read again: opening a 2 MB article then
        decodes its text once, not twice (``text`` = ``articles.text[char_start:char_end]``)."""
        if article_text is None:
            rows = self.store.query(
                f"SELECT {_COLS} FROM sentences WHERE article_id = ? ORDER BY position",
                [article_id],
            )
            return [_sentence(r) for r in rows]
        rows = self.store.query(
            "SELECT sentence_id, position, char_start, char_end, paragraph, boilerplate "
            "FROM sentences WHERE article_id = ? ORDER BY position",
            [article_id],
        )
        return [
            Sentence(sid, article_id, pos, a, b, par, bool(bp), article_text[a:b])
            for sid, pos, a, b, par, bp in rows
        ]

    def get(self, sentence_id: int) -> Sentence:
        rows = self.store.query(
            f"SELECT {_COLS} FROM sentences WHERE sentence_id = ?", [sentence_id]
        )
        if not rows:
            raise NotFound(f"no sentence with id {sentence_id}")
        return _sentence(rows[0])

    def count(self) -> int:
        return int(self.store.query("SELECT count(*) FROM sentences")[0][0])

    def set_boilerplate(self, sentence_id: int, flag: bool) -> None:
        """Set the boilerplate flag (inside a transaction)."""
        cur = self.store.execute(
            "UPDATE sentences SET boilerplate = ? WHERE sentence_id = ?", [int(flag), sentence_id]
        )
        if cur.rowcount != 1:
            raise NotFound(f"no sentence with id {sentence_id}")

    def next_undecided(
        self, article_id: int, annotator_id: int, after_position: int = -1, *, wrap: bool = True
    ) -> Sentence | None:
        """The next non-boilerplate sentence this annotator has not decided, after a position.

        With ``wrap`` the search continues from the top of the article; None when all are decided.
        """
        sql = (
            f"SELECT {_COLS} FROM sentences s WHERE s.article_id = ? AND s.boilerplate = 0 "
            "AND s.position > ? AND NOT EXISTS (SELECT 1 FROM annotations a WHERE "
            "a.sentence_id = s.sentence_id AND a.annotator_id = ? AND a.decided = 1) "
            "ORDER BY s.position LIMIT 1"
        )
        rows = self.store.query(sql, [article_id, after_position, annotator_id])
        if not rows and wrap and after_position >= 0:
            rows = self.store.query(sql, [article_id, -1, annotator_id])
        return _sentence(rows[0]) if rows else None

    def next_article_with_undecided(self, annotator_id: int, after_article_id: int) -> int | None:
        """The next article (wrapping around) with an undecided non-boilerplate sentence."""
        sql = (
            "SELECT DISTINCT s.article_id FROM sentences s WHERE s.boilerplate = 0 AND "
            "s.article_id {op} ? AND NOT EXISTS (SELECT 1 FROM annotations a WHERE "
            "a.sentence_id = s.sentence_id AND a.annotator_id = ? AND a.decided = 1) "
            "ORDER BY s.article_id LIMIT 1"
        )
        rows = self.store.query(sql.format(op=">"), [after_article_id, annotator_id])
        if not rows:
            rows = self.store.query(sql.format(op="<"), [after_article_id, annotator_id])
        return rows[0][0] if rows else None
