"""An import's articles staged in private TEMP tables, then published in one short transaction.

Reading and segmenting a big import takes minutes; holding the project's write lock that long
would freeze every open window (their edits wait, then fail with "database is locked"). TEMP
tables belong to this connection alone and writing them takes no lock on the project, so the
import fills them in small chunks while other windows keep editing. ``publish`` then copies them
into ``articles`` and ``sentences`` in one transaction: the project sees all of the import or
none of it. A failed or cancelled import only drops the staging tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.store import Store
    from annotator.store.articles import NewArticle

_CREATE = (
    "DROP TABLE IF EXISTS {temp}staged_sentences",
    "DROP TABLE IF EXISTS {temp}staged_articles",
    "CREATE TEMP TABLE staged_articles (n INTEGER PRIMARY KEY, source TEXT NOT NULL, "
    "title TEXT NOT NULL, text TEXT NOT NULL, text_hash TEXT NOT NULL UNIQUE, meta TEXT NOT NULL)",
    "CREATE TEMP TABLE staged_sentences (n INTEGER NOT NULL, position INTEGER NOT NULL, "
    "char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, paragraph INTEGER NOT NULL, "
    "boilerplate INTEGER NOT NULL, text TEXT NOT NULL)",
)


class ImportStaging:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.staged = 0
        self._temp_only(_CREATE)

    def _sql(self, sql: str) -> str:
        """Name the TEMP tables and the project's own tables in the backend's words."""
        return sql.format(temp=self.store.sql.temp, main=self.store.sql.main)

    def _temp_only(self, statements: Sequence[str], rows: Sequence[Sequence] = ()) -> None:
        """Run statements that write TEMP tables only, as one short transaction of their own
        (on a file, plain BEGIN: BEGIN IMMEDIATE would take the project's write lock)."""
        with self.store.sql.private_transaction():
            for i, sql in enumerate(statements):
                if rows and rows[i] is not None:
                    self.store.executemany(self._sql(sql), rows[i])
                else:
                    self.store.execute(self._sql(sql))

    def add_many(self, articles: Iterable[NewArticle]) -> int:
        """Stage articles with their sentences (one short transaction); return sentences staged."""
        article_rows: list[tuple[int, str, str, str, str, str]] = []
        sentence_rows: list[tuple[int, int, int, int, int, int, str]] = []
        for art in articles:
            self.staged += 1
            n = self.staged
            article_rows.append(
                (
                    n,
                    art.source,
                    art.title,
                    art.text,
                    art.text_hash,
                    json.dumps(art.meta, ensure_ascii=False, sort_keys=True, allow_nan=False),
                )
            )
            text = art.text
            sentence_rows.extend(
                (n, i, s.start, s.end, s.paragraph, int(s.boilerplate), text[s.start : s.end])
                for i, s in enumerate(art.sentences)
            )
        if article_rows:
            with self.store.sql.private_transaction():
                self.store.sql.insert_rows(self._sql("{temp}staged_articles"), 6, article_rows)
                self.store.sql.insert_rows(self._sql("{temp}staged_sentences"), 7, sentence_rows)
        return len(sentence_rows)

    def publish(
        self, paths: Sequence[str], started_at: str, duplicates: int
    ) -> tuple[list[str], int]:
        """Copy the staged articles into the project (call inside ``store.transaction()``).

        Articles another process imported meanwhile are left out; returns their sources and
        how many sentences they had, for the report. ``duplicates`` (skipped while staging)
        goes into the import's record with the late ones.
        """
        def q(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
            return self.store.query(self._sql(sql), params)

        def x(sql: str, params: Sequence[Any] = ()) -> None:
            self.store.execute(self._sql(sql), params)

        late = q(
            "SELECT a.n, a.source, (SELECT count(*) FROM {temp}staged_sentences s "
            "WHERE s.n = a.n) FROM {temp}staged_articles a "
            "WHERE a.text_hash IN (SELECT text_hash FROM {main}articles) ORDER BY a.n"
        )
        for n, _source, _count in late:
            x("DELETE FROM {temp}staged_sentences WHERE n = ?", [n])
            x("DELETE FROM {temp}staged_articles WHERE n = ?", [n])
        import_id = self.store.articles.start_import(paths, started_at)
        self.store.sql.lock_ids("articles")
        offset = q("SELECT coalesce(max(article_id), 0) FROM {main}articles")[0][0]
        x("CREATE TEMP TABLE staged_ids (n INTEGER PRIMARY KEY, id BIGINT)")
        x(
            "INSERT INTO {temp}staged_ids SELECT n, ? + row_number() OVER (ORDER BY n) "
            "FROM {temp}staged_articles",
            [offset],
        )
        x(
            "INSERT INTO {main}articles (article_id, source, title, text, text_hash, meta, "
            "import_id, imported_at) SELECT i.id, a.source, a.title, a.text, a.text_hash, a.meta, "
            "?, ? FROM {temp}staged_articles a JOIN {temp}staged_ids i ON i.n = a.n ORDER BY a.n",
            [import_id, started_at],
        )
        x(
            "INSERT INTO {main}sentences (article_id, position, char_start, char_end, paragraph, "
            "boilerplate, text) SELECT i.id, s.position, s.char_start, s.char_end, s.paragraph, "
            "s.boilerplate, s.text FROM {temp}staged_sentences s "
            "JOIN {temp}staged_ids i ON i.n = s.n ORDER BY s.n, s.position"
        )
        added = q("SELECT count(*) FROM {temp}staged_ids")[0][0]
        self.store.articles.finish_import(import_id, added, duplicates + len(late))
        return [r[1] for r in late], sum(r[2] for r in late)

    def drop(self) -> None:
        """Remove the staging tables (after publishing, or when the import failed)."""
        self._temp_only(
            (
                "DROP TABLE IF EXISTS {temp}staged_ids",
                "DROP TABLE IF EXISTS {temp}staged_sentences",
                "DROP TABLE IF EXISTS {temp}staged_articles",
            )
        )
