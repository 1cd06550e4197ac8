"""A team on one project: windows with their own connections see each other's edits (on a
server as soon as the change notification arrives), the review queue and the dashboard follow,
File → Open project on a server, and a write the server refuses.

Tests that need a server take the ``seeds_project`` fixture's parameter and skip on a file.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.paths import is_server_address
from annotator.records import EMPTY_STATE

from .helpers import activate, press, rows


def on_server_only(seeds_project) -> None:
    if not is_server_address(seeds_project):
        pytest.skip("a server project only")


def notified_only(win, seeds_project) -> None:
    """On a server, stop the window's 500 ms poll: only the change notification can refresh it."""
    if is_server_address(seeds_project):
        win.sync.poll_timer.stop()


def same_place(win, other) -> None:
    win.session.go_to(other.session.article_id, other.session.sentence_id)


def decide(qtbot, win, key) -> int:
    """Label the current sentence with ``key`` and confirm it (Enter); its sentence id."""
    sid = win.session.sentence_id
    activate(qtbot, win)
    press(qtbot, win, key)
    press(qtbot, win, Qt.Key.Key_Return)
    return sid


def test_a_label_typed_in_one_window_appears_in_the_other(qtbot, seeds_project, open_window):
    mine = open_window(seeds_project, "alice")
    other = open_window(seeds_project, "alice")  # the same layer, another connection
    same_place(other, mine)
    notified_only(other, seeds_project)
    sid = mine.session.sentence_id
    assert other.view.states.get(sid) is None or not other.view.states[sid].labels
    activate(qtbot, mine)
    press(qtbot, mine, Qt.Key.Key_1)
    # what the other window shows, not a new read of the store
    qtbot.waitUntil(lambda: other.view.states.get(sid, EMPTY_STATE).labels == ("statistic",))
    assert other.form.label_buttons["statistic"].isChecked()


def test_the_review_queue_and_dashboard_follow_the_annotators(qtbot, seeds_project, open_window):
    alice = open_window(seeds_project, "alice")
    bob = open_window(seeds_project, "bob")
    lead = open_window(seeds_project, "lead")
    same_place(bob, alice)
    activate(qtbot, lead)
    lead.acts["review_mode"].trigger()
    assert lead.review.items == []
    notified_only(lead, seeds_project)

    first = decide(qtbot, alice, Qt.Key.Key_1)
    assert decide(qtbot, bob, Qt.Key.Key_2) == first  # bob decides it otherwise
    qtbot.waitUntil(lambda: [i.sentence_id for i in lead.review.items] == [first])
    assert lead.review.queue_list.count() == 1

    from annotator.gui.widgets.dashboard import Dashboard

    lead.acts["dashboard"].trigger()
    (dashboard,) = lead.findChildren(Dashboard)
    assert dashboard.data.report.units == 1
    same_place(bob, alice)  # both moved on to the next undecided sentence
    decide(qtbot, alice, Qt.Key.Key_1)
    decide(qtbot, bob, Qt.Key.Key_1)  # agreed: the dashboard counts it, the queue does not
    qtbot.waitUntil(lambda: dashboard.data.report.units == 2)
    assert [i.sentence_id for i in lead.review.items] == [first]


def test_a_candidate_being_built_survives_a_live_refresh(qtbot, seeds_project, open_window):
    alice = open_window(seeds_project, "alice")
    bob = open_window(seeds_project, "bob")
    lead = open_window(seeds_project, "lead")
    same_place(bob, alice)
    first = decide(qtbot, alice, Qt.Key.Key_1)
    decide(qtbot, bob, Qt.Key.Key_2)
    activate(qtbot, lead)
    lead.acts["review_mode"].trigger()
    assert lead.review.current_id() == first
    lead.review.label_buttons["slogan"].click()  # the reviewer's own candidate
    built = lead.review.candidate
    assert "slogan" in built.labels
    same_place(bob, alice)  # meanwhile the two disagree on another sentence
    decide(qtbot, alice, Qt.Key.Key_3)
    decide(qtbot, bob, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(lead.review.items) == 2)  # the queue was re-read
    assert lead.review.current_id() == first and lead.review.candidate == built


def test_open_project_on_a_server_by_keys(qtbot, seeds_project, window):
    on_server_only(seeds_project)
    from annotator.gui import settings
    from annotator.gui.dialogs.server_dialog import ServerDialog
    from annotator.store.pg_backend import describe

    window.acts["open_server"].trigger()
    (dialog,) = window.findChildren(ServerDialog)
    field = dialog.address
    qtbot.keyClicks(field, "postgresql://annotator_admin@127.0.0.1:1/nothing")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisible()  # stays open, one line
    assert dialog.error.text().startswith("postgresql://annotator_admin@127.0.0.1:1/nothing: ")
    assert "\n" not in dialog.error.text()
    field.clear()
    qtbot.keyClicks(field, str(seeds_project))
    old = window.session.store
    qtbot.keyClick(field, Qt.Key.Key_Return)
    try:
        assert not dialog.isVisible()
        assert window.session.store is not old and window.session.store.on_server
        where = describe(str(seeds_project))
        assert window.windowTitle().endswith(f" — {where}")
        assert settings.recent_projects()[0] == where
        assert [a.text() for a in window.recent_menu.actions()][0] == where
        # Open recent opens the server project again (the address is not taken for a path)
        opened = window.session.store
        window.recent_menu.actions()[0].trigger()
        assert window.session.store is not opened and window.session.store.location == where
        assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    finally:
        window.session.store.close()


@pytest.fixture
def bob_address(seeds_project):
    """The project's address as the login ``bob`` (bound by row-level security)."""
    on_server_only(seeds_project)
    import psycopg

    with psycopg.connect(str(seeds_project), autocommit=True) as conn:  # as the superuser
        conn.execute(
            "DO $$ BEGIN CREATE ROLE bob LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
    return str(seeds_project).replace("annotator_admin@", "bob@")


def test_a_write_the_server_refuses_is_a_status_line(qtbot, seeds_project, bob_address, open_window):
    from annotator.store import Store

    with Store.open(seeds_project) as admin, admin.transaction():
        admin.annotators.get_or_create("alice")  # a layer bob may read but not write
    win = open_window(bob_address, "alice")  # as after Annotator → Switch annotator
    sid = win.session.sentence_id
    activate(qtbot, win)
    press(qtbot, win, Qt.Key.Key_1)
    message = win.statusBar().currentMessage()
    from annotator.store.pg_backend import describe

    assert message.startswith(describe(bob_address) + ": not allowed")
    assert ": not allowed: new row violates row-level security policy" in message
    assert "\n" not in message
    assert not [w for w in win.findChildren(QMessageBox) if w.isVisible()]  # no dialog
    assert rows(seeds_project, "alice") == []  # nothing written
    assert win.session.state(sid).labels == ()
    assert not win.form.label_buttons["statistic"].isChecked()  # the window shows the database
    assert win.session.undo_stack.count() == 0
    # bob's own layer is his to write
    win.session.set_annotator("bob")
    activate(qtbot, win)
    press(qtbot, win, Qt.Key.Key_1)
    assert [r[1] for r in rows(seeds_project, "bob")] == ['["statistic"]']


def test_gold_written_by_a_non_reviewer_is_refused_in_the_status_bar(
    qtbot, seeds_project, bob_address, open_window
):
    from annotator.records import AnnotationState
    from annotator.store import Store

    with Store.open(seeds_project) as admin:
        sid, agreed = (s.sentence_id for s in admin.sentences.for_article(1)[1:3])
        with admin.transaction():
            for name, labels in (("alice", ("statistic",)), ("carol", ("anecdote",))):
                who = admin.annotators.get_or_create(name)
                admin.annotations.write(
                    sid, who.annotator_id, AnnotationState(labels=labels, decided=True)
                )
                admin.annotations.write(
                    agreed, who.annotator_id, AnnotationState(labels=("slogan",), decided=True)
                )
            admin.annotators.gold()  # the gold layer exists; bob is no reviewer
    win = open_window(bob_address, "bob")
    win.acts["review_mode"].trigger()
    assert win.review.current_id() == sid
    qtbot.keyClick(win.review.queue_list, Qt.Key.Key_Return)  # accept the candidate into gold
    message = win.statusBar().currentMessage()
    assert ": not allowed: new row violates row-level security policy" in message, message
    assert not [w for w in win.findChildren(QMessageBox) if w.isVisible()]
    assert [i.sentence_id for i in win.review.items] == [sid]  # still open
    assert rows(seeds_project, "gold") == []
    assert win.session.undo_stack.count() == 0
    win.statusBar().clearMessage()
    win.review.auto_button.click()  # promoting the agreed sentence is refused the same way
    assert ": not allowed: " in win.statusBar().currentMessage()
    assert not [w for w in win.findChildren(QMessageBox) if w.isVisible()]
    assert rows(seeds_project, "gold") == []


def test_the_layer_on_a_server_is_the_logins(qtbot, seeds_project, bob_address, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from annotator.gui import app

    seen = {}

    def fake_exec(self=None):
        win = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "main_window" and w.isVisible()
        )
        seen["title"] = win.windowTitle()
        seen["annotator"] = win.session.annotator.name
        seen["message"] = win.statusBar().currentMessage()
        win.close()
        win.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(app, "startup_error", lambda text: seen.setdefault("error", text))
    assert app.main(db=bob_address, annotator="alice") == 0, seen
    where = bob_address.split("://")[1]
    assert seen["annotator"] == "bob"
    assert seen["title"].endswith(f" — bob — postgresql://{where}")
    assert seen["message"] == (
        f"On postgresql://{where} you annotate as your login, bob, not alice: the server lets "
        "each login write only its own layer."
    )


def test_after_the_server_drops_the_connection_the_next_key_works(qtbot, seeds_project, open_window):
    """A server restart or network drop between keys: the key after it is saved, and the window
    watches the new connection's socket (a dead socket is never left watched: it would spin)."""
    on_server_only(seeds_project)
    import psycopg

    win = open_window(seeds_project, "alice")
    store = win.session.store
    old_fd = win.sync._fd
    with psycopg.connect(str(seeds_project), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s, 10000)", [store.backend.pid])
    sid = win.session.sentence_id
    activate(qtbot, win)
    press(qtbot, win, Qt.Key.Key_1)
    assert win.session.state(sid).labels == ("statistic",)
    assert [r[1] for r in rows(seeds_project, "alice")] == ['["statistic"]']
    win.sync.poll()
    assert win.sync._fd is not None and win.sync.notifier is not None
    assert win.sync._fd == store.notify_fd() and store.backend.pid is not None
    assert old_fd is not None


def test_a_member_cannot_switch_to_another_layer_but_the_lead_can(
    qtbot, seeds_project, bob_address, open_window, monkeypatch
):
    from annotator.gui.dialogs.annotator_dialog import AnnotatorDialog

    monkeypatch.setattr(AnnotatorDialog, "ask", staticmethod(lambda *a, **k: "alice"))
    bob = open_window(bob_address, "bob")
    activate(qtbot, bob)
    bob.acts["switch_annotator"].trigger()
    assert bob.session.annotator.name == "bob"  # the switch is refused, in the status bar
    where = bob_address.split("://")[1]
    assert bob.statusBar().currentMessage() == (
        f"On postgresql://{where} you annotate as your login, bob, not alice: the server lets "
        "each login write only its own layer."
    )
    lead = open_window(seeds_project, "lead")  # the owner is above row-level security
    activate(qtbot, lead)
    lead.acts["switch_annotator"].trigger()
    assert lead.session.annotator.name == "alice"
