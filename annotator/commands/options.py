"""What the CLI commands share: the group class that turns AnnotatorError into ``Error: …``,
the ``--db``/``--json`` options, opening the project, a progress bar and the score table.

The command modules and ``annotator.cli`` import this module; it imports neither of them.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from annotator.errors import AnnotatorError
from annotator.paths import default_db_path, is_server_address


class AnnotatorGroup(click.Group):
    """Turns AnnotatorError into click's one-line ``Error: …`` and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as e:
            raise click.ClickException(str(e)) from e


class ProjectParam(click.ParamType):
    """A project file path, or the address of a project on a PostgreSQL server (kept as text)."""

    name = "project"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if is_server_address(value):
            return str(value)
        return click.Path(dir_okay=False, path_type=Path).convert(value, param, ctx)


PROJECT = ProjectParam()


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--db``: the project (default $ANNOTATOR_DB, else annotations.db in user data)."""
    return click.option(
        "--db",
        "db",
        type=PROJECT,
        default=None,
        help="Project file, or a server project as postgresql://user@host/dbname "
        "[default: $ANNOTATOR_DB, else annotations.db in the user data folder].",
    )(fn)


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        fn
    )


def resolve_db(db: Path | str | None) -> tuple[Path | str, bool]:
    """The project (a path or a server address), and whether it is the default one (created
    from the seeds on first use)."""
    if db is not None:
        return db, False
    env = os.environ.get("ANNOTATOR_DB", "")
    if is_server_address(env):
        return env, False
    return default_db_path(), True


def open_store(db: Path | str | None) -> Any:
    """Open the project; the default project is created with the demo seeds on first use."""
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.demo import open_project

    path, is_default = resolve_db(db)
    return open_project(path, create_demo=is_default)


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """Yield a ``progress(done, total)`` callback that draws a click progress bar on stderr.

    The bar appears on the first call, so quick operations that never report draw nothing, and
    only on a terminal: piped or captured stderr keeps just the one-line result or error.
    """
    bar: Any = None
    shown = 0
    stream = sys.stderr  # (click.get_text_stream is deprecated from click 8.5)
    interactive = stream.isatty()

    def update(done: int, total: int) -> None:
        nonlocal bar, shown
        if not interactive:
            return
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=stream, show_pos=True)
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def fmt_score(value: float | None) -> str:
    """A score to three places, or a dash where it is undefined."""
    return "    –" if value is None else f"{value:.3f}"


def echo_prf(
    labels: dict[str, dict[str, Any]], micro: dict[str, Any], macro_f1: float | None
) -> None:
    """The precision/recall/F1 table shared by ``evaluate`` and ``train``."""
    click.echo(
        f"  {'label':<12} {'precision':>9} {'recall':>7} {'F1':>7} {'tp':>5} {'fp':>5} {'fn':>5}"
    )
    for lab, v in labels.items():
        click.echo(
            f"  {lab:<12} {fmt_score(v['precision']):>9} {fmt_score(v['recall']):>7} "
            f"{fmt_score(v['f1']):>7} {v['tp']:>5} {v['fp']:>5} {v['fn']:>5}"
        )
    click.echo(
        f"  {'micro':<12} {fmt_score(micro['precision']):>9} {fmt_score(micro['recall']):>7} "
        f"{fmt_score(micro['f1']):>7}"
    )
    click.echo(f"  {'macro F1':<12} {'':>9} {'':>7} {fmt_score(macro_f1):>7}")
