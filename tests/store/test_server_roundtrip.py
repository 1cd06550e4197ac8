"""Moving a project between a file and a server with the CLI, and back, loses nothing."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from annotator.cli import cli
from annotator.records import AnnotationState, SpanValue
from annotator.store import Store


def run(*args: str) -> str:
    """Run a command; its standard output (the summary lines go to stderr)."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def annotate(path) -> None:
    with Store.open(path) as store:
        alice = store.annotators.get_or_create("alice")
        bob = store.annotators.get_or_create("bob")
        sentences = store.sentences.for_article(store.articles.ids()[0])
        stat = next(s for s in sentences if "名" in s.text)
        n = stat.text.index("名")
        with store.transaction():
            store.annotations.write(
                stat.sentence_id,
                alice.annotator_id,
                AnnotationState(
                    labels=("statistic",),
                    spans=(SpanValue("statistic", n - 1, n + 1, {}),),
                    note="备注",
                    decided=True,
                ),
            )
            store.annotations.write(
                stat.sentence_id, bob.annotator_id, AnnotationState(labels=("slogan",), decided=True)
            )
            store.annotations.write(
                sentences[2].sentence_id, bob.annotator_id, AnnotationState(labels=("anecdote",))
            )


def own_jsonl(db: str) -> list[dict]:
    out = run("export", "--db", db, "--include-undecided")
    lines = [json.loads(x) for x in out.splitlines() if x.strip()]
    for line in lines:
        line.pop("updated_at", None)
    return lines


def test_a_file_moves_onto_a_server_and_back_unchanged(db_path, tmp_path, pg_server):
    annotate(db_path)
    name = f"moved_here_{os.getpid()}"
    pg_server.create_database(name)
    url = pg_server.dsn(name)
    try:
        assert "created" in run("init", "--db", url, "--schema-of", str(db_path))
        report = run("merge", str(db_path), "--db", url, "--json")
        assert json.loads(report)["articles_added"] == 5
        assert own_jsonl(url) == own_jsonl(str(db_path))
        back = tmp_path / "back.db"
        run("export", "--db", url, "--format", "sqlite", "-o", str(back))
        assert own_jsonl(str(back)) == own_jsonl(str(db_path))
        with Store.open(back) as copy, Store.open(db_path) as original:
            same = {"path": "", "project": ""}
            assert copy.stats() | same == original.stats() | same
        # an existing file is never overwritten
        result = CliRunner().invoke(
            cli, ["export", "--db", url, "--format", "sqlite", "-o", str(back)]
        )
        assert result.exit_code == 1 and "already exists" in result.output
    finally:
        pg_server.drop_database(name)
