"""A copy of the project file holds the edits (issue 12 §3): checkpoints when edits go quiet and
at close, File → Save a copy for merging (SQLite's backup API), and `merge` warns about a -wal."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from PySide6.QtCore import Qt

from annotator.cli import cli
from annotator.records import AnnotationState
from annotator.store import Store


def count(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    finally:
        conn.close()


def label_ten(store):
    aid = store.annotators.get_or_create("alice").annotator_id
    for s in store.sentences.for_article(1)[1:11]:
        with store.transaction():
            store.annotations.write(s.sentence_id, aid, AnnotationState(labels=("statistic",)))


def test_a_plain_copy_after_a_checkpoint_holds_every_edit(file_store, db_path, tmp_path):
    store = file_store
    label_ten(store)
    shutil.copy(db_path, tmp_path / "before.db")
    assert count(tmp_path / "before.db") < 10  # the edits are still in the -wal
    assert store.checkpoint()
    shutil.copy(db_path, tmp_path / "after.db")
    assert count(tmp_path / "after.db") == 10


def test_save_copy_is_one_self_contained_file(store, tmp_path):
    label_ten(store)  # not checkpointed
    copy = store.save_copy(tmp_path / "for_merge.db")
    assert not (tmp_path / "for_merge.db-wal").exists()
    moved = tmp_path / "elsewhere.db"
    shutil.move(copy, moved)  # only the one file travels
    assert count(moved) == 10
    with Store.open(moved) as again:
        assert again.stats()["decided"] == {"alice": 0}


def test_merge_warns_on_stderr_when_the_file_has_a_wal_beside_it(store, db_path, tmp_path):
    other = tmp_path / "other.db"
    shutil.copy(db_path, other)
    live = Store.open(other)
    try:
        label_ten(live)  # open, with edits in other.db-wal
        result = CliRunner().invoke(cli, ["merge", str(other), "--db", str(db_path)])
    finally:
        live.close()
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "other.db: has a -wal file beside it" in warnings[0]
    clean = CliRunner().invoke(cli, ["merge", str(other), "--db", str(db_path)])
    assert "Warning" not in clean.stderr  # closed: checkpointed, no -wal


@pytest.mark.gui
def test_file_menu_saves_a_copy_and_edits_going_quiet_are_checkpointed(
    qtbot, db_path, tmp_path, monkeypatch
):
    from annotator.gui.dialogs.project_dialogs import ProjectDialogs
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession

    store = Store.open(db_path)
    win = MainWindow(ProjectSession(store, "alice"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.setFocus()
    try:
        for _ in range(3):
            qtbot.keyClick(win.view, Qt.Key.Key_1)
            qtbot.keyClick(win.view, Qt.Key.Key_Return)
        target = tmp_path / "mine.db"
        monkeypatch.setattr(ProjectDialogs, "save_copy", classmethod(lambda cls, parent: target))
        win.acts["save_copy"].trigger()
        assert count(target) == 3 and not (tmp_path / "mine.db-wal").exists()
        assert target.name in win.statusBar().currentMessage()
        # the window is still open: after the quiet timer the main file alone is complete
        with qtbot.waitSignal(win.sync.checkpoint_timer.timeout, timeout=10000):
            pass
        shutil.copy(db_path, tmp_path / "plain.db")
        assert count(tmp_path / "plain.db") == 3
    finally:
        store.close()
