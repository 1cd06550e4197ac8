"""GUI fixtures: a real project file, a session and an *active* main window (STYLE Part B.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import show_active

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Mark every test under tests/gui with ``gui`` (run the rest with ``-m "not gui"``)."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _english(qapp):
    """The English UI as ``app.main`` installs it (its .qm holds the plural forms)."""
    from annotator.gui import i18n

    i18n.install_language("en")


@pytest.fixture
def session(qtbot, store):
    from annotator.gui.session import ProjectSession

    return ProjectSession(store, "alice")


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
