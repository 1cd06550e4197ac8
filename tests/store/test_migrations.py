"""Migrations on real database files of earlier versions (tests/data/project_v<N>.db, never edited)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.errors import DatabaseTooNew
from annotator.store import Store, migrations

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def v1(tmp_path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(DATA / "project_v1.db", path)
    return path


def test_version_1_file_opens_upgraded_with_its_data(v1):
    with Store.open(v1) as store:
        assert store.query("PRAGMA user_version")[0][0] == len(migrations.MIGRATIONS)
        assert store.stats()["articles"] == 5
        assert store.team.get("alice").role == "annotator"  # migration 3
        alice = store.annotators.find("alice")
        state = store.annotations.state(236, alice.annotator_id)
        assert state.labels == ("statistic",) and state.note == "v1" and state.decided
        span = state.spans[0]
        assert store.sentences.get(236).text[span.start : span.end] == "1395起"


def dump(path: Path) -> dict:
    """Everything in the file: user_version, the schema, and every table's rows in order."""
    conn = sqlite3.connect(path)
    try:
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [name for kind, name, _, _ in schema if kind == "table"]
        return {
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "schema": schema,
            "rows": {
                t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables
            },
        }
    finally:
        conn.close()


def test_a_failing_migration_leaves_the_file_as_it_was(v1, monkeypatch):
    with Store.open(v1):  # upgraded to the newest version
        pass
    before = dump(v1)
    assert before["user_version"] == len(migrations.MIGRATIONS) and before["rows"]["articles"]

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        db.execute("UPDATE articles SET title = 'changed'")
        db.execute("PRAGMA user_version = 99")
        raise RuntimeError("step failed")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(RuntimeError, match="step failed"):
        Store.open(v1)
    assert dump(v1) == before


def test_a_newer_database_is_refused_with_versions(v1):
    conn = sqlite3.connect(v1)
    conn.execute(f"PRAGMA user_version = {len(migrations.MIGRATIONS) + 3}")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew) as err:
        Store.open(v1)
    assert str(v1) in str(err.value) and str(len(migrations.MIGRATIONS) + 3) in str(err.value)


def test_tables_read_well_for_sqlite_utils_and_datasette(v1):
    with Store.open(v1) as store:
        names = set(store.db.table_names())
        assert {
            "articles",
            "sentences",
            "annotators",
            "annotations",
            "spans",
            "suggestions",
            "adjudications",
        } <= names
        assert {"article_progress", "article_counts"} <= set(store.db.view_names())
