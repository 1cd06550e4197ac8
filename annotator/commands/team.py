"""CLI commands for a project's team: ``annotator team add|remove|list``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.commands.options import db_option, json_option, open_store


@click.group()
def team() -> None:
    """Who may work on the project, and who reviews (writes the gold layer).

    On a server project PostgreSQL enforces it: each member logs in with their own login role
    (its name is their layer's name), annotators write only their own layer, reviewers also the
    gold layer. On a project file the roles are only recorded.

    \b
    Example:
        annotator team add alice --db postgresql://lead@server/summer
        annotator team list --db postgresql://lead@server/summer
    """


@team.command("add")
@click.argument("name")
@click.option("--reviewer", is_flag=True, help="May also write the gold layer (adjudicate).")
@db_option
def add(name: str, reviewer: bool, db: Path | str | None) -> None:
    """Add NAME to the team (or change their role).

    \b
    Example:
        createuser --pwprompt alice          # the server administrator, once
        annotator team add alice --db postgresql://lead@server/summer
        annotator team add rita --reviewer --db postgresql://lead@server/summer
    """
    with open_store(db) as store:
        member = store.team.add(name, "reviewer" if reviewer else "annotator")
        where = store.location
    click.echo(f"{member.name} is a{'' if member.role == 'reviewer' else 'n'} {member.role} of {where}")


@team.command("remove")
@click.argument("name")
@db_option
def remove(name: str, db: Path | str | None) -> None:
    """Take NAME's access to a server project away (their annotations stay)."""
    with open_store(db) as store:
        store.team.remove(name)
        where = store.location
    click.echo(f"{name} can no longer open {where}")


@team.command("list")
@db_option
@json_option
def list_cmd(db: Path | str | None, as_json: bool) -> None:
    """List the team: role, decided sentences and, on a server, whether each may connect."""
    with open_store(db) as store:
        members = store.team.members()
    if as_json:
        rows = [
            {"name": m.name, "role": m.role, "decided": m.decided, "can_connect": m.can_connect}
            for m in members
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False))
        return
    if not members:
        click.echo("no annotators yet")
    for m in members:
        access = "" if m.can_connect is None else ("" if m.can_connect else "  (cannot connect)")
        click.echo(f"{m.name:<20} {m.role:<10} {m.decided:>7} decided{access}")


COMMANDS = (team,)
