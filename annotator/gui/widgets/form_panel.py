"""FormPanel: the forms beside the article, generated from the label schema.

From top to bottom: the article-level form, the current sentence's text, one toggle button per
label (with its shortcut key), the form of each label that is set, the sentence's spans with
the fields of the selected span, a note, and the decided state. Nothing here names a label: the
schema says what to build. Every user change goes to the session as one undoable edit.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import edits
from annotator.gui.plain import plain_label, plain_tip
from annotator.gui.session import ProjectSession
from annotator.gui.widgets.article_hints import ArticleHints
from annotator.gui.widgets.fields import FieldEditor
from annotator.records import AnnotationState, SpanValue
from annotator.text.bylines import form_suggestions


class NoteEdit(QPlainTextEdit):
    """A note that saves when focus leaves it (and on every pause via the panel's timer)."""

    def __init__(self, panel: FormPanel) -> None:
        super().__init__()
        self.panel = panel

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.panel.commit_note()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.panel.commit_note()
            self.panel.focus_return()
            return
        super().keyPressEvent(event)


TYPING_PAUSE_MS = 800  # a note or text field is saved this long after the last key


class FormPanel(QWidget):
    """Signals: ``typing()`` when a field starts or stops holding unsaved text; edits go
    through ``session``."""

    typing = Signal()

    def __init__(
        self, session: ProjectSession, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("form_panel")
        self.session = session
        self.language = language
        self.schema = session.schema
        self.state = AnnotationState()
        self.focus_return = lambda: None
        self._selected_span: SpanValue | None = None
        self._note_base = ""  # the stored note the box was loaded with (what typing builds on)
        self._note_sentence: int | None = None
        self._spans_shown: tuple | None = None  # (text, spans) the spans table shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        # article-level form
        self.article_box = QGroupBox(self.tr("Article"))
        form = QFormLayout(self.article_box)
        self.article_fields: dict[str, FieldEditor] = {}
        for f in self.schema.article_fields:
            ed = FieldEditor(f, language)
            ed.typing.connect(self.typing)
            ed.committed.connect(partial(self._on_article_field, f.id))
            self.article_fields[f.id] = ed
            form.addRow(plain_label(f.name.get(language)), ed)
        self.hints = ArticleHints()  # suggested date/outlet/region, accepted with Ctrl+Enter
        form.addRow(self.hints)
        layout.addWidget(self.article_box)

        # the sentence and its labels
        self.sentence_box = QGroupBox(self.tr("Sentence"))
        sbox = QVBoxLayout(self.sentence_box)
        self.sentence_text = plain_label()
        self.sentence_text.setWordWrap(True)
        self.sentence_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence_text.setObjectName("sentence_text")
        sbox.addWidget(self.sentence_text)
        bar = QHBoxLayout()
        self.label_buttons: dict[str, QPushButton] = {}
        for lab in self.schema.labels:
            b = QPushButton(f"{lab.key}  {lab.name.get(language)}")
            b.setCheckable(True)
            b.setObjectName(f"label_{lab.id}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            desc = lab.description.get(language) if lab.description else ""
            b.setToolTip(plain_tip(f"{lab.name.zh} / {lab.name.en} ({lab.key})\n{desc}"))
            b.setStyleSheet(_button_style(lab.color))
            b.clicked.connect(partial(self._on_label_clicked, lab.id))
            self.label_buttons[lab.id] = b
            bar.addWidget(b)
        sbox.addLayout(bar)
        layout.addWidget(self.sentence_box)

        # one form per label, shown while the label is set
        self.label_boxes: dict[str, QGroupBox] = {}
        self.label_fields: dict[str, dict[str, FieldEditor]] = {}
        for lab in self.schema.labels:
            box = QGroupBox(lab.name.get(language))
            box.setObjectName(f"form_{lab.id}")
            box.setStyleSheet(
                f"QGroupBox#form_{lab.id} {{ border: 2px solid {lab.color}; "
                "border-radius: 4px; margin-top: 1.2em; padding-top: 4px; }"
                f"QGroupBox#form_{lab.id}::title {{ color: {lab.color}; "
                "subcontrol-origin: margin; left: 8px; }"
            )
            lay = QFormLayout(box)
            self.label_fields[lab.id] = {}
            for f in lab.fields:
                ed = FieldEditor(f, language)
                ed.typing.connect(self.typing)
                ed.committed.connect(partial(self._on_label_field, lab.id, f.id))
                self.label_fields[lab.id][f.id] = ed
                lay.addRow(plain_label(f.name.get(language) + (" *" if f.required else "")), ed)
            box.setVisible(False)
            self.label_boxes[lab.id] = box
            layout.addWidget(box)

        # spans
        self.spans_box = QGroupBox(self.tr("Spans"))
        spl = QVBoxLayout(self.spans_box)
        self.spans_table = QTableWidget(0, 2)
        self.spans_table.setObjectName("spans_table")
        self.spans_table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Text")])
        self.spans_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.spans_table.verticalHeader().setVisible(False)
        self.spans_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.spans_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.spans_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.spans_table.setMaximumHeight(110)
        self.spans_table.itemSelectionChanged.connect(self._on_span_selected)
        spl.addWidget(self.spans_table)
        hint = QLabel(
            self.tr(
                "Select text in the article and press a label key to add a span "
                "(snapped to words; hold Alt for exact characters)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        spl.addWidget(hint)
        self.span_form_box = QWidget()
        self.span_form = QFormLayout(self.span_form_box)
        self.span_form.setContentsMargins(0, 0, 0, 0)
        spl.addWidget(self.span_form_box)
        self.remove_span_button = QPushButton(self.tr("Remove span"))
        self.remove_span_button.setObjectName("remove_span")
        self.remove_span_button.clicked.connect(self.remove_selected_span)
        spl.addWidget(self.remove_span_button)
        self.span_editors: dict[str, FieldEditor] = {}
        layout.addWidget(self.spans_box)

        # note and decided
        self.note = NoteEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Note (why, doubts, questions for the reviewer)"))
        self.note.setMaximumHeight(70)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(TYPING_PAUSE_MS)  # save a pause after typing; one undo step
        self._note_timer.timeout.connect(self.commit_note)
        self.note.textChanged.connect(self._on_note_changed)
        self.decided = QCheckBox(self.tr("Decided (Enter confirms and moves on)"))
        self.decided.setObjectName("decided")
        self.decided.clicked.connect(self._on_decided_clicked)
        # the note and Decided sit in a footer the window keeps in view below the scrolling form
        self.footer = QWidget()
        self.footer.setObjectName("form_footer")
        fl = QVBoxLayout(self.footer)
        fl.setContentsMargins(6, 2, 6, 6)
        fl.addWidget(self.note)
        fl.addWidget(self.decided)
        layout.addStretch(1)
        self.setEnabled(False)
        self.footer.setEnabled(False)

    # ------------------------------------------------------------------ showing

    def show_article(self) -> None:
        values = self.session.article_fields()
        article = self.session.article()
        hints = {}
        if article is not None:
            body = [s.text for s in self.session.sentences() if not s.boilerplate]
            hints = form_suggestions(article.text, body, list(self.article_fields), values)
        for fid, ed in self.article_fields.items():
            ed.set_value(values.get(fid))
            ed.set_ghost(hints[fid].value if fid in hints else None)
        names = {f.id: f.name.get(self.language) for f in self.schema.article_fields}
        self.hints.show_suggestions(hints, names)

    def show_state(self, text: str | None, state: AnnotationState) -> None:
        self.setEnabled(text is not None)
        self.footer.setEnabled(text is not None)
        self.state = state
        self.sentence_text.setText(text or "")
        for lab_id, b in self.label_buttons.items():
            b.setChecked(lab_id in state.labels)
        for lab_id, box in self.label_boxes.items():
            box.setVisible(lab_id in state.labels and bool(self.label_fields[lab_id]))
            values = state.fields.get(lab_id, {})
            for fid, ed in self.label_fields[lab_id].items():
                ed.set_value(values.get(fid))
        shown = (text, state.spans)
        if shown != self._spans_shown:  # the table and span form only when their content changed
            self._spans_shown = shown
            self._show_spans(text, state)
        typed = self.note.toPlainText()
        moved = self.session.sentence_id != self._note_sentence
        if moved or not self.note.hasFocus() or typed == self._note_base:
            # the box shows the stored note unless the user is typing in it right now
            self._set_note(state.note)
        elif typed == state.note:
            self._note_base = state.note
        self.decided.setChecked(state.decided)

    def _show_spans(self, text: str | None, state: AnnotationState) -> None:
        keep = self._selected_span
        self.spans_table.blockSignals(True)
        self.spans_table.setRowCount(len(state.spans))
        colors = {lab.id: lab for lab in self.schema.labels}
        reselect = None
        for row, span in enumerate(state.spans):
            lab = colors.get(span.label)
            item = QTableWidgetItem(lab.name.get(self.language) if lab else span.label)
            if lab:
                item.setForeground(QColor(lab.color))
            self.spans_table.setItem(row, 0, item)
            body = (text or "")[span.start : span.end]
            self.spans_table.setItem(row, 1, QTableWidgetItem(body))
            if keep is not None and span.key() == keep.key():
                reselect = row
        if reselect is None and state.spans:
            reselect = len(state.spans) - 1
        if reselect is not None:
            self.spans_table.selectRow(reselect)
        self.spans_table.blockSignals(False)
        self.spans_box.setVisible(any(lab.span for lab in self.schema.labels))
        self._on_span_selected()

    def _set_note(self, text: str) -> None:
        self._note_timer.stop()
        self._note_base = text
        self._note_sentence = self.session.sentence_id
        if self.note.toPlainText() != text:
            self.note.blockSignals(True)
            self.note.setPlainText(text)
            self.note.blockSignals(False)
        self.typing.emit()

    def dirty(self) -> bool:
        """Whether a note or text field holds typed text that is not saved yet."""
        editors = [*self.article_fields.values(), *self.span_editors.values()]
        editors += [ed for fields in self.label_fields.values() for ed in fields.values()]
        return self._note_timer.isActive() or any(ed.dirty() for ed in editors)

    def drop_typing(self, sentence_id: int, state: AnnotationState) -> None:
        """An edit was refused for a conflict: show the newer note (the user's text is kept by
        the undo stack, one redo away)."""
        if sentence_id == self.session.sentence_id:
            self._set_note(state.note)

    # ------------------------------------------------------------------ spans

    def selected_span(self) -> SpanValue | None:
        rows = (
            self.spans_table.selectionModel().selectedRows()
            if self.spans_table.selectionModel()
            else []
        )
        if not rows or rows[0].row() >= len(self.state.spans):
            return None
        return self.state.spans[rows[0].row()]

    def _on_span_selected(self) -> None:
        span = self.selected_span()
        self._selected_span = span
        while self.span_form.rowCount():
            self.span_form.removeRow(0)
        self.span_editors = {}
        self.remove_span_button.setEnabled(span is not None)
        if span is None:
            return
        try:
            lab = self.schema.label(span.label)
        except Exception:  # a span of a label the schema no longer has: show it, no fields
            return
        for f in lab.span_fields:
            ed = FieldEditor(f, self.language)
            ed.typing.connect(self.typing)
            ed.set_value(span.fields.get(f.id))
            ed.committed.connect(partial(self._on_span_field, span, f.id))
            self.span_editors[f.id] = ed
            self.span_form.addRow(f.name.get(self.language), ed)

    def remove_selected_span(self) -> None:
        span = self.selected_span()
        if span is not None:
            self._selected_span = None
            self.session.update_state(partial(edits.remove_span, span=span), self.tr("Remove span"))

    # ------------------------------------------------------------------ user edits

    def _on_label_clicked(self, label_id: str, _checked: bool) -> None:
        self.session.update_state(
            partial(edits.toggle_label, label=label_id), self.tr("Toggle label")
        )
        self.label_buttons[label_id].setChecked(label_id in self.session.state().labels)

    def _on_label_field(self, label_id: str, field_id: str, value) -> None:
        self.session.update_state(
            lambda s: edits.set_field(s, label_id, field_id, value),
            self.tr("Edit field"),
            merge_key=("field", self.session.sentence_id, label_id, field_id),
        )

    def _on_span_field(self, span: SpanValue, field_id: str, value) -> None:
        self._selected_span = span
        self.session.update_state(
            lambda s: edits.set_span_field(s, span, field_id, value),
            self.tr("Edit span field"),
            merge_key=("span", self.session.sentence_id, span.key(), field_id),
        )

    def _on_article_field(self, field_id: str, value) -> None:
        self.session.set_article_field(field_id, value)

    def _on_note_changed(self) -> None:
        if self.note.hasFocus():
            self._note_timer.start()
            self.typing.emit()

    def commit_note(self) -> None:
        """Save the note box's text (after a pause in typing, on leaving it, before moving)."""
        was_typing = self._note_timer.isActive()
        self._note_timer.stop()
        text = self.note.toPlainText()
        sid = self._note_sentence
        if sid is not None and sid == self.session.sentence_id and text != self._note_base:
            base = self._note_base
            if self.session.update_state(
                lambda s: edits.set_note(s, text),
                self.tr("Edit note"),
                merge_key=("note", sid),
                base=lambda s: s.with_(note=base),
            ):
                self._note_base = text
        if was_typing:
            self.typing.emit()

    def _on_decided_clicked(self, on: bool) -> None:
        self.session.update_state(lambda s: s.with_(decided=on), self.tr("Set decided"))


def form_scroll(form: FormPanel) -> QScrollArea:
    """The panel in a scroll area whose scroll bar is always there: a bar that came and went as
    a label's form opened changed the panel's width, which relaid out and repainted all of it;
    a change of its height repainted all of it too (static contents: only the new part)."""
    scroll = QScrollArea()
    scroll.setObjectName("form_scroll")
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)
    scroll.setMinimumWidth(360)
    scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    form.setAttribute(Qt.WidgetAttribute.WA_StaticContents)  # resized: repaint only what is new
    return scroll


def _button_style(color: str) -> str:
    return (
        f"QPushButton {{ border: 2px solid {color}; border-radius: 4px; padding: 4px 8px; "
        f"color: {color}; background: white; font-weight: 600; }}"
        f"QPushButton:checked {{ background: {color}; color: white; }}"
    )
