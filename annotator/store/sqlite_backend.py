"""The SQLite backend: one project file, WAL mode, ``?`` parameters as written.

Everything that is SQLite's own lives here (and in ``connection``/``migrations``): the dialect's
fragments, BEGIN IMMEDIATE with busy retries, PRAGMAs, the WAL checkpoint, the backup API and the
schema version in ``PRAGMA user_version``. The repositories write SQL both backends accept and ask
this object for the few fragments that differ (see ``annotator.store.pg_backend`` for the other).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from annotator.errors import StoreError
from annotator.store.connection import BUSY_PATIENCE_S, check_project_file, connect, map_errors
from annotator.store.migrations import MIGRATIONS, current_version, migrate


class SqliteBackend:
    """An open project file."""

    name = "sqlite"
    # dialect fragments
    main = "main."  # the project's own tables (beside an attached or TEMP table of that name)
    temp = "temp."
    like = "LIKE"  # SQLite's LIKE ignores ASCII case already
    version_in_returning = False  # its version trigger runs AFTER the write, which RETURNING does not see
    fixed_join = "CROSS JOIN"  # an inner join whose order the planner keeps (SQLite's hint)

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)
        self.db = connect(path)
        self.conn: sqlite3.Connection = self.db.conn
        # Called with the seconds waited while another process holds the write lock.
        self.on_busy: Callable[[float], None] | None = None

    # ------------------------------------------------------------------ opening

    @staticmethod
    def check_existing(path: Path) -> None:
        """Refuse, without writing a byte, what is not an existing project file."""
        if not path.exists():
            raise StoreError(f"{path}: no such project file")
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a project file")
        with map_errors(path):
            check_project_file(path)  # before connect(): nothing is written to a refused file

    @staticmethod
    def check_new(path: Path) -> None:
        if path.exists() and path.stat().st_size > 0:
            raise StoreError(f"{path}: already exists; open it or choose another file name")
        path.parent.mkdir(parents=True, exist_ok=True)

    def schema_version(self) -> int:
        return current_version(self.db)

    def newest_version(self) -> int:
        return len(MIGRATIONS)

    def migrate(self) -> int:
        with map_errors(self.path):
            return migrate(self.db, self.path)

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ statements

    def errors(self) -> contextlib.AbstractContextManager[None]:
        return map_errors(self.path)

    def execute(self, sql: str, params: Any = ()) -> Any:
        with map_errors(self.path):
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        with map_errors(self.path):
            return self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with map_errors(self.path):
            return self.conn.execute(sql, params).fetchall()

    def insert_rows(self, table: str, width: int, rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows of ``width`` columns, in column order (bulk loads)."""
        self.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * width)})", rows)

    def stream(self, sql: str, params: Any = ()) -> Any:
        """A cursor to read a large result in batches (``fetchmany``)."""
        return self.execute(sql, params)

    # ------------------------------------------------------------------ dialect

    @staticmethod
    def group_concat(expr: str, sep: str = ",") -> str:
        return f"group_concat({expr}, '{sep}')"

    @staticmethod
    def find(haystack: str, needle: str) -> str:
        """SQL for the 1-based position of ``needle`` in ``haystack`` (0 when absent)."""
        return f"instr({haystack}, {needle})"

    @staticmethod
    def json_member(column: str) -> str:
        """The JSON text of one top-level member of a JSON object column (one ``?``: the key
        as ``json_key`` gives it); NULL when absent."""
        return f"json_extract({column}, ?)"

    @staticmethod
    def json_key(key: str) -> str:
        return f'$."{key}"'

    # A FROM item with one column ``value``: the integers of a JSON list given as one ``?``.
    json_ints = "json_each(?)"

    def lock_ids(self, table: str) -> None:
        """Serialise writers that assign ids by max()+1 (BEGIN IMMEDIATE already does)."""

    # ------------------------------------------------------------------ transactions

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a savepoint when nested); BEGIN IMMEDIATE takes the write lock at
        the start, so two windows writing the file wait for each other instead of failing."""
        conn = self.conn
        with map_errors(self.path):
            if conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            self._begin()
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    # mypy keeps in_transaction narrowed to False from the check above
                    conn.execute("ROLLBACK")  # type: ignore[unreachable]
                raise
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def private_transaction(self) -> Iterator[None]:
        """A transaction that writes TEMP tables only: plain BEGIN takes no lock on the file."""
        own = not self.conn.in_transaction
        if own:
            self.execute("BEGIN")
        try:
            yield
        except BaseException:
            if own and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if own:
            self.execute("COMMIT")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, retried with backoff while another process holds the write lock."""
        started = time.monotonic()
        delay = 0.05
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
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

    # ------------------------------------------------------------------ the file on disk

    def checkpoint(self) -> bool:
        """Fold the write-ahead log into the main file; False when another connection is busy."""
        try:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            return False
        return not busy

    def data_version(self) -> int:
        """A number that changes when another connection commits to the file (not this one)."""
        return int(self.query("PRAGMA data_version")[0][0])

    def notify_fd(self) -> None:
        """No socket announces a file's changes: windows poll data_version."""
        return None

    def set_busy_timeout(self, seconds: float) -> None:
        self.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def backup_to(self, part: Path) -> None:
        """Write every committed row to a new file with SQLite's backup API."""
        dest = sqlite3.connect(str(part))
        try:
            self.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the copy
        finally:
            dest.close()





def read_only(path: Path) -> sqlite3.Connection:
    """A plain connection to another project file, to read it for a merge (nothing is written)."""
    try:
        conn = sqlite3.connect(str(path))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: cannot open the project ({e})") from e
    return conn


def sqlite_tables(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    """(user_version, table names) of a project file opened with ``read_only``."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return version, tables
