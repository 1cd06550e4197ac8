"""Issue 12 §1: a start after a crash while opening an article does not reopen it, and says so.

A real app process is killed (SIGKILL) after it began showing article 2 and before the article
was painted; the next window on the same settings must not go back to article 2. Killed after
the article was painted, the next start does return to it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.gui.helpers import show_active

RUN_AND_DIE = textwrap.dedent(
    """
    import os, signal, sys
    from PySide6.QtWidgets import QApplication
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.store import Store

    app = QApplication([])
    store = Store.open(sys.argv[1])
    session = ProjectSession(store, "alice")
    if sys.argv[2] == "before-paint":
        # dies inside the opening of the article, as Qt's std::bad_alloc abort did
        original = MainWindow._on_position
        def dying(self, *args, **kwargs):
            original(self, *args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
        MainWindow._on_position = dying
    win = MainWindow(session)
    win.show()
    painted = []
    win.view.painted.connect(lambda: painted.append(1))
    while not painted:
        app.processEvents()
    for _ in range(5):  # let the clearing timer run
        app.processEvents()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def run_and_die(db_path: Path, when: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # ANNOTATOR_HOME: the test's own
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[2]), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_DIE, str(db_path), when],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == -9, result.stderr[-2000:]


@pytest.fixture
def at_article_2(db_path):
    from annotator.store import Store

    with Store.open(db_path) as store:
        with store.transaction():
            alice = store.annotators.get_or_create("alice")
        second = store.sentences.for_article(2)[3]
        store.state.set_position(alice.annotator_id, 2, second.sentence_id)
    return db_path


def open_window(qtbot, db_path):
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.store import Store

    store = Store.open(db_path)
    win = show_active(qtbot, MainWindow(ProjectSession(store, "alice")))
    return win, store


def test_crash_while_opening_does_not_reopen_that_article(qtbot, at_article_2):
    run_and_die(at_article_2, "before-paint")
    win, store = open_window(qtbot, at_article_2)
    try:
        assert win.session.article_id not in (None, 2)
        assert win.view.article.article_id == win.session.article_id
        message = win.statusBar().currentMessage()
        assert "stopped while opening article 2" in message and "not reopened" in message
    finally:
        win.close()
        store.close()


def test_crash_after_the_article_was_shown_reopens_it(qtbot, at_article_2):
    from annotator.store import Store

    with Store.open(at_article_2) as store:
        alice = store.annotators.get("alice")
        expected = store.state.position(alice.annotator_id).sentence_id
    run_and_die(at_article_2, "after-paint")
    win, store = open_window(qtbot, at_article_2)
    try:
        assert (win.session.article_id, win.session.sentence_id) == (2, expected)
        assert "stopped while opening" not in win.statusBar().currentMessage()
    finally:
        win.close()
        store.close()
