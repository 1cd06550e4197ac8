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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.errors import StoreError
from annotator.paths import is_server_address
from annotator.schema import LabelSchema, dump_schema, schema_from_dict
from annotator.store.annotations import Annotations
from annotator.store.annotators import Annotators
from annotator.store.articles import Articles
from annotator.store.clock import now
from annotator.store.connection import map_errors
from annotator.store.copying import copy_project
from annotator.store.decided import DecidedColumns
from annotator.store.exports import Exports
from annotator.store.gold import Gold
from annotator.store.learning import Learning
from annotator.store.pg_backend import PostgresBackend
from annotator.store.sentences import Sentences
from annotator.store.sqlite_backend import SqliteBackend
from annotator.store.state import State
from annotator.store.suggestions import Suggestions
from annotator.store.team import Team

Backend = SqliteBackend | PostgresBackend

__all__ = ["Store", "now", "is_server_address"]  # now: the repositories' clock, also used by annotator.learn


def wal_beside(path: str | Path) -> bool:
    """Whether a non-empty write-ahead log lies beside ``path``: the file is open in a program,
    or a copy of it alone misses edits still in the log."""
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


@contextlib.contextmanager
def _yielding(store: Store, inner: contextlib.AbstractContextManager[Any]) -> Iterator[Store]:
    with inner:
        yield store


class Store:
    """An open project (a SQLite file or a database on a PostgreSQL server) with its
    repositories. ``store.backend`` holds what differs between the two."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.sql = backend  # the dialect's fragments, for the repositories' SQL
        # Path: the project file; for a server project, a local folder name for its side files
        self.path: Path = backend.path
        self.location: str = backend.location  # what messages call the project
        self._schema: LabelSchema | None = None
        self.on_close: Callable[[], None] | None = None  # called before the connection closes
        self.opened = False  # set once the project was accepted: only then is it checkpointed
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
        self.team = Team(self)

    @property
    def on_busy(self) -> Callable[[float], None] | None:
        """Called with the seconds waited while another process holds a file's write lock; the
        transaction is retried with backoff for up to BUSY_PATIENCE_S, never refused sooner."""
        return self.backend.on_busy

    @on_busy.setter
    def on_busy(self, fn: Callable[[float], None] | None) -> None:
        self.backend.on_busy = fn

    @property
    def target(self) -> str | Path:
        """What ``Store.open`` takes to open this project again (a path or a server address)."""
        return self.backend.url if isinstance(self.backend, PostgresBackend) else self.path

    @property
    def recent_name(self) -> str:
        """How File → Open recent remembers the project: the path, or the server address without
        any password (a password is never written to a file by the app)."""
        return self.location if self.on_server else str(self.path)

    def login_name(self) -> str | None:
        """On a server, the login role of this connection (the name of one's own layer)."""
        if isinstance(self.backend, PostgresBackend):
            return self.backend.session_user()
        return None

    def writes_any_layer(self) -> bool:
        """Whether this connection may write every annotator's layer: always on a file; on a
        server only the project's owner (the lead) and superusers."""
        if isinstance(self.backend, PostgresBackend):
            return self.backend.writes_any_layer()
        return True

    @property
    def on_server(self) -> bool:
        return isinstance(self.backend, PostgresBackend)

    @property
    def db(self) -> Database:
        """The sqlite-utils database of a project file (not for server projects)."""
        if not isinstance(self.backend, SqliteBackend):
            raise StoreError(f"{self.location}: a server project has no SQLite database")
        return self.backend.db

    # ------------------------------------------------------------------ lifecycle

    @staticmethod
    def _backend(target: str | Path) -> Backend:
        if is_server_address(target):
            return PostgresBackend(str(target))
        return SqliteBackend(Path(target))

    @classmethod
    def create(cls, target: str | Path, schema: LabelSchema, name: str | None = None) -> Store:
        """Create a new project with ``schema`` (a file, or the tables in an existing server
        database); refuse to overwrite an existing project."""
        if not is_server_address(target):
            SqliteBackend.check_new(Path(target))
        store = cls(cls._backend(target))
        try:
            if isinstance(store.backend, PostgresBackend):
                store.backend.check_new()
            with store.backend.errors():
                store.backend.migrate()
                with store.transaction():
                    store.execute(
                        "INSERT INTO project (project_id, name, label_schema, schema_hash, "
                        "created_at) VALUES (1, ?, ?, ?, ?)",
                        [
                            name or store.path.stem,
                            json.dumps(dump_schema(schema), ensure_ascii=False, allow_nan=False),
                            schema.hash,
                            now(),
                        ],
                    )
                store.team.close_to_public()  # on a server: only members may connect
        except BaseException:
            store.close()
            raise
        store.opened = True
        return store

    @classmethod
    def open(cls, target: str | Path) -> Store:
        """Open an existing project, upgrading its schema in place if it is older."""
        if not is_server_address(target):
            SqliteBackend.check_existing(Path(target))
        store = cls(cls._backend(target))
        try:
            with store.backend.errors():
                if isinstance(store.backend, PostgresBackend):
                    store.backend.check_existing()
                elif store.backend.schema_version() == 0:
                    raise StoreError(f"{store.location}: not an annotator project (no project tables)")
                store.backend.migrate()
                store.schema  # noqa: B018 - read once so a broken project fails here
        except sqlite3.Error as e:  # what map_errors lets through, e.g. undecodable text
            store.close()
            raise StoreError(f"{store.location}: the project cannot be read ({e})") from e
        except BaseException:
            store.close()
            raise
        store.opened = True
        return store

    @classmethod
    def open_or_create(cls, target: str | Path, schema: LabelSchema) -> tuple[Store, bool]:
        """Open ``target``, or create it with ``schema``; return the store and whether it is new."""
        if is_server_address(target):
            probe = cls._backend(target)
            try:
                exists = probe.schema_version() > 0
            finally:
                probe.close()
            return (cls.open(target), False) if exists else (cls.create(target, schema), True)
        path = Path(target)
        if path.exists() and path.stat().st_size > 0:
            return cls.open(path), False
        return cls.create(path, schema), True

    def close(self) -> None:
        """Checkpoint a file's WAL into the main file and close the connection."""
        if self.on_close is not None:
            self.on_close()  # e.g. a window stops watching the connection's socket
            self.on_close = None
        if self.opened:
            self.checkpoint()
        self.backend.close()

    # ------------------------------------------------------------------ the file on disk

    def checkpoint(self) -> bool:
        """Fold the write-ahead log into the main file, so a plain copy of the .db file holds
        every committed edit; False when another connection is busy (try again later)."""
        return self.backend.checkpoint()

    def data_version(self) -> int:
        """A number that changes when another connection commits (not this one): SQLite's
        data_version for a file, change notifications on a server."""
        return self.backend.data_version()

    def notify_fd(self) -> int | None:
        """On a server, the socket that becomes readable when another session changes the
        project (then ``data_version`` moves); None for a file."""
        return self.backend.notify_fd()

    def set_busy_timeout(self, seconds: float) -> None:
        """How long one attempt waits for another process's lock (the GUI keeps it short and
        retries, saying so; see ``transaction``)."""
        self.backend.set_busy_timeout(seconds)

    def save_copy(self, target: str | Path) -> Path:
        """Write one self-contained project file with every committed edit (SQLite's backup API
        for a file; a copy of every table for a server project), e.g. to send to whoever
        merges, or to work offline."""
        target = Path(target)
        if not self.on_server and target.resolve() == self.path.resolve():
            raise StoreError(f"{target}: is this project itself; choose another file name")
        if wal_beside(target):
            raise StoreError(f"{target}: is open in another program (it has a -wal file)")
        part = target.with_name(target.name + ".part")
        part.unlink(missing_ok=True)
        with map_errors(target):
            if isinstance(self.backend, SqliteBackend):
                self.backend.backup_to(part)
            else:
                copy_project(self, Store.create(part, self.schema, name=self.name))
            part.replace(target)
        return target

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions

    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """Run the block as one transaction (a savepoint when nested); roll back on error.

        On a file, BEGIN IMMEDIATE takes the write lock at the start, so two windows writing
        the same file wait for each other (busy timeout) instead of failing half-way.
        """
        return _yielding(self, self.backend.transaction())

    # ------------------------------------------------------------------ raw access for repos

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.backend.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        return self.backend.executemany(sql, rows)

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        return self.backend.query(sql, params)

    # ------------------------------------------------------------------ project

    @property
    def schema(self) -> LabelSchema:
        """The project's own copy of the label schema."""
        if self._schema is None:
            row = self.query("SELECT label_schema FROM project WHERE project_id = 1")
            if not row:
                raise StoreError(f"{self.location}: project has no label schema")
            self._schema = schema_from_dict(
                json.loads(row[0][0]), f"{self.location} (stored schema)"
            )
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
                "LEFT JOIN annotations a ON a.annotator_id = an.annotator_id AND a.decided = 1 "
                "GROUP BY an.annotator_id, an.name ORDER BY an.name"
            )
        }
        return {
            "project": self.name,
            "path": self.location,
            "articles": articles,
            "sentences": sentences,
            "boilerplate_sentences": boilerplate,
            "decided": decided,
            "suggestion_reviews": self.suggestions.review_counts(),
        }
