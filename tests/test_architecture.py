"""Layering rules: the core never imports Qt, and SQL lives only in annotator/store."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent

CHECK = """
import importlib, pkgutil, sys
def walk(pkg):
    for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):
        if m.name == 'annotator.gui':
            continue
        mod = importlib.import_module(m.name)
        if m.ispkg:
            walk(mod)
import annotator
walk(annotator)
import annotator.cli
qt = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))
assert not qt, f'core imported Qt: {qt[:3]}'
"""


def test_core_never_imports_qt():
    # A subprocess: this test process may already have Qt loaded by GUI tests.
    subprocess.run([sys.executable, "-c", CHECK], check=True)


SQL = re.compile(
    r"\b(SELECT [^\"']* FROM|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE)\b"
)


def test_sql_lives_only_in_the_store():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "store" not in p.relative_to(PACKAGE).parts and SQL.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
