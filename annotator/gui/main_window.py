"""MainWindow: article list, article view and forms; menus, shortcuts and the status bar.

A thin layer: it turns keys and clicks into session calls and session signals into view
updates. The rules (what a key does to a state) are in ``annotator.edits``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__, edits
from annotator.errors import AnnotatorError
from annotator.gui import i18n, settings
from annotator.gui.actions import base_specs, build_actions, label_specs
from annotator.gui.dialogs.annotator_dialog import AnnotatorDialog
from annotator.gui.dialogs.project_dialogs import ProjectDialogs
from annotator.gui.dialogs.shortcuts_dialog import ShortcutsDialog
from annotator.gui.errors import show_error
from annotator.gui.fonts import MISSING_FONT_HINT
from annotator.gui.models.article_list import ArticleFilter, ArticleListModel, Role
from annotator.gui.session import ProjectSession
from annotator.gui.widgets.article_view import ArticleView, SelectionInSentence
from annotator.gui.widgets.form_panel import FormPanel
from annotator.gui.widgets.guidelines_dock import GuidelinesDock
from annotator.gui.widgets.learning import CurveDialog, UncertainDock
from annotator.gui.widgets.review_view import ReviewView
from annotator.gui.workers import Job, Runner
from annotator.records import Change, SpanValue
from annotator.text.tokens import snap_to_tokens

MENUS = ("file", "edit", "annotate", "navigate", "view", "learn", "annotator", "help")


class MainWindow(QMainWindow):
    def __init__(
        self, session: ProjectSession, *, language: str = "en", font_missing: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.session = session
        self.language = language
        self.font_missing = font_missing
        self.runner: Runner | None = None
        self._saved_at = ""
        session.position_changed.connect(self._on_position)
        session.changed.connect(self._on_changed)
        session.reloaded.connect(self._on_reloaded)
        session.error.connect(self._on_error)
        session.saved.connect(self._on_saved)
        self._build_ui()
        self.resize(1400, 860)
        if not session.restore_position():
            ids = self.articles.article_ids()
            if ids:
                session.go_to(ids[0], None)
        self.view.setFocus()

    # ------------------------------------------------------------------ building

    def _build_ui(self) -> None:
        lang = i18n.content_language(self.language)
        self.setWindowTitle(f"annotator — {self.session.store.name}")
        self.specs = base_specs() + label_specs(self.session.schema, lang)
        self.acts = build_actions(self, self.specs)
        self._build_menus()

        if getattr(self, "articles", None) is not None:
            self.articles.deleteLater()  # rebuilding (language switch, another project)
        self.articles = ArticleListModel(self.session, self)
        self.filter = ArticleFilter(self.articles)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit()
        self.search.setObjectName("article_search")
        self.search.setPlaceholderText(self.tr("Search titles and text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        ll.addWidget(self.search)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All articles"), "")
        for status in ("not started", "in progress", "done"):
            self.status_filter.addItem(self.articles.status_text(status), status)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.filter.set_status(self.status_filter.currentData())
        )
        ll.addWidget(self.status_filter)
        self.article_table = QTableView()
        self.article_table.setObjectName("article_table")
        self.article_table.setModel(self.filter)
        self.article_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.article_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.article_table.verticalHeader().setVisible(False)
        self.article_table.setWordWrap(False)
        header = self.article_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that measures every row of a
        # 10,000-article list on each change.
        metrics = self.article_table.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("000") + 10)
        header.setStretchLastSection(False)
        for col, sample in (
            (1, "0000000000"),
            (2, "Sentences"),
            (3, "000/000"),
            (4, "in progress"),
        ):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 18)
        self.article_table.clicked.connect(self._on_article_clicked)
        self.article_table.activated.connect(self._on_article_clicked)
        ll.addWidget(self.article_table)

        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(4, 4, 4, 4)
        self.banner = QLabel(self.tr(MISSING_FONT_HINT))
        self.banner.setObjectName("font_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #ffe69c;"
        )
        self.banner.setVisible(self.font_missing)
        cl.addWidget(self.banner)
        self.title = QLabel()
        self.title.setObjectName("article_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600; padding: 2px 0 6px 0;")
        cl.addWidget(self.title)
        self.view = ArticleView(self.session.schema)
        self.view.hide_boilerplate = self.acts["hide_boilerplate"].isChecked()
        self.acts["show_suggestions"].setChecked(True)
        self.view.sentence_clicked.connect(self._on_sentence_clicked)
        cl.addWidget(self.view)
        # Up/Down move between sentences only while the article has focus (the list keeps them)
        for key, handler in (("Down", self.next_sentence), ("Up", self.prev_sentence)):
            sc = QShortcut(QKeySequence(key), self.view, context=Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(handler)

        self.form = FormPanel(self.session, lang)
        self.form.focus_return = self.view.setFocus
        scroll = QScrollArea()
        scroll.setObjectName("form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(360)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([420, 640, 380])
        self.review = ReviewView(self.session, lang)
        self.review.dashboard_requested.connect(self.show_dashboard)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.review)
        self.setCentralWidget(self.stack)

        self.guidelines = GuidelinesDock(lang, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.guidelines)
        self.guidelines.hide()
        self.guidelines.visibilityChanged.connect(self.acts["show_guidelines"].setChecked)
        self.uncertain = UncertainDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.uncertain)
        self.uncertain.hide()
        self.uncertain.visibilityChanged.connect(self.acts["uncertain"].setChecked)
        self.uncertain.sentence_chosen.connect(self._on_queue_chosen)
        self.learn_progress = QProgressBar()
        self.learn_progress.setObjectName("learn_progress")
        self.learn_progress.setMaximumWidth(160)
        self.learn_progress.hide()

        bar = QStatusBar()
        self.setStatusBar(bar)
        self.status_annotator = QLabel()
        self.status_saved = QLabel()
        self.status_saved.setObjectName("status_saved")
        self.status_progress = QLabel()
        self.status_progress.setObjectName("status_progress")
        hints = QLabel(
            self.tr(
                "1-3 label · 0 clear · Enter confirm · J/K move · N/P article · B boilerplate · ? keys"
            )
        )
        hints.setStyleSheet("color: #666;")
        for w in (
            self.learn_progress,
            self.status_annotator,
            self.status_saved,
            self.status_progress,
        ):
            bar.addPermanentWidget(w)
        bar.addWidget(hints)
        self.acts[f"lang_{'zh' if self.language.startswith('zh') else 'en'}"].setChecked(True)
        self._update_status()

    def _build_menus(self) -> None:
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "annotate": self.tr("&Annotate"),
            "navigate": self.tr("&Navigate"),
            "view": self.tr("&View"),
            "learn": self.tr("&Learn"),
            "annotator": self.tr("A&nnotator"),
            "help": self.tr("&Help"),
        }
        menus = {m: self.menuBar().addMenu(titles[m]) for m in MENUS}
        menus["view"].setObjectName("menu_view")
        for spec in self.specs:
            if spec.name == "lang_en":
                menus["view"].addSeparator()
            menus[spec.menu].addAction(self.acts[spec.name])
            if spec.name == "import_folder":
                self.recent_menu = menus["file"].addMenu(self.tr("Open &recent"))
                self._fill_recent()
                menus["file"].addSeparator()
        self.menus = menus

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_projects():
            act = self.recent_menu.addAction(path)
            act.triggered.connect(partial(self._open_path, Path(path)))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _rebuild(self) -> None:
        for act in self.actions():
            self.removeAction(act)
        self.menuBar().clear()
        for dock in (self.guidelines, self.uncertain):
            self.removeDockWidget(dock)
            dock.deleteLater()
        old = self.centralWidget()
        self._build_ui()
        old.deleteLater()
        if self.session.article_id is not None:
            self._on_position(self.session.article_id, self.session.sentence_id, force=True)
        self.view.setFocus()

    # ------------------------------------------------------------------ session → views

    def _on_position(self, article_id: int, sentence_id: int | None, force: bool = False) -> None:
        article = self.session.article()
        if force or self.view.article is None or self.view.article.article_id != article_id:
            self.view.set_article(
                article, self.session.sentences(), self.session.states(), self._suggestions()
            )
            self.title.setText(article.title if article else "")
            self.form.show_article()
            self._select_in_list(article_id)
        self.view.set_current(sentence_id)
        s = self.session.sentence(sentence_id)
        self.form.show_state(s.text if s else None, self.session.state(sentence_id))
        self._update_status()

    def _suggestions(self) -> dict:
        """Stored extractor suggestions for the current article (shown as ghost labels)."""
        return self.session.all_suggestions()

    def _on_changed(self, change: Change) -> None:
        if self.session.article_id in change.articles:
            if "boilerplate" in change.kinds:
                self.view.set_sentences(self.session.sentences())
            if "suggestions" in change.kinds:
                self.view.set_suggestions(self.session.all_suggestions())
            for sid in change.sentences:
                self.view.update_state(sid, self.session.state(sid))
            if self.session.sentence_id in change.sentences:
                s = self.session.sentence()
                self.form.show_state(s.text if s else None, self.session.state())
            if "article_fields" in change.kinds:
                self.form.show_article()
        self._update_status()

    def _on_reloaded(self) -> None:
        self.setWindowTitle(f"annotator — {self.session.store.name}")
        self.view.article = None
        self.articles.reload()
        if not self.session.restore_position():
            ids = self.articles.article_ids()
            if ids:
                self.session.go_to(ids[0], None)
            else:
                self.view.set_article(None, [], {})
                self.form.show_state(None, self.session.state(None))
        self._update_status()

    def _on_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _on_saved(self, _name: str) -> None:
        from datetime import datetime

        self._saved_at = datetime.now().strftime("%H:%M:%S")
        self._update_status()

    def _update_status(self) -> None:
        if not hasattr(self, "status_progress"):
            return
        self.status_annotator.setText(self.tr("Annotator: %s") % self.session.annotator.name)
        self.status_saved.setText(
            self.tr("✓ saved %s") % self._saved_at if self._saved_at else self.tr("✓ all saved")
        )
        summary = (
            self.articles.summary(self.session.article_id) if self.session.article_id else None
        )
        decided, total = self.articles.totals()
        art = f"{summary.decided}/{summary.total}" if summary else "–"
        self.status_progress.setText(self.tr("Article %s · project %d/%d") % (art, decided, total))

    def _select_in_list(self, article_id: int) -> None:
        row = self.articles.row_of(article_id)
        if row is None:
            return
        index = self.filter.mapFromSource(self.articles.index(row, 0))
        if index.isValid():
            self.article_table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.article_table.scrollTo(index)

    # ------------------------------------------------------------------ user → session

    def _on_article_clicked(self, index) -> None:
        article_id = index.data(Role.ARTICLE_ID)
        if article_id is not None and article_id != self.session.article_id:
            self.form.commit_note()
            self.session.go_to(article_id, None)
            self.view.setFocus()

    def _on_sentence_clicked(self, sentence_id: int) -> None:
        if sentence_id != self.session.sentence_id:
            self.form.commit_note()
            self.session.go_to(self.session.article_id, sentence_id)

    def _on_search(self, text: str) -> None:
        self.filter.set_text(text)

    def _editing_text(self) -> bool:
        """Whether the keyboard focus is in a form text field (Enter then only ends editing)."""
        w = self.focusWidget()
        return isinstance(w, (QLineEdit, QPlainTextEdit)) and w is not self.view

    def _move(self, step: int) -> None:
        ids = self.view.visible_ids()
        if not ids or self.session.article_id is None:
            return
        cur = self.session.sentence_id
        i = ids.index(cur) if cur in ids else -1
        j = min(max(i + step, 0), len(ids) - 1)
        if ids[j] != cur:
            self.form.commit_note()
            self.session.go_to(self.session.article_id, ids[j])

    def next_sentence(self) -> None:
        self._move(+1)

    def prev_sentence(self) -> None:
        self._move(-1)

    def next_article(self) -> None:
        if self.session.article_id is None:
            return
        nxt = self.session.store.sentences.next_article_with_undecided(
            self.session.annotator.annotator_id, self.session.article_id
        )
        if nxt is None or nxt == self.session.article_id:
            self.statusBar().showMessage(self.tr("No other article has undecided sentences."), 4000)
            if nxt is None:
                return
        self.form.commit_note()
        self.session.go_to(nxt, None)

    def prev_article(self) -> None:
        ids = self.articles.article_ids()
        if self.session.article_id in ids:
            i = ids.index(self.session.article_id)
            if i > 0:
                self.form.commit_note()
                self.session.go_to(ids[i - 1], None)

    def label_key(self, label_id: str, exact: bool = False) -> None:
        sel = self.view.selection_in_sentence()
        label = self.session.schema.label(label_id)
        if sel == "cross":
            self.statusBar().showMessage(self.tr("A span must lie inside one sentence."), 5000)
            return
        if isinstance(sel, SelectionInSentence) and label.span:
            self.add_span(label_id, sel, exact=exact or sel.exact)
            return
        self.view.clear_selection()
        self.session.update_state(
            partial(edits.toggle_label, label=label_id), self.tr("Toggle label")
        )

    def label_key_exact(self, label_id: str) -> None:
        self.label_key(label_id, exact=True)

    def add_span(self, label_id: str, sel: SelectionInSentence, *, exact: bool) -> None:
        sentence = self.session.sentence(sel.sentence_id)
        if sentence is None:
            return
        start, end = (
            (sel.start, sel.end) if exact else snap_to_tokens(sentence.text, sel.start, sel.end)
        )
        while start < end and sentence.text[start].isspace():
            start += 1
        while end > start and sentence.text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        if sel.sentence_id != self.session.sentence_id:
            self.session.go_to(self.session.article_id, sel.sentence_id)
        span = SpanValue(label_id, start, end, {})
        self.view.clear_selection()
        self.session.update_state(
            partial(edits.add_span, span=span), self.tr("Add span"), sentence_id=sel.sentence_id
        )

    def clear_labels(self) -> None:
        self.session.update_state(edits.clear_labels, self.tr("Clear labels"))

    def confirm(self) -> None:
        if self._editing_text():
            self.form.commit_note()
            self.view.setFocus()  # the field's editingFinished saves it
            return
        s = self.session.sentence()
        if s is None:
            return
        self.session.update_state(edits.confirm, self.tr("Confirm sentence"))
        self.session.record_confirmed(s.sentence_id)
        if self.uncertain.isVisible() and self.uncertain.queue:
            aid = self.session.annotator.annotator_id
            store = self.session.store

            def decided(sid: int) -> bool:  # asked only until the first open one: usually once
                found = store.annotations.get(sid, aid)
                return found is not None and found.state.decided

            target = self.uncertain.next_after(s.sentence_id, decided)
            if target is not None:
                self.session.go_to(*target)
                return
        nxt = self.session.store.sentences.next_undecided(
            s.article_id, self.session.annotator.annotator_id, s.position
        )
        if nxt is None:
            self.statusBar().showMessage(
                self.tr("Every sentence of this article is decided. N goes to the next article."),
                6000,
            )
            return
        self.session.go_to(s.article_id, nxt.sentence_id)

    def accept_suggestions(self) -> None:
        if not self.session.accept_suggestions():
            self.statusBar().showMessage(self.tr("No suggestions for this sentence."), 3000)

    def reject_suggestions(self) -> None:
        if not self.session.reject_suggestions():
            self.statusBar().showMessage(self.tr("No suggestions for this sentence."), 3000)

    def toggle_suggestions(self) -> None:
        self.view.set_suggestions(
            self.session.all_suggestions(), show=self.acts["show_suggestions"].isChecked()
        )

    def flip_boilerplate(self) -> None:
        self.session.flip_boilerplate()

    def remove_span(self) -> None:
        self.form.remove_selected_span()

    def edit_note(self) -> None:
        self.form.note.setFocus()

    def undo(self) -> None:
        self.form.commit_note()
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.session.undo_stack.redo()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def toggle_boilerplate(self) -> None:
        hide = self.acts["hide_boilerplate"].isChecked()
        self.view.set_hide_boilerplate(hide, self.session.sentences())
        s = self.session.sentence()
        if hide and s is not None and s.boilerplate:
            self._move(+1)

    def toggle_guidelines(self) -> None:
        self.guidelines.setVisible(not self.guidelines.isVisible())

    def set_language(self, language: str) -> None:
        self.form.commit_note()
        self.language = i18n.install_language(language)
        settings.put("language", self.language)
        self._rebuild()

    def switch_annotator(self) -> None:
        known = [a.name for a in self.session.store.annotators.all()]
        name = AnnotatorDialog.ask(self, self.session.annotator.name, known)
        if not name or name == self.session.annotator.name:
            return
        self.form.commit_note()
        try:
            self.session.set_annotator(name)
        except AnnotatorError as e:
            show_error(self, e)
            return
        settings.put("annotator", name)

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About annotator"),
            self.tr("annotator %s — an annotation workbench for Chinese news and publicity.")
            % __version__,
        )

    # ------------------------------------------------------------------ learning

    def _on_queue_chosen(self, article_id: int, sentence_id: int) -> None:
        self.form.commit_note()
        self.session.go_to(article_id, sentence_id)
        self.view.setFocus()

    def retrain(self) -> Job | None:
        """Train the learned model in the background, then refresh suggestions and the queue."""

        def finished(result) -> None:
            self.session.load_suggestions()
            self.view.set_suggestions(self.session.all_suggestions())
            self.uncertain.set_queue(result["queue"], result["texts"], result["model"])
            self.statusBar().showMessage(
                self.tr("Model %s trained on %d sentences; %d suggestions refreshed.")
                % (result["model"], result["sentences"], result["suggestions"]),
                10000,
            )

        annotator_id = self.session.annotator.annotator_id
        return self._background(
            partial(_retrain_job, annotator_id),
            self.tr("Training the model in the background…"),
            self.tr("Training failed"),
            finished,
        )

    WORKBENCH_MENUS = ("annotate", "navigate", "learn")

    def toggle_review(self) -> None:
        """Switch between annotating and reviewing; workbench keys rest while reviewing."""
        on = self.acts["review_mode"].isChecked()
        self.form.commit_note()
        for spec in self.specs:
            if spec.menu in self.WORKBENCH_MENUS:
                self.acts[spec.name].setEnabled(not on)
        self.stack.setCurrentIndex(1 if on else 0)
        if on:
            self.review.refresh()
            self.review.queue_list.setFocus()
        else:
            self.session._article = None  # gold edits may have changed what the view shows
            if self.session.article_id is not None:
                self._on_position(self.session.article_id, self.session.sentence_id, force=True)
            self.view.setFocus()

    def show_dashboard(self) -> None:
        from annotator.gui.widgets.dashboard import Dashboard, dashboard_data

        try:
            data = dashboard_data(self.session.store, self.review.chosen())
        except AnnotatorError as e:
            show_error(self, e, self.tr("Agreement dashboard"))
            return
        dialog = Dashboard(data, self.session.schema, i18n.content_language(self.language), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def toggle_uncertain(self) -> None:
        self.uncertain.setVisible(not self.uncertain.isVisible())

    def show_curve(self) -> Job | None:
        from annotator.learn.project import curve_project

        def finished(points) -> None:
            self.statusBar().clearMessage()
            dialog = CurveDialog(points, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        return self._background(
            lambda store, progress, cancel: curve_project(
                store, cv=3, progress=progress, cancel=cancel
            ),
            self.tr("Computing the learning curve…"),
            self.tr("Learning curve failed"),
            finished,
        )

    # ------------------------------------------------------------------ projects and import

    def new_project(self) -> None:
        from annotator.demo import default_schema_path
        from annotator.schema import load_schema
        from annotator.store import Store

        answer = ProjectDialogs.new_project(self)
        if answer is None:
            return
        path, schema_path = answer
        try:
            store = Store.create(path, load_schema(schema_path or default_schema_path()))
        except AnnotatorError as e:
            show_error(self, e)
            return
        self._switch_store(store)

    def open_project(self) -> None:
        path = ProjectDialogs.open_project(self)
        if path is not None:
            self._open_path(path)

    def _open_path(self, path: Path) -> None:
        from annotator.store import Store

        try:
            store = Store.open(path)
        except AnnotatorError as e:
            show_error(self, e)
            return
        self._switch_store(store)

    def _switch_store(self, store) -> None:
        self.form.commit_note()
        settings.add_recent_project(str(store.path))
        self.session.replace_store(store)
        self._rebuild()

    def export_data(self) -> Job | None:
        """File → Export: choose what, then write it in the background."""
        from annotator.gui.dialogs.export_dialog import ExportDialog, run_export

        lang = i18n.content_language(self.language)
        labels = [(lab.id, lab.name.get(lang)) for lab in self.session.schema.labels]
        names = [a.name for a in self.session.store.annotators.all()]
        choice = ExportDialog.ask(self, names, labels)
        if choice is None:
            return None
        return self._background(
            partial(_export_job, run_export, choice),
            self.tr("Exporting…"),
            self.tr("Export failed"),
        )

    def merge_project(self) -> Job | None:
        """File → Merge project: bring another project file's articles and layers in."""
        path = ProjectDialogs.other_project(self)
        if path is None:
            return None
        return self._background(
            partial(_merge_job, path), self.tr("Merging…"), self.tr("Merge failed")
        )

    def _background(self, fn, busy: str, failed_title: str, finished=None) -> Job | None:
        """Run ``fn(store, progress, cancel)`` on a worker with progress in the status bar; then
        call ``finished(result)``, or by default reload and show the result's summary()."""
        if self.runner is not None and self.runner.isRunning():
            self.statusBar().showMessage(self.tr("Another job is still running."), 4000)
            return None
        self.form.commit_note()
        job = Job(self.session.store.path, fn)
        self.learn_progress.setRange(0, 0)
        self.learn_progress.show()
        self.statusBar().showMessage(busy)

        def done(result) -> None:
            self.learn_progress.hide()
            if finished is not None:
                finished(result)
                return
            self.articles.reload()
            self.session._article = None
            if self.session.article_id is not None:
                self._on_position(self.session.article_id, self.session.sentence_id, force=True)
            self.statusBar().showMessage(result.summary(), 15000)

        def failed(exc) -> None:
            self.learn_progress.hide()
            self.statusBar().clearMessage()
            show_error(self, exc, failed_title)

        job.progress.connect(
            lambda d, t: (self.learn_progress.setRange(0, t), self.learn_progress.setValue(d))
        )
        job.done.connect(done)
        job.failed.connect(failed)
        self.runner = Runner(job, self)
        self.runner.start()
        return job

    def import_files(self) -> None:
        paths = ProjectDialogs.article_files(self)
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        paths = ProjectDialogs.article_folder(self)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> Job:
        """Import in the background with a progress dialog; Cancel leaves nothing imported."""
        from annotator.corpus.importer import import_paths

        job = Job(self.session.store.path, partial(_import_job, import_paths, list(paths)))
        dialog = QProgressDialog(self.tr("Importing articles…"), self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("import_progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Importing articles… %d of %d files") % (done, total))

        def finished(report) -> None:
            dialog.reset()
            self.articles.reload()
            self.statusBar().showMessage(report.summary(), 10000)
            if self.session.article_id is None:
                ids = self.articles.article_ids()
                if ids:
                    self.session.go_to(ids[0], None)
            self._update_status()

        def failed(exc) -> None:
            dialog.reset()
            show_error(self, exc, self.tr("Import failed"))

        job.progress.connect(progress)
        job.done.connect(finished)
        job.failed.connect(failed)
        self.runner = Runner(job, self)
        self.runner.start()
        return job

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.form.commit_note()
        settings.put("geometry", self.saveGeometry().toBase64().data().decode())
        if self.runner is not None and self.runner.isRunning():
            job = self.runner.job
            for signal in (job.progress, job.done, job.failed):
                signal.disconnect()  # nothing to report to a closed window
            job.cancel()  # jobs stop at their next step; a running QThread
            self.runner.wait()  # destroyed with the window would abort the process
        super().closeEvent(event)


def _retrain_job(annotator_id, store, progress, cancel):
    """Train "default" from the project (gold if any, else every annotator), store its
    suggestions, and rank this annotator's undecided sentences by uncertainty."""
    from annotator.learn.project import suggest_learned, train_project, uncertain_first

    model, _path = train_project(store, name="default", cv=0, progress=progress, cancel=cancel)
    count = suggest_learned(store, "default")
    queue = uncertain_first(store, annotator_id, model, limit=300)
    texts = {sid: text for sid, _a, text in store.learning.sentence_texts([q[0] for q in queue])}
    return {
        "model": f"learned:{model.name}",
        "sentences": model.trained_on["sentences"],
        "suggestions": count,
        "queue": queue,
        "texts": texts,
    }


def _export_job(run_export, choice, store, progress, cancel):
    return run_export(store, choice, progress=progress)


def _merge_job(path, store, progress, cancel):
    from annotator.merge import merge_projects

    return merge_projects(store, path)


def _import_job(import_paths, paths, store, progress, cancel):
    return import_paths(store, paths, progress=progress, cancel=cancel)
