"""Two windows of the same annotator on one project (issue 12 §2), a file and a server database:
two MainWindows, each with its own Store connection (as two app instances have), driven by key
presses on the active window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.gui.main_window import MainWindow
from annotator.gui.session import ProjectSession
from annotator.store import Store

pytestmark = pytest.mark.gui
SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def activate(qtbot, win):
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.setFocus()


@pytest.fixture
def windows(qtbot, seeds_project):
    """Windows A and B as alice on the same file, both on the same sentence."""
    stores, wins = [], []
    for _ in range(2):
        store = Store.open(seeds_project)
        stores.append(store)
        win = MainWindow(ProjectSession(store, "alice"))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        wins.append(win)
    a, b = wins
    s = next(s for s in a.session.sentences() if "抓获" in s.text)
    for win in wins:
        win.session.go_to(s.article_id, s.sentence_id)
    activate(qtbot, a)  # then activating B is a change of window (B re-reads the file)
    yield a, b
    for store in stores:
        store.close()


def row(seeds_project, sentence_id):
    """The stored row, read through a new connection to the project."""
    with Store.open(seeds_project) as store:
        rows = store.query(
            "SELECT labels, note, decided FROM annotations WHERE sentence_id = ?", [sentence_id]
        )
    return rows[0] if rows else None


def key(qtbot, win, k, mod=Qt.KeyboardModifier.NoModifier):
    activate(qtbot, win)
    qtbot.keyClick(win.view, k, mod)


def test_a_undoing_keeps_bs_label(qtbot, windows, seeds_project):
    a, b = windows
    sid = a.session.sentence_id
    key(qtbot, a, Qt.Key.Key_1)
    key(qtbot, b, Qt.Key.Key_2)  # activating B re-reads the file: B shows A's label first
    assert b.view.states[sid].labels == ("statistic", "anecdote")
    key(qtbot, a, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row(seeds_project, sid)[0] == '["anecdote"]'
    assert a.view.states[sid].labels == ("anecdote",)
    assert a.form.label_buttons["anecdote"].isChecked()


def test_b_notices_a_commit_by_polling_and_refreshes_view_form_and_list(qtbot, windows):
    a, b = windows
    sid = a.session.sentence_id
    key(qtbot, a, Qt.Key.Key_1)
    key(qtbot, a, Qt.Key.Key_Return)  # confirm: the article's count moves too
    assert b.sync.poll()  # B's timer tick (no focus change)
    assert b.view.states[sid].labels == ("statistic",)
    assert b.form.label_buttons["statistic"].isChecked() and b.form.decided.isChecked()
    assert b.articles.summary(b.session.article_id).decided == 1
    assert not b.sync.poll()  # nothing new


def test_bs_note_box_shows_as_newer_text(qtbot, windows, seeds_project):
    a, b = windows
    activate(qtbot, a)
    a.form.note.setFocus()
    qtbot.keyClicks(a.form.note, "A's note")
    qtbot.keyClick(a.form.note, Qt.Key.Key_Escape)  # saves and returns to the article
    assert row(seeds_project, a.session.sentence_id)[1] == "A's note"
    activate(qtbot, b)
    assert b.form.note.toPlainText() == "A's note"


def test_b_typing_over_as_newer_note_is_refused_then_one_redo_away(qtbot, windows, seeds_project):
    a, b = windows
    sid = a.session.sentence_id
    activate(qtbot, b)
    b.form.note.setFocus()
    qtbot.keyClicks(b.form.note, "B was here")  # typing, not saved yet
    assert b.status_saved.text() == "● unsaved"
    a.session.update_state(lambda s: s.with_(note="A's newer text"), "note")  # A saves first
    b.sync.poll()  # B notices, but does not wipe what B is typing
    assert b.form.note.toPlainText() == "B was here"
    qtbot.keyClick(b.form.note, Qt.Key.Key_Escape)  # B's save is refused: note changed since
    assert row(seeds_project, sid)[1] == "A's newer text"
    assert b.form.note.toPlainText() == "A's newer text"
    assert "another window changed note" in b.statusBar().currentMessage()
    key(qtbot, b, Qt.Key.Key_Z, SHIFT_CTRL)  # redo: B's text over A's
    assert row(seeds_project, sid)[1] == "B was here"
    assert b.form.note.toPlainText() == "B was here"


def test_bs_three_undos_do_not_undo_as_confirm(qtbot, windows, seeds_project):
    a, b = windows
    sid = a.session.sentence_id
    key(qtbot, b, Qt.Key.Key_2)
    key(qtbot, b, Qt.Key.Key_3)
    key(qtbot, b, Qt.Key.Key_1)
    a.session.go_to(a.session.article_id, sid)
    key(qtbot, a, Qt.Key.Key_Return)  # A confirms the sentence
    for _ in range(3):
        key(qtbot, b, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row(seeds_project, sid) == ("[]", "", 1)
    assert b.form.decided.isChecked()


def test_a_refused_undo_is_kept_and_a_second_undo_forces_it(qtbot, windows, seeds_project):
    a, b = windows
    sid = a.session.sentence_id
    a.session.update_state(lambda s: s.with_(note="A"), "note")
    activate(qtbot, b)
    b.session.update_state(lambda s: s.with_(note="B"), "note")
    key(qtbot, a, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row(seeds_project, sid)[1] == "B"  # A's undo would wipe B's newer note: refused
    assert a.session.undo_stack.index() == 1  # and still undoable
    assert "Undo again" in a.statusBar().currentMessage()
    key(qtbot, a, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row(seeds_project, sid) is None  # A asked twice: back to A's "before" (empty)
