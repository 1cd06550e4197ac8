"""Migrations on a real PostgreSQL database: numbered like SQLite's, each step one transaction."""

from __future__ import annotations

import os

import psycopg
import pytest

from annotator.errors import DatabaseTooNew
from annotator.paths import resource_path
from annotator.schema import dump_schema, load_schema
from annotator.store import Store, migrations, pg_migrations


@pytest.fixture
def version_1(request, pg_server):
    """A server project as version 1 of the code left it, with one annotated sentence."""
    name = f"v1_{os.getpid()}_{request.node.name[:30].lower()}"
    pg_server.create_database(name)
    request.addfinalizer(lambda: pg_server.drop_database(name))
    url = pg_server.dsn(name)
    schema = load_schema(resource_path("labels.toml"))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(pg_migrations.BOOTSTRAP.encode())
        conn.execute(pg_migrations.V1.encode())
        conn.execute("INSERT INTO schema_version VALUES (1)")
        conn.execute(
            "INSERT INTO project VALUES (1, 'old', %s, %s, 't0')",
            [__import__("json").dumps(dump_schema(schema)), schema.hash],
        )
        conn.execute("INSERT INTO articles VALUES (1, 'a.txt', 'T', '全省抓获95名。', 'h', '{}', NULL, 't0')")
        conn.execute(
            "INSERT INTO sentences (article_id, position, char_start, char_end, paragraph, text) "
            "VALUES (1, 0, 0, 8, 0, '全省抓获95名。')"
        )
        conn.execute("INSERT INTO annotators (name, created_at) VALUES ('alice', 't0')")
        conn.execute(
            "INSERT INTO annotations (sentence_id, annotator_id, labels, decided, created_at, "
            "updated_at) VALUES (1, 1, '[\"statistic\"]', 1, 't0', 't0')"
        )
    return url


def dump(url: str) -> dict:
    """The schema (tables, columns, policies, triggers), the version and every row."""
    with psycopg.connect(url) as conn:
        columns = conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'public' ORDER BY 1, 2"
        ).fetchall()
        extras = conn.execute(
            "SELECT 'policy', policyname || ' ON ' || tablename FROM pg_policies UNION ALL "
            "SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2"
        ).fetchall()
        tables = sorted({c[0] for c in columns})
        rows = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    return {"columns": columns, "extras": extras, "rows": rows}


def test_both_backends_number_the_same_migrations():
    assert len(pg_migrations.MIGRATIONS) == len(migrations.MIGRATIONS)


def test_version_1_database_opens_upgraded_with_its_data(version_1):
    with Store.open(version_1) as store:
        assert store.sql.schema_version() == len(pg_migrations.MIGRATIONS)
        alice = store.annotators.get("alice")
        found = store.annotations.get(1, alice.annotator_id)
        assert found.state.labels == ("statistic",) and found.state.decided
        assert found.version > 0  # migration 2 numbered the rows already there
        assert store.team.get("alice").role == "annotator"  # migration 3
        with store.transaction():  # the version clock moves on every write
            store.annotations.write(1, alice.annotator_id, found.state, expect=found.version)
        assert store.annotations.version(1, alice.annotator_id) > found.version


def test_a_failing_migration_leaves_the_database_as_it_was(version_1, monkeypatch):
    with Store.open(version_1):
        pass
    before = dump(version_1)
    broken = "CREATE TABLE half_done (x int); UPDATE articles SET title = 'changed'; SELECT 1/0;"
    monkeypatch.setattr(pg_migrations, "MIGRATIONS", [*pg_migrations.MIGRATIONS, broken])
    with pytest.raises(psycopg.errors.DivisionByZero):
        Store.open(version_1)
    assert dump(version_1) == before


def test_a_newer_database_is_refused_with_versions(version_1):
    with psycopg.connect(version_1, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(DatabaseTooNew) as err:
        Store.open(version_1)
    assert "99" in str(err.value) and "v1_" in str(err.value)


def test_missing_database_empty_database_and_no_server_are_one_clear_line(request, pg_server):
    from annotator.errors import StoreError

    with pytest.raises(StoreError, match=r'cannot connect \(.*"no_such_db" does not exist'):
        Store.open(pg_server.dsn("no_such_db"))
    empty = f"empty_{os.getpid()}"
    pg_server.create_database(empty)
    request.addfinalizer(lambda: pg_server.drop_database(empty))
    with pytest.raises(StoreError, match=rf"{empty}: not an annotator project .*annotator init"):
        Store.open(pg_server.dsn(empty))
    with pytest.raises(StoreError, match=r"^postgresql://nobody@127.0.0.1:1/x: cannot connect"):
        Store.open("postgresql://nobody:pw@127.0.0.1:1/x")
