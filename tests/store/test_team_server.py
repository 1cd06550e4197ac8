"""Roles on a real PostgreSQL server: the server itself, not the app, keeps each annotator to
their own layer and the gold layer to reviewers. Tried through the app's store and through
``psql`` as the other users, as an attacker with the password would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.corpus.importer import import_paths
from annotator.errors import AnnotatorError, StoreError
from annotator.paths import resource_path
from annotator.records import AnnotationState
from annotator.schema import load_schema
from annotator.store import Store

RUN = os.getpid()
ALICE, BOB, RITA, CAROL = (f"{n}_{RUN}" for n in ("alice", "bob", "rita", "carol"))


def as_user(url: str, user: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.split("@")[-1]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


def psql_binary() -> str:
    found = shutil.which("psql")
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"), reverse=True):
        return str(candidate)
    pytest.skip("no psql binary")


def psql(url: str, sql: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [psql_binary(), url, "-v", "ON_ERROR_STOP=1", "-X", "-q", "-A", "-t", "-c", sql],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def team(request, pg_server, seeds):
    """A server project made by its owner, with alice and bob as annotators and rita as reviewer.
    Yields (owner's store, url) with alice's and bob's first annotations made as themselves."""
    name = f"team_{RUN}_{request.node.name[:20].lower()}".replace("-", "_").replace("[", "_")
    pg_server.create_database(name)
    request.addfinalizer(lambda: pg_server.drop_database(name))
    url = pg_server.dsn(name)
    for role in (ALICE, BOB, RITA, CAROL):
        pg_server.create_role(role)
    owner = Store.create(url, load_schema(resource_path("labels.toml")))
    request.addfinalizer(owner.close)
    import_paths(owner, [seeds])
    owner.team.add(ALICE)
    owner.team.add(BOB)
    owner.team.add(RITA, "reviewer")
    return owner, url


def first_sentences(store: Store) -> list[int]:
    return [s.sentence_id for s in store.sentences.for_article(store.articles.ids()[0])][:5]


def label(store: Store, name: str, sid: int, labels: tuple[str, ...]) -> None:
    who = store.annotators.get_or_create(name)
    with store.transaction():
        store.annotations.write(sid, who.annotator_id, AnnotationState(labels=labels, decided=True))


def test_each_annotator_writes_only_their_own_layer(team):
    owner, url = team
    sid = first_sentences(owner)[1]
    with Store.open(as_user(url, ALICE)) as alice, Store.open(as_user(url, BOB)) as bob:
        label(alice, ALICE, sid, ("statistic",))
        label(bob, BOB, sid, ("slogan",))
        bob_id = alice.annotators.get(BOB).annotator_id
        # through the app's own store: refused by the server, nothing written
        with pytest.raises(StoreError, match="not allowed: new row violates row-level security"):
            with alice.transaction():
                alice.annotations.write(sid, bob_id, AnnotationState(labels=("anecdote",)))
        assert owner.annotations.state(sid, bob_id).labels == ("slogan",)
        # nor can alice pose as bob by making an annotator row with his name
        with pytest.raises(StoreError, match="not allowed"):
            alice.annotators.get_or_create("mallory")
    # through psql, as alice: insert refused; update and delete of bob's rows touch nothing
    alice_psql = as_user(url, ALICE)
    refused = psql(
        alice_psql,
        f"INSERT INTO annotations (sentence_id, annotator_id, labels, created_at, updated_at) "
        f"VALUES ({sid + 1}, {bob_id}, '[\"slogan\"]', 'x', 'x')",
    )
    assert refused.returncode != 0
    assert "row-level security" in refused.stderr
    changed = psql(
        alice_psql,
        f"WITH u AS (UPDATE annotations SET labels = '[]' WHERE annotator_id = {bob_id} "
        f"RETURNING 1) SELECT count(*) FROM u",
    )
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.strip() == "0"
    gone = psql(
        alice_psql,
        f"WITH d AS (DELETE FROM annotations WHERE annotator_id = {bob_id} RETURNING 1) "
        "SELECT count(*) FROM d",
    )
    assert gone.stdout.strip() == "0"
    assert owner.annotations.state(sid, bob_id).labels == ("slogan",)
    # everyone reads everything (agreement and review need it)
    seen = psql(alice_psql, f"SELECT count(*) FROM annotations WHERE annotator_id = {bob_id}")
    assert seen.stdout.strip() == "1"


def test_only_reviewers_write_the_gold_layer_and_adjudications(team):
    owner, url = team
    sid = first_sentences(owner)[2]
    gold_id = owner.annotators.gold().annotator_id
    owner_reviewer = owner.annotators.get(RITA).annotator_id
    with Store.open(as_user(url, ALICE)) as alice:
        with pytest.raises(StoreError, match="not allowed"):
            with alice.transaction():
                alice.annotations.write(sid, gold_id, AnnotationState(labels=("statistic",)))
        with pytest.raises(StoreError, match="not allowed"):
            with alice.transaction():
                alice.gold.record(sid, owner_reviewer, "manual", [ALICE])
    with Store.open(as_user(url, RITA)) as rita:
        with rita.transaction():
            rita.annotations.write(
                sid, gold_id, AnnotationState(labels=("statistic",), decided=True)
            )
            rita.gold.record(sid, owner_reviewer, "manual", [ALICE])
    assert owner.annotations.state(sid, gold_id).labels == ("statistic",)
    assert owner.gold.get(sid).adjudicator == RITA
    # psql as alice: no adjudication of her own either
    refused = psql(
        as_user(url, ALICE),
        f"DELETE FROM adjudications WHERE sentence_id = {sid} RETURNING 1",
    )
    assert refused.stdout.strip() == ""
    assert owner.gold.count() == 1


def test_members_cannot_change_roles_articles_or_the_schema(team):
    owner, url = team
    alice_psql = as_user(url, ALICE)
    role = psql(alice_psql, f"UPDATE annotators SET role = 'reviewer' WHERE name = '{ALICE}'")
    assert role.returncode != 0 and "permission denied" in role.stderr
    article = psql(alice_psql, "UPDATE articles SET title = 'x'")
    assert article.returncode != 0 and "permission denied" in article.stderr
    schema = psql(alice_psql, "UPDATE project SET label_schema = '{}'")
    assert schema.returncode != 0 and "permission denied" in schema.stderr
    # the boilerplate flag is the one thing of a sentence every member may change
    flip = psql(alice_psql, "UPDATE sentences SET boilerplate = 1 WHERE sentence_id = 1")
    assert flip.returncode == 0, flip.stderr
    assert owner.team.get(ALICE).role == "annotator"


def test_only_members_may_connect_and_remove_takes_access_away(team):
    owner, url = team
    with pytest.raises(StoreError, match="cannot connect"):
        Store.open(as_user(url, CAROL))
    owner.team.add(CAROL)
    Store.open(as_user(url, CAROL)).close()
    owner.team.remove(CAROL)
    with pytest.raises(StoreError, match="cannot connect"):
        Store.open(as_user(url, CAROL))
    members = {m.name: m for m in owner.team.members()}
    assert members[ALICE].can_connect and not members[CAROL].can_connect
    assert members[RITA].role == "reviewer"
    with pytest.raises(AnnotatorError, match="no login role 'nobody_here'"):
        owner.team.add("nobody_here")


def test_team_commands_on_the_server(team):
    owner, url = team
    runner = CliRunner()
    result = runner.invoke(cli, ["team", "add", CAROL, "--reviewer", "--db", url])
    assert result.exit_code == 0, result.output
    assert f"{CAROL} is a reviewer of" in result.output
    listed = runner.invoke(cli, ["team", "list", "--db", url, "--json"])
    assert listed.exit_code == 0, listed.output
    assert {"name": CAROL, "role": "reviewer", "decided": 0, "can_connect": True} in __import__(
        "json"
    ).loads(listed.output)
    refused = runner.invoke(cli, ["team", "add", "ghost", "--db", url])
    assert refused.exit_code == 1
    assert refused.output.startswith("Error: ") and "no login role 'ghost'" in refused.output
