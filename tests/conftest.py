"""Shared fixtures: offscreen Qt, and real project databases copied from a session template."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user data directory and $ANNOTATOR_DB."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def seeds() -> Path:
    from annotator.paths import seeds_dir

    return seeds_dir()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory, seeds) -> Path:
    """A migrated project with the seeds imported, built once per session and copied per test."""
    from annotator.corpus.importer import import_paths
    from annotator.paths import resource_path
    from annotator.schema import load_schema
    from annotator.store import Store

    path = tmp_path_factory.mktemp("template") / "project.db"
    with Store.create(path, load_schema(resource_path("labels.toml"))) as store:
        import_paths(store, [seeds])
    return path  # closing the store checkpoints the WAL, so copying the main file is enough


@pytest.fixture
def db_path(template_db, tmp_path) -> Path:
    path = tmp_path / "project.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def file_store(db_path):
    """The seeds project as a SQLite file (tests of what only a file has: WAL, copies, PRAGMAs)."""
    from annotator.store import Store

    s = Store.open(db_path)
    yield s
    s.close()


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_template(request, seeds) -> str:
    """A server database with the seeds imported, built once per session and cloned per test."""
    from annotator.corpus.importer import import_paths
    from annotator.paths import resource_path
    from annotator.schema import load_schema
    from annotator.store import Store

    server = request.getfixturevalue("pg_server")
    name = f"annotator_template_{os.getpid()}"  # CI's two runs share one server
    server.drop_database(name)
    server.create_database(name)
    request.addfinalizer(lambda: server.drop_database(name))
    with Store.create(server.dsn(name), load_schema(resource_path("labels.toml"))) as s:
        import_paths(s, [seeds])
    return name


@pytest.fixture(params=BACKENDS)
def seeds_project(request, db_path) -> str | Path:
    """The seeds project on each backend: a SQLite file, then a fresh server database."""
    if request.param == "sqlite":
        return db_path
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    name = f"t_{os.getpid()}_{next(_DB_NUMBERS)}"
    server.create_database(name, template=template)
    request.addfinalizer(lambda: server.drop_database(name))
    return server.dsn(name)


_DB_NUMBERS = __import__("itertools").count()


def _server_database(request) -> str:
    """A new empty database on the test server, dropped after the test; its address."""
    server = request.getfixturevalue("pg_server")
    name = f"t_{os.getpid()}_{next(_DB_NUMBERS)}"
    server.create_database(name)
    request.addfinalizer(lambda: server.drop_database(name))
    return server.dsn(name)


@pytest.fixture(params=BACKENDS)
def new_project(request, tmp_path) -> str | Path:
    """Where a new project goes on each backend: a file path, then an empty server database."""
    if request.param == "sqlite":
        return tmp_path / "p.db"
    return _server_database(request)


@pytest.fixture
def store(seeds_project):
    """The seeds project, opened on each backend in turn (the same test runs on both)."""
    from annotator.store import Store

    s = Store.open(seeds_project)
    yield s
    s.close()


# -- PostgreSQL (issue 14): one server per session. tests/pg.py chooses $ANNOTATOR_TEST_PG or a
# throwaway cluster, and skips without binaries or psycopg (fails if $ANNOTATOR_REQUIRE_PG=1).
@pytest.fixture(scope="session")
def pg_server():
    from tests.pg import server_for_tests

    with server_for_tests() as server:
        yield server
