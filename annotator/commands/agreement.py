"""CLI commands for inter-annotator agreement and adjudication: ``agreement`` and ``adjudicate``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.commands.options import db_option, json_option, open_store
from annotator.errors import AnnotatorError


def _names(_ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    """Split a comma-separated option value; None keeps the default."""
    if value is None:
        return None
    names = [x.strip() for x in value.split(",") if x.strip()]
    if not names:
        raise click.BadParameter("give at least one name", param=param)
    return names


annotators_option = click.option(
    "--annotators",
    callback=_names,
    metavar="A,B,...",
    help="Annotators to compare [default: every annotator who decided sentences].",
)


@click.command()
@db_option
@annotators_option
@click.option("--labels", callback=_names, metavar="L,...", help="Labels to report [default: all].")
@json_option
def agreement(
    db: Path | None, annotators: list[str] | None, labels: list[str] | None, as_json: bool
) -> None:
    """Inter-annotator agreement on decided sentences: per label, per annotator pair, spans.

    Observed agreement, Cohen's kappa per pair, Fleiss' kappa, Krippendorff's alpha (nominal,
    and MASI on label sets), positive agreement, span F1 and label-set confusion. Undecided
    sentences count as missing. The JSON keys are documented in docs/agreement.md.

    \b
    Example:
        annotator agreement --db project.db
        annotator agreement --annotators alice,bob --labels statistic --json
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.agreement import compute_agreement
    from annotator.agreement.text import format_report

    with open_store(db) as store:
        report = compute_agreement(store, annotators, labels)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        click.echo(format_report(report))


@click.command()
@db_option
@annotators_option
@click.option(
    "--auto-agreed",
    is_flag=True,
    help="Promote every sentence all the annotators decided identically into gold.",
)
def adjudicate(db: Path | None, annotators: list[str] | None, auto_agreed: bool) -> None:
    """Write adjudicated sentences into the gold layer.

    With --auto-agreed, every sentence that all the chosen annotators decided with the same
    labels, spans and fields becomes gold (method auto_agreed). Sentences already adjudicated
    are left alone, so running it again adds nothing. Disputes are resolved in the workbench.

    \b
    Example:
        annotator adjudicate --auto-agreed --db project.db
        annotator adjudicate --auto-agreed --annotators alice,bob,carol
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.review import auto_adjudicate_agreed, progress

    if not auto_agreed:
        raise AnnotatorError(
            "nothing to do: give --auto-agreed (disputes are adjudicated in the workbench)"
        )
    with open_store(db) as store:
        result = auto_adjudicate_agreed(store, annotators)
        done = progress(store, annotators)
    click.echo(
        f"promoted {result.promoted:,} agreed sentence(s) to gold; "
        f"{result.already_adjudicated:,} already adjudicated; "
        f"{result.gold_kept:,} with a hand-made gold version kept"
    )
    click.echo(
        f"gold: {done.resolved:,} of {done.total:,} sentences resolved; "
        f"{done.disputed:,} disputed, {done.incomplete:,} not decided by every annotator yet"
    )


COMMANDS = (agreement, adjudicate)
