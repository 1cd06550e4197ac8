"""Never reopen an article that the app died while opening.

A window marks "opening article N of FILE" in the settings before it shows an article, and
clears the mark once the article view has painted. If the app crashes in between (an article
Qt cannot render, issue 12: ``<img src="/dev/zero">`` in a title aborted with std::bad_alloc
at every start), the mark survives; the next start then does not restore the remembered
position (which is that article) and says so in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from annotator.gui import settings

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

KEY = "opening_article"
translate = QCoreApplication.translate


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def mark(path: Path, article_id: int) -> None:
    """Record that article ``article_id`` of ``path`` is about to be shown."""
    settings.put(KEY, f"{article_id}|{_key(path)}")


def forget() -> None:
    """Drop the mark (the article rendered, or the window closed normally)."""
    settings.remove(KEY)


def clear_soon() -> None:
    """Forget the mark once the current paint pass is over (the article rendered)."""
    QTimer.singleShot(0, forget)


def stale(path: Path) -> int | None:
    """The article of ``path`` that the last run died while opening, if any."""
    value = settings.get(KEY) or ""
    article, _sep, where = value.partition("|")
    if where != _key(path) or not article.isdigit():
        return None
    return int(article)


def open_first_place(win: MainWindow) -> None:
    """Go where the annotator last was, unless the last run died while opening that article;
    then go to the first other article and say why."""
    session = win.session
    crashed = stale(session.store.path)
    if crashed is None and session.restore_position():
        return
    ids = [i for i in win.articles.article_ids() if i != crashed]
    if ids:
        session.go_to(ids[0], None)
    if crashed is not None:
        win.statusBar().showMessage(
            translate(
                "MainWindow",
                "The app stopped while opening article %d last time; it was not reopened. "
                "Open it from the list to try again.",
            )
            % crashed
        )
