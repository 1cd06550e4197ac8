"""CLI commands for labeled data out and in: ``export``, ``import-labels`` and ``merge``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.commands.options import db_option, json_option, open_store, progress_bar


def _label_list(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple | None:
    if value is None:
        return None
    labels = tuple(x.strip() for x in value.split(",") if x.strip())
    if not labels:
        raise click.BadParameter("give at least one label id")
    return labels


@click.command()
@db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file; '-' or none writes to stdout.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    default="jsonl",
    show_default=True,
    type=click.Choice(["jsonl", "prodigy", "doccano", "label-studio", "conll", "sqlite"]),
    help="jsonl is the project's own format (docs/formats.md); sqlite writes the whole project "
    "to one project file (-o), e.g. a server project for offline work or an archive.",
)
@click.option(
    "--task",
    "--prodigy-task",
    "task",
    default="textcat",
    show_default=True,
    type=click.Choice(["textcat", "spans"]),
    help="prodigy/doccano: sentence labels (textcat) or spans.",
)
@click.option(
    "--unit",
    default="sentence",
    show_default=True,
    type=click.Choice(["sentence", "article"]),
    help="jsonl: one line per sentence, or per article with its article form.",
)
@click.option(
    "--annotator", "annotators", multiple=True, help="This annotator's layer (repeatable)."
)
@click.option("--all-annotators", is_flag=True, help="Every human annotator (the default).")
@click.option("--gold", is_flag=True, help="The adjudicated gold layer.")
@click.option("--labels", callback=_label_list, help="Only these labels, e.g. statistic,slogan.")
@click.option(
    "--include-undecided",
    is_flag=True,
    help="Also sentences not yet decided: every sentence, once per chosen annotator.",
)
@click.option(
    "--all-sentences",
    is_flag=True,
    help="Every sentence of the project, labeled or not, even with no annotator yet: for an "
    "outside model to label and import-labels / evaluate --predictions to take back.",
)
@click.option(
    "--split", "split_spec", help="Whole articles into files, e.g. train=0.8,dev=0.1,test=0.1."
)
@click.option("--seed", default=0, show_default=True, help="Seed of the --split assignment.")
def export(
    db: Path | None, output: Path | None, fmt: str, task: str, unit: str,
    annotators: tuple[str, ...], all_annotators: bool, gold: bool, labels: tuple | None,
    include_undecided: bool, all_sentences: bool, split_spec: str | None, seed: int,
) -> None:  # fmt: skip
    """Export labeled sentences for training and evaluation (decided ones by default).

    \b
    Example:
        annotator export --db project.db --gold -o gold.jsonl
        annotator export --db project.db --annotator alice --format prodigy --task spans
        annotator export --db project.db --gold --split train=0.8,dev=0.1,test=0.1 --seed 1 -o data.jsonl
        annotator export --db project.db --all-sentences -o unlabeled.jsonl
        annotator export --db postgresql://lead@server/summer --format sqlite -o summer.db
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.export.writer import ExportOptions, export_file, export_split, parse_split

    if fmt == "sqlite":
        _export_project_file(db, output)
        return

    options = ExportOptions(
        fmt, unit, task, annotators, all_annotators, gold, labels, include_undecided, all_sentences
    )
    splits = parse_split(split_spec) if split_spec else None
    with open_store(db) as store, progress_bar("Exporting") as progress:
        if splits:
            report = export_split(store, output, options, splits, seed, progress=progress)
        else:
            report = export_file(store, output, options, progress=progress)
    click.echo(report.summary(), err=True)


def _export_project_file(db: Path | str | None, output: Path | None) -> None:
    """The whole project (every layer, the gold layer, suggestions) as one project file."""
    if output is None or str(output) == "-":
        raise click.UsageError("--format sqlite writes a project file: give it with -o FILE")
    if output.exists():
        raise click.ClickException(f"{output}: already exists; choose another file name")
    with open_store(db) as store:
        store.save_copy(output)
        articles, sentences = store.articles.count(), store.sentences.count()
    click.echo(f"wrote {output}: {articles} articles, {sentences} sentences", err=True)


@click.command("import-labels")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--annotator", default=None, help="Import every line as this annotator's.")
@click.option("--skip-invalid", is_flag=True, help="Leave out invalid lines instead of refusing.")
@json_option
def import_labels_cmd(
    file: Path, db: Path | None, annotator: str | None, skip_invalid: bool, as_json: bool
) -> None:
    """Import labeled sentences written by `annotator export` (the own JSONL format).

    Lines match sentences by sentence_id, else by source and offsets, else by source and text.
    Nothing is imported while any line is invalid (unless --skip-invalid); imported sentences
    are decided.

    \b
    Example:
        annotator import-labels alice.jsonl --db project.db
        annotator import-labels predictions.jsonl --db project.db --annotator model-v1
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.labels_import import import_labels

    with open_store(db) as store:
        report = import_labels(store, file, annotator=annotator, skip_invalid=skip_invalid)
    if as_json:
        data = {
            "imported": report.imported,
            "article_forms": report.article_forms,
            "annotators": report.annotators,
            "skipped": [str(e) for e in report.skipped],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        click.echo(report.summary())


@click.command()
@click.argument("other", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@json_option
def merge(other: Path, db: Path | None, as_json: bool) -> None:
    """Merge another project file (same label schema) into this one; nothing is deleted.

    Articles match by text, annotators by name. Where one annotator's sentence differs between
    the two projects, the newer edit wins and the conflicts are counted.

    \b
    Example:
        annotator merge bob.db --db project.db
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.merge import merge_projects
    from annotator.store import wal_beside

    if wal_beside(other):
        click.echo(
            f"Warning: {other}: has a -wal file beside it: it is open in a program, or a copy of "
            "it alone misses edits (use File → Save a copy for merging)",
            err=True,
        )
    with open_store(db) as store:
        report = merge_projects(store, other)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        click.echo(report.summary())


COMMANDS = (export, import_labels_cmd, merge)
