"""``annotator`` without a command opens the workbench; a broken Qt install is one clear error."""

from __future__ import annotations

import subprocess
import sys

# PySide6 set to None in sys.modules makes ``import PySide6`` fail as a broken install does.
BROKEN_QT = """
import sys
sys.modules['PySide6'] = None
from annotator.cli import cli
cli(sys.argv[1:], prog_name='annotator')
"""


def test_a_broken_qt_install_is_one_error_line_and_exit_1(db_path):
    result = subprocess.run(
        [sys.executable, "-c", BROKEN_QT, "--db", str(db_path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout == ""  # not the project's stats instead of the window
    assert result.stderr == (
        "Error: cannot open the workbench: importing PySide6.QtCore failed: "
        "No module named 'PySide6.QtCore'; 'PySide6' is not a package\n"
    )
