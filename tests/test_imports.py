"""No import cycles, not even hidden by imports inside functions.

The graph counts every ``import`` in ``annotator/``, at module level and inside functions (an
in-function import is how a cycle hides: it runs later, once both modules exist). Only imports
under ``if TYPE_CHECKING:`` are left out: they never run. Each ``test_graph_*`` test shows on a
planted package that the check finds what it should.
"""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import annotator

PACKAGE = Path(annotator.__file__).parent


def module_name(package: Path, path: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module):
    """Every import statement that can run, at any depth (not those under TYPE_CHECKING)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
        else:
            stack.extend(ast.iter_child_nodes(node))


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports (explicitly; not the parent packages)."""
    modules = {module_name(package, p): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                if node.level:  # relative: from . import x, from ..store import y
                    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    here = here[: len(here) - node.level + 1]
                    base = ".".join([*here, base] if base else here)
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                    for a in node.names
                ]
            edges |= {t for t in targets if t in modules and t != name}
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_even_through_imports_inside_functions():
    assert cycles(import_graph(PACKAGE)) == []


def test_learn_never_imports_the_extractor_registry():
    # The registry resolves learned:NAME, so it imports annotator.learn; learn takes the rule
    # extractors it needs from annotator.extractors.builtin.
    graph = import_graph(PACKAGE)
    learn = {m for m in graph if m.startswith("annotator.learn")}
    assert {m for m in learn if "annotator.extractors.registry" in graph[m]} == set()
    assert "annotator.extractors.builtin" in graph["annotator.learn.features"]
    assert "annotator.learn.project" in graph["annotator.extractors.registry"]


def test_commands_never_import_the_cli_module():
    graph = import_graph(PACKAGE)
    commands = {m for m in graph if m.startswith("annotator.commands")}
    assert {m for m in commands if "annotator.cli" in graph[m]} == set()
    assert {f"annotator.commands.{m}" for m in ("project", "export", "agreement")} <= graph[
        "annotator.cli"
    ]


def plant(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "toy"
    for rel, source in files.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return package


def test_graph_finds_a_cycle_hidden_inside_a_function(tmp_path):
    package = plant(
        tmp_path,
        {
            "__init__.py": "",
            "registry.py": """
                def get(name):
                    from toy.learn import load
                    return load(name)
                """,
            "learn.py": """
                from toy import registry
                def load(name):
                    return registry
                """,
        },
    )
    assert cycles(import_graph(package)) == [["toy.learn", "toy.registry"]]


def test_graph_finds_relative_imports_and_ignores_type_checking(tmp_path):
    package = plant(
        tmp_path,
        {
            "__init__.py": "",
            "store/__init__.py": "from .gold import Gold\n",
            "store/gold.py": """
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    from toy.store import Store
                class Gold:
                    def save(self):
                        from .. import store
                """,
        },
    )
    assert import_graph(package)["toy.store"] == {"toy.store.gold"}
    assert cycles(import_graph(package)) == [["toy.store", "toy.store.gold"]]


def core_modules() -> list[str]:
    """Every module of annotator but the GUI (found without importing any, STYLE B.9)."""
    found = ["annotator"]
    todo = [(PACKAGE, "annotator.")]
    while todo:
        path, prefix = todo.pop()
        for m in pkgutil.iter_modules([str(path)], prefix):
            if m.name == "annotator.gui":
                continue
            found.append(m.name)
            if m.ispkg:
                todo.append((path / m.name.rsplit(".", 1)[1], m.name + "."))
    return sorted(found)


@pytest.mark.slow
def test_each_core_module_imports_on_its_own_in_a_fresh_interpreter():
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    failed = {}
    modules = core_modules()
    assert "annotator.learn.features" in modules and "annotator.extractors.registry" in modules
    width = max(2, os.cpu_count() or 1)
    for i in range(0, len(modules), width):
        batch = {
            m: subprocess.Popen(
                [sys.executable, "-c", f"import {m}"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for m in modules[i : i + width]
        }
        for m, proc in batch.items():
            _, err = proc.communicate()
            if proc.returncode:
                failed[m] = err.strip().splitlines()[-1]
    assert failed == {}
