"""The guidelines dock (F1): the annotation guidelines in Chinese or English, from resources/."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDockWidget, QTextBrowser, QVBoxLayout, QWidget

from annotator.paths import resource_path


def guidelines_text(language: str) -> str:
    code = "zh" if language.startswith("zh") else "en"
    return resource_path("guidelines", f"{code}.md").read_text(encoding="utf-8")


class GuidelinesDock(QDockWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Guidelines"), parent)
        self.setObjectName("guidelines_dock")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.language_box = QComboBox()
        self.language_box.addItem("中文", "zh")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(0 if language.startswith("zh") else 1)
        self.language_box.currentIndexChanged.connect(
            lambda _i: self.show_language(self.language_box.currentData())
        )
        layout.addWidget(self.language_box)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guidelines_text")
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser)
        self.setWidget(body)
        self.show_language(self.language_box.currentData())

    def show_language(self, code: str) -> None:
        self.browser.setMarkdown(guidelines_text(code))
