"""Merging project files: new articles and layers come in, newer edits win, nothing is deleted."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from annotator.cli import cli
from annotator.corpus.importer import import_paths
from annotator.merge import merge_projects
from annotator.records import AnnotationState
from annotator.store import Store


def write(store, name, sentence_id, labels, at):
    who = store.annotators.get_or_create(name)
    with store.transaction():
        store.annotations.write(
            sentence_id, who.annotator_id, AnnotationState(labels=labels, decided=True), at=at
        )


def test_merge_brings_articles_and_layers_idempotently(store, template_db, tmp_path):
    other_path = tmp_path / "bob.db"
    shutil.copy(template_db, other_path)
    extra = tmp_path / "extra.txt"
    extra.write_text("新文章\n全市抓获犯罪嫌疑人195名。\n", encoding="utf-8")
    sid = store.sentences.for_article(1)[2].sentence_id
    with Store.open(other_path) as other:
        import_paths(other, [extra])
        write(other, "bob", sid, ("slogan",), "2026-01-02T00:00:00.000Z")
        new_sid = other.sentences.for_article(other.articles.ids()[-1])[1].sentence_id
        write(other, "bob", new_sid, ("statistic",), "2026-01-02T00:00:00.000Z")
    write(store, "alice", sid, ("anecdote",), "2026-01-01T00:00:00.000Z")
    report = merge_projects(store, other_path)
    assert report.articles_added == 1 and report.articles_matched == 5
    bob = store.annotators.get("bob")
    assert store.annotations.state(sid, bob.annotator_id).labels == ("slogan",)
    assert store.annotations.state(sid, store.annotators.get("alice").annotator_id).labels == (
        "anecdote",
    )
    assert len(store.articles.ids()) == 6
    before = store.query("SELECT count(*) FROM annotations")[0][0]
    again = merge_projects(store, other_path)
    assert again.articles_added == 0 and again.annotations_added == 0
    assert store.query("SELECT count(*) FROM annotations")[0][0] == before


def test_newer_edit_wins_and_conflicts_are_counted(store, template_db, tmp_path):
    other_path = tmp_path / "alice2.db"
    shutil.copy(template_db, other_path)
    a, b = (s.sentence_id for s in store.sentences.for_article(1)[2:4])
    write(store, "alice", a, ("anecdote",), "2026-01-05T00:00:00.000Z")  # newer here
    write(store, "alice", b, ("anecdote",), "2026-01-01T00:00:00.000Z")  # older here
    with Store.open(other_path) as other:
        write(other, "alice", a, ("slogan",), "2026-01-01T00:00:00.000Z")
        write(other, "alice", b, ("slogan",), "2026-01-05T00:00:00.000Z")
    report = merge_projects(store, other_path)
    alice = store.annotators.get("alice").annotator_id
    assert store.annotations.state(a, alice).labels == ("anecdote",)
    assert store.annotations.state(b, alice).labels == ("slogan",)
    assert (
        report.conflicts == 2 and report.annotations_kept == 1 and report.annotations_replaced == 1
    )
    assert "2 conflict(s)" in report.summary()


def test_cli_merge_refuses_a_non_project(store, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["merge", str(bad), "--db", str(store.target)])
    assert (
        result.exit_code == 1
        and result.output.startswith("Error: ")
        and "notes.db" in result.output
    )


def _form(store, article_id, name, region, at):
    who = store.annotators.get_or_create(name).annotator_id
    with store.transaction():
        store.state.set_article_fields(article_id, who, {"region": region})
        store.execute(
            "UPDATE article_annotations SET updated_at = ? WHERE article_id = ? AND annotator_id = ?",
            [at, article_id, who],
        )


def _adjudicate(store, sentence_id, note, at):
    lead = store.annotators.get_or_create("lead").annotator_id
    with store.transaction():
        store.gold.record(sentence_id, lead, "manual", ["alice"], note, at=at)


def test_article_forms_and_adjudications_follow_the_newer_wins_rule(store, template_db, tmp_path):
    other_path = tmp_path / "other.db"
    shutil.copy(template_db, other_path)
    a, b, c, d = (s.sentence_id for s in store.sentences.for_article(1)[1:5])
    old, new = "2026-01-01T00:00:00.000Z", "2026-01-05T00:00:00.000Z"
    _form(store, 1, "alice", "上海", old)  # theirs newer: replaced
    _form(store, 2, "alice", "上海", old)  # a tie: ours kept
    _form(store, 4, "alice", "上海", old)  # the same: left alone
    _adjudicate(store, a, "ours", old)  # theirs newer: replaced
    _adjudicate(store, b, "ours", new)  # ours newer: kept
    _adjudicate(store, d, "same", old)  # the same: left alone
    with Store.open(other_path) as other:
        _form(other, 1, "alice", "北京", new)
        _form(other, 2, "alice", "北京", old)
        _form(other, 3, "alice", "北京", old)  # only theirs: added
        _form(other, 4, "alice", "上海", new)
        _adjudicate(other, a, "theirs", new)
        _adjudicate(other, b, "theirs", old)
        _adjudicate(other, c, "theirs", old)  # only theirs: added
        _adjudicate(other, d, "same", new)
    report = merge_projects(store, other_path)
    alice = store.annotators.get("alice").annotator_id
    regions = [store.state.article_fields(i, alice).get("region") for i in (1, 2, 3, 4)]
    assert regions == ["北京", "上海", "北京", "上海"]
    assert (report.article_fields_added, report.article_fields_replaced) == (1, 1)
    assert report.article_fields_kept == 1
    notes = [store.gold.get(sid).note for sid in (a, b, c, d)]
    assert notes == ["theirs", "ours", "theirs", "same"]
    assert store.gold.get(a).created_at == old  # a replaced row keeps its created_at
    assert (report.adjudications_added, report.adjudications_replaced) == (1, 1)
    assert report.adjudications_kept == 1
