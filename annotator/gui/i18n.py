"""UI language: English (the source strings) or Simplified Chinese from Qt Linguist files.

``resources/i18n/annotator_zh_CN.ts`` is the translation source (edit it in Qt Linguist, or
regenerate it with ``pyside6-lupdate``); ``.qm`` is its compiled form, made with
``pyside6-lrelease`` and committed so users need no Qt tools. ``annotator_en.ts`` holds only the
English plural forms of the counted strings (``tools/update_translations.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator.paths import resource_path

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_language(language: str) -> str:
    """Install the translators for ``language`` (replacing earlier ones); return it."""
    app = QCoreApplication.instance()
    assert app is not None, "install_language needs the QApplication"
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if language not in LANGUAGES:
        language = "en"
    ours = QTranslator(app)  # English too: its .qm holds the plural forms ("1 sentence")
    if ours.load(str(resource_path("i18n", f"annotator_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    if language != "en":
        qt = QTranslator(app)  # Qt's own dialogs (file chooser, message boxes)
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            _installed.append(qt)
    return language


def content_language(language: str) -> str:
    """Language code for schema names and guidelines: "zh" or "en"."""
    return "zh" if language.startswith("zh") else "en"
