"""The command line: a thin layer over the core. Each command opens the store, calls the core and
formats the result (a table for people, ``--json`` for programs). Errors the user can fix print
one line, ``Error: …``, on stderr and exit 1.

This module builds the ``annotator`` group and adds the commands of ``annotator.commands``
explicitly, from ``COMMANDS``; the command modules never import this one (their shared options
live in ``annotator.commands.options``).
"""

from __future__ import annotations

from pathlib import Path

import click

from annotator import __version__
from annotator.commands import agreement, export, extract, learn, project, team
from annotator.commands.options import AnnotatorGroup, db_option
from annotator.errors import AnnotatorError

COMMANDS: tuple[click.Command, ...] = (
    *project.COMMANDS,
    *export.COMMANDS,
    *agreement.COMMANDS,
    *extract.COMMANDS,
    *learn.COMMANDS,
    *team.COMMANDS,
)


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
        # lazy: only the workbench needs Qt; the commands and the core never load it
        from annotator.gui.app import main as gui_main
        from annotator.gui.app import no_display_reason
    except ImportError as e:  # PySide6 is a dependency: a failure here is a broken install
        what = e.name or "the workbench"
        detail = " ".join(str(e).split())
        raise AnnotatorError(f"cannot open the workbench: importing {what} failed: {detail}") from e
    reason = no_display_reason()
    if reason:
        raise click.ClickException(reason)
    raise SystemExit(gui_main(db=db, annotator=annotator_name))


for _command in COMMANDS:
    cli.add_command(_command)
