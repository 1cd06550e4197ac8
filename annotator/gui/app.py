"""Start the workbench: QApplication, a font for Chinese, the UI language, the project, the window."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.errors import AnnotatorError
from annotator.gui.plain import plain_message_box


def no_display_reason() -> str | None:
    """Why no window can open here (Linux without X11/Wayland and no Qt platform chosen)."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the workbench on (DISPLAY and WAYLAND_DISPLAY are unset); run it in a "
        "desktop session, or under Xvfb: xvfb-run annotator"
    )


def startup_error(text: str) -> None:
    """Tell the user why the workbench cannot open (a dialog: stderr is unseen from a menu)."""
    print(f"annotator: {text}", file=sys.stderr)
    plain_message_box(QMessageBox.Icon.Critical, "annotator", text).exec()


def main(db: Path | str | None = None, annotator: str | None = None) -> int:
    """Open the workbench on ``db`` (default: the demo project) as ``annotator``."""
    from annotator.demo import open_project
    from annotator.gui import i18n, settings
    from annotator.gui.compat import guard_none_refcount
    from annotator.gui.dialogs.annotator_dialog import AnnotatorDialog
    from annotator.gui.errors import show_error
    from annotator.gui.fonts import apply_cjk_font
    from annotator.gui.main_window import MainWindow
    from annotator.gui.operations.projects import tell_layer
    from annotator.gui.session import ProjectSession
    from annotator.paths import default_db_path, is_server_address
    from annotator.workbench import own_layer

    guard_none_refcount()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    font = apply_cjk_font(app)
    language = i18n.install_language(settings.get("language") or i18n.system_language())

    def excepthook(kind, value, tb) -> None:  # unexpected errors become a dialog, not a crash
        traceback.print_exception(kind, value, tb)
        show_error(QApplication.activeWindow(), value)

    sys.excepthook = excepthook

    path: Path | str = (db if is_server_address(db) else Path(db)) if db else default_db_path()
    try:
        store = open_project(path, create_demo=db is None)
    except (AnnotatorError, OSError) as e:  # the store turns sqlite3 errors into StoreError
        startup_error(str(e) if isinstance(e, AnnotatorError) else f"{path}: {e}")
        return 1
    try:
        # --annotator NAME is for this run only; the saved default changes only by choosing in
        # the dialog (or Annotator → Switch annotator). On a server the layer is the login's own
        # (row-level security lets no one else write it), whatever name was asked for.
        layer = own_layer(store, annotator or settings.get("annotator"))
        name = layer.name
        if not name:
            known = [a.name for a in store.annotators.all()]
            name = AnnotatorDialog.ask(None, None, known)
            if not name:
                store.close()
                return 1
            settings.put("annotator", name)
        settings.add_recent_project(store.recent_name)
        session = ProjectSession(store, name)
        window = MainWindow(session, language=language, font_missing=font is None)
    except Exception as e:  # noqa: BLE001 - a project damaged past its first pages: say so, in a dialog
        store.close()
        startup_error(f"{path}: the project cannot be shown ({e})")
        return 1
    geometry = settings.get("geometry")
    if geometry:
        window.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
    window.show()
    tell_layer(window, layer)
    code = app.exec()
    session.store.close()
    return code
