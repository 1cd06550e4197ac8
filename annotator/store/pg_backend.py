"""The PostgreSQL backend: a team project in one database on a server (psycopg 3).

The repositories write their SQL once, with ``?`` parameters, in the subset both backends accept;
this module turns ``?`` into psycopg's ``%s`` (cached per statement) and holds everything that is
PostgreSQL's own: the dialect's fragments (``string_agg``, ``json ->``, ``json_array_elements_text``),
transactions with savepoints, error mapping, the schema version table, table locks where ids are
assigned by max()+1, and change notifications (LISTEN/NOTIFY) standing in for SQLite's
``PRAGMA data_version``.

Passwords never pass through here: libpq reads them from ``PGPASSWORD``, ``~/.pgpass`` or a
service file. Messages name the server without any password that was put in the address.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import NotAllowed, StoreError
from annotator.paths import user_data_dir
from annotator.store import pg_migrations
from annotator.store.connection import BUSY_PATIENCE_S

if TYPE_CHECKING:
    import psycopg

CHANNEL = "annotator_changes"
_MIGRATION_LOCK = 0x616E6E6F  # pg_advisory_xact_lock key: one migrating client at a time


def describe(url: str) -> str:
    """The address as shown to people: no password, whatever form it was given in."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - a malformed address is reported by connect()
        return url.split("@")[-1]
    if "service" in parts and "host" not in parts:
        return f"service={parts['service']}"
    user = parts.get("user")
    host = parts.get("host") or "localhost"
    port = parts.get("port")
    where = f"{host}:{port}" if port else str(host)
    who = f"{user}@" if user else ""
    return f"postgresql://{who}{where}/{parts.get('dbname', '')}"


def local_folder(url: str) -> Path:
    """Where this machine keeps files that belong beside a server project (trained models,
    the crash marker): one folder per server and database, under the user data folder."""
    import re

    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", describe(url).split("://")[-1]).strip("_")
    return user_data_dir() / "servers" / slug


def _translate(sql: str) -> str:
    """``?`` → ``%s`` and ``%`` → ``%%`` outside quoted strings and names."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
            out.append("%%" if ch == "%" else ch)
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


class PostgresBackend:
    """An open connection to a project database on a PostgreSQL server."""

    name = "postgresql"
    main = ""  # the project's tables are found on the search path
    temp = "pg_temp."
    like = "ILIKE"  # SQLite's LIKE ignores ASCII case; PostgreSQL's does not
    version_in_returning = True  # the BEFORE trigger has set it when RETURNING reads the row
    fixed_join = "JOIN"

    def __init__(self, url: str) -> None:
        try:
            import psycopg  # noqa: F401 - an optional extra: say how to install it
        except ImportError as e:
            raise StoreError(
                f"{describe(url)}: opening a project on a server needs the PostgreSQL driver; "
                "install it with: pip install -e '.[server]'"
            ) from e
        self.url = url
        self.location = describe(url)
        self.path = local_folder(url) / (self.location.rsplit("/", 1)[-1] or "project")
        self.path.parent.mkdir(parents=True, exist_ok=True)  # exports and models go here
        self._sql: dict[str, str] = {}
        self._seen = 0  # notifications from other sessions, counted by data_version()
        self._listening = False
        self._cursors = 0
        self._depth = 0  # open transaction blocks (a lost connection mid-block is never resumed)
        self.on_busy = None  # no file lock to wait for: rows are locked, not the database
        self._connect()

    def _connect(self) -> None:
        import psycopg

        try:
            # lock_timeout: a file's short busy attempts are retried (BUSY_PATIENCE_S in all); a
            # server transaction is not, so its one attempt gets that whole patience (set here, so
            # a connection made again has it too)
            self.conn: psycopg.Connection[Any] = psycopg.connect(
                self.url,
                autocommit=True,
                application_name="annotator",
                options=f"-c lock_timeout={int(BUSY_PATIENCE_S * 1000)}",
            )
        except psycopg.OperationalError as e:
            raise StoreError(f"{self.location}: cannot connect ({_first_line(e)})") from e
        self.pid = self.conn.info.backend_pid
        if self._listening:
            self._listening = False
            self._seen += 1  # changes made while we were away were not announced to us
            self.data_version()

    def _ready(self) -> None:
        """Connect again when the connection was lost (a server restart, a network drop) and
        no transaction was open on it: the next action works instead of failing forever.
        An action that was under way when the connection broke failed as a whole."""
        import psycopg

        if self._depth:
            if self.conn.closed or self.conn.broken:
                raise StoreError(f"{self.location}: the server connection was lost; nothing saved")
            return
        if not (self.conn.closed or self.conn.broken):
            try:  # a server that ended the session has said so on the socket: read it (no round
                # trip); the first read takes its farewell message, the second finds the socket shut
                self.conn.pgconn.consume_input()
                self.conn.pgconn.consume_input()
                return
            except psycopg.Error:
                self.conn.close()
        self._connect()

    # ------------------------------------------------------------------ opening

    def schema_version(self) -> int:
        rows = self.query(
            "SELECT to_regclass('schema_version') IS NOT NULL, to_regclass('project') IS NOT NULL"
        )
        has_version, has_project = rows[0]
        if not has_version:
            return 0
        found = self.query("SELECT max(version) FROM schema_version")[0][0]
        return int(found or 0) if has_project or found else 0

    def newest_version(self) -> int:
        return len(pg_migrations.MIGRATIONS)

    def migrate(self) -> int:
        """Bring the database up to the newest version, one transaction per step; several
        clients opening an old project at once wait for each other (an advisory lock)."""
        from annotator.errors import DatabaseTooNew

        current = self.schema_version()
        if current > len(pg_migrations.MIGRATIONS):
            raise DatabaseTooNew(self.location, current, len(pg_migrations.MIGRATIONS))
        if current == len(pg_migrations.MIGRATIONS):
            return current
        with self.transaction():
            self._raw(pg_migrations.BOOTSTRAP)
            self._raw(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        while True:
            with self.transaction():
                self._raw(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
                current = int(self.query("SELECT coalesce(max(version), 0) FROM schema_version")[0][0])
                if current >= len(pg_migrations.MIGRATIONS):
                    return current
                self._raw(pg_migrations.MIGRATIONS[current])
                self._raw("DELETE FROM schema_version")
                self.execute("INSERT INTO schema_version (version) VALUES (?)", [current + 1])

    def check_existing(self) -> None:
        if self.schema_version() == 0:
            raise StoreError(
                f"{self.location}: not an annotator project (no project tables); "
                f"create one with: annotator init --db {self.location}"
            )

    def check_new(self) -> None:
        if self.schema_version() > 0:
            raise StoreError(f"{self.location}: already holds a project; open it instead")

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ statements

    def _raw(self, sql: str) -> None:
        """Run SQL as written (no parameters: ``%`` and ``$$`` pass untouched)."""
        with self.errors():
            self.conn.execute(sql.encode())  # bytes: psycopg applies no placeholder parsing

    def _prepare(self, sql: str) -> str:
        found = self._sql.get(sql)
        if found is None:
            found = self._sql[sql] = _translate(sql)
        return found

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Turn the server's refusals and lost connections into StoreError naming the server."""
        import psycopg
        from psycopg import errors as pe

        try:
            yield
        except pe.InsufficientPrivilege as e:
            raise NotAllowed(f"{self.location}: not allowed: {_first_line(e)}") from e
        except (pe.SerializationFailure, pe.DeadlockDetected, pe.LockNotAvailable) as e:
            raise StoreError(f"{self.location}: {_first_line(e)}; try again") from e
        except pe.UntranslatableCharacter as e:
            raise StoreError(f"{self.location}: {_first_line(e)}") from e
        except psycopg.OperationalError as e:
            raise StoreError(f"{self.location}: the server connection failed ({_first_line(e)})") from e
        except psycopg.DataError as e:
            if "0x00" in str(e):
                raise StoreError(
                    f"{self.location}: text with a NUL character cannot be stored on a server"
                ) from e
            raise

    def execute(self, sql: str, params: Any = ()) -> Any:
        self._ready()
        with self.errors():
            return self.conn.execute(self._prepare(sql), list(params) or None)

    def executemany(self, sql: str, rows: Any) -> Any:
        self._ready()
        with self.errors():
            cur = self.conn.cursor()
            cur.executemany(self._prepare(sql), rows)
            return cur

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        self._ready()
        with self.errors():
            return self.conn.execute(self._prepare(sql), list(params) or None).fetchall()

    def insert_rows(self, table: str, width: int, rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows of ``width`` columns, in column order, with COPY (an import's
        500,000 sentences in seconds, not the minute row-by-row inserts take over a network)."""
        self._ready()
        with self.errors(), self.conn.cursor() as cur, cur.copy(f"COPY {table} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def stream(self, sql: str, params: Any = ()) -> Any:
        """A server-side cursor that reads a large result in batches (``fetchmany``), so an
        export of 600,000 rows never holds them all in this process. WITH HOLD keeps it
        usable outside a transaction; close it when done (else the connection's end does)."""
        self._ready()
        self._cursors += 1
        cur = self.conn.cursor(name=f"annotator_stream_{self._cursors}", withhold=True)
        with self.errors():
            cur.execute(self._prepare(sql), list(params) or None)
        return cur

    # ------------------------------------------------------------------ dialect

    @staticmethod
    def group_concat(expr: str, sep: str = ",") -> str:
        return f"string_agg(({expr})::text, '{sep}')"

    @staticmethod
    def find(haystack: str, needle: str) -> str:
        """SQL for the 1-based position of ``needle`` in ``haystack`` (0 when absent)."""
        return f"strpos({haystack}, {needle})"

    @staticmethod
    def json_member(column: str) -> str:
        return f"(({column})::json -> ?::text)::text"

    @staticmethod
    def json_key(key: str) -> str:
        return key

    json_ints = "(SELECT v::bigint AS value FROM json_array_elements_text(?::json) AS j(v)) AS ints"

    def lock_ids(self, table: str) -> None:
        """Serialise writers that assign ids by max()+1 (two imports at once on a team)."""
        self.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")

    # ------------------------------------------------------------------ transactions

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        return self.conn.info.transaction_status != pq.TransactionStatus.IDLE

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a savepoint when nested), rolled back on error."""
        self._ready()
        self._depth += 1
        try:
            with self.errors(), self.conn.transaction():
                yield
        finally:
            self._depth -= 1

    private_transaction = transaction  # TEMP tables are the session's own on a server too

    # ------------------------------------------------------------------ live teams

    def data_version(self) -> int:
        """A number that grows when another session changes the project (LISTEN/NOTIFY).

        Notifications that arrive while this connection runs a query go to the handler; the
        ones waiting on the socket are read here from libpq without a round trip to the server.
        """
        self._listen()
        if not self.in_transaction:
            self._ready()  # reads the socket, and connects again if the server ended the session
            pgconn = self.conn.pgconn
            while (note := pgconn.notifies()) is not None:
                if note.be_pid != self.pid:
                    self._seen += 1
        return self._seen

    def _listen(self) -> None:
        if not self._listening:
            self.conn.add_notify_handler(self._heard)
            self._raw(f"LISTEN {CHANNEL}")
            self._listening = True

    def _heard(self, note: Any) -> None:
        if note.pid != self.pid:
            self._seen += 1

    def notify_fd(self) -> int:
        """The connection's socket, readable when a change notification arrives (a window
        watches it to refresh at once instead of at its next poll)."""
        self._listen()
        return self.conn.fileno()

    def checkpoint(self) -> bool:
        return True  # the server makes every commit durable; nothing to fold

    def set_busy_timeout(self, seconds: float) -> None:
        """Nothing to set: a server transaction is not retried like a file's short attempts,
        so its one attempt waits ``BUSY_PATIENCE_S`` (``lock_timeout``, set on connecting). A
        shorter one cancelled commits queued behind the notification lock under a team's load
        (team_bench: 0.1 s cancelled ~1 commit in 1,000 at 10-20 annotators)."""

    def writes_any_layer(self) -> bool:
        """Whether this login is above row-level security here: a superuser, a role with
        BYPASSRLS, or (a member of) the owner of the project's tables, i.e. the lead."""
        return bool(
            self.query(
                "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(session_user, "
                "(SELECT relowner FROM pg_class WHERE oid = 'annotations'::regclass), 'MEMBER') "
                "FROM pg_roles r WHERE r.rolname = session_user"
            )[0][0]
        )

    def session_user(self) -> str:
        return str(self.query("SELECT session_user")[0][0])


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
