"""Layering rules: the core never imports Qt, and SQL lives only in annotator/store.

Both rules are checked on the syntax tree, not by matching strings: SQL can be split across
strings, written in lowercase or given as a PRAGMA, but it can only reach the database through
a connection or a cursor, so the check looks for those calls. The ``test_checker_reports_*``
tests plant each form of violation in a throw-away package and show that it is reported.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import annotator

PACKAGE = Path(annotator.__file__).parent

# Methods through which SQL reaches SQLite (sqlite3 and sqlite-utils): conn.execute(...),
# db.executescript(...), db.query(...), conn.cursor() ...
SQL_CALLS = frozenset({"execute", "executescript", "executemany", "query", "cursor"})
# Attributes that hand out the raw connection or database: store.conn, store.db.
DB_ATTRIBUTES = frozenset({"conn", "db"})
DB_MODULES = frozenset({"sqlite3", "sqlite_utils", "apsw", "psycopg"})
QT_MODULES = frozenset({"PySide6", "shiboken6"})


def _top(name: str | None) -> str:
    return (name or "").split(".")[0]


def sql_uses(source: str, filename: str) -> list[str]:
    """Every place in ``source`` that reaches the database directly, as ``file:line: what``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else func.id
                if isinstance(func, ast.Name)
                else None
            )
            if name in SQL_CALLS:
                found.append((node.lineno, f"{name}() call"))
            elif name == "connect" and (
                isinstance(func, ast.Name)
                or (isinstance(func.value, ast.Name) and func.value.id in DB_MODULES)
            ):
                found.append((node.lineno, "connect() call"))
        elif isinstance(node, ast.Attribute) and node.attr in DB_ATTRIBUTES:
            found.append((node.lineno, f".{node.attr} used"))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, f"import {a.name}") for a in node.names if _top(a.name) in DB_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and _top(node.module) in DB_MODULES:
            found.append((node.lineno, f"from {node.module} import"))
    return [f"{filename}:{line}: {what}" for line, what in sorted(set(found))]


def qt_imports(source: str, filename: str) -> list[str]:
    """Every import of Qt in ``source`` (at any depth, even inside a function), as ``file:line``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [
                (node.lineno, f"import {a.name}") for a in node.names if _top(a.name) in QT_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and _top(node.module) in QT_MODULES:
            found.append((node.lineno, f"from {node.module} import"))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and _top(str(node.args[0].value)) in QT_MODULES
        ):
            found.append((node.lineno, f"import_module({node.args[0].value!r})"))
    return [f"{filename}:{line}: {what}" for line, what in sorted(set(found))]


def violations(package: Path) -> tuple[list[str], list[str]]:
    """(SQL outside ``store/``, Qt outside ``gui/``) for every module of ``package``."""
    sql: list[str] = []
    qt: list[str] = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        source = path.read_text(encoding="utf-8")
        name = f"{package.name}/{rel.as_posix()}"
        if rel.parts[0] != "store":
            sql += sql_uses(source, name)
        if rel.parts[0] != "gui":
            qt += qt_imports(source, name)
    return sql, qt


def test_sql_lives_only_in_the_store():
    sql, _ = violations(PACKAGE)
    assert sql == []


def test_no_core_module_imports_qt_even_inside_a_function():
    _, qt = violations(PACKAGE)
    assert qt == []


CHECK = """
import importlib, pkgutil, sys
def walk(pkg):
    for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):
        if m.name == pkg_name + '.gui':
            continue
        mod = importlib.import_module(m.name)
        if m.ispkg:
            walk(mod)
pkg_name = sys.argv[1]
walk(importlib.import_module(pkg_name))
if pkg_name == 'annotator':
    import annotator.cli
qt = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))
assert not qt, f'core imported Qt: {qt[:3]}'
"""


def run_check(package: str, path: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Import every module of ``package`` but its ``gui`` in a fresh interpreter (STYLE B.9)."""
    env = None if path is None else {**os.environ, "PYTHONPATH": str(path)}
    return subprocess.run(
        [sys.executable, "-c", CHECK, package], capture_output=True, text=True, env=env
    )


def test_core_never_imports_qt():
    # A subprocess: this test process may already have Qt loaded by GUI tests.
    result = run_check("annotator")
    assert result.returncode == 0, result.stderr


# ---- the checks can fail: plant each form of violation and see it reported ----

PLANTED_SQL = {
    "split across strings": """
        def count(store):
            return store.conn.execute("SEL" "ECT count(*) " + "FROM articles").fetchone()
        """,
    "lowercase": """
        def count(db):
            return db.execute("select count(*) from articles")
        """,
    "a PRAGMA": """
        def version(database):
            return database.executescript("PRAGMA user_version = 7")
        """,
    "through a connection": """
        def delete(conn):
            conn.execute("DELETE FROM articles")
        """,
    "through a cursor": """
        def delete(conn):
            cur = conn.cursor()
            cur.execute("delete from articles")
        """,
    "a query of sqlite-utils": """
        def rows(database):
            return list(database.query("select 1"))
        """,
    "a new connection": """
        import sqlite3
        def open_it(path):
            return sqlite3.connect(path)
        """,
    "a server connection": """
        def open_it(url):
            import psycopg
            return psycopg.connect(url)
        """,
}


def plant(tmp_path: Path, rel: str, source: str) -> Path:
    """A toy ``annotator`` package with one module ``rel`` holding ``source``."""
    package = tmp_path / "annotator"
    target = package / rel
    for folder in target.relative_to(package).parents:
        (package / folder).mkdir(parents=True, exist_ok=True)
        (package / folder / "__init__.py").touch()
    target.write_text(textwrap.dedent(source), encoding="utf-8")
    return package


@pytest.mark.parametrize("form", PLANTED_SQL)
def test_checker_reports_sql_planted_outside_the_store(tmp_path, form):
    package = plant(tmp_path, "merge.py", PLANTED_SQL[form])
    sql, qt = violations(package)
    assert sql and all(v.startswith("annotator/merge.py:") for v in sql), sql
    assert qt == []


def test_checker_reports_the_line_of_each_cursor_call(tmp_path):
    package = plant(tmp_path, "merge.py", PLANTED_SQL["through a cursor"])
    assert violations(package)[0] == [
        "annotator/merge.py:3: cursor() call",
        "annotator/merge.py:4: execute() call",
    ]


def test_checker_allows_sql_inside_the_store(tmp_path):
    package = plant(tmp_path, "store/articles.py", PLANTED_SQL["through a cursor"])
    assert violations(package) == ([], [])


def test_checker_reports_qt_imported_inside_a_function_of_a_core_module(tmp_path):
    source = """
        def chart(values):
            from PySide6 import QtCore
            return QtCore.QPointF(*values)
        """
    package = plant(tmp_path, "agreement/report.py", source)
    assert violations(package) == ([], ["annotator/agreement/report.py:3: from PySide6 import"])
    assert violations(plant(tmp_path, "gui/chart.py", source))[1] == [
        "annotator/agreement/report.py:3: from PySide6 import"
    ]


def _toy_package(tmp_path: Path, core_source: str) -> None:
    fake_qt = tmp_path / "PySide6"
    fake_qt.mkdir()
    (fake_qt / "__init__.py").touch()
    toy = tmp_path / "toy"
    (toy / "gui").mkdir(parents=True)
    (toy / "__init__.py").touch()
    (toy / "gui" / "__init__.py").write_text("import PySide6\n")
    (toy / "core.py").write_text(core_source)


def test_import_check_fails_when_a_core_module_imports_qt(tmp_path):
    _toy_package(tmp_path, "import PySide6\n")
    result = run_check("toy", tmp_path)
    assert result.returncode != 0
    assert "core imported Qt: ['PySide6']" in result.stderr


def test_import_check_skips_the_gui_package(tmp_path):
    _toy_package(tmp_path, "x = 1\n")
    result = run_check("toy", tmp_path)
    assert result.returncode == 0, result.stderr
