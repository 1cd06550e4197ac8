"""Suggested article fields (date, outlet, region read from the byline lines) under the article
form: ghost text in the empty fields and one line saying what Ctrl+Enter would fill in. Nothing
is written until the analyst accepts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from annotator.gui.plain import plain_tip
from annotator.text.bylines import FieldSuggestion


class ArticleHints(QWidget):
    """Signals: ``accept_requested()`` when the button is clicked."""

    accept_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_hints")
        self.suggestions: dict[str, FieldSuggestion] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("article_hints_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # project data (STYLE B.10)
        # one line, no word wrap: a wrapping label's height depends on its width, so every
        # relayout of the panel (a label form opening below) repainted the article form above
        self.label.setWordWrap(False)
        self.label.setMinimumWidth(1)  # a long suggestion is cut, its full text is the tool tip
        self.label.setStyleSheet("color: #555; font-style: italic;")
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("Accept (Ctrl+Enter)"))
        self.button.setObjectName("accept_article_hints")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.accept_requested)
        layout.addWidget(self.button)
        self.hide()

    def show_suggestions(
        self, suggestions: dict[str, FieldSuggestion], names: dict[str, str]
    ) -> None:
        self.suggestions = dict(suggestions)
        parts = [f"{names.get(f, f)} {s.value}" for f, s in self.suggestions.items()]
        self.label.setText(self.tr("Suggested: %s") % " · ".join(parts))
        evidence = [s.evidence for s in self.suggestions.values()]
        self.label.setToolTip(plain_tip("\n".join([self.label.text(), *evidence])))
        self.setVisible(bool(parts))

    def values(self) -> dict[str, str]:
        return {f: s.value for f, s in self.suggestions.items()}
