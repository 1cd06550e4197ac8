"""Fixtures for the hostile-input tests: an empty project and a CLI runner on it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.paths import resource_path
from annotator.schema import load_schema
from annotator.store import Store


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
