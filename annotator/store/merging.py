"""The SQL behind ``annotator merge``: another project file attached as ``other`` beside ours.

``ATTACH`` cannot run inside a transaction, so the file is attached first and the merge itself is
one transaction inside the ``attached()`` block; ``DETACH`` follows the commit. Nothing here
writes to the other file. The rules (what matches, who wins) live in ``annotator.merge``.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator import jsonsafe
from annotator.errors import StoreError
from annotator.store.migrations import MIGRATIONS, current_version

if TYPE_CHECKING:
    from annotator.store import Store

ALIAS = "other"


@contextlib.contextmanager
def attached(store: Store, path: Path) -> Iterator[AttachedProject]:
    """Attach ``path`` as ``other`` for the duration of the block; refuse what is not a project."""
    if not path.exists():
        raise StoreError(f"{path}: no such project file")
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a project file")
    if path.resolve() == Path(store.path).resolve():
        raise StoreError(f"{path}: is this project itself; nothing to merge")
    conn = store.db.conn
    if conn.in_transaction:
        raise StoreError(f"{path}: cannot attach a project inside a transaction")
    try:
        conn.execute(f"ATTACH DATABASE ? AS {ALIAS}", [str(path)])
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: cannot open the project ({e})") from e
    try:
        project = AttachedProject(store, path)
        project.check()
        yield project
    finally:
        if conn.in_transaction:  # the caller's transaction failed before rolling back
            conn.execute("ROLLBACK")
        conn.execute(f"DETACH DATABASE {ALIAS}")


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class AttachedProject:
    """Reads of the attached project (``other.*``) and the writes a merge makes to ours."""

    def __init__(self, store: Store, path: Path) -> None:
        self.store = store
        self.path = path

    def _query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        try:
            return self.store.db.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot read the project ({e})") from e

    def check(self) -> None:
        """Refuse a file that is not an annotator project of this code's schema version."""
        version = self._query(f"PRAGMA {ALIAS}.user_version")[0][0]
        tables = {
            r[0] for r in self._query(f"SELECT name FROM {ALIAS}.sqlite_master WHERE type='table'")
        }
        if version == 0 or "project" not in tables:
            raise StoreError(f"{self.path}: not an annotator project (no project tables)")
        ours = current_version(self.store.db)
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: database version {version} is newer than this annotator supports "
                f"({len(MIGRATIONS)}); upgrade annotator"
            )
        if version != ours:
            raise StoreError(
                f"{self.path}: database version {version} differs from this project's ({ours}); "
                "open it once with this annotator to upgrade it, then merge"
            )
        self.check_numbers()

    def check_numbers(self) -> None:
        """Refuse a file whose stored JSON holds NaN or Infinity (older versions let them in):
        copied as they are, they would make every later export invalid JSON."""
        columns = (
            ("annotations", "fields", "sentence_id"),
            ("spans", "fields", "sentence_id"),
            ("article_annotations", "fields", "article_id"),
            ("articles", "meta", "article_id"),
        )
        for table, column, key in columns:
            rows = self._query(
                f"SELECT {key}, {column} FROM {ALIAS}.{table} WHERE {column} LIKE '%N%' "
                f"OR {column} LIKE '%e%' OR {column} LIKE '%E%'"
            )
            for ident, text in rows:
                try:
                    jsonsafe.loads(text or "null")
                except jsonsafe.NonFinite as e:
                    raise StoreError(
                        f"{self.path}: {table} {column} of {key} {ident}: {e}; nothing was merged"
                    ) from None
                except ValueError:
                    raise StoreError(
                        f"{self.path}: {table} {column} of {key} {ident} is not valid JSON"
                    ) from None

    # ------------------------------------------------------------------ the other project

    def label_schema(self) -> str:
        """The other project's label schema as stored (JSON text)."""
        rows = self._query(f"SELECT label_schema FROM {ALIAS}.project WHERE project_id = 1")
        if not rows:
            raise StoreError(f"{self.path}: project has no label schema")
        return str(rows[0][0])

    def articles(self) -> list[tuple[Any, ...]]:
        """(article_id, source, title, text, text_hash, meta) in id order."""
        return self._query(
            f"SELECT article_id, source, title, text, text_hash, meta FROM {ALIAS}.articles "
            "ORDER BY article_id"
        )

    def sentences(self) -> list[tuple[Any, ...]]:
        """(sentence_id, article_id, position, char_start, char_end, paragraph, boilerplate,
        text) in article and position order."""
        return self._query(
            "SELECT sentence_id, article_id, position, char_start, char_end, paragraph, "
            f"boilerplate, text FROM {ALIAS}.sentences ORDER BY article_id, position"
        )

    def annotators(self) -> list[tuple[Any, ...]]:
        """(annotator_id, name, kind, created_at)."""
        return self._query(
            f"SELECT annotator_id, name, kind, created_at FROM {ALIAS}.annotators ORDER BY name"
        )

    def annotations(self) -> list[tuple[Any, ...]]:
        """(sentence_id, annotator_id, labels, fields, note, decided, created_at, updated_at)."""
        return self._query(
            "SELECT sentence_id, annotator_id, labels, fields, note, decided, created_at, "
            f"updated_at FROM {ALIAS}.annotations ORDER BY sentence_id, annotator_id"
        )

    def spans(self) -> list[tuple[Any, ...]]:
        """(sentence_id, annotator_id, label, char_start, char_end, fields)."""
        return self._query(
            "SELECT sentence_id, annotator_id, label, char_start, char_end, fields "
            f"FROM {ALIAS}.spans ORDER BY sentence_id, annotator_id, char_start, char_end, label"
        )

    def article_annotations(self) -> list[tuple[Any, ...]]:
        """(article_id, annotator_id, fields, updated_at)."""
        return self._query(
            f"SELECT article_id, annotator_id, fields, updated_at FROM {ALIAS}.article_annotations"
        )

    def adjudications(self) -> list[tuple[Any, ...]]:
        """(sentence_id, adjudicator_id, method, source_annotators, note, created_at,
        updated_at)."""
        return self._query(
            "SELECT sentence_id, adjudicator_id, method, source_annotators, note, created_at, "
            f"updated_at FROM {ALIAS}.adjudications"
        )

    # ------------------------------------------------------------------ our project

    def our_sentences(self, article_ids: Iterable[int]) -> list[tuple[Any, ...]]:
        """(sentence_id, article_id, position, char_start, char_end, text) of these articles."""
        out: list[tuple[Any, ...]] = []
        for chunk in _chunks(sorted(set(article_ids))):
            out.extend(
                self.store.query(
                    "SELECT sentence_id, article_id, position, char_start, char_end, text "
                    f"FROM main.sentences WHERE article_id IN ({','.join('?' * len(chunk))}) "
                    "ORDER BY article_id, position",
                    list(chunk),
                )
            )
        return out

    def our_annotators(self) -> dict[str, int]:
        return {
            name: i
            for i, name in self.store.query("SELECT annotator_id, name FROM main.annotators")
        }

    def add_annotators(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Insert (name, kind, created_at) rows."""
        self.store.executemany(
            "INSERT INTO main.annotators (name, kind, created_at) VALUES (?,?,?)", list(rows)
        )

    def our_annotations(self) -> dict[tuple[int, int], tuple[Any, ...]]:
        """(sentence_id, annotator_id) → (labels, fields, note, decided, created_at, updated_at)."""
        return {
            (r[0], r[1]): r[2:]
            for r in self.store.query(
                "SELECT sentence_id, annotator_id, labels, fields, note, decided, created_at, "
                "updated_at FROM main.annotations"
            )
        }

    def our_spans(self) -> list[tuple[Any, ...]]:
        """(sentence_id, annotator_id, label, char_start, char_end, fields)."""
        return self.store.query(
            "SELECT sentence_id, annotator_id, label, char_start, char_end, fields FROM main.spans "
            "ORDER BY sentence_id, annotator_id, char_start, char_end, label"
        )

    def put_annotations(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert or replace (sentence_id, annotator_id, labels, fields, note, decided,
        created_at, updated_at) rows; an existing row keeps its created_at."""
        self.store.executemany(
            "INSERT INTO main.annotations (sentence_id, annotator_id, labels, fields, note, "
            "decided, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?) "
            "ON CONFLICT (sentence_id, annotator_id) DO UPDATE SET labels = excluded.labels, "
            "fields = excluded.fields, note = excluded.note, decided = excluded.decided, "
            "updated_at = excluded.updated_at",
            rows,
        )

    def replace_spans(
        self, keys: Sequence[tuple[int, int]], spans: Sequence[tuple[Any, ...]]
    ) -> None:
        """Replace the spans of these (sentence_id, annotator_id) layers with ``spans`` rows."""
        self.store.executemany(
            "DELETE FROM main.spans WHERE sentence_id = ? AND annotator_id = ?", keys
        )
        self.store.executemany(
            "INSERT INTO main.spans (sentence_id, annotator_id, label, char_start, char_end, "
            "fields) VALUES (?,?,?,?,?,?)",
            spans,
        )

    def our_article_annotations(self) -> dict[tuple[int, int], tuple[str, str]]:
        """(article_id, annotator_id) → (fields, updated_at)."""
        return {
            (r[0], r[1]): (r[2], r[3])
            for r in self.store.query(
                "SELECT article_id, annotator_id, fields, updated_at FROM main.article_annotations"
            )
        }

    def put_article_annotations(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert or replace (article_id, annotator_id, fields, updated_at) rows."""
        self.store.executemany(
            "INSERT INTO main.article_annotations (article_id, annotator_id, fields, updated_at) "
            "VALUES (?,?,?,?) ON CONFLICT (article_id, annotator_id) DO UPDATE SET "
            "fields = excluded.fields, updated_at = excluded.updated_at",
            rows,
        )

    def our_adjudications(self) -> dict[int, tuple[Any, ...]]:
        """sentence_id → (adjudicator_id, method, source_annotators, note, created_at,
        updated_at)."""
        return {
            r[0]: r[1:]
            for r in self.store.query(
                "SELECT sentence_id, adjudicator_id, method, source_annotators, note, created_at, "
                "updated_at FROM main.adjudications"
            )
        }

    def put_adjudications(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert or replace (sentence_id, adjudicator_id, method, source_annotators, note,
        created_at, updated_at) rows; an existing row keeps its created_at."""
        self.store.executemany(
            "INSERT INTO main.adjudications (sentence_id, adjudicator_id, method, "
            "source_annotators, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?) "
            "ON CONFLICT (sentence_id) DO UPDATE SET adjudicator_id = excluded.adjudicator_id, "
            "method = excluded.method, source_annotators = excluded.source_annotators, "
            "note = excluded.note, updated_at = excluded.updated_at",
            rows,
        )


def meta_dict(meta_json: str) -> dict[str, Any]:
    """An article's stored meta as a dict (the other project wrote it as JSON)."""
    value = json.loads(meta_json or "{}")
    return value if isinstance(value, dict) else {}
