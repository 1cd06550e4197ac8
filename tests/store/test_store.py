"""The store on both backends (a real SQLite file, a real PostgreSQL database): creation,
transactions, annotations, errors."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.errors import NotFound, SchemaError, StoreError
from annotator.paths import resource_path
from annotator.records import AnnotationState, SpanValue
from annotator.schema import load_schema
from annotator.store import Store, migrations, pg_migrations
from annotator.store.articles import NewArticle, NewSentence

TEXT = "标题\n全省抓获犯罪嫌疑人1.63万名。警情同比下降12.5%。\n𠮷野家的😀故事。"


def _at(sentence: str, paragraph: int) -> NewSentence:
    start = TEXT.index(sentence)
    return NewSentence(start, start + len(sentence), paragraph, False)


@pytest.fixture
def store(new_project):
    s = Store.create(new_project, load_schema(resource_path("labels.toml")))
    with s.transaction():
        import_id = s.articles.start_import(["x"], "2026-01-01T00:00:00Z")
        s.articles.add_many(
            [
                NewArticle(
                    "a.txt",
                    "标题",
                    TEXT,
                    "h1",
                    {},
                    [
                        _at("标题", 0),
                        _at("全省抓获犯罪嫌疑人1.63万名。", 1),
                        _at("警情同比下降12.5%。", 1),
                        _at("𠮷野家的😀故事。", 2),
                    ],
                )
            ],
            import_id,
            "2026-01-01T00:00:00Z",
        )
    yield s
    s.close()


def test_pragmas_and_version(tmp_path):
    store = Store.create(tmp_path / "p.db", load_schema(resource_path("labels.toml")))
    assert store.query("PRAGMA journal_mode")[0][0] == "wal"
    assert store.query("PRAGMA foreign_keys")[0][0] == 1
    assert store.query("PRAGMA user_version")[0][0] == len(migrations.MIGRATIONS)
    assert store.schema.label_ids == ("statistic", "anecdote", "slogan")
    store.close()


def test_schema_version_is_the_newest_on_both_backends(store):
    assert store.sql.schema_version() == len(migrations.MIGRATIONS) == len(pg_migrations.MIGRATIONS)
    assert store.schema.label_ids == ("statistic", "anecdote", "slogan")


def test_sentence_text_is_the_article_slice(store):
    sents = store.sentences.for_article(1)
    assert [s.text for s in sents] == [
        "标题",
        "全省抓获犯罪嫌疑人1.63万名。",
        "警情同比下降12.5%。",
        "𠮷野家的😀故事。",
    ]


def test_write_and_read_state_round_trips(store):
    alice = store.annotators.get_or_create("alice")
    sid = store.sentences.for_article(1)[1].sentence_id
    state = AnnotationState(
        labels=("slogan", "statistic"),
        fields={"statistic": {"value": "1.63万", "unit": "名"}, "anecdote": {"actors": "x"}},
        spans=(SpanValue("statistic", 9, 15, {"value": "16300"}),),
        note="看一下",
        decided=True,
    )
    with store.transaction():
        store.annotations.write(sid, alice.annotator_id, state)
    got = store.annotations.state(sid, alice.annotator_id)
    # schema order, fields of unset labels dropped, numbers parsed
    assert got.labels == ("statistic", "slogan")
    assert got.fields == {"statistic": {"value": 16300, "unit": "名"}}
    assert got.spans == (SpanValue("statistic", 9, 15, {"value": 16300}),)
    assert got.note == "看一下" and got.decided


def test_span_outside_sentence_is_refused_and_nothing_written(store):
    alice = store.annotators.get_or_create("alice")
    sid = store.sentences.for_article(1)[0].sentence_id
    with pytest.raises(
        SchemaError, match=r"^spans\[0\]: offsets 0-5 outside the sentence \(length 2\)$"
    ):
        with store.transaction():
            store.annotations.write(
                sid, alice.annotator_id, AnnotationState(labels=("statistic",), decided=True)
            )
            store.annotations.write(
                sid, alice.annotator_id, AnnotationState(spans=(SpanValue("statistic", 0, 5),))
            )
    assert store.annotations.get(sid, alice.annotator_id) is None


def test_span_on_label_without_spans_is_refused(store):
    alice = store.annotators.get_or_create("alice")
    sid = store.sentences.for_article(1)[1].sentence_id
    with pytest.raises(SchemaError, match="label 'anecdote' has no spans"), store.transaction():
        store.annotations.write(
            sid, alice.annotator_id, AnnotationState(spans=(SpanValue("anecdote", 0, 2),))
        )


def test_clearing_a_state_deletes_the_row(store):
    alice = store.annotators.get_or_create("alice")
    sid = store.sentences.for_article(1)[1].sentence_id
    with store.transaction():
        store.annotations.write(sid, alice.annotator_id, AnnotationState(labels=("statistic",)))
    with store.transaction():
        store.annotations.write(sid, alice.annotator_id, AnnotationState())
    assert store.query("SELECT count(*) FROM annotations")[0][0] == 0


def test_layers_are_separate_and_progress_counts_per_annotator(store):
    alice = store.annotators.get_or_create("alice")
    bob = store.annotators.get_or_create("bob")
    sents = store.sentences.for_article(1)
    with store.transaction():
        store.annotations.write(
            sents[1].sentence_id,
            alice.annotator_id,
            AnnotationState(labels=("statistic",), decided=True),
        )
        store.annotations.write(
            sents[1].sentence_id, bob.annotator_id, AnnotationState(decided=True)
        )
        store.annotations.write(
            sents[2].sentence_id, alice.annotator_id, AnnotationState(decided=True)
        )
    [summary] = store.articles.summaries(alice.annotator_id)
    assert (summary.sentences, summary.total, summary.decided, summary.status) == (
        4,
        4,
        2,
        "in progress",
    )
    assert store.articles.summaries(bob.annotator_id)[0].decided == 1
    assert store.annotations.state(sents[1].sentence_id, bob.annotator_id).labels == ()
    nxt = store.sentences.next_undecided(1, alice.annotator_id, after_position=2)
    assert nxt is not None and nxt.position == 3
    assert store.sentences.next_undecided(1, alice.annotator_id, after_position=3).position == 0
    assert store.stats()["decided"] == {"alice": 2, "bob": 1}


def test_reserved_and_empty_annotator_names(store):
    with pytest.raises(Exception, match="reserved for the adjudicated layer"):
        store.annotators.get_or_create("Gold")
    with pytest.raises(Exception, match="must not be empty"):
        store.annotators.get_or_create("   ")
    with pytest.raises(NotFound, match=r"^unknown annotator 'zed'; known annotators: none yet$"):
        store.annotators.get("zed")


def test_transaction_rolls_back_every_write_on_error(store):
    alice = store.annotators.get_or_create("alice")
    sid = store.sentences.for_article(1)[1].sentence_id
    with pytest.raises(RuntimeError), store.transaction():
        store.annotations.write(sid, alice.annotator_id, AnnotationState(labels=("statistic",)))
        store.sentences.set_boilerplate(sid, True)
        raise RuntimeError("boom")
    assert store.annotations.get(sid, alice.annotator_id) is None
    assert not store.sentences.get(sid).boilerplate


def test_two_connections_see_each_others_commits(store):
    other = Store.open(store.target)
    try:
        alice = store.annotators.get_or_create("alice")
        bob = other.annotators.get_or_create("bob")
        sid = store.sentences.for_article(1)[1].sentence_id
        with store.transaction():
            store.annotations.write(sid, alice.annotator_id, AnnotationState(labels=("statistic",)))
        with other.transaction():
            other.annotations.write(sid, bob.annotator_id, AnnotationState(labels=("slogan",)))
        assert other.annotations.state(sid, alice.annotator_id).labels == ("statistic",)
        assert store.annotations.state(sid, bob.annotator_id).labels == ("slogan",)
    finally:
        other.close()


def test_create_refuses_to_overwrite(store):
    with pytest.raises(StoreError, match="already exists|already holds a project"):
        Store.create(store.target, store.schema)


def test_open_refuses_missing_and_foreign_files(tmp_path):
    with pytest.raises(StoreError, match=r"no such project file$"):
        Store.open(tmp_path / "nope.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(
        StoreError, match=r"junk.db: not an annotator project \(file is not a database\)$"
    ):
        Store.open(junk)
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).close()
    plain.write_bytes(b"")
    with pytest.raises(StoreError, match="no such project file|not an annotator project"):
        Store.open(plain)


def test_positions_and_article_fields(store):
    alice = store.annotators.get_or_create("alice")
    assert store.state.position(alice.annotator_id) is None
    store.state.set_position(alice.annotator_id, 1, 3)
    assert store.state.position(alice.annotator_id).sentence_id == 3
    with store.transaction():
        store.state.set_article_fields(
            1, alice.annotator_id, {"date": "2022-08-15", "campaign": "summer"}
        )
    assert store.state.article_fields(1, alice.annotator_id) == {
        "date": "2022-08-15",
        "campaign": "summer",
    }


def test_sentences_sliced_from_the_article_text_equal_the_stored_ones(store):
    # the workbench slices sentence texts from the article it already read (a 2 MB article
    # then decodes its text once); both paths must give the same records
    for article_id in store.articles.ids():
        text = store.articles.get(article_id).text
        assert store.sentences.for_article(article_id, text) == store.sentences.for_article(
            article_id
        )
        assert store.sentences.for_article(article_id)  # the seeds have sentences


def test_data_version_moves_for_other_connections_commits_only(store):
    """What windows poll to refresh: PRAGMA data_version on a file, NOTIFY on a server."""
    other = Store.open(store.target)
    try:
        alice = store.annotators.get_or_create("alice")
        sid = store.sentences.for_article(1)[1].sentence_id
        seen, own = other.data_version(), store.data_version()
        with store.transaction():
            store.annotations.write(sid, alice.annotator_id, AnnotationState(labels=("slogan",)))
        other.query("SELECT count(*) FROM articles")  # a query in between must not swallow it
        assert other.data_version() != seen
        assert store.data_version() == own
        seen = other.data_version()
        assert other.data_version() == seen  # nothing new: no change
    finally:
        other.close()


def test_a_server_connection_lost_between_actions_is_made_again(store, request):
    """A server restart or a dropped network between two edits: the next edit works; one that
    was under way when the connection broke saved nothing."""
    if not store.on_server:
        pytest.skip("a file has no connection to lose")
    import psycopg

    alice = store.annotators.get_or_create("alice")
    sids = [s.sentence_id for s in store.sentences.for_article(1)][:3]
    before = store.data_version()

    def kill() -> None:
        with psycopg.connect(store.target, autocommit=True) as admin:
            # wait until the session is gone, as after a server restart
            admin.execute("SELECT pg_terminate_backend(%s, 10000)", [store.backend.pid])

    kill()
    with store.transaction():  # the next action connects again
        store.annotations.write(sids[0], alice.annotator_id, AnnotationState(labels=("slogan",)))
    assert store.annotations.state(sids[0], alice.annotator_id).labels == ("slogan",)
    assert store.data_version() != before  # windows re-read: changes may have gone unannounced
    with pytest.raises(StoreError, match="connection"):
        with store.transaction():
            store.annotations.write(sids[1], alice.annotator_id, AnnotationState(labels=("slogan",)))
            kill()
            store.annotations.write(sids[2], alice.annotator_id, AnnotationState(labels=("slogan",)))
    assert store.annotations.get(sids[1], alice.annotator_id) is None
    assert store.annotations.get(sids[2], alice.annotator_id) is None


def test_a_write_waits_out_another_connections_lock_longer_than_one_busy_attempt(store):
    """A window keeps each wait for a lock short (set_busy_timeout, 0.1 s in the GUI); a write
    that finds the row or the commit locked for longer still goes through once the other
    connection commits: the file retries, the server waits (issue 14: under a team's load a
    commit queued for the server's notification lock was cancelled after 0.1 s)."""
    import threading

    sid = store.sentences.for_article(1)[1].sentence_id
    with store.transaction():
        aid = store.annotators.get_or_create("alice").annotator_id
        store.annotations.write(sid, aid, AnnotationState(labels=("statistic",)))
    held, done = threading.Event(), threading.Event()

    def other_window() -> None:
        with Store.open(store.target) as other, other.transaction():
            other.annotations.write(sid, aid, AnnotationState(labels=("anecdote",)))
            held.set()
            done.wait(0.6)  # holds the row (and, on a file, the write lock) well past 0.05 s

    t = threading.Thread(target=other_window)
    t.start()
    held.wait(10)
    store.set_busy_timeout(0.05)
    try:
        with store.transaction():
            store.annotations.write(sid, aid, AnnotationState(labels=("slogan",)))
    finally:
        done.set()
        t.join()
    assert store.annotations.state(sid, aid).labels == ("slogan",)
