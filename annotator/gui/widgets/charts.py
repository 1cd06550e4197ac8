"""A small horizontal bar chart painted with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


class BarChart(QWidget):
    """Bars for (name, value) pairs; values in [lo, hi]; None shows as "n/a" with no bar."""

    def __init__(
        self,
        title: str,
        bars: list[tuple[str, float | None, str]],
        lo: float = 0.0,
        hi: float | None = None,
        fmt: str = "{:.2f}",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.bars = bars  # (name, value, colour)
        values = [v for _n, v, _c in bars if v is not None]
        self.lo = min([lo, *values]) if values else lo
        self.hi = hi if hi is not None else (max(values) if values else 1.0) or 1.0
        self.fmt = fmt
        self.setMinimumHeight(40 + 26 * max(1, len(bars)))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 40 + 26 * max(1, len(self.bars)))

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor("#222"))
        p.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        normal = p.font()
        normal.setBold(False)
        p.setFont(normal)
        name_w = min(
            170, max([p.fontMetrics().horizontalAdvance(n) for n, _v, _c in self.bars] or [40]) + 12
        )
        left, right = 8 + name_w, self.width() - 60
        span = (self.hi - self.lo) or 1.0
        zero_x = left + (right - left) * (0 - self.lo) / span if self.lo < 0 else left
        if not self.bars:
            p.drawText(QRectF(8, 28, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, "—")
        for i, (name, value, color) in enumerate(self.bars):
            y = 28 + 26 * i
            p.setPen(QColor("#333"))
            p.drawText(
                QRectF(8, y, name_w - 8, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            if value is None:
                p.setPen(QColor("#999"))
                p.drawText(QRectF(left + 4, y, 80, 20), Qt.AlignmentFlag.AlignVCenter, "n/a")
                continue
            x = left + (right - left) * (value - self.lo) / span
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(color))
            p.drawRoundedRect(QRectF(min(zero_x, x), y + 3, abs(x - zero_x), 14), 2, 2)
            p.setPen(QColor("#333"))
            p.drawText(
                QRectF(max(x, zero_x) + 4, y, 56, 20),
                Qt.AlignmentFlag.AlignVCenter,
                self.fmt.format(value),
            )
        p.end()
