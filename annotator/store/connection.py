"""Open a project database with the pragmas every connection needs, and map sqlite3 errors.

Pragmas are set before any transaction: ``foreign_keys`` is a no-op inside one and WAL mode cannot
be switched inside one. WAL with ``synchronous=NORMAL`` keeps every committed edit through an
application crash or kill, and lets a second window or a background import read while one writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from annotator.errors import StoreError

BUSY_TIMEOUT_S = 5.0
BUSY_PATIENCE_S = 10.0  # a transaction waits this long for another process's write lock

# sqlite3 error codes (sqlite_errorcode) that are the environment's fault, not a bug.
_KNOWN = {
    5: "the database is locked by another program (busy); try again",
    6: "a table in the database is locked; try again",
    8: "the database is read-only",
    10: "disk I/O error",
    11: "the database file is corrupt",
    13: "the disk is full",
    14: "cannot open the database file",
    26: "not an annotator project (file is not a database)",
}


@contextlib.contextmanager
def map_errors(path: str | Path) -> Iterator[None]:
    """Turn environmental sqlite3 errors into StoreError naming the file; let bugs through."""
    try:
        yield
    except sqlite3.Error as e:
        code = getattr(e, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in _KNOWN:
            raise StoreError(f"{path}: {_KNOWN[primary]}") from e
        if isinstance(e, sqlite3.OperationalError) and "unable to open" in str(e):
            raise StoreError(f"{path}: {_KNOWN[14]}") from e
        raise


def connect(path: str | Path) -> Database:
    """Open ``path`` (created if missing) with WAL, foreign keys and a busy timeout."""
    with map_errors(path):
        # isolation_level=None: the driver opens no implicit transactions; Store.transaction()
        # opens each one explicitly (BEGIN IMMEDIATE), so every user action is exactly one.
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            db = Database(conn, execute_plugins=False)
            db.execute("PRAGMA foreign_keys = ON")
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and str(path) != ":memory:":
                raise StoreError(f"{path}: cannot switch the database to WAL mode ({mode})")
            db.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return db
