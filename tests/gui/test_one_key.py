"""One key accepts and confirms: Space, Shift+Space, Alt+Space and Enter on suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.store.suggestions import StoredSuggestion

from .helpers import go_to_text, press

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def suggest(store, sentence, label, text=None, fields=None, span_fields=None):
    """Store one suggestion as `suggest` would (spans/fields as given, unchecked)."""
    spans = ()
    if text:
        i = sentence.text.index(text)
        spans = ({"start": i, "end": i + len(text), "fields": span_fields or {}},)
    row = StoredSuggestion(sentence.sentence_id, "rules-test", "1", label, 0.9, spans, fields or {})
    with store.transaction():
        store.suggestions.replace("rules-test", [sentence.sentence_id], [row])


def shown(window, s):
    """Reopen the article so it shows the stored suggestions, with ``s`` current."""
    window.session.forget_article()
    window.view.article = None
    window.session.go_to(s.article_id, s.sentence_id)
    assert window.session.sentence_id == s.sentence_id
    return s


def stored(store, window, s):
    return store.annotations.get(s.sentence_id, window.session.annotator.annotator_id)


def next_undecided_after(store, window, s):
    aid = window.session.annotator.annotator_id
    return store.sentences.next_undecided(s.article_id, aid, s.position).sentence_id


def test_space_accepts_confirms_and_moves_to_the_next_undecided(qtbot, window, store):
    s = shown(window, go_to_text(window, "抓获犯罪嫌疑人195名"))
    suggest(store, s, "statistic", "195名", {"value": 195})
    shown(window, s)
    press(qtbot, window, Qt.Key.Key_Space)
    got = stored(store, window, s)
    assert got.state.labels == ("statistic",) and got.state.decided
    assert got.state.fields == {"statistic": {"value": 195}}
    assert window.session.sentence_id == next_undecided_after(store, window, s)
    assert store.suggestions.review_counts() == {"rules-test": {"accepted": 1}}


def test_space_on_a_sentence_without_suggestions_confirms_it_as_shown(qtbot, window, store):
    s = go_to_text(window, "刘先生经营的副食品店")
    assert not window.session.suggestions()
    press(qtbot, window, Qt.Key.Key_Space)
    got = stored(store, window, s)
    assert got.state.labels == () and got.state.decided
    assert window.session.sentence_id != s.sentence_id


def test_space_does_not_take_suggestions_hidden_with_g(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名")
    shown(window, s)
    press(qtbot, window, Qt.Key.Key_G)  # hidden: the analyst does not see them
    press(qtbot, window, Qt.Key.Key_Space)
    got = stored(store, window, s)
    assert got.state.labels == () and got.state.decided  # decided as shown: nothing
    assert store.suggestions.review_counts() == {}


def test_shift_space_rejects_and_stays(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名")
    shown(window, s)
    press(qtbot, window, Qt.Key.Key_Space, SHIFT)
    assert window.session.sentence_id == s.sentence_id
    assert stored(store, window, s) is None
    assert store.suggestions.review_counts() == {"rules-test": {"rejected": 1}}


def test_alt_space_accepts_without_confirming_and_stays(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名")
    shown(window, s)
    press(qtbot, window, Qt.Key.Key_Space, ALT)
    got = stored(store, window, s)
    assert got.state.labels == ("statistic",) and not got.state.decided
    assert window.session.sentence_id == s.sentence_id


def test_enter_confirms_exactly_what_is_set_not_the_suggestions(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名")
    shown(window, s)
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_Return)
    got = stored(store, window, s)
    assert got.state.labels == ("anecdote",) and got.state.decided
    assert window.session.sentence_id == next_undecided_after(store, window, s)
    assert store.suggestions.review_counts() == {}


def test_a_refused_accept_records_nothing_and_says_why(qtbot, window, store):
    # a suggestion stored before the contract existed: a span field the schema lacks
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    suggest(store, s, "statistic", "195名", span_fields={"change": "12.5%"})
    shown(window, s)
    press(qtbot, window, Qt.Key.Key_Space)
    assert stored(store, window, s) is None
    assert window.session.sentence_id == s.sentence_id  # not decided, still here
    message = window.statusBar().currentMessage()
    assert message.startswith("Suggestions not accepted: ") and "change" in message
    press(qtbot, window, Qt.Key.Key_Return)  # deciding it by hand records no outcome
    assert store.suggestions.review_counts() == {}
