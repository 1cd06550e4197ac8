"""Extractor suggestions in the workbench: ghosts, Space accepts, Shift+Space rejects, outcomes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.store.suggestions import StoredSuggestion

from .helpers import go_to_text, press

ALT = Qt.KeyboardModifier.AltModifier


def suggest(store, sentence, label, text=None, fields=None):
    spans = ()
    if text:
        i = sentence.text.index(text)
        spans = ({"start": i, "end": i + len(text), "fields": {}},)
    row = StoredSuggestion(sentence.sentence_id, "rules-test", "1", label, 0.9, spans, fields or {})
    with store.transaction():
        store.suggestions.replace("rules-test", [sentence.sentence_id], [row])


def reopen_article(window, s):
    window.session.forget_article()  # re-read the article (and its suggestions) as on opening
    window.view.article = None
    window.session.go_to(s.article_id, s.sentence_id)


def test_alt_space_accepts_suggestions_and_confirm_records_accepted_unchanged(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名", {"value": 195, "unit": "名"})
    reopen_article(window, s)
    assert s.sentence_id in window.view.suggestions  # shown as a ghost
    press(qtbot, window, Qt.Key.Key_Space, ALT)
    aid = window.session.annotator.annotator_id
    state = store.annotations.state(s.sentence_id, aid)
    assert state.labels == ("statistic",) and state.fields["statistic"] == {
        "value": 195,
        "unit": "名",
    }
    assert s.text[state.spans[0].start : state.spans[0].end] == "195名"
    press(qtbot, window, Qt.Key.Key_Return)
    assert store.suggestions.review_counts() == {"rules-test": {"accepted": 1}}
    # undo takes the accepted suggestion back like any other edit
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.annotations.get(s.sentence_id, aid) is None


def test_accept_then_edit_is_recorded_as_changed(qtbot, window, store):
    s = go_to_text(window, "抓获嫌疑人18名")
    suggest(store, s, "statistic", "18名")
    reopen_article(window, s)
    press(qtbot, window, Qt.Key.Key_Space, ALT)
    press(qtbot, window, Qt.Key.Key_2)  # the annotator adds anecdote
    press(qtbot, window, Qt.Key.Key_Return)
    assert store.suggestions.review_counts() == {"rules-test": {"changed": 1}}


def test_shift_space_rejects_and_the_ghost_stays_gone(
    qtbot, window, store, seeds_project, open_window
):
    s = go_to_text(window, "刘先生经营的副食品店")
    suggest(store, s, "slogan")
    reopen_article(window, s)
    press(qtbot, window, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert store.suggestions.review_counts() == {"rules-test": {"rejected": 1}}
    assert s.sentence_id not in window.view.suggestions
    assert store.annotations.get(s.sentence_id, window.session.annotator.annotator_id) is None
    window.close()
    again = open_window(seeds_project)
    again.session.go_to(s.article_id, s.sentence_id)
    assert s.sentence_id not in again.view.suggestions


def test_g_hides_and_shows_suggestions(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名")
    reopen_article(window, s)
    press(qtbot, window, Qt.Key.Key_G)
    assert not window.view.show_suggestions
    press(qtbot, window, Qt.Key.Key_G)
    assert window.view.show_suggestions


def test_stats_report_how_suggestions_were_answered(qtbot, window, store):
    from click.testing import CliRunner

    from annotator.cli import cli

    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名")
    reopen_article(window, s)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Return)
    result = CliRunner().invoke(cli, ["stats", "--db", str(store.target)])
    assert (
        "suggestions of rules-test: 1 accepted (100%), 0 changed (0%), 0 rejected (0%)"
        in result.output
    )
