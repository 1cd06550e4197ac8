"""The app's remembered settings (annotator name, language, recent projects, window layout).

Kept in an INI file in the user data directory, so ``ANNOTATOR_HOME`` isolates tests and a
portable install keeps everything in one place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from annotator.paths import user_data_dir

MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def recent_projects() -> list[str]:
    value: Any = app_settings().value("recent", [])  # a list, or a str for one item
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def add_recent_project(path: str) -> None:
    recent = [path, *[p for p in recent_projects() if p != path]][:MAX_RECENT]
    s = app_settings()
    s.setValue("recent", recent)
    s.sync()


def get(key: str, default: str | None = None) -> str | None:
    value = app_settings().value(key, default)
    return None if value is None else str(value)


def put(key: str, value: str) -> None:
    s = app_settings()
    s.setValue(key, value)
    s.sync()


def remove(key: str) -> None:
    s = app_settings()
    s.remove(key)
    s.sync()
