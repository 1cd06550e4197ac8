"""Defects found by using the workbench as a new user would (issue 11, item 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from .helpers import current_text, press


def test_down_and_up_move_between_sentences_in_the_article_view(qtbot, window):
    first = current_text(window)
    press(qtbot, window, Qt.Key.Key_Down)
    second = current_text(window)
    assert second != first
    press(qtbot, window, Qt.Key.Key_Up)
    assert current_text(window) == first


def test_down_in_the_article_list_moves_the_list_not_the_sentence(qtbot, window):
    sentence = current_text(window)
    row = window.article_table.currentIndex().row()
    window.article_table.setFocus()
    qtbot.keyClick(window.article_table, Qt.Key.Key_Down)
    assert window.article_table.currentIndex().row() == row + 1
    assert current_text(window) == sentence


def test_shortcuts_dialog_lists_the_arrow_keys(qtbot, window):
    from annotator.gui.dialogs.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions(), window)
    qtbot.addWidget(dialog)
    keys = [dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())]
    assert any("Down" in k and "J" in k for k in keys)


def test_shortcuts_dialog_shows_every_keys_cell_whole(qtbot, window):
    from annotator.gui.dialogs.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    metrics = table.fontMetrics()
    width = table.columnWidth(1)
    for i in range(table.rowCount()):
        text = table.item(i, 1).text()
        assert metrics.horizontalAdvance(text) + 6 <= width, text  # Qt elides within 2×3 px
    # and the column is inside the visible viewport
    assert table.columnViewportPosition(1) + width <= table.viewport().width()


def _search_for(qtbot, window, text):
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    window.search.insert(text)  # QTest types ASCII only; an input method inserts like this
    assert window.filter.rowCount() == 1


def _title_of_current(window):
    return window.articles.summary(window.session.article_id).title


def test_enter_in_the_search_box_opens_the_first_hit(qtbot, window):
    assert "冠县" not in window.session.article().title + "".join(
        s.text for s in window.session.sentences()
    )
    _search_for(qtbot, window, "冠县")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert any("冠县" in s.text for s in window.session.sentences())
    assert window.view.hasFocus()
    assert window.title.text() == window.session.article().title


def test_down_in_the_search_box_opens_the_first_hit(qtbot, window):
    before = window.session.article_id
    _search_for(qtbot, window, "冠县")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.session.article_id != before
    assert any("冠县" in s.text for s in window.session.sentences())
    assert window.view.hasFocus()


def _run_main(monkeypatch, db_path, annotator, asked):
    """Run ``app.main`` with an event loop that reads the window's title and closes it."""
    from PySide6.QtWidgets import QApplication

    from annotator.gui import app
    from annotator.gui.dialogs.annotator_dialog import AnnotatorDialog

    titles = []

    def fake_exec(self=None):
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "main_window" and w.isVisible():
                titles.append(w.windowTitle())
                w.close()
                w.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(
        AnnotatorDialog, "ask", classmethod(lambda cls, *a: asked.append(a) or "carol")
    )
    assert app.main(db_path, annotator) == 0
    return titles[0]


def test_annotator_from_the_command_line_is_not_remembered(qtbot, monkeypatch, db_path):
    from annotator.gui import settings

    settings.put("annotator", "alice")
    assert "bob" in _run_main(monkeypatch, db_path, "bob", asked=[])
    assert settings.get("annotator") == "alice"  # the next plain `annotator` opens as alice
    assert "alice" in _run_main(monkeypatch, db_path, None, asked=[])


def test_annotator_chosen_in_the_dialog_is_remembered(qtbot, monkeypatch, db_path):
    from annotator.gui import settings

    asked = []
    assert "carol" in _run_main(monkeypatch, db_path, None, asked=asked)
    assert asked
    assert settings.get("annotator") == "carol"


def test_window_title_follows_the_annotator(qtbot, window):
    assert "alice" in window.windowTitle()
    window.session.set_annotator("bob")
    assert "bob" in window.windowTitle() and "alice" not in window.windowTitle()


def _opaque(qcolor, background):
    from annotator.contrast import over

    return over(qcolor.name(), qcolor.alpha(), background)


def test_selection_and_span_underline_on_a_tinted_sentence_meet_wcag_aa(qtbot, window):
    from PySide6.QtGui import QPalette, QTextCharFormat

    from annotator import edits
    from annotator.contrast import NON_TEXT_AA, TEXT_AA, WHITE, contrast
    from annotator.records import SpanValue

    from .helpers import go_to_text

    s = go_to_text(window, "抓获嫌疑人18名")
    press(qtbot, window, Qt.Key.Key_1)  # statistic: a blue tint
    start = s.text.index("18名")
    window.session.update_state(
        lambda st: edits.add_span(st, span=SpanValue("statistic", start, start + 3, {})), "span"
    )
    sels = window.view.extraSelections()
    sentence = [x for x in sels if x.cursor.selectedText() == s.text][0]
    bg = _opaque(sentence.format.background().color(), WHITE)
    span = [x for x in sels if x.format.fontUnderline()][0]
    span_bg = _opaque(span.format.background().color(), bg)
    underline = span.format.underlineColor().name()
    assert span.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert contrast("#000000", span_bg) >= TEXT_AA
    assert contrast(underline, span_bg) >= NON_TEXT_AA
    palette = window.view.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight).name()
    text = palette.color(QPalette.ColorRole.HighlightedText).name()
    assert contrast(text, highlight) >= TEXT_AA
    assert contrast(highlight, bg) >= NON_TEXT_AA
    assert contrast(highlight, span_bg) >= NON_TEXT_AA


def test_review_mode_hides_the_annotation_key_hints(qtbot, window):
    from PySide6.QtWidgets import QLabel

    hints = window.statusBar().findChild(QLabel, "key_hints")
    assert hints.isVisible()
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.stack.currentIndex() == 1
    assert not hints.isVisible()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F2)
    assert window.stack.currentIndex() == 0
    assert hints.isVisible()


def _has_han(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_error_dialogs_in_the_chinese_ui_are_in_chinese(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    from annotator.errors import AnnotatorError

    window.acts["lang_zh"].trigger()
    try:
        window.session.error.emit(AnnotatorError("project.db: spans[0].fields.change: unknown"))
        box = window.findChild(QMessageBox, "error_dialog")
        assert box is not None and box.isVisible()
        assert _has_han(box.windowTitle()), box.windowTitle()
        assert all(_has_han(b.text()) for b in box.buttons()), [b.text() for b in box.buttons()]
        assert box.text() == "project.db: spans[0].fields.change: unknown"  # the message stays
        box.close()
    finally:
        window.acts["lang_en"].trigger()


def _dashboard_summary(qtbot, window):
    from PySide6.QtWidgets import QDialog, QLabel

    window.acts["dashboard"].trigger()
    (dash,) = [d for d in window.findChildren(QDialog, "dashboard") if d.isVisible()]
    text = dash.findChildren(QLabel)[0].text()
    dash.close()
    return text


def test_counts_use_plural_forms_in_both_languages(qtbot, window, store):
    from annotator.gui import i18n
    from annotator.records import AnnotationState

    i18n.install_language("en")  # as app.main does

    s = [x for x in store.sentences.for_article(1) if not x.boilerplate][0]
    for name in ("alice", "bob"):
        who = store.annotators.get_or_create(name)
        with store.transaction():
            store.annotations.write(
                s.sentence_id, who.annotator_id, AnnotationState(labels=(), decided=True)
            )
    assert _dashboard_summary(qtbot, window).startswith("1 sentence decided by two")
    window.uncertain.set_queue([(s.sentence_id, 1, 0.5)], {s.sentence_id: s.text}, "m")
    assert window.uncertain.info.text().startswith("1 undecided sentence, ")
    window.uncertain.set_queue([(s.sentence_id, 1, 0.5)] * 2, {s.sentence_id: s.text}, "m")
    assert window.uncertain.info.text().startswith("2 undecided sentences, ")
    window.acts["lang_zh"].trigger()
    try:
        assert _dashboard_summary(qtbot, window).startswith("1 个句子由以下至少两人判定")
        window.uncertain.set_queue([(s.sentence_id, 1, 0.5)], {s.sentence_id: s.text}, "m")
        assert window.uncertain.info.text().startswith("1 个未判定句子")
    finally:
        window.acts["lang_en"].trigger()


def test_export_goes_to_the_project_folder_and_the_status_bar_says_where(
    qtbot, window, tmp_path, monkeypatch
):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QDialog, QPushButton

    from annotator.gui.dialogs.export_dialog import ExportDialog
    from annotator.gui.operations import projects

    from .helpers import finish_job

    elsewhere = tmp_path / "started-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the app's working directory is not the project's folder
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    job = projects.export_data(window)
    finish_job(qtbot, window, job.done)
    folder = window.session.store.path.parent
    written = folder / f"{window.session.store.path.stem}-export.jsonl"
    assert written.exists() and not list(elsewhere.iterdir())
    assert str(written.resolve()) in window.statusBar().currentMessage()
    button = window.statusBar().findChild(QPushButton, "open_export_folder")
    assert button.isVisible()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folder.resolve()))]
    assert window.view.hasFocus()


def _fully_visible(widget, window):
    """The whole widget is on screen inside the window (not clipped by a scroll area)."""
    region = widget.visibleRegion()
    return (
        widget.isVisible()
        and region.boundingRect().size() == widget.size()
        and window.rect().contains(widget.mapTo(window, widget.rect().bottomRight()))
    )


def test_decided_stays_visible_with_the_statistic_form_and_spans_open(qtbot, window):
    from .helpers import go_to_text

    window.resize(1200, 620)
    qtbot.waitUntil(lambda: window.height() <= 620)
    s = go_to_text(window, "1.63万名")
    press(qtbot, window, Qt.Key.Key_1)
    for needle in ("76.8万人次", "1.63万名"):
        i = s.text.index(needle)
        window.view.select_in_sentence(s.sentence_id, i, i + len(needle))
        press(qtbot, window, Qt.Key.Key_1)
    assert window.form.label_boxes["statistic"].isVisible()
    assert window.form.span_editors  # the span form is open
    assert _fully_visible(window.form.decided, window)
    assert _fully_visible(window.form.note, window)
    scroll = window.findChild(QScrollArea, "form_scroll")
    assert scroll.verticalScrollBar().maximum() > 0  # the rest of the form does scroll


def test_guidelines_dock_leaves_the_article_list_its_done_column(qtbot, window):
    header = window.article_table.horizontalHeader()
    last = window.articles.columnCount() - 1

    def right_edge_visible():
        viewport = window.article_table.viewport().width()
        return header.sectionViewportPosition(last) + header.sectionSize(last) <= viewport

    assert right_edge_visible()
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.guidelines.isVisible()
    qtbot.wait(50)  # let the layouts settle
    assert right_edge_visible()
    assert header.sectionSize(3) >= header.fontMetrics().horizontalAdvance("000/000")


def _close_dialog_with_escape(qtbot, window, dialog):
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # the offscreen platform has no window manager to give the main window back its activation
    with qtbot.waitActive(window):
        window.activateWindow()


def test_focus_returns_to_the_article_view_after_a_dialog_closes(qtbot, window):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from annotator.errors import AnnotatorError

    window.article_table.setFocus()  # the analyst was in the list when the dialog opened
    window.acts["shortcuts"].trigger()
    (dialog,) = [d for d in window.findChildren(QDialog, "shortcuts_dialog") if d.isVisible()]
    _close_dialog_with_escape(qtbot, window, dialog)
    qtbot.waitUntil(lambda: window.view.hasFocus())
    window.search.setFocus()
    window.session.error.emit(AnnotatorError("x.db: something failed"))
    box = window.findChild(QMessageBox, "error_dialog")
    _close_dialog_with_escape(qtbot, window, box)
    qtbot.waitUntil(lambda: window.view.hasFocus())
    before = current_text(window)
    press(qtbot, window, Qt.Key.Key_Down)  # and the keys work there at once
    assert current_text(window) != before
