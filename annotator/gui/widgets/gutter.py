"""The article view's left gutter: the current-sentence marker, one chip per label, hollow chips
for suggestions, and ∅ for a sentence decided with no label."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from annotator import contrast

if TYPE_CHECKING:
    from annotator.gui.widgets.article_view import ArticleView


def tint(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def blend(colors: list[str], alpha: int) -> QColor:
    """An average of the label colours (one label: its own colour), translucent."""
    qs = [QColor(c) for c in colors]
    n = len(qs)
    c = QColor(
        sum(q.red() for q in qs) // n,
        sum(q.green() for q in qs) // n,
        sum(q.blue() for q in qs) // n,
    )
    c.setAlpha(alpha)
    return c


def paint_gutter(view: ArticleView, gutter: QWidget) -> None:
    painter = QPainter(gutter)
    painter.fillRect(gutter.rect(), QColor("#f4f4f4"))
    labels = {lab.id: lab for lab in view.schema.labels}
    height = view.viewport().height()
    offset = view.viewport().y() - gutter.y()
    small = QFont(view.font())
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
    small.setBold(True)
    painter.setFont(small)
    scroll = view.verticalScrollBar().value()
    tops = view._line_tops()
    first = max(0, bisect_right([t for t, _h in tops], scroll - 40) - 1)
    for p, (top, line_h) in zip(view.placed[first:], tops[first:], strict=False):
        y = top - scroll + offset
        if y > height:
            break
        rect = QRect(0, y, 0, line_h)
        y = rect.top()
        sid = p.sentence.sentence_id
        x = 3
        if sid == view.current:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#d08a00"))
            painter.drawRect(0, y + 2, 3, rect.height() - 4)
        state = view.states.get(sid)
        if state and state.decided and not state.labels:
            painter.setPen(QColor("#7a7a7a"))
            painter.drawText(QRect(x, y, 12, rect.height()), Qt.AlignmentFlag.AlignCenter, "∅")
            x += 13
        for lab in state.labels if state else ():
            if lab not in labels:
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(labels[lab].color))
            chip = QRect(x, y + 3, 12, max(12, rect.height() - 6))
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, labels[lab].key)
            x += 14
        if view.show_suggestions:
            for sug in view.suggestions.get(sid, []):
                shown = labels.get(getattr(sug, "label", ""))
                if shown is None or (state and shown.id in state.labels):
                    continue
                pen = QPen(QColor(shown.color))
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                chip = QRect(x, y + 3, 12, max(12, rect.height() - 6))
                painter.drawRoundedRect(chip, 3, 3)
                painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown.key)
                x += 14
    painter.end()


def selection_palette(palette: QPalette) -> QPalette:
    """``palette`` with a text selection that stays readable on every label tint (WCAG AA)."""
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(contrast.SELECTION[0]))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(contrast.SELECTION[1]))
    return palette
