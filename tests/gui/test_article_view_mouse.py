"""The article view under the mouse: a click picks the sentence, a drag with Alt gives an exact span."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .helpers import drag, point_of, press


def test_click_selects_the_sentence_under_the_mouse(qtbot, window):
    view = window.view
    target = next(s for s in window.session.sentences() if "抓获犯罪嫌疑人195名" in s.text)
    view.set_current(target.sentence_id)
    view.ensure_current_visible()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, target.sentence_id, 3)
    )
    assert window.session.sentence_id == target.sentence_id


def test_alt_drag_then_label_key_adds_the_exact_span(qtbot, window, store):
    view = window.view
    s = next(x for x in window.session.sentences() if "抓获犯罪嫌疑人195名" in x.text)
    window.session.go_to(s.article_id, s.sentence_id)
    i = s.text.index("195名")
    start, end = point_of(view, s.sentence_id, i + 1), point_of(view, s.sentence_id, i + 3)
    drag(qtbot, view, start, end, Qt.KeyboardModifier.AltModifier)
    assert view.textCursor().selectedText() == "95"
    press(qtbot, window, Qt.Key.Key_1)
    (span,) = store.annotations.state(s.sentence_id, window.session.annotator.annotator_id).spans
    assert s.text[span.start : span.end] == "95"
