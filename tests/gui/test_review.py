"""Review mode: two annotators disagree on seed sentences; the reviewer builds the gold layer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotator.records import AnnotationState, SpanValue


def write(store, name, sentence, labels, spans=()):
    who = store.annotators.get_or_create(name)
    with store.transaction():
        store.annotations.write(
            sentence.sentence_id,
            who.annotator_id,
            AnnotationState(labels=labels, spans=spans, decided=True),
        )


@pytest.fixture
def disputed(store):
    """alice and bob: 3 sentences they agree on, 3 they do not (the last on a span too)."""
    article = [s for s in store.sentences.for_article(1) if not s.boilerplate]
    with_figure = [s for s in article if "76.8万人次" in s.text]
    assert len(with_figure) == 1, "the seed article should have one sentence with 76.8万人次"
    sents = article[:5] + with_figure  # the sixth is bob's span, after the other five
    assert sents[5].position > sents[4].position
    figure = sents[5].text.index("76.8万人次")
    for s in sents[:3]:
        write(store, "alice", s, ("slogan",))
        write(store, "bob", s, ("slogan",))
    write(store, "alice", sents[3], ("statistic",))
    write(store, "bob", sents[3], ())
    write(store, "alice", sents[4], ("anecdote",))
    write(store, "bob", sents[4], ("anecdote", "slogan"))
    write(store, "alice", sents[5], ())
    write(
        store,
        "bob",
        sents[5],
        ("statistic",),
        (SpanValue("statistic", figure, figure + 7),),
    )
    (span,) = store.annotations.state(
        sents[5].sentence_id, store.annotators.get("bob").annotator_id
    ).spans
    assert sents[5].text[span.start : span.end] == "76.8万人次"
    return store, sents


@pytest.fixture
def reviewer(qtbot, disputed, seeds_project, open_window):
    store, sents = disputed
    win = open_window(seeds_project, "lead")
    qtbot.keyClick(win.view, Qt.Key.Key_F2)
    assert win.stack.currentWidget() is win.review
    return win, store, sents


def gold(store, sid):
    g = store.annotators.gold()
    found = store.annotations.get(sid, g.annotator_id)
    return found.state if found else None


def test_queue_shows_only_disagreements_with_versions_side_by_side(reviewer):
    win, store, sents = reviewer
    rv = win.review
    assert [i.sentence_id for i in rv.items] == [s.sentence_id for s in sents[3:6]]
    assert rv.versions.columnCount() == 2 and "alice" in rv.versions.horizontalHeaderItem(0).text()
    assert "resolved 0 of 6" in rv.progress_label.text()


def test_take_version_accept_skip_and_undo_with_keys(qtbot, reviewer):
    win, store, sents = reviewer
    rv = win.review
    rv.queue_list.setFocus()
    first = rv.current_id()
    qtbot.keyClick(rv.queue_list, Qt.Key.Key_1)  # alice's version
    assert rv.candidate.labels == ("statistic",)
    qtbot.keyClick(rv.queue_list, Qt.Key.Key_2)  # bob's: no label
    assert rv.candidate.labels == ()
    rv.note.setText("no figure in this sentence")
    qtbot.keyClick(rv.queue_list, Qt.Key.Key_Return)
    g = gold(store, first)
    assert g is not None and g.labels == () and g.decided
    record = store.gold.get(first)
    assert record.adjudicator == "lead" and record.note == "no figure in this sentence"
    assert record.source_annotators == ("bob",)
    assert "resolved 1 of 6" in rv.progress_label.text()
    assert first not in [i.sentence_id for i in rv.items]
    # S skips to the next open sentence; Z undoes the adjudication
    current = rv.current_id()
    qtbot.keyClick(rv.queue_list, Qt.Key.Key_S)
    assert rv.current_id() != current
    qtbot.keyClick(rv.queue_list, Qt.Key.Key_Z)
    assert gold(store, first) is None
    assert store.gold.get(first) is None
    assert first in [i.sentence_id for i in rv.items]


def test_edit_the_candidate_before_accepting(qtbot, reviewer):
    win, store, sents = reviewer
    rv = win.review
    rv.queue_list.setCurrentRow(1)  # alice: anecdote, bob: anecdote + slogan
    sid = rv.current_id()
    qtbot.keyClick(rv.queue_list, Qt.Key.Key_2)
    rv.label_buttons["slogan"].click()  # the reviewer drops bob's slogan
    qtbot.keyClick(rv.queue_list, Qt.Key.Key_Return)
    assert gold(store, sid).labels == ("anecdote",)
    assert store.gold.get(sid).source_annotators == ("alice",)


def test_auto_adjudicate_agreed_button(qtbot, reviewer):
    win, store, sents = reviewer
    rv = win.review
    rv.auto_button.click()
    for s in sents[:3]:
        assert gold(store, s.sentence_id).labels == ("slogan",)
        assert store.gold.get(s.sentence_id).method == "auto_agreed"
    assert "3 agreed sentences promoted" in rv.progress_label.text()
    assert "resolved 3 of 6" in rv.progress_label.text()


def test_filter_by_label(qtbot, reviewer):
    win, store, sents = reviewer
    rv = win.review
    rv.label_filter.setCurrentIndex(rv.label_filter.findData("slogan"))
    rv.refresh()
    assert [i.sentence_id for i in rv.items] == [sents[4].sentence_id]


def test_workbench_keys_rest_in_review_mode_and_return(qtbot, reviewer):
    win, store, sents = reviewer
    assert not win.acts["label_statistic"].isEnabled()
    qtbot.keyClick(win.review.queue_list, Qt.Key.Key_F2)
    assert win.stack.currentWidget() is win.splitter and win.acts["label_statistic"].isEnabled()


def test_dashboard_renders(qtbot, reviewer, tmp_path):
    win, store, sents = reviewer
    win.acts["dashboard"].trigger()
    (dash,) = [d for d in win.findChildren(QDialog, "dashboard") if d.isVisible()]
    assert len(dash.charts) == 4
    per_label = {name: value for name, value, _c in dash.charts[0].bars}
    assert set(per_label) == {"Statistic", "Anecdote", "Slogan"}
    assert not dash.grab().isNull()
    dash.close()


def test_review_without_two_annotators_says_so(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert "at least two annotators" in window.review.progress_label.text()
