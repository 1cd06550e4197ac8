"""A throwaway PostgreSQL cluster for tests, CI, benchmarks and trying team mode (issue 14).

``ThrowawayCluster`` runs ``initdb`` in a temporary folder and starts a server that listens on
127.0.0.1 (a free port) and on a Unix socket in that folder, with trust authentication, so no
password is ever written anywhere. ``stop()`` stops it and removes the folder. initdb and pg_ctl
refuse to run as root; as root the cluster belongs to the ``postgres`` OS user.

From a shell (``.ci/run``, or a person trying a server project)::

    python -m annotator.store.pgcluster start DIR   # prints postgresql://... and leaves it running
    python -m annotator.store.pgcluster stop DIR

psycopg is an optional extra (``.[server]``), so it is imported only where it is used.
"""

from __future__ import annotations

import argparse
import atexit
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

if TYPE_CHECKING:
    import psycopg

ADMIN = "annotator_admin"
SETTINGS_FILE = "annotator.conf"  # included from postgresql.conf, rewritten at every start
SOCKET_PATH_MAX = 107  # sun_path holds 108 bytes, the last one a NUL
DEBIAN_BINARIES = Path("/usr/lib/postgresql")


def find_pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: $ANNOTATOR_PG_BIN, else PATH, else the newest
    Debian install (/usr/lib/postgresql/<version>/bin, which Debian keeps off PATH)."""
    if configured := os.environ.get("ANNOTATOR_PG_BIN"):
        return Path(configured)
    if on_path := shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    versions = [p for p in DEBIAN_BINARIES.glob("*/bin") if (p / "pg_ctl").exists()]
    versions.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else -1)
    return versions[-1] if versions else None


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


class PgServer:
    """A running server reached through a superuser's ``postgresql://`` URL: the other URLs are
    that one with the database or the user swapped, and the admin helpers connect through it."""

    def __init__(self, admin_dsn: str) -> None:
        if urlsplit(admin_dsn).scheme not in ("postgresql", "postgres"):
            raise ValueError(f"not a postgresql:// URL: {admin_dsn!r}")
        self._admin_dsn = admin_dsn

    def dsn(self, dbname: str | None = None, user: str | None = None) -> str:
        parts = urlsplit(self._admin_dsn)
        netloc = parts.netloc
        if user is not None:  # a password belongs to the old user: leave it out
            netloc = f"{quote(user, safe='')}@{netloc.rpartition('@')[2]}"
        path = parts.path if dbname is None else "/" + quote(dbname, safe="")
        return urlunsplit((parts.scheme, netloc, path, parts.query, parts.fragment))

    @property
    def admin_user(self) -> str:
        return unquote(urlsplit(self.dsn()).username or ADMIN)

    @contextmanager
    def _admin(self) -> Iterator[psycopg.Connection[Any]]:
        import psycopg

        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            yield conn

    def create_database(self, name: str, template: str | None = None) -> None:
        from psycopg import sql

        statement = sql.SQL("CREATE DATABASE {} OWNER {}").format(
            sql.Identifier(name), sql.Identifier(self.admin_user)
        )
        if template is not None:  # FILE_COPY: a small template is copied faster than WAL-logged
            statement += sql.SQL(" TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(template)
            )
        with self._admin() as conn:
            conn.execute(statement)

    def drop_database(self, name: str) -> None:
        from psycopg import sql

        with self._admin() as conn:  # FORCE (PostgreSQL 13+) ends sessions still connected
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def create_role(self, name: str, login: bool = True) -> None:
        """Create the role (roles belong to the whole cluster: one that exists is kept)."""
        from psycopg import sql

        option = sql.SQL("LOGIN" if login else "NOLOGIN")
        with self._admin() as conn:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchall():
                return
            conn.execute(sql.SQL("CREATE ROLE {} {}").format(sql.Identifier(name), option))


class ThrowawayCluster(PgServer):
    """initdb + pg_ctl in ``base_dir`` (a new temporary folder when None, removed on stop).

    The folder holds the data directory (``data/``), the server log (``log``) and the Unix
    socket. ``fast`` turns durability off (fsync, synchronous_commit, full_page_writes): right
    for tests, wrong for a benchmark that should measure real commits. Starting a folder that
    already holds a stopped cluster starts that cluster again, with its data.
    """

    def __init__(self, base_dir: Path | None = None, *, fast: bool = True) -> None:
        self._base_dir = Path(base_dir).absolute() if base_dir is not None else None
        self._fast = fast
        self._dir: Path | None = self._base_dir
        self._port: int | None = None
        self._bin: Path | None = None
        self._made_dir = False

    # -- where it is

    @property
    def dir(self) -> Path:
        if self._dir is None:
            raise RuntimeError("the cluster is not started")
        return self._dir

    @property
    def data_dir(self) -> Path:
        return self.dir / "data"

    @property
    def log_path(self) -> Path:
        return self.dir / "log"

    @property
    def host(self) -> str:
        """The Unix socket's folder (libpq's ``host`` for a socket)."""
        return str(self.dir)

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the cluster is not started")
        return self._port

    def dsn(self, dbname: str | None = "postgres", user: str | None = ADMIN) -> str:
        user, dbname = quote(user or ADMIN, safe=""), quote(dbname or "postgres", safe="")
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def socket_dsn(self, dbname: str = "postgres", user: str = ADMIN) -> str:
        host = quote(self.host, safe="")
        return f"postgresql://{quote(user, safe='')}@/{quote(dbname, safe='')}?host={host}&port={self.port}"

    # -- life cycle

    def __enter__(self) -> ThrowawayCluster:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> ThrowawayCluster:
        bin_dir = self._bin = find_pg_bin()
        if bin_dir is None:
            raise RuntimeError(
                "PostgreSQL: no initdb/pg_ctl found (set ANNOTATOR_PG_BIN, put them on PATH, "
                "or install the postgresql package)"
            )
        owner = self._owner()
        if self._base_dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
            self._made_dir = True
        else:
            self._base_dir.mkdir(parents=True, exist_ok=True)
        if len(str(self.dir)) + len("/.s.PGSQL.65535") > SOCKET_PATH_MAX:
            self._cleanup_dir()
            raise RuntimeError(f"PostgreSQL: socket folder path too long: {self.dir}")
        if (self.data_dir / "postmaster.pid").exists() and self._pg_ctl("status").returncode == 0:
            raise RuntimeError(f"PostgreSQL: a server is already running in {self.data_dir}")
        atexit.register(self._stop_at_exit)
        try:
            if owner is not None:
                shutil.chown(self.dir, owner.pw_uid, owner.pw_gid)
            if not (self.data_dir / "PG_VERSION").exists():
                self._initdb()
            self._start_server()
        except BaseException:
            self.stop(quiet=True)
            raise
        return self

    def detach(self) -> None:
        """Leave the server running when this process exits (``python -m ... start``)."""
        atexit.unregister(self._stop_at_exit)

    def stop(self, quiet: bool = False) -> None:
        """Stop the server (fast shutdown: sessions are ended) and remove the folder if this
        object made it. Stopping a folder whose server is not running only cleans up."""
        atexit.unregister(self._stop_at_exit)
        try:
            if self._dir is not None and (self.data_dir / "postmaster.pid").exists():
                done = self._pg_ctl("stop", "-m", "fast", "-w")
                if done.returncode != 0:
                    raise self._error("pg_ctl stop", done.stdout + done.stderr)
        except Exception:
            if not quiet:
                raise
        else:
            self._cleanup_dir()

    def _stop_at_exit(self) -> None:
        self.stop(quiet=True)

    # -- steps

    def _owner(self) -> pwd.struct_passwd | None:
        """The OS user to run the server as: ``postgres`` when we are root, else ourselves."""
        if os.geteuid() != 0:
            return None
        try:
            return pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError(
                "PostgreSQL: running as root, which initdb refuses, and there is no "
                "'postgres' user to run the cluster as"
            ) from None

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        assert self._bin is not None
        command = [str(self._bin / program), *args]
        if self._owner() is not None:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command, cwd=self.dir, stdin=subprocess.DEVNULL, capture_output=True, text=True
        )

    def _pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        if self._bin is None:
            self._bin = find_pg_bin()
            if self._bin is None:
                raise RuntimeError("PostgreSQL: no pg_ctl found")
        return self._run("pg_ctl", *args, "-D", str(self.data_dir))

    def _initdb(self) -> None:
        common = ["-D", str(self.data_dir), "-U", ADMIN, "--auth=trust", "-E", "UTF8"]
        if self._fast:
            common.append("--no-sync")
        done = self._run("initdb", *common, "--locale=C.UTF-8")
        if done.returncode != 0:  # no C.UTF-8 locale here: the C locale sorts by code point too
            first = done.stdout + done.stderr
            shutil.rmtree(self.data_dir, ignore_errors=True)
            done = self._run("initdb", *common, "--no-locale")
            if done.returncode != 0:
                raise self._error("initdb", first + "\n" + done.stdout + done.stderr)
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"\n# written by annotator.store.pgcluster\ninclude = '{SETTINGS_FILE}'\n")

    def _write_settings(self, port: int) -> None:
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(port),
            "unix_socket_directories": "'" + str(self.dir).replace("'", "''") + "'",
            "max_connections": "200",
        }
        if self._fast:  # tests only: a crash may lose or corrupt the data, which is thrown away
            settings |= {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
        path = self.data_dir / SETTINGS_FILE
        path.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()), encoding="utf-8")
        if (owner := self._owner()) is not None:
            shutil.chown(path, owner.pw_uid, owner.pw_gid)

    def _start_server(self) -> None:
        for _attempt in range(3):  # another process may take the free port before the server
            port = _free_port()
            self._write_settings(port)
            done = self._pg_ctl("start", "-w", "-t", "60", "-l", str(self.log_path))
            if done.returncode == 0:
                self._port = port
                return
            log = self._read_log()
            if "could not bind" not in log and "could not create any TCP/IP" not in log:
                break
        raise self._error("pg_ctl start", done.stdout + done.stderr + "\n" + log)

    def _read_log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _error(self, step: str, output: str) -> RuntimeError:
        return RuntimeError(f"PostgreSQL: {step} failed in {self.dir}:\n{_tail(output)}")

    def _cleanup_dir(self) -> None:
        if self._made_dir and self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir, self._made_dir = None, False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m annotator.store.pgcluster",
        description="A throwaway PostgreSQL cluster in DIR, for CI and for trying team mode.",
    )
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("dir", type=Path)
    parser.add_argument(
        "--durable", action="store_true", help="keep fsync on (default: off, for tests)"
    )
    args = parser.parse_args(argv)
    cluster = ThrowawayCluster(args.dir, fast=not args.durable)
    try:
        if args.action == "start":
            cluster.start()
            cluster.detach()
            print(cluster.dsn())
        else:
            cluster.stop()
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
