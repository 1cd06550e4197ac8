"""Active learning in the workbench: the "uncertain first" queue and the learning-curve chart."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.plain import plain_label, plain_tip


class UncertainDock(QDockWidget):
    """Signals: ``sentence_chosen(article_id, sentence_id)``."""

    sentence_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Uncertain first"), parent)
        self.setObjectName("uncertain_dock")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.info = plain_label(
            self.tr("Learn → Retrain model (Ctrl+R) to rank undecided sentences.")
        )
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.list = QListWidget()
        self.list.setObjectName("uncertain_list")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        layout.addWidget(self.list)
        self.setWidget(body)
        self.queue: list[tuple[int, int, float]] = []

    def set_queue(
        self, queue: list[tuple[int, int, float]], texts: dict[int, str], model: str
    ) -> None:
        self.queue = list(queue)
        self.list.clear()
        for sid, aid, u in queue:
            text = texts.get(sid, "")
            item = QListWidgetItem(f"{u:.2f}  {text[:60]}{'…' if len(text) > 60 else ''}")
            item.setData(Qt.ItemDataRole.UserRole, (aid, sid))
            item.setToolTip(plain_tip(text))
            self.list.addItem(item)
        n = len(queue)
        self.info.setText(
            self.tr(
                "%n undecided sentence(s), most uncertain first (model %s). Enter on a sentence "
                "of this list moves on to the next one in it.",
                None,
                n,
            )
            % model
        )

    def _on_item(self, item: QListWidgetItem) -> None:
        aid, sid = item.data(Qt.ItemDataRole.UserRole)
        self.sentence_chosen.emit(aid, sid)


PALETTE = ["#2b7bb9", "#e07b00", "#8e44ad", "#2e8b57", "#c0392b", "#7f8c8d"]


class CurveChart(QWidget):
    """F1 against the number of training sentences, one line per label plus micro F1."""

    def __init__(self, points: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = points
        self.setMinimumSize(560, 340)
        self.series: dict[str, list[tuple[float, float]]] = {}
        for p in points:
            for name, value in [("micro F1", p["micro_f1"]), *p["labels"].items()]:
                if value is not None:
                    self.series.setdefault(name, []).append((p["train_sentences"], value))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        left, right, top, bottom = 50, 130, 16, 36
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        xs = [x for s in self.series.values() for x, _y in s] or [0, 1]
        x0, x1 = 0, max(xs) or 1
        painter.setPen(QColor("#888"))
        painter.drawRect(plot)
        for i in range(6):  # F1 grid 0 .. 1
            y = plot.bottom() - plot.height() * i / 5
            painter.setPen(QColor("#e6e6e6"))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight, f"{i / 5:.1f}"
            )
        for i in range(5):
            x = plot.left() + plot.width() * i / 4
            painter.drawText(
                QRectF(x - 40, plot.bottom() + 4, 80, 16),
                Qt.AlignmentFlag.AlignCenter,
                f"{x0 + (x1 - x0) * i / 4:.0f}",
            )
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 18, plot.width(), 16),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("training sentences"),
        )
        for n, (name, pts) in enumerate(self.series.items()):
            color = QColor(PALETTE[n % len(PALETTE)])
            pen = QPen(color, 3 if name == "micro F1" else 2)
            painter.setPen(pen)
            path = QPainterPath()
            for i, (x, y) in enumerate(pts):
                pt = QPointF(
                    plot.left() + plot.width() * (x - x0) / (x1 - x0),
                    plot.bottom() - plot.height() * y,
                )
                path.moveTo(pt) if i == 0 else path.lineTo(pt)
                painter.drawEllipse(pt, 2.5, 2.5)
            painter.drawPath(path)
            painter.drawText(
                QRectF(plot.right() + 8, top + 18 * n, right - 10, 16),
                Qt.AlignmentFlag.AlignLeft,
                name,
            )
        painter.end()


class CurveDialog(QDialog):
    def __init__(self, points: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curve_dialog")
        self.setWindowTitle(self.tr("Learning curve"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Cross-validated F1 (folds by article) when training on a growing share of "
                "the annotated sentences. A curve still rising means more annotation pays."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.chart = CurveChart(points)
        layout.addWidget(self.chart)
