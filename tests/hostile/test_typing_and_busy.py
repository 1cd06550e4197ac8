"""Typed text is saved after a pause, with "unsaved" shown until then; an edit made while another
process holds the write lock waits and is saved, never refused (issue 12 §6)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt

from annotator.records import AnnotationState

pytestmark = pytest.mark.gui


@pytest.fixture
def win(qtbot, db_path):
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.store import Store

    store = Store.open(db_path)
    w = MainWindow(ProjectSession(store, "alice"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitActive(w):
        w.activateWindow()
    w.view.setFocus()
    yield w
    store.close()


def stored(db_path, sql):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_note_being_typed_is_saved_after_a_pause(qtbot, win, db_path):
    sid = win.session.sentence_id
    qtbot.keyClick(win.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert win.form.note.hasFocus()
    qtbot.keyClicks(win.form.note, "doubt: figures")
    assert win.status_saved.text() == "● unsaved"  # typed, not in the file yet
    assert stored(db_path, "SELECT note FROM annotations") == []
    # no focus change, no Enter: the pause alone saves it (as a crash right after would need)
    qtbot.waitUntil(lambda: stored(db_path, "SELECT note FROM annotations") != [], timeout=5000)
    assert stored(db_path, f"SELECT note FROM annotations WHERE sentence_id = {sid}") == [
        ("doubt: figures",)
    ]
    assert win.form.note.hasFocus() and win.status_saved.text().startswith("✓ saved")


def test_a_form_field_being_typed_is_saved_after_a_pause(qtbot, win, db_path):
    qtbot.keyClick(win.view, Qt.Key.Key_1)  # statistic: its form appears
    unit = win.form.label_fields["statistic"]["unit"].widget
    unit.setFocus()
    qtbot.keyClicks(unit, "cases")
    assert win.status_saved.text() == "● unsaved"
    qtbot.waitUntil(lambda: "cases" in stored(db_path, "SELECT fields FROM annotations")[0][0])
    assert win.status_saved.text().startswith("✓ saved")


def hold_write_lock(path, seconds, held: threading.Event):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    held.set()
    threading.Event().wait(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_an_edit_waits_for_another_process_lock_and_is_saved(qtbot, win, db_path):
    messages = []
    win.statusBar().messageChanged.connect(messages.append)
    held = threading.Event()
    t = threading.Thread(target=hold_write_lock, args=(db_path, 1.0, held))
    t.start()
    held.wait()
    qtbot.keyClick(win.view, Qt.Key.Key_1)
    t.join()
    assert stored(db_path, "SELECT labels FROM annotations") == [('["statistic"]',)]
    assert any("Waiting for the database" in m for m in messages)
    assert win.view.states[win.session.sentence_id].labels == ("statistic",)


def test_store_transaction_retries_while_busy(file_store, db_path):
    store = file_store
    store.set_busy_timeout(0.05)
    waits = []
    store.on_busy = waits.append
    held = threading.Event()
    t = threading.Thread(target=hold_write_lock, args=(db_path, 1.0, held))
    t.start()
    held.wait()
    sid = store.sentences.for_article(1)[1].sentence_id
    with store.transaction():
        aid = store.annotators.get_or_create("alice").annotator_id
        store.annotations.write(sid, aid, AnnotationState(labels=("slogan",)))
    t.join()
    assert waits and store.annotations.state(sid, aid).labels == ("slogan",)
