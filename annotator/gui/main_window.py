"""MainWindow: article list, article view and forms; menus, shortcuts and the status bar.

It only assembles: it builds the widgets, wires the action table (``gui/actions.py``) whose
handlers live in ``gui/operations/``, and turns session signals into view updates. The rules
(what a key does to a state, where Enter goes) are in ``annotator.edits`` and
``annotator.workbench``.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import NotAllowed
from annotator.gui import i18n, open_guard, settings
from annotator.gui.actions import base_specs, build_actions, label_keys_hint, label_specs
from annotator.gui.errors import show_error
from annotator.gui.focus import FocusReturn
from annotator.gui.fonts import MISSING_FONT_HINT
from annotator.gui.models.article_list import ArticleFilter, ArticleListModel, Role
from annotator.gui.operations import annotate, display, projects, review_learning
from annotator.gui.plain import plain_label
from annotator.gui.session import ProjectSession
from annotator.gui.sync import LiveSync
from annotator.gui.widgets.article_view import ArticleView
from annotator.gui.widgets.form_panel import FormPanel, form_scroll
from annotator.gui.widgets.guidelines_dock import GuidelinesDock
from annotator.gui.widgets.learning import UncertainDock
from annotator.gui.widgets.review_view import ReviewView
from annotator.gui.widgets.status_bar import StatusBar
from annotator.gui.workers import Runner
from annotator.records import Change
from annotator.workbench import project_place

MENUS = ("file", "edit", "annotate", "navigate", "view", "learn", "annotator", "help")


class MainWindow(QMainWindow):
    articles: ArticleListModel  # built (and rebuilt) by _build_ui
    view: ArticleView

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
        self.sync = LiveSync(self)
        self.focus_return = FocusReturn(self, self.focus_work)
        self.resize(1400, 860)
        open_guard.open_first_place(self)
        self.view.setFocus()

    # ------------------------------------------------------------------ building

    def _build_ui(self) -> None:
        lang = i18n.content_language(self.language)
        self._set_title()
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
        down = QShortcut(QKeySequence("Down"), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(partial(annotate.open_first_hit, self))
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
        # the list never gets narrower than its counts and status plus some title: a dock
        # (F1 guidelines) takes its room from the article and the forms instead
        fixed = sum(header.sectionSize(c) for c in range(1, 5))
        left.setMinimumWidth(fixed + metrics.horizontalAdvance("0" * 12) + 40)
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
        self.title = plain_label()
        self.title.setObjectName("article_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600; padding: 2px 0 6px 0;")
        cl.addWidget(self.title)
        self.view = ArticleView(self.session.schema)
        self.view.hide_boilerplate = self.acts["hide_boilerplate"].isChecked()
        self.acts["show_suggestions"].setChecked(True)
        self.view.sentence_clicked.connect(self._on_sentence_clicked)
        self.view.painted.connect(open_guard.clear_soon)
        cl.addWidget(self.view)
        # ↓/↑ move between sentences only while the article has focus (the list keeps them)
        for spec in self.specs:
            for key in spec.view_keys:
                sc = QShortcut(QKeySequence(key), self.view)
                sc.setContext(Qt.ShortcutContext.WidgetShortcut)
                sc.activated.connect(self.acts[spec.name].trigger)

        self.form = FormPanel(self.session, lang)
        self.form.focus_return = self.view.setFocus
        self.form.typing.connect(self.update_status)
        self.form.hints.accept_requested.connect(self.acts["accept_article_hints"].trigger)
        scroll = form_scroll(self.form)
        right = QWidget()  # the form scrolls; the note and Decided stay in view below it
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(scroll, 1)
        rl.addWidget(self.form.footer)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([420, 640, 380])
        self.review = ReviewView(self.session, lang)
        self.review.dashboard_requested.connect(partial(review_learning.show_dashboard, self))
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
        self.uncertain.sentence_chosen.connect(partial(review_learning.go_to_queued, self))
        bar = StatusBar(
            self.tr(
                "%s label · 0 clear · Enter confirm · Space accept · J/K move · N/P article · B boilerplate · ? keys"
            )
            % label_keys_hint(self.session.schema)
        )
        self.setStatusBar(bar)
        self.learn_progress, self.key_hints = bar.learn_progress, bar.key_hints
        self.status_annotator, self.status_saved = bar.annotator, bar.saved
        self.status_progress = bar.progress
        self.acts[f"lang_{'zh' if self.language.startswith('zh') else 'en'}"].setChecked(True)
        self.update_status()

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
        for target in settings.recent_projects():  # a path, or a server address (kept a str)
            act = self.recent_menu.addAction(target)
            act.triggered.connect(partial(projects.open_path, self, target))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def rebuild(self) -> None:
        """Build the window again (another language or project)."""
        for act in self.actions():
            self.removeAction(act)
        self.menuBar().clear()
        for dock in (self.guidelines, self.uncertain):
            self.removeDockWidget(dock)
            dock.deleteLater()
        old = self.centralWidget()
        self._build_ui()
        if old is not None:
            old.deleteLater()
        if self.session.article_id is not None:
            self._on_position(self.session.article_id, self.session.sentence_id, force=True)
        self.view.setFocus()

    # ------------------------------------------------------------------ session → views

    def _on_position(self, article_id: int, sentence_id: int | None, force: bool = False) -> None:
        article = self.session.article()
        if force or self.view.article is None or self.view.article.article_id != article_id:
            open_guard.mark(self.session.store.path, article_id)
            self.view.set_article(
                article, self.session.sentences(), self.session.states(), self._suggestions()
            )
            self.title.setText(article.title if article else "")
            self.form.show_article()
            display.select_in_list(self, article_id)
        self.view.set_current(sentence_id)
        s = self.session.sentence(sentence_id)
        self.form.show_state(s.text if s else None, self.session.state(sentence_id))
        self.update_status()

    def reload_article(self) -> None:
        """Read the current article from the store again and show it."""
        self.session.forget_article()
        if self.session.article_id is not None:
            self._on_position(self.session.article_id, self.session.sentence_id, force=True)

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
        self.update_status()

    def _on_reloaded(self) -> None:
        self._set_title()
        self.view.article = None
        self.articles.reload()
        if not self.session.restore_position():
            ids = self.articles.article_ids()
            if ids:
                self.session.go_to(ids[0], None)
            else:
                self.view.set_article(None, [], {})
                self.form.show_state(None, self.session.state(None))
        self.update_status()

    def _set_title(self) -> None:
        """The title always says who is annotating which project, and where it lives."""
        store = self.session.store
        self.setWindowTitle(
            f"annotator — {store.name} — {self.session.annotator.name} — {project_place(store)}"
        )

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, NotAllowed):  # the server's refusal: a status line, not a dialog
            self.sync.refused(exc)
        else:
            show_error(self, exc)

    def _on_saved(self, _name: str) -> None:
        from datetime import datetime

        self._saved_at = datetime.now().strftime("%H:%M:%S")
        self.update_status()

    def update_status(self) -> None:
        bar = self.statusBar()
        if not isinstance(bar, StatusBar):
            return
        summary = (
            self.articles.summary(self.session.article_id) if self.session.article_id else None
        )
        art = f"{summary.decided}/{summary.total}" if summary else "–"
        name, dirty = self.session.annotator.name, self.form.dirty()
        bar.show_state(name, self._saved_at, art, *self.articles.totals(), unsaved=dirty)

    # ------------------------------------------------------------------ user → session

    def _on_article_clicked(self, index) -> None:
        article_id = index.data(Role.ARTICLE_ID)
        if article_id is not None and article_id != self.session.article_id:
            self.form.commit_note()
            self.session.go_to(article_id, None)
            self.view.setFocus()

    def _on_sentence_clicked(self, sentence_id: int) -> None:
        if sentence_id != self.session.sentence_id and self.session.article_id is not None:
            self.form.commit_note()
            self.session.go_to(self.session.article_id, sentence_id)

    def _on_search(self, text: str) -> None:
        self.filter.set_text(text)

    def focus_work(self) -> None:
        """The keys to the article view (or, in review mode, the review queue)."""
        (self.view if self.stack.currentIndex() == 0 else self.review.queue_list).setFocus()

    def editing_text(self) -> bool:
        """Whether the keyboard focus is in a form text field (Enter then only ends editing)."""
        w = self.focusWidget()
        return isinstance(w, (QLineEdit, QPlainTextEdit))  # the article view is a QTextEdit

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.form.commit_note()
        open_guard.forget()  # a clean close: nothing died while opening
        settings.put("geometry", bytes(self.saveGeometry().toBase64().data()).decode())
        if self.runner is not None and self.runner.isRunning():
            job = self.runner.job
            for signal in (job.progress, job.done, job.failed):
                signal.disconnect()  # nothing to report to a closed window
            job.cancel()  # jobs stop at their next step; a running QThread
            self.runner.wait()  # destroyed with the window would abort the process
        super().closeEvent(event)
