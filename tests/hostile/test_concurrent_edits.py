"""Two windows of one annotator on one file (issue 12 §2), in the core: two Store objects on the
same file, each edit built on the version its window read, applied by compare-and-set."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.edits import EditConflict, SetState, confirm, merge_states, set_field, set_note
from annotator.edits import toggle_label as toggle
from annotator.records import AnnotationState, SpanValue
from annotator.store import Store

DATA = Path(__file__).resolve().parent.parent / "data"


class Pane:
    """What one window does with edits: read what it shows (with the version), build an edit on
    it, apply it, and undo/redo it (the same steps as gui/undo.py's EditCommand)."""

    def __init__(self, path: Path, sentence_id: int) -> None:
        self.store = Store.open(path)
        self.aid = self.store.annotators.get_or_create("alice").annotator_id
        self.sid = sentence_id
        self.done: list[SetState] = []
        self.read()

    def read(self) -> AnnotationState:
        self.shown, self.version = self.store.annotations.versioned(self.sid, self.aid)
        return self.shown

    def edit(self, transform) -> SetState:
        edit = SetState(1, self.sid, self.aid, self.shown, transform(self.shown), "t", self.version)
        change = edit.apply(self.store)
        edit = replace(edit, applied_version=change.version)
        self.done.append(edit)
        self.read()
        return edit

    def undo(self) -> None:
        self.done.pop().revert(self.store)
        self.read()

    def row(self) -> AnnotationState:
        return self.store.annotations.state(self.sid, self.aid)


@pytest.fixture
def panes(seeds_project, store):
    sid = store.sentences.for_article(1)[1].sentence_id
    a, b = Pane(seeds_project, sid), Pane(seeds_project, sid)
    yield a, b
    a.store.close()
    b.store.close()


def test_undo_in_a_keeps_the_label_b_added_since(panes):
    a, b = panes
    a.edit(lambda s: toggle(s, "statistic"))  # A presses 1
    b.read()  # B shows the row (its window refreshed)
    b.edit(lambda s: toggle(s, "anecdote"))  # B presses 2
    a.undo()  # A presses Ctrl+Z
    assert a.row().labels == ("anecdote",)


def test_an_edit_built_on_an_older_version_is_merged_where_it_touches_other_things(panes):
    a, b = panes
    a.edit(lambda s: toggle(s, "statistic"))
    # B still shows the empty row (its window did not refresh) and presses 2 and types a note
    b.edit(lambda s: toggle(s, "anecdote"))
    b.edit(lambda s: set_note(s, "B's doubt"))
    assert b.row() == AnnotationState(labels=("statistic", "anecdote"), note="B's doubt")


def test_form_fields_of_one_label_merge_field_by_field(panes):
    a, b = panes
    a.edit(lambda s: toggle(s, "statistic"))
    b.read()
    a.edit(lambda s: set_field(s, "statistic", "unit", "名"))
    b.edit(lambda s: set_field(s, "statistic", "value", 195))
    assert b.row().fields == {"statistic": {"unit": "名", "value": 195}}


def test_b_typing_over_a_stale_note_is_refused_and_shows_as_newer(panes):
    a, b = panes
    a.edit(lambda s: set_note(s, "first"))
    b.read()
    a.edit(lambda s: set_note(s, "A's newer text"))
    with pytest.raises(EditConflict) as err:
        b.edit(lambda s: set_note(s, "first, and B's words"))
    assert b.row().note == "A's newer text"  # nothing written
    assert err.value.current.note == "A's newer text" and err.value.fields == ["note"]
    assert str(err.value).startswith(f"sentence {b.sid}: another window changed note since")
    # the refused edit is one key away: redone on top of the newer version, B's text wins
    refused = SetState(
        1, b.sid, b.aid, b.shown, set_note(b.shown, "first, and B's words"), "t", b.version
    )
    refused.rebased(err.value.current, err.value.version).apply(b.store)
    assert b.row().note == "first, and B's words"


def test_b_undoing_three_edits_does_not_undo_a_confirm(panes):
    a, b = panes
    b.edit(lambda s: toggle(s, "anecdote"))
    b.edit(lambda s: set_note(s, "why"))
    b.edit(lambda s: toggle(s, "slogan"))
    a.read()
    a.edit(confirm)  # A presses Enter on the same sentence
    b.undo()
    b.undo()
    b.undo()
    assert b.row() == AnnotationState(decided=True)


def test_undo_that_conflicts_is_refused_and_writes_nothing(panes):
    a, b = panes
    a.edit(lambda s: set_note(s, "A"))
    b.read()
    b.edit(lambda s: set_note(s, "B"))
    with pytest.raises(EditConflict):
        a.undo()  # would put A's "before" (empty) over B's newer "B"
    assert a.row().note == "B"


def test_a_deleted_and_rewritten_row_never_matches_an_old_version(panes):
    a, b = panes
    a.edit(lambda s: toggle(s, "statistic"))
    b.read()
    old = b.version
    a.edit(lambda s: toggle(s, "statistic"))  # the row is deleted (empty state)
    a.edit(lambda s: toggle(s, "slogan"))  # and written again
    assert a.version not in (0, old)
    b.edit(lambda s: toggle(s, "anecdote"))  # built on {statistic}: merged, not blind
    assert b.row().labels == ("anecdote", "slogan")


def test_compare_and_set_writes_only_at_the_expected_version(panes):
    from annotator.store.annotations import VersionMismatch

    a, _b = panes
    a.edit(lambda s: toggle(s, "statistic"))
    with pytest.raises(VersionMismatch), a.store.transaction():
        a.store.annotations.write(a.sid, a.aid, AnnotationState(note="x"), expect=a.version - 1)
    with pytest.raises(VersionMismatch), a.store.transaction():
        a.store.annotations.write(a.sid, a.aid, AnnotationState(note="x"), expect=0)
    assert a.row().labels == ("statistic",)


def test_merge_states_rules():
    span = SpanValue("statistic", 0, 2, {"unit": "名"})
    base = AnnotationState(labels=("statistic",), spans=(span,))
    mine = base.with_(spans=(SpanValue("statistic", 0, 2, {"unit": "人"}),))
    theirs = base.with_(decided=True)
    assert merge_states(base, mine, theirs) == mine.with_(decided=True)
    clash = base.with_(spans=(SpanValue("statistic", 0, 2, {"unit": "起"}),))
    with pytest.raises(EditConflict) as err:
        merge_states(base, mine, clash)
    assert err.value.fields == ["spans.statistic[0:2].unit"]
    assert merge_states(base, mine, clash, prefer_mine=True).spans == mine.spans
    # removing a label takes the spans the other side added to it along
    added = base.with_(spans=(span, SpanValue("statistic", 3, 5)))
    assert merge_states(base, AnnotationState(), added) == AnnotationState()


def test_version_1_file_gets_distinct_row_versions(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(DATA / "project_v1.db", path)
    with Store.open(path) as store:
        versions = [v for (v,) in store.query("SELECT version FROM annotations")]
        assert versions and 0 not in versions and len(set(versions)) == len(versions)
        alice = store.annotators.find("alice")
        state, version = store.annotations.versioned(236, alice.annotator_id)
        edit = SetState(1, 236, alice.annotator_id, state, state.with_(note="v2"), "t", version)
        assert edit.apply(store).version > max(versions)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT note FROM annotations WHERE sentence_id = 236").fetchone() == (
            "v2",
        )
    finally:
        conn.close()
