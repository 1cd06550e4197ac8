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


SQLITE_HEADER = b"SQLite format 3\x00"


def check_project_file(path: str | Path) -> None:
    """Refuse, without writing a byte to it, a file that is not an annotator project.

    Opening with ``connect`` switches the file to WAL mode, which writes to it (and grows an
    empty file to a database): so the header is read first and the tables are looked up through
    a read-only connection. Errors that only mean "cannot tell read-only" fall through to the
    normal open, which reports them.
    """
    import os
    import stat
    from urllib.parse import quote

    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path}: not a regular file, not an annotator project")
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_HEADER))
    if not head:
        raise StoreError(f"{path}: empty file, not an annotator project")
    if head != SQLITE_HEADER:
        raise StoreError(f"{path}: {_KNOWN[26]}")
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in (11, 26):
            raise StoreError(f"{path}: {_KNOWN[code & 0xFF]}") from e
        return  # e.g. a WAL file in a read-only folder: let the normal open report it
    if version == 0 or "project" not in tables:
        raise StoreError(f"{path}: not an annotator project (no project tables)")


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
