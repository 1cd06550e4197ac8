"""Hostile-input tests: projects whose text is markup, and articles too big to open."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Tests that open windows need a QApplication; mark them ``gui`` like tests/gui."""
    for item in items:
        if HERE in item.path.parents and "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def window(qtbot, store):
    """An active main window on a copy of the seed project (as in tests/gui)."""
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from tests.gui.helpers import show_active

    return show_active(qtbot, MainWindow(ProjectSession(store, "alice")))
