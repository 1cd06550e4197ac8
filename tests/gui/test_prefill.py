"""Article form and span fields prefilled from the text (issue 11, item 5): shown as suggestions,
written only when the analyst accepts, as one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .helpers import open_article, press

CTRL = Qt.KeyboardModifier.ControlModifier


def test_byline_suggests_article_fields_and_ctrl_enter_accepts(qtbot, window):
    open_article(window, "守一城烟火")  # 来源:新聊城客户端  2024-07-16 14:43:17
    assert window.session.article_fields() == {}  # never written silently
    hints = window.form.hints
    assert hints.isVisible()
    assert hints.values() == {"date": "2024-07-16", "outlet": "新聊城客户端", "region": "聊城市"}
    assert "2024-07-16" in window.form.article_fields["date"].widget.placeholderText()
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert window.session.article_fields() == {
        "date": "2024-07-16",
        "outlet": "新聊城客户端",
        "region": "聊城市",
    }
    assert window.form.article_fields["outlet"].widget.text() == "新聊城客户端"
    assert not hints.isVisible()  # nothing left to suggest
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # one undo step takes all three back
    assert window.session.article_fields() == {}


def test_accepting_keeps_what_the_analyst_typed(qtbot, window):
    open_article(window, "守一城烟火")
    window.session.set_article_field("outlet", "聊城日报")
    assert "outlet" not in window.form.hints.values()
    press(qtbot, window, Qt.Key.Key_Enter, CTRL)
    assert window.session.article_fields() == {
        "date": "2024-07-16",
        "outlet": "聊城日报",
        "region": "聊城市",
    }


def _span_fields_in_form(window):
    return {fid: ed.widget.text() for fid, ed in window.form.span_editors.items()}


def test_a_marked_statistic_span_gets_value_and_unit_from_its_text(qtbot, window, store):
    from .helpers import go_to_text

    s = go_to_text(window, "1.63万名")
    i = s.text.index("1.63万名")
    window.view.select_in_sentence(s.sentence_id, i, i + len("1.63万名"))
    press(qtbot, window, Qt.Key.Key_1)
    state = window.session.state(s.sentence_id)
    (span,) = state.spans
    assert s.text[span.start : span.end] == "1.63万名"
    assert span.fields == {"value": 16300, "unit": "名"}
    assert state.fields.get("statistic", {}) == {}  # no change word: the form stays empty
    assert _span_fields_in_form(window) == {"value": "16300", "unit": "名"}  # shown, editable
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # one undo step removes span and values
    assert window.session.state(s.sentence_id).spans == ()


def test_a_change_span_also_fills_the_empty_direction_and_change(qtbot, window, store):
    from .helpers import go_to_text

    s = go_to_text(window, "同比下降12.5%")
    i = s.text.index("同比下降12.5%")
    window.view.select_in_sentence(s.sentence_id, i, i + len("同比下降12.5%"))
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # exact
    state = window.session.state(s.sentence_id)
    (span,) = state.spans
    assert span.fields == {"value": 12.5, "unit": "%"}
    assert state.fields["statistic"] == {"direction": "down", "change": 12.5}
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    state = window.session.state(s.sentence_id)
    assert state.spans == () and state.fields.get("statistic", {}) == {}


def test_a_direction_the_analyst_chose_is_kept(qtbot, window, store):
    from annotator import edits

    from .helpers import go_to_text

    s = go_to_text(window, "同比下降12.5%")
    press(qtbot, window, Qt.Key.Key_1)  # the label first: a form exists only for a set label
    window.session.update_state(lambda st: edits.set_field(st, "statistic", "direction", "up"), "x")
    assert window.session.state().fields["statistic"] == {"direction": "up"}
    i = s.text.index("同比下降12.5%")
    window.view.select_in_sentence(s.sentence_id, i, i + len("同比下降12.5%"))
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.session.state(s.sentence_id).fields["statistic"] == {
        "direction": "up",
        "change": 12.5,
    }
