"""The article list: title, source, sentence count and this annotator's progress."""

from __future__ import annotations

from enum import IntEnum
from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from annotator.gui.plain import plain_tip
from annotator.gui.session import ProjectSession
from annotator.records import ArticleSummary, Change

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Role(IntEnum):
    ARTICLE_ID = Qt.ItemDataRole.UserRole + 1
    STATUS = Qt.ItemDataRole.UserRole + 2


STATUS_COLORS = {"not started": "#9e9e9e", "in progress": "#e0a100", "done": "#2e8b57"}


class ArticleListModel(QAbstractTableModel):
    """Holds article ids and summary rows; refreshes only the articles an edit touched."""

    TITLE, SOURCE, SENTENCES, PROGRESS, STATUS = range(5)

    def __init__(self, session: ProjectSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._rows: list[ArticleSummary] = []
        self._row_of: dict[int, int] = {}
        session.changed.connect(self._on_changed)
        self.reload()

    def headers(self) -> list[str]:
        return [
            self.tr("Title"),
            self.tr("Source"),
            self.tr("Sent."),
            self.tr("Done"),
            self.tr("Status"),
        ]

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.session.store.articles.summaries(self.session.annotator.annotator_id)
        self._row_of = {r.article_id: i for i, r in enumerate(self._rows)}
        self._decided = sum(r.decided for r in self._rows)
        self._total = sum(r.total for r in self._rows)
        self.endResetModel()

    def _on_changed(self, change: Change) -> None:
        ids = [a for a in change.articles if a in self._row_of]
        if not ids:
            return
        fresh = self.session.store.articles.summaries(self.session.annotator.annotator_id, ids)
        for summary in fresh:
            row = self._row_of[summary.article_id]
            old = self._rows[row]
            self._decided += summary.decided - old.decided
            self._total += summary.total - old.total
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def summary(self, article_id: int) -> ArticleSummary | None:
        row = self._row_of.get(article_id)
        return None if row is None else self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def article_ids(self) -> list[int]:
        return [r.article_id for r in self._rows]

    def totals(self) -> tuple[int, int]:
        """(decided, to decide) over the whole project for this annotator."""
        return self._decided, self._total

    # Qt overrides ----------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < 5:
                return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TITLE:
                return r.title
            if col == self.SOURCE:
                return r.source
            if col == self.SENTENCES:
                return r.sentences
            if col == self.PROGRESS:
                return f"{r.decided}/{r.total}"
            if col == self.STATUS:
                return self.status_text(r.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(
                f"{r.title}\n{r.source}\n{r.decided}/{r.total} · {self.status_text(r.status)}"
            )
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            return QBrush(QColor(STATUS_COLORS[r.status]))
        if role == Role.ARTICLE_ID:
            return r.article_id
        if role == Role.STATUS:
            return r.status
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.SENTENCES, self.PROGRESS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def status_text(self, status: str) -> str:
        return {
            "not started": self.tr("not started"),
            "in progress": self.tr("in progress"),
            "done": self.tr("done"),
        }[status]


class ArticleFilter(QSortFilterProxyModel):
    """Filters by a search text (title, source and full text) and by status."""

    def __init__(self, model: ArticleListModel) -> None:
        super().__init__(model)
        self.setSourceModel(model)
        self._matches: set[int] | None = None
        self._status: str | None = None

    def set_text(self, text: str) -> None:
        text = text.strip()
        store = cast(ArticleListModel, self.sourceModel()).session.store
        self._matches = set(store.articles.search(text)) if text else None
        self._refilter()

    def set_status(self, status: str | None) -> None:
        self._status = status or None
        self._refilter()

    def _refilter(self) -> None:
        # Qt 6.10+: begin/endFilterChange; invalidateFilter on older versions
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        index = self.sourceModel().index(row, 0, parent)
        if self._matches is not None and index.data(Role.ARTICLE_ID) not in self._matches:
            return False
        return self._status is None or index.data(Role.STATUS) == self._status
