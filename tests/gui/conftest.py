"""GUI fixtures: a real project file, a session and an *active* main window (STYLE Part B.1)."""

from __future__ import annotations

import pytest


@pytest.fixture
def session(qtbot, store):
    from annotator.gui.session import ProjectSession

    return ProjectSession(store, "alice")


def show_active(qtbot, win):
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.setFocus()
    return win


@pytest.fixture
def window(qtbot, session):
    from annotator.gui.main_window import MainWindow

    return show_active(qtbot, MainWindow(session))


@pytest.fixture
def open_window(qtbot):
    """Open another window on a project file (as a second app instance would)."""
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from annotator.store import Store

    opened = []

    def make(path, annotator="alice"):
        store = Store.open(path)
        opened.append(store)
        return show_active(qtbot, MainWindow(ProjectSession(store, annotator)))

    yield make
    for s in opened:
        s.close()
