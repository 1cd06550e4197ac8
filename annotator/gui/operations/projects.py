"""File menu: new, open and merge projects, import articles, export; and the background jobs.

A job runs ``fn(store, progress, cancel)`` on a worker thread with its own connection to the
project file (``gui.workers``); the window shows its progress and refreshes when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from annotator.errors import AnnotatorError
from annotator.gui import i18n, settings
from annotator.gui.dialogs.project_dialogs import ProjectDialogs
from annotator.gui.errors import show_error
from annotator.gui.widgets.status_bar import StatusBar
from annotator.gui.workers import Job, Runner

if TYPE_CHECKING:
    from annotator.gui.dialogs.server_dialog import ServerDialog
    from annotator.gui.main_window import MainWindow
    from annotator.store import Store
    from annotator.workbench import OwnLayer

translate = QCoreApplication.translate


def close_window(win: MainWindow) -> None:
    win.close()


def new_project(win: MainWindow) -> None:
    from annotator.demo import default_schema_path
    from annotator.schema import load_schema
    from annotator.store import Store

    answer = ProjectDialogs.new_project(win)
    if answer is None:
        return
    path, schema_path = answer
    try:
        store = Store.create(path, load_schema(schema_path or default_schema_path()))
    except AnnotatorError as e:
        show_error(win, e)
        return
    switch_store(win, store)


def open_project(win: MainWindow) -> None:
    path = ProjectDialogs.open_project(win)
    if path is not None:
        open_path(win, path)


def open_path(win: MainWindow, path: Path | str) -> None:
    from annotator.store import Store

    try:
        store = Store.open(path)
    except AnnotatorError as e:
        show_error(win, e)
        return
    switch_store(win, store)


def open_server(win: MainWindow) -> ServerDialog:
    """File → Open project on a server: the address dialog (window-modal; Enter opens)."""
    from annotator.gui.dialogs.server_dialog import ServerDialog
    from annotator.store import Store

    dialog = ServerDialog(Store.open, win)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.opened.connect(partial(switch_store, win))
    dialog.open()
    return dialog


def switch_store(win: MainWindow, store: Store) -> None:
    from annotator.workbench import own_layer

    win.form.commit_note()
    layer = own_layer(store, win.session.annotator.name)
    try:
        win.session.replace_store(store, layer.name)
    except AnnotatorError as e:  # e.g. the login may not join the project
        store.close()
        show_error(win, e)
        return
    settings.add_recent_project(store.recent_name)
    win.rebuild()
    tell_layer(win, layer)


def tell_layer(win: MainWindow, layer: OwnLayer) -> None:
    """Say once, in the status bar, that the server's login chose the layer, not the name asked."""
    if layer.asked:
        win.statusBar().showMessage(
            translate(
                "MainWindow",
                "On %s you annotate as your login, %s, not %s: the server lets each login write "
                "only its own layer.",
            )
            % (win.session.store.location, layer.name, layer.asked)
        )


def export_data(win: MainWindow) -> Job | None:
    """File → Export: choose what, then write it in the background."""
    from annotator.gui.dialogs.export_dialog import ExportDialog, run_export

    lang = i18n.content_language(win.language)
    labels = [(lab.id, lab.name.get(lang)) for lab in win.session.schema.labels]
    names = [a.name for a in win.session.store.annotators.all()]
    choice = ExportDialog.ask(win, names, labels, Path(win.session.store.path))
    win.view.setFocus()
    if choice is None:
        return None

    def finished(result) -> None:
        bar = win.statusBar()
        if isinstance(bar, StatusBar):
            bar.show_written(choice.path, result.summary())

    return run_background(
        win,
        partial(_export_job, run_export, choice),
        translate("MainWindow", "Exporting…"),
        translate("MainWindow", "Export failed"),
        finished,
    )


def save_copy(win: MainWindow) -> None:
    """File → Save a copy for merging: one self-contained file with every saved edit."""
    path = ProjectDialogs.save_copy(win)
    if path is None:
        return
    win.form.commit_note()
    try:
        win.session.store.save_copy(path)
    except AnnotatorError as e:
        show_error(win, e)
        return
    win.statusBar().showMessage(
        translate("MainWindow", "Saved a copy for merging: %s") % str(path), 8000
    )


def merge_project(win: MainWindow) -> Job | None:
    """File → Merge project: bring another project file's articles and layers in."""
    path = ProjectDialogs.other_project(win)
    if path is None:
        return None
    return run_background(
        win,
        partial(_merge_job, path),
        translate("MainWindow", "Merging…"),
        translate("MainWindow", "Merge failed"),
    )


def _start(
    win: MainWindow,
    job: Job,
    progress: Callable[[int, int], None],
    done: Callable[[Any], None],
    failed: Callable[[Any], None],
) -> Job:
    """Wire a job's signals and run it on the window's one background runner."""
    job.progress.connect(progress)
    job.done.connect(done)
    job.failed.connect(failed)
    win.runner = Runner(job, win)
    win.runner.start()
    return job


def run_background(
    win: MainWindow,
    fn: Callable[..., Any],
    busy: str,
    failed_title: str,
    finished: Callable[[Any], None] | None = None,
) -> Job | None:
    """Run ``fn(store, progress, cancel)`` on a worker with progress in the status bar; then
    call ``finished(result)``, or by default reload and show the result's summary()."""
    if win.runner is not None and win.runner.isRunning():
        win.statusBar().showMessage(translate("MainWindow", "Another job is still running."), 4000)
        return None
    win.form.commit_note()
    job = Job(win.session.store.target, fn)
    win.learn_progress.setRange(0, 0)
    win.learn_progress.show()
    win.statusBar().showMessage(busy)

    def done(result) -> None:
        win.learn_progress.hide()
        if finished is not None:
            finished(result)
            return
        win.articles.reload()
        win.reload_article()
        win.statusBar().showMessage(result.summary(), 15000)

    def failed(exc) -> None:
        win.learn_progress.hide()
        win.statusBar().clearMessage()
        show_error(win, exc, failed_title)

    def progress(done_count: int, total: int) -> None:
        win.learn_progress.setRange(0, total)
        win.learn_progress.setValue(done_count)

    return _start(win, job, progress, done, failed)


def import_files(win: MainWindow) -> None:
    paths = ProjectDialogs.article_files(win)
    if paths:
        import_paths(win, paths)


def import_folder(win: MainWindow) -> None:
    paths = ProjectDialogs.article_folder(win)
    if paths:
        import_paths(win, paths)


def import_paths(win: MainWindow, paths: list[Path], split: bool = False) -> Job:
    """Import in the background with a progress dialog; Cancel leaves nothing imported.

    An article over the size limit (settings value ``max_article_size``, default 2MB) fails the
    import; the user is then offered to split such articles at blank lines and import again.
    """
    from annotator.corpus.importer import import_paths as import_into
    from annotator.corpus.sizes import ArticleLimit, ArticleTooLarge

    limit = ArticleLimit(_max_article_bytes(), split)
    job = Job(win.session.store.target, partial(_import_job, import_into, list(paths), limit))
    dialog = QProgressDialog(
        translate("MainWindow", "Importing articles…"), translate("MainWindow", "Cancel"), 0, 0, win
    )
    dialog.setObjectName("import_progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(job.cancel)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(
            translate("MainWindow", "Importing articles… %d of %d files") % (done, total)
        )

    def finished(report) -> None:
        dialog.reset()
        win.articles.reload()
        win.statusBar().showMessage(report.summary(), 10000)
        if win.session.article_id is None:
            ids = win.articles.article_ids()
            if ids:
                win.session.go_to(ids[0], None)
        win.update_status()

    def failed(exc) -> None:
        dialog.reset()
        if isinstance(exc, ArticleTooLarge) and not split:
            if ProjectDialogs.split_huge(win, str(exc)):
                if win.runner is not None:  # the runner of this job: let it end first
                    win.runner.wait()
                import_paths(win, paths, split=True)
            return
        show_error(win, exc, translate("MainWindow", "Import failed"))

    return _start(win, job, progress, finished, failed)


def _export_job(run_export, choice, store, progress, cancel):
    return run_export(store, choice, progress=progress)


def _merge_job(path, store, progress, cancel):
    from annotator.merge import merge_projects

    return merge_projects(store, path)


def _import_job(import_into, paths, limit, store, progress, cancel):
    return import_into(store, paths, progress=progress, cancel=cancel, limit=limit)


def _max_article_bytes() -> int:
    """The settings value ``max_article_size`` (e.g. 2MB); the default when unset or bad."""
    from annotator.corpus.sizes import DEFAULT_MAX_ARTICLE_BYTES, parse_size

    try:
        return parse_size(settings.get("max_article_size") or "")
    except ValueError:
        return DEFAULT_MAX_ARTICLE_BYTES
