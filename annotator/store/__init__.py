"""The project store: one SQLite file per annotation project, and the only home of SQL.

``Store.create(path, schema)`` makes a new project, ``Store.open(path)`` opens (and migrates) an
existing one. Each table has a small repository attribute (``store.articles``,
``store.annotations``, ...) whose methods take and return records. Write methods never commit on
their own: every user action is one ``with store.transaction():`` block.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.errors import StoreError
from annotator.schema import LabelSchema, dump_schema, schema_from_dict
from annotator.store.annotations import Annotations
from annotator.store.annotators import Annotators
from annotator.store.articles import Articles
from annotator.store.clock import now
from annotator.store.connection import BUSY_PATIENCE_S, check_project_file, connect, map_errors
from annotator.store.decided import DecidedColumns
from annotator.store.exports import Exports
from annotator.store.gold import Gold
from annotator.store.learning import Learning
from annotator.store.migrations import current_version, migrate
from annotator.store.sentences import Sentences
from annotator.store.state import State
from annotator.store.suggestions import Suggestions

__all__ = ["Store", "now"]  # now: the repositories' clock, also used by annotator.learn


def wal_beside(path: str | Path) -> bool:
    """Whether a non-empty write-ahead log lies beside ``path``: the file is open in a program,
    or a copy of it alone misses edits still in the log."""
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


class Store:
    """An open project database with its repositories."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path
        self._schema: LabelSchema | None = None
        self.opened = False  # set once the file was accepted: only then is it checkpointed
        # Called with the seconds waited while another process holds the write lock; the
        # transaction is retried with backoff for up to BUSY_PATIENCE_S, never refused sooner.
        self.on_busy: Callable[[float], None] | None = None
        self.articles = Articles(self)
        self.sentences = Sentences(self)
        self.annotators = Annotators(self)
        self.annotations = Annotations(self)
        self.suggestions = Suggestions(self)
        self.gold = Gold(self)
        self.decided = DecidedColumns(self)
        self.state = State(self)
        self.learning = Learning(self)
        self.exports = Exports(self)

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def create(cls, path: str | Path, schema: LabelSchema, name: str | None = None) -> Store:
        """Create a new project file with ``schema``; refuse to overwrite an existing project."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise StoreError(f"{path}: already exists; open it or choose another file name")
        path.parent.mkdir(parents=True, exist_ok=True)
        db = connect(path)
        store = cls(db, path)
        try:
            with map_errors(path):
                migrate(db, path)
                with store.transaction():
                    db.execute(
                        "INSERT INTO project (project_id, name, label_schema, schema_hash, "
                        "created_at) VALUES (1, ?, ?, ?, ?)",
                        [
                            name or path.stem,
                            json.dumps(dump_schema(schema), ensure_ascii=False, allow_nan=False),
                            schema.hash,
                            now(),
                        ],
                    )
        except BaseException:
            store.close()
            raise
        store.opened = True
        return store

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open an existing project, upgrading its schema in place if it is older."""
        path = Path(path)
        if not path.exists():
            raise StoreError(f"{path}: no such project file")
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a project file")
        with map_errors(path):
            check_project_file(path)  # before connect(): nothing is written to a refused file
        db = connect(path)
        store = cls(db, path)
        try:
            with map_errors(path):
                if current_version(db) == 0:
                    raise StoreError(f"{path}: not an annotator project (no project tables)")
                migrate(db, path)
                store.schema  # noqa: B018 - read once so a broken project fails here
        except sqlite3.Error as e:  # what map_errors lets through, e.g. undecodable text
            store.close()
            raise StoreError(f"{path}: the project cannot be read ({e})") from e
        except BaseException:
            store.close()
            raise
        store.opened = True
        return store

    @classmethod
    def open_or_create(cls, path: str | Path, schema: LabelSchema) -> tuple[Store, bool]:
        """Open ``path``, or create it with ``schema``; return the store and whether it is new."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            return cls.open(path), False
        return cls.create(path, schema), True

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close the connection."""
        if self.opened:
            self.checkpoint()
        self.db.conn.close()

    # ------------------------------------------------------------------ the file on disk

    def checkpoint(self) -> bool:
        """Fold the write-ahead log into the main file, so a plain copy of the .db file holds
        every committed edit; False when another connection is busy (try again later)."""
        try:
            busy = self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            return False
        return not busy

    def data_version(self) -> int:
        """A number that changes when another connection commits to the file (not this one)."""
        return int(self.query("PRAGMA data_version")[0][0])

    def set_busy_timeout(self, seconds: float) -> None:
        """How long one attempt waits for another process's lock (the GUI keeps it short and
        retries, saying so; see ``transaction``)."""
        self.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def save_copy(self, target: str | Path) -> Path:
        """Write one self-contained copy of the project (SQLite's backup API: every committed
        edit, no -wal file needed), e.g. to send to whoever merges."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise StoreError(f"{target}: is this project itself; choose another file name")
        if wal_beside(target):
            raise StoreError(f"{target}: is open in another program (it has a -wal file)")
        part = target.with_name(target.name + ".part")
        part.unlink(missing_ok=True)
        with map_errors(target):
            dest = sqlite3.connect(str(part))
            try:
                self.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the copy
            finally:
                dest.close()
            part.replace(target)
        return target

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """Run the block as one transaction (a savepoint when nested); roll back on error.

        BEGIN IMMEDIATE takes the write lock at the start, so two windows writing the same file
        wait for each other (busy timeout) instead of failing half-way.
        """
        conn = self.db.conn
        with map_errors(self.path):
            if conn.in_transaction:
                with self.db.atomic():
                    yield self
                return
            self._begin(conn)
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    # mypy keeps in_transaction narrowed to False from the check above
                    conn.execute("ROLLBACK")  # type: ignore[unreachable]
                raise
            conn.execute("COMMIT")

    def _begin(self, conn: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE, retried with backoff while another process holds the write lock."""
        started = time.monotonic()
        delay = 0.05
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                waited = time.monotonic() - started
                code = getattr(e, "sqlite_errorcode", 0) or 0
                if code & 0xFF != 5 or waited >= BUSY_PATIENCE_S:
                    raise
                if self.on_busy is not None:
                    self.on_busy(waited)
                time.sleep(delay)
                delay = min(delay * 2, 0.4)

    # ------------------------------------------------------------------ raw access for repos

    def execute(self, sql: str, params: Any = ()) -> Any:
        with map_errors(self.path):
            return self.db.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        with map_errors(self.path):
            return self.db.conn.executemany(sql, rows)

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with map_errors(self.path):
            return self.db.conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ project

    @property
    def schema(self) -> LabelSchema:
        """The project's own copy of the label schema."""
        if self._schema is None:
            row = self.query("SELECT label_schema FROM project WHERE project_id = 1")
            if not row:
                raise StoreError(f"{self.path}: project has no label schema")
            self._schema = schema_from_dict(json.loads(row[0][0]), f"{self.path} (stored schema)")
        return self._schema

    @property
    def name(self) -> str:
        row = self.query("SELECT name FROM project WHERE project_id = 1")
        return row[0][0] if row else self.path.stem

    def stats(self) -> dict[str, Any]:
        """Counts for `annotator stats`: articles, sentences, boilerplate, decided per annotator,
        and how annotators answered each extractor's suggestions."""
        articles = self.query("SELECT count(*) FROM articles")[0][0]
        sentences, boilerplate = self.query(
            "SELECT count(*), coalesce(sum(boilerplate), 0) FROM sentences"
        )[0]
        decided = {
            name: count
            for name, count in self.query(
                "SELECT an.name, count(a.sentence_id) FROM annotators an "
                "LEFT JOIN annotations a ON a.annotator_id = an.annotator_id AND a.decided "
                "GROUP BY an.annotator_id ORDER BY an.name"
            )
        }
        return {
            "project": self.name,
            "path": str(self.path),
            "articles": articles,
            "sentences": sentences,
            "boilerplate_sentences": boilerplate,
            "decided": decided,
            "suggestion_reviews": self.suggestions.review_counts(),
        }
