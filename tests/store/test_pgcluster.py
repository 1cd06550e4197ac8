"""The throwaway PostgreSQL cluster (annotator.store.pgcluster) started and stopped for real,
and the pg_server fixture's choice between a given server, a throwaway one, a skip and a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from annotator.store import pgcluster
from annotator.store.pgcluster import PgServer, ThrowawayCluster
from tests.pg import require_binaries, require_psycopg, server_for_tests

REPO = Path(__file__).parent.parent.parent


def _alive(pid: int) -> bool:
    """True while ``pid`` runs; a zombie waiting for its parent to reap it counts as gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def _postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "postmaster.pid").read_text().splitlines()[0])


def _who(dsn: str) -> tuple[str, str, str | None, str]:
    """(database, user, server address or None over a Unix socket, fsync) seen through ``dsn``."""
    import psycopg

    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            "SELECT current_database(), current_user, host(inet_server_addr()),"
            " current_setting('fsync')"
        ).fetchone()
    assert row is not None
    return row


@pytest.fixture
def real_pg():
    """Skip (or fail, where required) when this machine cannot run a cluster."""
    require_psycopg()
    require_binaries()


@pytest.fixture
def shared_tmp():
    """A folder the ``postgres`` user can reach when we are root (pytest's tmp_path is private
    to root), removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="annotator-pg-test-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.slow
def test_cluster_serves_a_new_role_over_tcp_and_socket_and_stop_leaves_nothing(real_pg):
    import psycopg

    with ThrowawayCluster() as cluster:
        folder, pid = cluster.dir, _postmaster_pid(cluster.data_dir)
        assert _alive(pid)
        cluster.create_database("team")
        cluster.create_role("ana")
        assert _who(cluster.dsn("team", "ana")) == ("team", "ana", "127.0.0.1", "off")
        assert _who(cluster.socket_dsn("team", "ana")) == ("team", "ana", None, "off")
        assert cluster.dsn("team", "ana") == f"postgresql://ana@127.0.0.1:{cluster.port}/team"

        with psycopg.connect(cluster.dsn("team", "ana")):  # dropped with a session still open
            cluster.drop_database("team")
        with pytest.raises(psycopg.OperationalError, match='database "team" does not exist'):
            _who(cluster.dsn("team", "ana"))
    assert not _alive(pid)
    assert not folder.exists()


CRASH = """
import sys
from annotator.store.pgcluster import ThrowawayCluster
cluster = ThrowawayCluster().start()  # no with: nothing stops it but the exit hook
print(cluster.dir, open(cluster.data_dir / "postmaster.pid").readline().strip(), flush=True)
raise SystemExit("crashed")
"""


@pytest.mark.slow
def test_a_process_that_dies_with_a_running_cluster_stops_it_on_exit(real_pg):
    crashed = _python("-c", CRASH)
    assert "crashed" in crashed.stderr
    folder, pid = crashed.stdout.split()
    assert not _alive(int(pid))
    assert not Path(folder).exists()


@pytest.mark.slow
def test_a_failed_start_names_the_step_and_quotes_the_server_log(real_pg, shared_tmp):
    with ThrowawayCluster(shared_tmp):
        pass
    assert (shared_tmp / "data" / "PG_VERSION").exists()  # a given folder is kept
    with (shared_tmp / "data" / "postgresql.conf").open("a") as conf:
        conf.write("shared_buffers = 'plenty'\n")

    with pytest.raises(RuntimeError, match="pg_ctl start failed") as failure:
        ThrowawayCluster(shared_tmp).start()
    assert 'invalid value for parameter "shared_buffers"' in str(failure.value)


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    )
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return _python("-m", "annotator.store.pgcluster", *args)


@pytest.mark.slow
def test_command_line_start_leaves_the_server_running_until_stop(real_pg, shared_tmp):
    import psycopg

    started = _cli("start", str(shared_tmp), "--durable")
    assert started.returncode == 0, started.stderr
    dsn = started.stdout.strip()
    assert dsn.startswith("postgresql://annotator_admin@127.0.0.1:")
    try:
        assert _who(dsn) == ("postgres", "annotator_admin", "127.0.0.1", "on")  # outlived start
        PgServer(dsn).create_database("kept")
        again = _cli("start", str(shared_tmp))
        assert again.returncode == 1
        assert "already running" in again.stderr
    finally:
        stopped = _cli("stop", str(shared_tmp))
    assert stopped.returncode == 0, stopped.stderr
    with pytest.raises(psycopg.OperationalError):
        _who(dsn)

    restarted = _cli("start", str(shared_tmp))  # the same folder again: same data, new port
    try:
        assert restarted.returncode == 0, restarted.stderr
        assert _who(PgServer(restarted.stdout.strip()).dsn("kept"))[:2] == (
            "kept",
            "annotator_admin",
        )
    finally:
        assert _cli("stop", str(shared_tmp)).returncode == 0


@pytest.mark.slow
def test_pg_server_fixture_gives_a_server_that_makes_databases_and_roles(pg_server):
    name = f"fixture_{uuid.uuid4().hex[:8]}"  # the CI server outlives one run
    pg_server.create_database(name)
    pg_server.create_role(name)
    try:
        assert _who(pg_server.dsn(name, name))[:2] == (name, name)
    finally:
        pg_server.drop_database(name)


# -- choosing the server: no PostgreSQL needed for these

# Caught together, so that a skip where a failure is due fails the test instead of skipping it.
OUTCOMES = (pytest.skip.Exception, pytest.fail.Exception)


@pytest.fixture
def no_binaries(monkeypatch, tmp_path):
    monkeypatch.delenv("ANNOTATOR_PG_BIN", raising=False)
    monkeypatch.delenv("ANNOTATOR_TEST_PG", raising=False)
    monkeypatch.delenv("ANNOTATOR_REQUIRE_PG", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(pgcluster, "DEBIAN_BINARIES", tmp_path / "usr-lib-postgresql")
    return tmp_path


def test_find_pg_bin_prefers_the_variable_then_path_then_the_newest_debian_version(no_binaries):
    debian = no_binaries / "usr-lib-postgresql"
    for version in ("9", "15", "13"):
        (debian / version / "bin").mkdir(parents=True)
        (debian / version / "bin" / "pg_ctl").touch()
    (debian / "16" / "bin").mkdir(parents=True)  # a version without the server binaries
    assert pgcluster.find_pg_bin() == debian / "15" / "bin"

    on_path = no_binaries / "on-path"
    on_path.mkdir()
    (on_path / "pg_ctl").touch(mode=0o755)
    os.environ["PATH"] = str(on_path)  # restored by monkeypatch
    assert pgcluster.find_pg_bin() == on_path

    os.environ["ANNOTATOR_PG_BIN"] = "/opt/pg/bin"
    assert pgcluster.find_pg_bin() == Path("/opt/pg/bin")


def test_without_binaries_the_server_tests_skip(no_binaries):
    assert pgcluster.find_pg_bin() is None
    with pytest.raises(OUTCOMES, match="no PostgreSQL binaries") as outcome:
        with server_for_tests():
            pass
    assert outcome.type is pytest.skip.Exception


def test_without_binaries_the_server_tests_fail_where_required(no_binaries, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_REQUIRE_PG", "1")
    with pytest.raises(OUTCOMES, match="ANNOTATOR_REQUIRE_PG=1, but no PostgreSQL") as outcome:
        with server_for_tests():
            pass
    assert outcome.type is pytest.fail.Exception


@pytest.mark.parametrize("required", ["", "1"])
def test_without_psycopg_the_server_tests_skip_or_fail(no_binaries, monkeypatch, required):
    monkeypatch.setenv("ANNOTATOR_TEST_PG", "postgresql://admin@db.example:5432/postgres")
    monkeypatch.setenv("ANNOTATOR_REQUIRE_PG", required)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    with pytest.raises(OUTCOMES, match="psycopg is not installed") as outcome:
        with server_for_tests():
            pass
    assert outcome.type is (pytest.fail.Exception if required else pytest.skip.Exception)


def test_a_given_server_is_used_without_binaries_and_its_urls_derived(no_binaries, monkeypatch):
    pytest.importorskip("psycopg")
    given = "postgresql://admin:secret@db.example:6543/postgres?sslmode=disable"
    monkeypatch.setenv("ANNOTATOR_TEST_PG", given)
    monkeypatch.setenv("ANNOTATOR_REQUIRE_PG", "1")
    with server_for_tests() as server:
        assert server.dsn() == given
        assert (
            server.dsn("team") == "postgresql://admin:secret@db.example:6543/team?sslmode=disable"
        )
        assert server.dsn("team", "ana") == "postgresql://ana@db.example:6543/team?sslmode=disable"
        assert server.admin_user == "admin"


def test_a_given_server_must_be_a_postgresql_url():
    with pytest.raises(ValueError, match="not a postgresql:// URL"):
        PgServer("host=db.example dbname=postgres")
