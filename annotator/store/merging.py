"""The SQL behind ``annotator merge``: another project file read beside ours.

The other file is always a SQLite project file, read through its own connection; ours may be a
file or a server project, written through the store (the merge is one transaction of ours).
Nothing here writes to the other file. The rules (what matches, who wins) live in
``annotator.merge``.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from annotator import jsonsafe
from annotator.errors import StoreError
from annotator.records import Sentence
from annotator.store.migrations import MIGRATIONS
from annotator.store.sqlite_backend import read_only, sqlite_tables

if TYPE_CHECKING:
    from annotator.store import Store


# Named rows of both projects, as stored (JSON columns stay text: the merge compares them parsed
# and writes them back as they were). Tuples, so a row can go straight back into executemany.


class ArticleRow(NamedTuple):
    article_id: int
    source: str
    title: str
    text: str
    text_hash: str
    meta: str  # JSON


class AnnotatorRow(NamedTuple):
    annotator_id: int
    name: str
    kind: str
    created_at: str


class AnnotationRow(NamedTuple):
    sentence_id: int
    annotator_id: int
    labels: str  # JSON
    fields: str  # JSON
    note: str
    decided: int
    created_at: str
    updated_at: str


class SpanRow(NamedTuple):
    sentence_id: int
    annotator_id: int
    label: str
    start: int
    end: int
    fields: str  # JSON


class ArticleFieldsRow(NamedTuple):
    article_id: int
    annotator_id: int
    fields: str  # JSON
    updated_at: str


class AdjudicationRow(NamedTuple):
    sentence_id: int
    adjudicator_id: int
    method: str
    source_annotators: str  # JSON
    note: str
    created_at: str
    updated_at: str


# The columns of each row type, in field order.
_COLUMNS: dict[type[Any], str] = {
    ArticleRow: "article_id, source, title, text, text_hash, meta",
    AnnotatorRow: "annotator_id, name, kind, created_at",
    AnnotationRow: "sentence_id, annotator_id, labels, fields, note, decided, created_at, "
    "updated_at",
    SpanRow: "sentence_id, annotator_id, label, char_start, char_end, fields",
    ArticleFieldsRow: "article_id, annotator_id, fields, updated_at",
    AdjudicationRow: "sentence_id, adjudicator_id, method, source_annotators, note, created_at, "
    "updated_at",
}
_SENTENCE_COLUMNS = (
    "sentence_id, article_id, position, char_start, char_end, paragraph, boilerplate, text"
)
_SPAN_ORDER = "sentence_id, annotator_id, char_start, char_end, label"

R = TypeVar("R", bound=tuple[Any, ...])


@contextlib.contextmanager
def attached(store: Store, path: Path) -> Iterator[AttachedProject]:
    """Open ``path`` for reading for the duration of the block; refuse what is not a project."""
    if not path.exists():
        raise StoreError(f"{path}: no such project file")
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a project file")
    if not store.on_server and path.resolve() == Path(store.path).resolve():
        raise StoreError(f"{path}: is this project itself; nothing to merge")
    if store.sql.in_transaction:
        raise StoreError(f"{path}: cannot open a project to merge inside a transaction")
    conn = read_only(path)
    try:
        project = AttachedProject(store, path, conn)
        project.check()
        yield project
    finally:
        conn.close()


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class AttachedProject:
    """Reads of the attached project (``other.*``) and the writes a merge makes to ours."""

    def __init__(self, store: Store, path: Path, conn: sqlite3.Connection) -> None:
        self.store = store
        self.path = path
        self.conn = conn

    def _query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Read the other project file."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot read the project ({e})") from e

    def check(self) -> None:
        """Refuse a file that is not an annotator project of this code's schema version."""
        try:
            version, tables = sqlite_tables(self.conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot read the project ({e})") from e
        if version == 0 or "project" not in tables:
            raise StoreError(f"{self.path}: not an annotator project (no project tables)")
        ours = self.store.sql.schema_version()
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
                f"SELECT {key}, {column} FROM {table} WHERE {column} LIKE '%N%' "
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

    def _select(self, row: type[R], theirs: bool, table: str, order: str = "") -> list[R]:
        """Every row of ``table`` as ``row`` records, of the other project or of ours."""
        sql = f"SELECT {_COLUMNS[row]} FROM {table}" + (f" ORDER BY {order}" if order else "")
        rows = self._query(sql) if theirs else self.store.query(sql)
        return [row._make(r) for r in rows]  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ the other project

    def label_schema(self) -> str:
        """The other project's label schema as stored (JSON text)."""
        rows = self._query("SELECT label_schema FROM project WHERE project_id = 1")
        if not rows:
            raise StoreError(f"{self.path}: project has no label schema")
        return str(rows[0][0])

    def articles(self) -> list[ArticleRow]:
        return self._select(ArticleRow, True, "articles", "article_id")

    def sentences(self) -> list[Sentence]:
        """Their sentences (their ids) in article and position order."""
        rows = self._query(
            f"SELECT {_SENTENCE_COLUMNS} FROM sentences ORDER BY article_id, position"
        )
        return [_sentence(r) for r in rows]

    def annotators(self) -> list[AnnotatorRow]:
        return self._select(AnnotatorRow, True, "annotators", "name")

    def annotations(self) -> list[AnnotationRow]:
        return self._select(AnnotationRow, True, "annotations", "sentence_id, annotator_id")

    def spans(self) -> list[SpanRow]:
        return self._select(SpanRow, True, "spans", _SPAN_ORDER)

    def article_annotations(self) -> list[ArticleFieldsRow]:
        return self._select(ArticleFieldsRow, True, "article_annotations")

    def adjudications(self) -> list[AdjudicationRow]:
        return self._select(AdjudicationRow, True, "adjudications")

    # ------------------------------------------------------------------ our project

    def our_sentences(self, article_ids: Iterable[int]) -> list[Sentence]:
        """Our sentences of these articles, in article and position order."""
        out: list[Sentence] = []
        for chunk in _chunks(sorted(set(article_ids))):
            out.extend(
                _sentence(r)
                for r in self.store.query(
                    f"SELECT {_SENTENCE_COLUMNS} FROM sentences "
                    f"WHERE article_id IN ({','.join('?' * len(chunk))}) "
                    "ORDER BY article_id, position",
                    list(chunk),
                )
            )
        return out

    def our_annotators(self) -> dict[str, int]:
        """Name → our annotator id."""
        return {a.name: a.annotator_id for a in self._select(AnnotatorRow, False, "annotators")}

    def add_annotators(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Insert (name, kind, created_at) rows."""
        self.store.executemany(
            "INSERT INTO annotators (name, kind, created_at) VALUES (?,?,?)", list(rows)
        )

    def our_annotations(self) -> dict[tuple[int, int], AnnotationRow]:
        """(sentence_id, annotator_id) → our annotation."""
        return {
            (r.sentence_id, r.annotator_id): r
            for r in self._select(AnnotationRow, False, "annotations")
        }

    def our_spans(self) -> list[SpanRow]:
        return self._select(SpanRow, False, "spans", _SPAN_ORDER)

    def _upsert(self, row: type[Any], table: str, key: str, rows: Sequence[Any]) -> None:
        """Insert ``rows`` into ``main.table``; a row whose ``key`` is already there updates
        every column but the key and ``created_at`` (an existing row keeps its created_at)."""
        columns = [c.strip() for c in _COLUMNS[row].split(",")]
        keys = {k.strip() for k in key.split(",")}
        updates = ", ".join(
            f"{c} = excluded.{c}" for c in columns if c not in keys and c != "created_at"
        )
        self.store.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({','.join('?' * len(columns))}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {updates}",
            rows,
        )

    def put_annotations(self, rows: Sequence[AnnotationRow]) -> None:
        self._upsert(AnnotationRow, "annotations", "sentence_id, annotator_id", rows)

    def replace_spans(self, keys: Sequence[tuple[int, int]], spans: Sequence[SpanRow]) -> None:
        """Replace the spans of these (sentence_id, annotator_id) layers with ``spans`` rows."""
        self.store.executemany(
            "DELETE FROM spans WHERE sentence_id = ? AND annotator_id = ?", keys
        )
        self.store.executemany(
            "INSERT INTO spans (sentence_id, annotator_id, label, char_start, char_end, "
            "fields) VALUES (?,?,?,?,?,?)",
            spans,
        )

    def our_article_annotations(self) -> dict[tuple[int, int], ArticleFieldsRow]:
        """(article_id, annotator_id) → our article form."""
        return {
            (r.article_id, r.annotator_id): r
            for r in self._select(ArticleFieldsRow, False, "article_annotations")
        }

    def put_article_annotations(self, rows: Sequence[ArticleFieldsRow]) -> None:
        self._upsert(ArticleFieldsRow, "article_annotations", "article_id, annotator_id", rows)

    def our_adjudications(self) -> dict[int, AdjudicationRow]:
        """sentence_id → our adjudication."""
        return {r.sentence_id: r for r in self._select(AdjudicationRow, False, "adjudications")}

    def put_adjudications(self, rows: Sequence[AdjudicationRow]) -> None:
        self._upsert(AdjudicationRow, "adjudications", "sentence_id", rows)


def _sentence(row: tuple[Any, ...]) -> Sentence:
    return Sentence(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7])


def meta_dict(meta_json: str) -> dict[str, Any]:
    """An article's stored meta as a dict (the other project wrote it as JSON)."""
    value = json.loads(meta_json or "{}")
    return value if isinstance(value, dict) else {}
