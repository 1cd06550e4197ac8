"""Spans from mouse selections (snapped, exact, outside the BMP), and schema-built form fields."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.corpus.importer import import_paths

from .helpers import activate, drag, go_to_text, point_of, press

ASTRAL = "𠮷野家😀报道:全市抓获犯罪嫌疑人1.63万名,同比下降12.5%。𪚥字😀后“五个动态清零”。\n"


def test_selected_text_and_label_key_add_a_snapped_span(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    i = s.text.index("195名")
    window.view.select_in_sentence(s.sentence_id, i + 1, i + 4)  # "95名": starts inside 195
    press(qtbot, window, Qt.Key.Key_1)
    state = store.annotations.state(s.sentence_id, window.session.annotator.annotator_id)
    assert state.labels == ("statistic",)
    (span,) = state.spans
    assert s.text[span.start : span.end] == "195名"  # widened to jieba tokens 195 + 名
    assert window.form.spans_table.rowCount() == 1
    assert window.form.spans_table.item(0, 1).text() == "195名"


def test_alt_key_adds_the_exact_selection(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    i = s.text.index("195名")
    window.view.select_in_sentence(s.sentence_id, i + 1, i + 3)
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    (span,) = store.annotations.state(s.sentence_id, window.session.annotator.annotator_id).spans
    assert s.text[span.start : span.end] == "95"


def test_spans_after_characters_outside_the_bmp_select_the_same_characters(
    qtbot, window, store, tmp_path
):
    path = tmp_path / "astral.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    import_paths(store, [path])
    window.articles.reload()
    aid = store.articles.ids()[-1]
    window.session.go_to(aid, None)
    s = window.session.sentence()
    assert s.text.startswith("𠮷野家😀")
    # select "1.63万名" with the mouse-equivalent API in code points; the view converts to UTF-16
    i = s.text.index("1.63万名")
    window.view.select_in_sentence(s.sentence_id, i, i + len("1.63万名"), exact=True)
    assert window.view.textCursor().selectedText() == "1.63万名"  # Qt selected exactly these
    press(qtbot, window, Qt.Key.Key_1)
    s2 = window.session.sentences()[1]
    j = s2.text.index("五个动态清零")
    window.session.go_to(aid, s2.sentence_id)
    window.view.select_in_sentence(s2.sentence_id, j, j + 6, exact=True)
    assert window.view.textCursor().selectedText() == "五个动态清零"
    press(qtbot, window, Qt.Key.Key_3)
    aid_ = window.session.annotator.annotator_id
    (sp1,) = store.annotations.state(s.sentence_id, aid_).spans
    (sp2,) = store.annotations.state(s2.sentence_id, aid_).spans
    assert s.text[sp1.start : sp1.end] == "1.63万名"
    assert s2.text[sp2.start : sp2.end] == "五个动态清零"
    # and the stored offsets select the same text in the article as a whole
    art = store.articles.get(aid)
    assert art.text[s2.start + sp2.start : s2.start + sp2.end] == "五个动态清零"


def test_a_selection_across_sentences_is_refused_with_a_message(qtbot, window, store):
    ids = [s for s in window.session.sentences() if not s.boilerplate]
    a, b = ids[3], ids[4]
    if a.paragraph != b.paragraph:
        a, b = ids[5], ids[6]
    view = window.view
    view.set_current(a.sentence_id)
    view.ensure_current_visible()
    start = point_of(view, a.sentence_id, len(a.text) - 2)
    drag(qtbot, view, start, point_of(view, b.sentence_id, 2))
    assert view.textCursor().selectedText() == a.text[-2:] + b.text[:2]
    press(qtbot, window, Qt.Key.Key_1)
    assert "inside one sentence" in window.statusBar().currentMessage()
    assert store.annotations.get(a.sentence_id, window.session.annotator.annotator_id) is None


def test_delete_removes_the_selected_span_and_undo_restores_it(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    i = s.text.index("195名")
    window.view.select_in_sentence(s.sentence_id, i, i + 4)
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_Delete)
    aid = window.session.annotator.annotator_id
    assert store.annotations.state(s.sentence_id, aid).spans == ()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(store.annotations.state(s.sentence_id, aid).spans) == 1


def test_label_form_fields_are_saved_and_reloaded(qtbot, window, store, seeds_project, open_window):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    press(qtbot, window, Qt.Key.Key_1)
    box = window.form.label_boxes["statistic"]
    assert box.isVisible() and not window.form.label_boxes["anecdote"].isVisible()
    value = window.form.label_fields["statistic"]["value"].widget
    value.setFocus()
    qtbot.keyClicks(value, "195")
    qtbot.keyClick(value, Qt.Key.Key_Tab)  # leaving the field saves it
    direction = window.form.label_fields["statistic"]["direction"].widget
    direction.setCurrentIndex(direction.findData("down"))
    direction.activated.emit(direction.currentIndex())
    aid = window.session.annotator.annotator_id
    assert store.annotations.state(s.sentence_id, aid).fields["statistic"] == {
        "value": 195,
        "direction": "down",
    }
    # a number in Chinese form is accepted, and an invalid one is refused without writing
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "abc")
    qtbot.keyClick(value, Qt.Key.Key_Tab)
    assert window.form.label_fields["statistic"]["value"].error
    assert store.annotations.state(s.sentence_id, aid).fields["statistic"]["value"] == 195
    # the note and the article form
    window.form.note.setFocus()
    qtbot.keyClicks(window.form.note, "check the total")
    window.view.setFocus()
    date = window.form.article_fields["date"].widget
    date.setFocus()
    qtbot.keyClicks(date, "2022-08-15")
    window.view.setFocus()
    window.close()
    again = open_window(seeds_project)
    again.session.go_to(s.article_id, s.sentence_id)
    assert again.form.label_fields["statistic"]["value"].widget.text() == "195"
    assert again.form.label_fields["statistic"]["direction"].widget.currentData() == "down"
    assert again.form.note.toPlainText() == "check the total"
    assert again.form.article_fields["date"].widget.text() == "2022-08-15"


def test_typing_in_a_field_is_one_undo_step(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    press(qtbot, window, Qt.Key.Key_1)
    ind = window.form.label_fields["statistic"]["indicator"].widget
    for text in ("a", "ab", "abc"):
        ind.setText(text)
        ind.editingFinished.emit()
    aid = window.session.annotator.annotator_id
    assert store.annotations.state(s.sentence_id, aid).fields["statistic"]["indicator"] == "abc"
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "statistic" not in store.annotations.state(s.sentence_id, aid).fields
    assert store.annotations.state(s.sentence_id, aid).labels == ("statistic",)


def test_enter_in_a_text_field_ends_editing_and_does_not_confirm(qtbot, window, store):
    s = go_to_text(window, "抓获犯罪嫌疑人195名")
    press(qtbot, window, Qt.Key.Key_1)
    ind = window.form.label_fields["statistic"]["indicator"].widget
    ind.setFocus()
    qtbot.keyClicks(ind, "suspects")
    qtbot.keyClick(ind, Qt.Key.Key_Return)
    aid = window.session.annotator.annotator_id
    state = store.annotations.state(s.sentence_id, aid)
    assert state.fields["statistic"]["indicator"] == "suspects" and not state.decided
    assert window.view.hasFocus() and window.session.sentence_id == s.sentence_id
