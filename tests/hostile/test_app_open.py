"""Opening a bad project shows a dialog, and a refused file is never written to (issue 12, §6)."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def start(qapp, monkeypatch):
    """Run gui.app.main on a file; return the texts its start-up dialogs would have shown."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from annotator.gui import app

    shown: list[str] = []
    monkeypatch.setattr(app, "startup_error", shown.append)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # never block the test

    def run(path) -> tuple[int, list[str]]:
        code = app.main(path, annotator="alice")
        for w in QApplication.topLevelWidgets():  # a half-built window: drop it, do not close it
            w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return code, shown

    return run


def snapshot(path):
    st = os.stat(path)
    return path.read_bytes(), st.st_mtime_ns, st.st_size


def no_side_files(path) -> bool:
    return not any(os.path.exists(f"{path}{x}") for x in ("-wal", "-shm", "-journal"))


def test_an_empty_file_is_refused_untouched(start, tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    before = snapshot(path)
    code, shown = start(path)
    assert code == 1 and len(shown) == 1 and "empty.db" in shown[0]
    assert snapshot(path) == before and no_side_files(path)


def test_a_file_that_is_not_a_database_is_refused_untouched(start, tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes("这不是数据库。\n".encode() * 300)
    before = snapshot(path)
    code, shown = start(path)
    assert code == 1 and "notes.db" in shown[0] and "not" in shown[0]
    assert snapshot(path) == before and no_side_files(path)


def test_another_programs_database_is_not_switched_to_wal(start, tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = snapshot(path)
    code, shown = start(path)
    assert code == 1 and "not an annotator project" in shown[0]
    assert snapshot(path) == before and no_side_files(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def _damage(path, sql: str) -> None:
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


def test_a_project_with_an_unreadable_schema_shows_a_dialog(start, template_db, tmp_path):
    path = tmp_path / "broken.db"
    shutil.copy(template_db, path)
    _damage(path, "UPDATE project SET label_schema = CAST(x'7b22ff22' AS TEXT)")
    code, shown = start(path)
    assert code == 1 and len(shown) == 1 and "broken.db" in shown[0]


def test_a_project_with_damaged_articles_shows_a_dialog(start, template_db, tmp_path):
    path = tmp_path / "broken.db"
    shutil.copy(template_db, path)
    _damage(path, "UPDATE articles SET title = CAST(x'e5ff' AS TEXT)")
    code, shown = start(path)
    assert code == 1 and len(shown) == 1 and "broken.db" in shown[0]


def test_a_corrupt_page_shows_a_dialog(start, template_db, tmp_path):
    path = tmp_path / "corrupt.db"
    data = bytearray(template_db.read_bytes())
    data[4096 : 4096 * 4] = b"\xa5" * (4096 * 3)  # pages 2-4: the tables' first pages
    path.write_bytes(bytes(data))
    code, shown = start(path)
    assert code == 1 and len(shown) == 1 and "corrupt.db" in shown[0]


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes read-only files"
)
def test_a_read_only_project_shows_a_dialog(start, template_db, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "project.db"
    shutil.copy(template_db, path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, shown = start(path)
    finally:
        folder.chmod(0o755)
    assert code == 1 and "project.db" in shown[0]
