"""The command line: a thin layer over the core. Each command opens the store, calls the core and
formats the result (a table for people, ``--json`` for programs). Errors the user can fix print
one line, ``Error: …``, on stderr and exit 1.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from annotator import __version__
from annotator.errors import AnnotatorError


class AnnotatorGroup(click.Group):
    """Turns AnnotatorError into click's one-line ``Error: …`` and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as e:
            raise click.ClickException(str(e)) from e


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--db``: the project file (default $ANNOTATOR_DB, else annotations.db in user data)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Project database file [default: $ANNOTATOR_DB, else annotations.db in the user data folder].",
    )(fn)


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        fn
    )


def resolve_db(db: Path | None) -> tuple[Path, bool]:
    """The project path, and whether it is the default one (created from the seeds on first use)."""
    from annotator.paths import default_db_path

    if db is not None:
        return db, False
    return default_db_path(), True


def open_store(db: Path | None) -> Any:
    """Open the project; the default project is created with the demo seeds on first use."""
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


@click.group(
    cls=AnnotatorGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="annotator")
@db_option
@click.option(
    "--annotator", "annotator_name", default=None, help="Work as this annotator (remembered)."
)
@click.pass_context
def cli(ctx: click.Context, db: Path | None, annotator_name: str | None) -> None:
    """Annotate statistics, anecdotes and slogans in Chinese news articles.

    Without a command, opens the workbench on the project (the demo project on first run).

    \b
    Example:
        annotator                       # open the workbench
        annotator import articles/ --db project.db
        annotator stats --db project.db
    """
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is not None:
        return
    try:
        from annotator.gui.app import main as gui_main
        from annotator.gui.app import no_display_reason
    except ImportError:
        gui_main = None
    if gui_main is None:
        with open_store(db) as store:
            _print_stats(store.stats(), as_json=False)
        return
    reason = no_display_reason()
    if reason:
        raise click.ClickException(reason)
    raise SystemExit(gui_main(db=db, annotator=annotator_name))


@cli.command()
@db_option
@click.option(
    "--schema",
    "schema_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Label schema TOML file [default: the built-in schema].",
)
@click.option("--name", default=None, help="Project name [default: the file name].")
def init(db: Path | None, schema_file: Path | None, name: str | None) -> None:
    """Create a new, empty project with a label schema.

    \b
    Example:
        annotator init --db project.db --schema my_labels.toml
    """
    from annotator.demo import default_schema_path
    from annotator.schema import load_schema
    from annotator.store import Store

    path, _ = resolve_db(db)
    schema = load_schema(schema_file or default_schema_path())
    with Store.create(path, schema, name=name):
        pass
    click.echo(f"created {path} with labels: {', '.join(schema.label_ids)}")


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--max-article-size",
    default="2MB",
    show_default=True,
    help="Largest article (UTF-8 text), e.g. 2MB, 500KB; a bigger one is refused.",
)
@click.option(
    "--split-blank-lines",
    is_flag=True,
    help="Split an article over the limit at blank lines into several articles.",
)
def import_cmd(
    paths: tuple[Path, ...], db: Path | None, max_article_size: str, split_blank_lines: bool
) -> None:
    """Import articles: .txt (UTF-8 or GB18030), .html/.htm and .jsonl files or folders.

    The whole import is one transaction: a bad file imports nothing. Texts already in the
    project are skipped and reported.

    \b
    Example:
        annotator import seeds/ more/article.html --db project.db
        annotator import dump.txt --split-blank-lines --max-article-size 1MB
    """
    from annotator.corpus.importer import import_paths
    from annotator.corpus.sizes import ArticleLimit, parse_size

    try:
        limit = ArticleLimit(parse_size(max_article_size), split_blank_lines)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--max-article-size") from None
    with open_store(db) as store, progress_bar("Importing") as progress:
        report = import_paths(store, list(paths), progress=progress, limit=limit)
    click.echo(report.summary())


@cli.command()
@db_option
@json_option
def schema(db: Path | None, as_json: bool) -> None:
    """Print the project's label schema (labels, keys, colours, form fields).

    \b
    Example:
        annotator schema --db project.db --json
    """
    from annotator.schema import dump_schema

    with open_store(db) as store:
        sch = store.schema
    if as_json:
        click.echo(json.dumps(dump_schema(sch), ensure_ascii=False, indent=2))
        return
    for label in sch.labels:
        click.echo(
            f"[{label.key}] {label.id}  {label.name.zh} / {label.name.en}  {label.color}"
            + ("  (spans)" if label.span else "")
        )
        for f in label.fields:
            extra = f" ({', '.join(f.choice_ids())})" if f.choices else ""
            click.echo(
                f"      {f.id}: {f.type}{extra}  {f.name.zh} / {f.name.en}"
                + ("  *required" if f.required else "")
            )
    if sch.article_fields:
        click.echo("article fields:")
        for f in sch.article_fields:
            extra = f" ({', '.join(f.choice_ids())})" if f.choices else ""
            click.echo(f"      {f.id}: {f.type}{extra}  {f.name.zh} / {f.name.en}")


@cli.command()
@db_option
@json_option
def stats(db: Path | None, as_json: bool) -> None:
    """Print counts: articles, sentences, boilerplate sentences, decided sentences per annotator.

    \b
    Example:
        annotator stats --db project.db --json
    """
    with open_store(db) as store:
        _print_stats(store.stats(), as_json=as_json)


def _print_stats(data: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"project:     {data['project']} ({data['path']})")
    click.echo(f"articles:    {data['articles']}")
    click.echo(f"sentences:   {data['sentences']} ({data['boilerplate_sentences']} boilerplate)")
    if data["decided"]:
        click.echo("decided sentences per annotator:")
        for name, n in data["decided"].items():
            click.echo(f"  {name:<20} {n}")
    else:
        click.echo("decided:     no annotations yet")
    for extractor, outcomes in data.get("suggestion_reviews", {}).items():
        total = sum(outcomes.values()) or 1
        parts = ", ".join(
            f"{outcomes.get(k, 0)} {k} ({outcomes.get(k, 0) / total:.0%})"
            for k in ("accepted", "changed", "rejected")
        )
        click.echo(f"suggestions of {extractor}: {parts}")


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


def _load_command_modules() -> None:
    """Import the command modules of ``annotator.commands`` that exist (each registers itself)."""
    import importlib

    from annotator.commands import MODULES

    for name in MODULES:
        full = f"annotator.commands.{name}"
        try:
            importlib.import_module(full)
        except ModuleNotFoundError as e:
            if e.name != full:
                raise


_load_command_modules()
