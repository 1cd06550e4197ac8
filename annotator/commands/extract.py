"""``annotator extractors``, ``suggest`` and ``evaluate``: pre-annotation and scoring."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.commands.options import db_option, json_option, open_store, progress_bar
from annotator.errors import AnnotatorError
from annotator.scores import fmt_score, prf_lines


@click.command()
@db_option
@json_option
def extractors(db: Path | None, as_json: bool) -> None:
    """List the extractors: built-in rules, installed plug-ins and the project's learned models.

    Example:
        annotator extractors --db project.db
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.extractors.registry import factories, get

    rows = []
    for name in factories():
        try:
            ex = get(name)
            rows.append({"name": name, "version": str(ex.version), "labels": list(ex.labels)})
        except Exception as e:  # a broken plug-in is listed with its error
            rows.append({"name": name, "error": str(e)})
    with open_store(db) as store:
        # lazy: `annotator --help` and the other commands do not load the core
        from annotator.learn.project import model_names

        for model in model_names(store):
            rows.append({"name": f"learned:{model}", "version": "(model file)", "labels": []})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False))
        return
    for r in rows:
        detail = (
            r.get("error")
            or f"version {r['version']}  labels: {', '.join(r['labels']) or 'see the model'}"
        )
        click.echo(f"{r['name']:<18} {detail}")


@click.command()
@db_option
@click.option(
    "--extractor",
    "names",
    multiple=True,
    help="Extractor to run (repeatable): learned:default, rules, statistics, slogans, anecdotes, "
    "learned:NAME, a plug-in [default: the one chosen on the corpus's calib split].",
)
@click.option("--articles", default="", help="Comma-separated article ids [default: all].")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Store suggestions scoring at least this for every label [default: per-label thresholds "
    "chosen on the calib split for precision 0.85].",
)
def suggest(
    db: Path | None, names: tuple[str, ...], articles: str, min_confidence: float | None
) -> None:
    """Run extractors over the project and store their suggestions (pre-annotation).

    Re-running an extractor replaces its earlier suggestions. In the workbench they show as
    ghost labels: Space accepts, Shift+Space rejects.

    Example:
        annotator suggest --db project.db
        annotator suggest --db project.db --extractor rules --min-confidence 0.5
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.extractors.calibration import default_extractor_name, with_thresholds
    from annotator.extractors.contract import ContractReport
    from annotator.extractors.registry import get
    from annotator.suggest import run_extractor

    names = names or (default_extractor_name(),)
    ids = [int(x) for x in articles.split(",") if x.strip()] or None
    with open_store(db) as store:
        for name in names:
            extractor = with_thresholds(get(name, store), min_confidence)
            report = ContractReport()
            with progress_bar(f"{extractor.name}") as progress:
                sentences, count = run_extractor(
                    store, extractor, ids, progress=progress, report=report
                )
            click.echo(
                f"{extractor.name} {extractor.version}: {count} suggestion(s) on {sentences} sentence(s)"
            )
            for line in report.lines():  # what the project's schema does not have
                click.echo(f"  {line}")


@click.command()
@db_option
@click.option(
    "--extractor", "name", default=None, help="Extractor to score (see annotator extractors)."
)
@click.option("--gold", is_flag=True, help="Score against the gold layer (the default).")
@click.option(
    "--annotator", default=None, help="Score against this annotator's layer instead of gold."
)
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Score an outside extractor's output, given in the project's own export format.",
)
@click.option(
    "--errors",
    "errors_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write every false positive and false negative as JSONL.",
)
@json_option
def evaluate(
    db: Path | None, name: str | None, gold: bool, annotator: str | None,
    predictions: Path | None, errors_file: Path | None, as_json: bool,
) -> None:  # fmt: skip
    """Precision, recall and F1 of an extractor against gold (or an annotator's layer).

    Sentence level per label with micro and macro averages; span level exact and overlap; the
    statistic value and unit fields. Only decided, non-boilerplate reference sentences count.

    Example:
        annotator evaluate --db project.db --extractor rules --annotator reference --json
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.evaluate import evaluate as run

    if gold and annotator:
        raise AnnotatorError("give either --gold or --annotator, not both")
    with open_store(db) as store:
        report, errors = run(
            store, extractor_name=name, annotator=annotator, predictions_file=predictions
        )
    if errors_file is not None:
        with open(errors_file, "w", encoding="utf-8") as f:
            for e in errors:
                f.write(json.dumps(e, ensure_ascii=False, allow_nan=False) + "\n")
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False))
        return
    click.echo(
        f"{report['extractor']} against {report['reference']}: {report['sentences']} sentences"
    )
    for line in prf_lines(report["labels"], report["micro"], report["macro"]["f1"]):
        click.echo(line)
    for kind in ("exact", "overlap"):
        parts = [
            f"{lab} {fmt_score(v['f1']).strip()}"
            for lab, v in report["spans"][kind].items()
            if v["tp"] + v["fp"] + v["fn"]
        ]
        if parts:
            click.echo(f"  spans ({kind}) F1: " + ", ".join(parts))
    for fid, v in report["fields"].items():
        if v["total"]:
            click.echo(
                f"  field {fid}: {v['correct']}/{v['total']} correct ({fmt_score(v['accuracy'])})"
            )
    if errors_file is not None:
        click.echo(f"  {len(errors)} error(s) written to {errors_file}")


COMMANDS = (extractors, suggest, evaluate)
