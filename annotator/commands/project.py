"""CLI commands for the project itself: ``init``, ``import``, ``schema`` and ``stats``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from annotator.schema import Field

from annotator.commands.options import (
    PROJECT,
    db_option,
    json_option,
    open_store,
    progress_bar,
    resolve_db,
)


@click.command()
@db_option
@click.option(
    "--schema",
    "schema_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Label schema TOML file [default: the built-in schema].",
)
@click.option(
    "--schema-of",
    "schema_of",
    type=PROJECT,
    default=None,
    help="Use the label schema of another project (e.g. the file you will merge in).",
)
@click.option("--name", default=None, help="Project name [default: the file name].")
def init(
    db: Path | str | None, schema_file: Path | None, schema_of: Path | str | None, name: str | None
) -> None:
    """Create a new, empty project with a label schema: a project file, or the tables of a
    project in an existing, empty server database.

    \b
    Example:
        annotator init --db project.db --schema my_labels.toml
        annotator init --db postgresql://lead@server/summer --schema-of project.db
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.demo import default_schema_path
    from annotator.schema import load_schema
    from annotator.store import Store

    if schema_file is not None and schema_of is not None:
        raise click.UsageError("give --schema or --schema-of, not both")
    path, _ = resolve_db(db)
    if schema_of is not None:
        with Store.open(schema_of) as other:
            schema = other.schema
    else:
        schema = load_schema(schema_file or default_schema_path())
    with Store.create(path, schema, name=name) as store:
        where = store.location
    click.echo(f"created {where} with labels: {', '.join(schema.label_ids)}")


@click.command("import")
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
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.corpus.importer import import_paths
    from annotator.corpus.sizes import ArticleLimit, parse_size

    try:
        limit = ArticleLimit(parse_size(max_article_size), split_blank_lines)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--max-article-size") from None
    with open_store(db) as store, progress_bar("Importing") as progress:
        report = import_paths(store, list(paths), progress=progress, limit=limit)
    click.echo(report.summary())


@click.command()
@db_option
@json_option
def schema(db: Path | None, as_json: bool) -> None:
    """Print the project's label schema (labels, keys, colours, form fields).

    \b
    Example:
        annotator schema --db project.db --json
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.schema import dump_schema

    with open_store(db) as store:
        sch = store.schema
    if as_json:
        click.echo(json.dumps(dump_schema(sch), ensure_ascii=False, indent=2, allow_nan=False))
        return
    for label in sch.labels:
        click.echo(
            f"[{label.key}] {label.id}  {label.name.zh} / {label.name.en}  {label.color}"
            + ("  (spans)" if label.span else "")
        )
        for f in label.fields:
            click.echo(_field_line(f))
    if sch.article_fields:
        click.echo("article fields:")
        for f in sch.article_fields:
            click.echo(_field_line(f))


def _field_line(f: Field) -> str:
    extra = f" ({', '.join(f.choice_ids())})" if f.choices else ""
    required = "  *required" if f.required else ""
    return f"      {f.id}: {f.type}{extra}  {f.name.zh} / {f.name.en}{required}"


@click.command()
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
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
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


COMMANDS = (init, import_cmd, schema, stats)
