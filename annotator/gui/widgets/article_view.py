"""ArticleView: the article as continuous text, one selectable unit per sentence.

The view builds a document of the visible sentences (paragraphs kept, boilerplate greyed or
hidden) and remembers where each sentence starts in it. Positions cross between Qt (UTF-16 code
units) and the store (code points) only through ``Utf16Map`` in ``_to_qt``/``_from_qt``.
Labeled sentences are tinted in their label colours, with one chip per label in the left gutter
so several labels stay distinguishable; spans are underlined in their label colour; suggestions
show as dashed underlines and hollow chips; the current sentence has a marker and a stronger tint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from annotator import contrast
from annotator.gui.widgets.gutter import blend, paint_gutter, selection_palette, tint  # noqa: F401 - blend, tint: re-exported
from annotator.records import AnnotationState, Article, Sentence, SpanValue
from annotator.schema import LabelSchema
from annotator.text.utf16 import Utf16Map
from annotator.text.window import text_window

GUTTER = 46
BOILERPLATE_GREY = "#9a9a9a"
CURRENT_BG = "#fff1a8"
# A longer article is laid out a window of paragraphs at a time (annotator.text.window): a
# 2 MB article took 2 s to lay out whole.
WINDOW_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a sentence sits in the document, in code points of the document text."""

    sentence: Sentence
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SelectionInSentence:
    sentence_id: int
    start: int  # code points, relative to the sentence
    end: int
    exact: bool  # Alt was held: do not snap to tokens


class _Gutter(QWidget):
    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.view = view
        # it fills its whole rect: what is behind it need not be painted first
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event) -> None:  # noqa: N802
        self.view.paint_gutter(self)


class ArticleView(QTextEdit):
    """Signals: ``sentence_clicked(sentence_id)`` when a sentence is clicked;
    ``selection_made()`` when the mouse selected text inside the article; ``painted()`` once
    after an article was set, when it has been painted."""

    sentence_clicked = Signal(int)
    selection_made = Signal()
    painted = Signal()

    def __init__(self, schema: LabelSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.schema = schema
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setViewportMargins(GUTTER, 0, 0, 0)
        self._gutter = _Gutter(self)
        self.verticalScrollBar().valueChanged.connect(self._gutter.update)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self._sentences: list[Sentence] = []
        self._visible: list[Sentence] = []  # every sentence shown (a window of them is laid out)
        self._window = (0, 0)
        self._shifting = False
        self.article: Article | None = None
        self.placed: list[Placed] = []
        self._by_id: dict[int, Placed] = {}
        self._map = Utf16Map("")
        self.states: dict[int, AnnotationState] = {}
        self.suggestions: dict[int, list] = {}
        self.current: int | None = None
        self.hide_boilerplate = False
        self.show_suggestions = True
        self._exact_selection = False
        self._sels: dict[int, list] = {}
        self._tops: list[tuple[int, int]] | None = None
        self._tops_width = -1
        self.setPalette(selection_palette(self.palette()))  # visible on every tint (WCAG AA)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.25)
        self.document().setDefaultFont(font)

    # ------------------------------------------------------------------ content

    def set_article(
        self,
        article: Article | None,
        sentences: list[Sentence],
        states: dict[int, AnnotationState],
        suggestions: dict[int, list] | None = None,
    ) -> None:
        self.article = article
        self._announce_paint = True
        self.states = dict(states)
        self.suggestions = dict(suggestions or {})
        self._build(sentences)
        self._render()

    def set_sentences(self, sentences: list[Sentence]) -> None:
        """The sentences changed (a boilerplate flag): rebuild, keeping the scroll position."""
        bar = self.verticalScrollBar().value()
        self._build(sentences, keep_window=True)
        self._render()
        self.verticalScrollBar().setValue(bar)

    def set_hide_boilerplate(self, hide: bool, sentences: list[Sentence]) -> None:
        self.hide_boilerplate = hide
        self._build(sentences)
        self._render()
        self.ensure_current_visible()

    def set_states(self, states: dict[int, AnnotationState]) -> None:
        self.states = dict(states)
        self._render()

    def update_state(self, sentence_id: int, state: AnnotationState) -> None:
        self.states[sentence_id] = state
        self._render({sentence_id})

    def set_suggestions(self, suggestions: dict[int, list], show: bool | None = None) -> None:
        self.suggestions = dict(suggestions)
        if show is not None:
            self.show_suggestions = show
        self._render()

    def set_current(self, sentence_id: int | None) -> None:
        previous, self.current = self.current, sentence_id
        if sentence_id is not None and sentence_id not in self._by_id:
            if any(s.sentence_id == sentence_id for s in self._visible):
                self._build(self._sentences)  # outside the laid-out window: move the window
        self._render({previous, sentence_id} if self._sels else None)
        self.ensure_current_visible()

    def visible_ids(self) -> list[int]:
        return [s.sentence_id for s in self._visible]

    def _on_scroll(self, value: int) -> None:
        """Scrolled to an end of the laid-out window: move the window on, keeping the view."""
        bar = self.verticalScrollBar()
        i0, i1 = self._window
        if self._shifting or not self.placed or bar.maximum() == 0:
            return
        if value >= bar.maximum() and i1 < len(self._visible):
            keep, anchor = self.placed[-1], self._visible[i1]  # the next sentence comes in
        elif value <= bar.minimum() and i0 > 0:
            keep, anchor = self.placed[0], self._visible[i0 - 1]
        else:
            return
        sid = keep.sentence.sentence_id
        top = self.cursorRect(self._cursor(keep.start, keep.start)).top()
        self._shifting = True
        try:
            self._build(self._sentences, anchor=anchor.sentence_id)
            self._render()
            p = self._by_id.get(sid)
            if p is not None:  # keep what was on screen where it was
                rect = self.cursorRect(self._cursor(p.start, p.start))
                bar.setValue(bar.value() + rect.top() - top)
        finally:
            self._shifting = False

    def _build(
        self, sentences: list[Sentence], anchor: int | None = None, keep_window: bool = False
    ) -> None:
        """Lay out the window of visible sentences around ``anchor`` (default: the current one)."""
        self._sentences = sentences
        old_first = self.placed[0].sentence.sentence_id if keep_window and self.placed else None
        visible = [s for s in sentences if not (self.hide_boilerplate and s.boilerplate)]
        index = {s.sentence_id: k for k, s in enumerate(visible)}
        want = self.current if anchor is None else anchor
        self._window = text_window(
            [len(s.text) for s in visible],
            [s.paragraph for s in visible],
            index.get(want, 0) if want is not None else 0,
            WINDOW_CHARS,
            start=index.get(old_first) if old_first is not None else None,
        )
        self._visible = visible
        parts: list[str] = []
        placed: list[Placed] = []
        pos = 0
        prev: Sentence | None = None
        text = self.article.text if self.article else ""
        for s in visible[self._window[0] : self._window[1]]:
            if prev is not None:
                if s.paragraph != prev.paragraph:
                    sep = "\n"  # a new block: paragraphs get spacing from the block format
                else:
                    gap = text[prev.end : s.start]
                    sep = " " if gap.strip() or gap else ""  # hidden text between, or a space
                parts.append(sep)
                pos += len(sep)
            placed.append(Placed(s, pos, pos + len(s.text)))
            parts.append(s.text)
            pos += len(s.text)
            prev = s
        doc_text = "".join(parts)
        self.placed = placed
        self._by_id = {p.sentence.sentence_id: p for p in placed}
        self._map = Utf16Map(doc_text)
        self._sels = {}
        self._tops = None
        self.setPlainText(doc_text)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setBottomMargin(10)
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        self._gutter.update()

    # ------------------------------------------------------------------ positions (the only UTF-16 boundary)

    def _to_qt(self, cp: int) -> int:
        return self._map.to_utf16(cp)

    def _from_qt(self, unit: int) -> int:
        return self._map.from_utf16(unit)

    def _cursor(self, start_cp: int, end_cp: int) -> QTextCursor:
        c = QTextCursor(self.document())
        c.setPosition(self._to_qt(start_cp))
        c.setPosition(self._to_qt(end_cp), QTextCursor.MoveMode.KeepAnchor)
        return c

    def placed_at(self, doc_cp: int) -> Placed | None:
        for p in self.placed:  # a few hundred sentences: a scan is fast enough
            if p.start <= doc_cp <= p.end:
                return p
        return None

    def sentence_at_point(self, point: QPoint) -> int | None:
        cp = self._from_qt(self.cursorForPosition(point).position())
        p = self.placed_at(cp)
        return p.sentence.sentence_id if p else None

    def cursor_rect_at(self, sentence_id: int, offset: int) -> QRect:
        """Viewport rectangle of the cursor before a sentence-relative code point (the inverse of
        ``sentence_at_point``)."""
        p = self._by_id[sentence_id]
        return self.cursorRect(self._cursor(p.start + offset, p.start + offset))

    def selection_in_sentence(self) -> SelectionInSentence | None | str:
        """The mouse selection as sentence-relative offsets; "cross" when it spans sentences."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        start = self._from_qt(c.selectionStart())
        end = self._from_qt(c.selectionEnd())
        p = self.placed_at(start)
        if p is None or start == p.end:
            p = self.placed_at(start + 1)
        if p is None:
            return None
        if end > p.end:
            return "cross"
        return SelectionInSentence(
            p.sentence.sentence_id, start - p.start, end - p.start, self._exact_selection
        )

    def select_in_sentence(
        self, sentence_id: int, start: int, end: int, exact: bool = False
    ) -> None:
        """Select sentence-relative code points [start, end) (as a mouse drag would)."""
        p = self._by_id[sentence_id]
        self.setTextCursor(self._cursor(p.start + start, p.start + end))
        self._exact_selection = exact

    def clear_selection(self) -> None:
        """Drop the mouse selection, if any, keeping the view: setting the cursor scrolls to it
        (a label key jumped the view to the top, where an unplaced cursor sits)."""
        c = self.textCursor()
        if not c.hasSelection():
            return
        bar = self.verticalScrollBar().value()
        c.clearSelection()
        self.setTextCursor(c)
        self.verticalScrollBar().setValue(bar)

    def ensure_current_visible(self) -> None:
        p = self._by_id.get(self.current) if self.current is not None else None
        if p is None:
            return
        end_rect = self.cursorRect(self._cursor(p.end, p.end))
        start_rect = self.cursorRect(self._cursor(p.start, p.start))
        vp = self.viewport().rect()
        if start_rect.top() < 0 or end_rect.bottom() > vp.height():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + start_rect.top() - vp.height() // 3)  # repaints the gutter

    # ------------------------------------------------------------------ painting

    def _render(self, only: set[int | None] | None = None) -> None:
        """Rebuild the highlights: of every sentence, or (``only``) of a few, reusing the rest."""
        if only is None:
            self._sels = {}
            todo = [p for p in self.placed]
        else:
            todo = [self._by_id[sid] for sid in only if sid in self._by_id]
        colors = {lab.id: lab.color for lab in self.schema.labels}
        for p in todo:
            self._sels[p.sentence.sentence_id] = self._sentence_selections(p, colors)
        self.setExtraSelections([sel for sels in self._sels.values() for sel in sels])
        if only is None:
            self._gutter.update()
        else:  # a key press: repaint the gutter rows of the sentences that changed, no more
            for p in todo:
                top = self.cursorRect(self._cursor(p.start, p.start))  # its first line
                y = top.top() + self.viewport().y() - self._gutter.y()
                self._gutter.update(QRect(0, y, GUTTER, top.height()))

    def _sentence_selections(self, p: Placed, colors: dict[str, str]) -> list:
        sels: list[QTextEdit.ExtraSelection] = []
        sid = p.sentence.sentence_id
        state = self.states.get(sid)
        fmt = QTextCharFormat()
        labels = [lab for lab in (state.labels if state else ()) if lab in colors]
        if p.sentence.boilerplate:
            fmt.setForeground(QColor(BOILERPLATE_GREY))
        background = contrast.WHITE
        if labels:
            background = contrast.sentence_background(
                [colors[lab] for lab in labels], sid == self.current
            )
            fmt.setBackground(QColor(background))
        elif sid == self.current:
            background = CURRENT_BG
            fmt.setBackground(QColor(CURRENT_BG))
        if labels or sid == self.current or p.sentence.boilerplate:
            sels.append(self._selection(p.start, p.end, fmt))
        if state:
            for span in state.spans:
                color = colors.get(span.label, "#000000")
                sels.append(self._span_selection(p, span, color, dashed=False, on=background))
        if self.show_suggestions:
            for sug in self.suggestions.get(sid, []):
                for (
                    raw
                ) in sug.spans:  # stored as {start, end, fields}; the label is the suggestion's
                    span = SpanValue(sug.label, int(raw["start"]), int(raw["end"]))
                    if 0 <= span.start < span.end <= len(p.sentence.text):
                        color = colors.get(sug.label, "#000000")
                        sels.append(
                            self._span_selection(p, span, color, dashed=True, on=background)
                        )
        return sels

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(start, end)
        sel.format = fmt
        return sel

    def _span_selection(
        self, p: Placed, span: SpanValue, color: str, *, dashed: bool, on: str = contrast.WHITE
    ):
        """A span's underline (dashed: suggested) and tint, with WCAG AA contrast on ``on``,
        the sentence's own background (``annotator.contrast``)."""
        span_bg, underline = contrast.span_colors(color, on)
        fmt = QTextCharFormat()
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(QColor(underline if not dashed else contrast.darken_to(color, on, 3)))
        fmt.setUnderlineStyle(
            QTextCharFormat.UnderlineStyle.DashUnderline
            if dashed
            else QTextCharFormat.UnderlineStyle.SingleUnderline
        )
        if not dashed:
            fmt.setBackground(QColor(span_bg))
        fmt.setProperty(QTextFormat.Property.UserProperty, span.label)
        return self._selection(p.start + span.start, p.start + span.end, fmt)

    def _line_tops(self) -> list[tuple[int, int]]:
        """Document y and line height of each placed sentence's first line (cached per layout)."""
        if self._tops is None or self._tops_width != self.viewport().width():
            scroll = self.verticalScrollBar().value()
            tops = []
            for p in self.placed:
                rect = self.cursorRect(self._cursor(p.start, p.start))
                tops.append((rect.top() + scroll, rect.height()))
            self._tops = tops
            self._tops_width = self.viewport().width()
        return self._tops

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._tops = None
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), GUTTER, cr.height()))

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if getattr(self, "_announce_paint", False):
            self._announce_paint = False
            self.painted.emit()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 600)

    def paint_gutter(self, gutter: QWidget) -> None:
        paint_gutter(self, gutter)

    # ------------------------------------------------------------------ mouse

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if self.textCursor().hasSelection():
            self.selection_made.emit()
            sel = self.selection_in_sentence()
            if isinstance(sel, SelectionInSentence):
                self.sentence_clicked.emit(sel.sentence_id)
            return
        sid = self.sentence_at_point(event.position().toPoint())
        if sid is not None:
            self.sentence_clicked.emit(sid)
