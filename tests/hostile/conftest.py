"""Fixtures for the hostile-input tests: an empty project, a CLI runner, an active window."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.paths import resource_path
from annotator.schema import load_schema
from annotator.store import Store

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Tests that open windows need a QApplication; mark them ``gui`` like tests/gui."""
    for item in items:
        if HERE in item.path.parents and "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def empty(tmp_path):
    s = Store.create(tmp_path / "p.db", load_schema(resource_path("labels.toml")))
    yield s
    s.close()


@pytest.fixture
def run_cli():
    """Run the CLI in-process; return (exit code, output with stderr)."""
    from annotator.cli import cli

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        return result.exit_code, result.output

    return run


@pytest.fixture
def window(qtbot, store):
    """An active main window on a copy of the seed project (as in tests/gui)."""
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import ProjectSession
    from tests.gui.helpers import show_active

    return show_active(qtbot, MainWindow(ProjectSession(store, "alice")))
