"""Review and adjudication core: the disagreement queue, comparisons, the gold layer."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator import review
from annotator.cli import cli
from annotator.errors import AnnotatorError, NotFound, SchemaError
from annotator.records import AnnotationState, SpanValue

LABELS = ["stat", "story", "motto"]


def state(*labels, spans=(), fields=None, note=""):
    return AnnotationState(
        labels=tuple(labels), spans=tuple(spans), fields=fields or {}, note=note, decided=True
    )


def stat_span(start, end, **fields):
    return SpanValue("stat", start, end, fields)


@pytest.fixture
def reviewed(project):
    """Six sentences, three annotators:
    0 all agree (stat, same span); 1 label dispute; 2 field dispute; 3 span dispute;
    4 only ann and bob decided, identically; 5 all agree on no label."""
    same = state("stat", spans=[stat_span(0, 4)], fields={"stat": {"note": "x"}})
    table = {
        "ann": [
            same,
            state("stat"),
            state("stat", fields={"stat": {"note": "a"}}),
            state("stat", spans=[stat_span(0, 4)]),
            state("story"),
            state(),
        ],
        "bob": [
            same,
            state("stat", "story"),
            state("stat", fields={"stat": {"note": "b"}}),
            state("stat", spans=[stat_span(0, 5)]),
            state("story"),
            state(),
        ],
        "cat": [
            same,
            state("stat"),
            state("stat", fields={"stat": {"note": "a"}}),
            None,
            None,
            state(),
        ],
    }
    store, ids = project(LABELS, table, span_labels=["stat"])
    return store, ids


def test_queue_lists_disputes_with_what_differs(reviewed):
    store, ids = reviewed
    items = review.queue(store)
    assert [i.sentence_id for i in items] == ids[1:4]
    label, fields, spans = items
    assert label.labels == ("story",) and label.aspects == ("labels",)
    assert label.pairs == (("ann", "bob"), ("bob", "cat"))
    assert fields.aspects == ("fields",) and fields.labels == ("stat",)
    assert spans.aspects == ("spans",) and spans.decided_by == ("ann", "bob")
    assert (label.article_id, label.position) == (store.sentences.get(ids[1]).article_id, 1)


def test_queue_filters_by_label_pair_and_article(reviewed):
    store, ids = reviewed
    assert [i.sentence_id for i in review.queue(store, label="story")] == [ids[1]]
    assert [i.sentence_id for i in review.queue(store, pair=("cat", "bob"))] == ids[1:3]
    assert review.queue(store, pair=("cat", "ann")) == []  # they differ nowhere
    assert [i.sentence_id for i in review.queue(store, label="stat", pair=("ann", "bob"))] == [
        ids[2],
        ids[3],
    ]
    article = store.sentences.get(ids[0]).article_id
    assert len(review.queue(store, article_id=article)) == 3
    assert review.queue(store, article_id=article + 1) == []
    assert review.queue(store, ["ann", "cat"]) == []
    assert [i.sentence_id for i in review.queue(store, ["ann", "bob"])] == ids[1:4]


def test_queue_errors(reviewed):
    store, _ = reviewed
    with pytest.raises(SchemaError, match="unknown label 'x'"):
        review.queue(store, label="x")
    with pytest.raises(NotFound, match="annotator 'cat' is not among the compared: ann, bob"):
        review.queue(store, ["ann", "bob"], pair=("ann", "cat"))
    with pytest.raises(AnnotatorError, match="the gold layer is what review writes"):
        store.annotators.gold()
        review.queue(store, ["ann", "gold"])


def test_compare_shows_versions_and_a_structured_diff(reviewed):
    store, ids = reviewed
    c = review.compare(store, ids[1])
    assert c.disputed and not c.agreed
    assert [v.annotators for v in c.versions] == [("ann", "cat"), ("bob",)]
    assert c.versions[0].labels == ("stat",)
    assert [(d.label, d.chosen_by, d.not_chosen_by) for d in c.label_diffs] == [
        ("story", ("bob",), ("ann", "cat"))
    ]
    fields = review.compare(store, ids[2]).field_diffs
    assert [(d.label, d.field, dict(d.values)) for d in fields] == [
        ("stat", "note", {"ann": "a", "bob": "b", "cat": "a"})
    ]
    c = review.compare(store, ids[3])
    assert c.undecided == ("cat",)
    assert [(d.start, d.end, d.marked_by, d.not_marked_by) for d in c.span_diffs] == [
        (0, 4, ("ann",), ("bob",)),
        (0, 5, ("bob",), ("ann",)),
    ]
    assert c.span_diffs[0].text == store.sentences.get(ids[3]).text[0:4]
    assert review.compare(store, ids[0]).agreed


def test_adjudicate_writes_gold_and_the_record_together(reviewed):
    store, ids = reviewed
    chosen = review.compare(store, ids[1]).versions[0]
    record = review.adjudicate(store, ids[1], chosen.state(), "lead", "majority")
    assert (record.adjudicator, record.method, record.note) == ("lead", "manual", "majority")
    assert record.source_annotators == ("ann", "cat")
    gold = store.annotations.state(ids[1], store.annotators.get("gold").annotator_id)
    assert gold.labels == ("stat",) and gold.decided
    assert [i.sentence_id for i in review.queue(store)] == ids[2:4]
    assert len(review.queue(store, include_adjudicated=True)) == 3
    progress = review.progress(store)
    assert (progress.total, progress.resolved, progress.disputed) == (6, 1, 2)


def test_a_refused_adjudication_writes_nothing(reviewed):
    store, ids = reviewed
    before = store.gold.count()
    with pytest.raises(SchemaError, match="unknown label 'nope'"):
        review.adjudicate(store, ids[1], state("nope"), "lead")
    with pytest.raises(AnnotatorError, match="unknown adjudication method 'vote'"):
        review.adjudicate(store, ids[1], state("stat"), "lead", method="vote")
    assert store.gold.count() == before
    assert review.compare(store, ids[1]).gold is None


def test_auto_adjudication_promotes_full_agreement_once(reviewed):
    store, ids = reviewed
    assert review.progress(store) == review.ReviewProgress(6, 0, 3, 2, 1)
    result = review.auto_adjudicate_agreed(store)
    assert result == review.AutoResult(
        promoted=2, already_adjudicated=0, gold_kept=0, disputed=3, incomplete=1
    )
    gold_id = store.annotators.get("gold").annotator_id
    first = store.annotations.state(ids[0], gold_id)
    assert first.labels == ("stat",) and first.fields == {"stat": {"note": "x"}}
    assert first.spans == (stat_span(0, 4),) and first.decided
    assert store.annotations.state(ids[5], gold_id).decided
    record = store.gold.get(ids[0])
    assert record.method == "auto_agreed" and record.source_annotators == ("ann", "bob", "cat")
    again = review.auto_adjudicate_agreed(store)
    assert again.promoted == 0 and again.already_adjudicated == 2
    assert review.progress(store) == review.ReviewProgress(6, 2, 3, 0, 1)
    # only ann and bob: sentence 4 is now fully agreed too
    assert review.auto_adjudicate_agreed(store, ["ann", "bob"]).promoted == 1


def test_auto_adjudication_keeps_a_hand_made_gold_version(reviewed):
    store, ids = reviewed
    gold = store.annotators.gold()
    with store.transaction():
        store.annotations.write(ids[0], gold.annotator_id, state("motto"))
    result = review.auto_adjudicate_agreed(store)
    assert (result.promoted, result.gold_kept) == (1, 1)
    assert store.annotations.state(ids[0], gold.annotator_id).labels == ("motto",)


def test_reopen_and_the_undoable_edit(reviewed):
    store, ids = reviewed
    review.auto_adjudicate_agreed(store)
    before = store.gold.get(ids[0])
    edit = review.AdjudicationEdit.make(store, ids[0], state("motto"), "lead", "changed my mind")
    change = edit.apply(store)
    assert ids[0] in change.sentences
    assert store.gold.get(ids[0]).method == "manual"
    edit.revert(store)
    assert store.gold.get(ids[0]) == before
    gold_id = store.annotators.get("gold").annotator_id
    assert store.annotations.state(ids[0], gold_id).labels == ("stat",)
    review.reopen(store, ids[0])
    assert store.gold.get(ids[0]) is None
    assert store.annotations.get(ids[0], gold_id) is None


def test_cli_adjudicate_auto_agreed(reviewed, tmp_path):
    store, _ = reviewed
    store.close()
    db = str(tmp_path / "project.db")
    result = CliRunner().invoke(cli, ["adjudicate", "--auto-agreed", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "promoted 2 agreed sentence(s) to gold; 0 already adjudicated; "
        "0 with a hand-made gold version kept",
        "gold: 2 of 6 sentences resolved; 3 disputed, 1 not decided by every annotator yet",
    ]
    again = CliRunner().invoke(cli, ["adjudicate", "--auto-agreed", "--db", db])
    assert again.stdout.startswith("promoted 0 agreed sentence(s) to gold; 2 already adjudicated")
    result = CliRunner().invoke(cli, ["adjudicate", "--db", db])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: nothing to do: give --auto-agreed (disputes are adjudicated in the workbench)\n"
    )


def test_queue_with_many_annotators_names_the_differing_pairs(project):
    names = [f"r{i:02d}" for i in range(14)]
    table = {n: [["stat"], ["stat"]] for n in names}
    table["r13"] = [["stat"], ["story"]]
    store, ids = project(LABELS, table)
    (item,) = review.queue(store)
    assert item.sentence_id == ids[1]
    assert item.pairs == tuple((n, "r13") for n in names[:13])
    assert review.progress(store) == review.ReviewProgress(2, 0, 1, 1, 0)
