"""Review mode: the queue of disagreements, each annotator's version side by side, and the
gold candidate the reviewer builds and accepts (``annotator.review`` does the work).

Keys (active while review mode is shown): 1..9 take annotator n's version as the candidate,
the label buttons edit it, Enter accepts it into gold (with the note as the reason), S skips,
Z undoes the last adjudication.
"""

from __future__ import annotations

import dataclasses
import html
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator import edits, review
from annotator.errors import AnnotatorError
from annotator.gui.plain import plain_label, plain_tip
from annotator.records import AnnotationState

DIFF_BG = "#fff0b3"


class ReviewView(QWidget):
    """Signals: ``dashboard_requested()``."""

    dashboard_requested = Signal()

    def __init__(self, session, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_view")
        self.session = session
        self.language = language
        self.schema = session.schema
        self.items: list[review.QueueItem] = []
        self.comparison: review.Comparison | None = None
        self.candidate = AnnotationState()
        self.start = self.candidate  # the candidate as shown, before the reviewer changed it
        self.done_ids: set[int] = set()

        top = QHBoxLayout()
        self.annotators_edit = QLineEdit()
        self.annotators_edit.setObjectName("review_annotators")
        self.annotators_edit.setPlaceholderText(
            self.tr("Annotators (comma-separated; empty: everyone)")
        )
        self.annotators_edit.editingFinished.connect(self.refresh)
        top.addWidget(self.annotators_edit, 2)
        self.label_filter = QComboBox()
        self.label_filter.addItem(self.tr("Any label"), "")
        for lab in self.schema.labels:
            self.label_filter.addItem(lab.name.get(language), lab.id)
        self.label_filter.activated.connect(lambda _i: self.refresh())
        top.addWidget(self.label_filter)
        self.pair_filter = QComboBox()
        self.pair_filter.setObjectName("review_pair")
        self.pair_filter.activated.connect(lambda _i: self.refresh())
        top.addWidget(self.pair_filter)
        self.auto_button = QPushButton(self.tr("Auto-adjudicate agreed"))
        self.auto_button.setObjectName("auto_adjudicate")
        self.auto_button.clicked.connect(self.auto_adjudicate)
        top.addWidget(self.auto_button)
        dash = QPushButton(self.tr("Dashboard…"))
        dash.clicked.connect(self.dashboard_requested.emit)
        top.addWidget(dash)
        self.progress_label = plain_label()
        self.progress_label.setObjectName("review_progress")
        top.addWidget(self.progress_label, 1)

        self.queue_list = QListWidget()
        self.queue_list.setObjectName("review_queue")
        self.queue_list.currentRowChanged.connect(self._on_row)

        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        self.context = QTextBrowser()
        self.context.setObjectName("review_context")
        self.context.setMaximumHeight(190)
        ml.addWidget(self.context)
        self.versions = QTableWidget(0, 0)
        self.versions.setObjectName("review_versions")
        self.versions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.versions.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ml.addWidget(self.versions)

        right = QGroupBox(self.tr("Gold candidate"))
        rl = QVBoxLayout(right)
        self.candidate_info = plain_label()
        self.candidate_info.setWordWrap(True)
        rl.addWidget(self.candidate_info)
        self.label_buttons: dict[str, QPushButton] = {}
        for lab in self.schema.labels:
            b = QPushButton(lab.name.get(language))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setStyleSheet(
                f"QPushButton {{ border: 2px solid {lab.color}; border-radius: 4px; padding: 3px; color: {lab.color}; }}"
                f"QPushButton:checked {{ background: {lab.color}; color: white; }}"
            )
            b.clicked.connect(partial(self._toggle, lab.id))
            self.label_buttons[lab.id] = b
            rl.addWidget(b)
        self.span_list = QListWidget()
        self.span_list.setObjectName("candidate_spans")
        self.span_list.setMaximumHeight(140)
        rl.addWidget(self.span_list)
        remove = QPushButton(self.tr("Remove span"))
        remove.clicked.connect(self._remove_span)
        rl.addWidget(remove)
        self.note = QLineEdit()
        self.note.setObjectName("review_note")
        self.note.setPlaceholderText(self.tr("Why (recorded with the decision)"))
        rl.addWidget(self.note)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Accept (Enter)"), self.accept),
            (self.tr("Skip (S)"), self.skip),
            (self.tr("Undo (Z)"), self.undo),
        ):
            b = QPushButton(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        rl.addLayout(buttons)
        rl.addStretch(1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queue_list)
        split.addWidget(middle)
        split.addWidget(right)
        split.setSizes([300, 700, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        for n in range(1, 10):
            sc = QShortcut(
                QKeySequence(str(n)), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            sc.activated.connect(partial(self.take, n))
        for key, slot in (
            ("Return", self.accept),
            ("Enter", self.accept),
            ("S", self.skip),
            ("Z", self.undo),
        ):
            sc = QShortcut(
                QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            sc.activated.connect(slot)

    # ------------------------------------------------------------------ data

    def chosen(self) -> list[str] | None:
        names = [n.strip() for n in self.annotators_edit.text().split(",") if n.strip()]
        return names or None

    def refresh(self) -> None:
        """Reload the queue (keeping the current sentence when it is still open)."""
        store = self.session.store
        keep = self.current_id()
        # seconds on a very large project: show the wait cursor meanwhile
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._fill_pairs()
            pair = self.pair_filter.currentData() or None
            self.items = review.queue(
                store,
                self.chosen(),
                label=self.label_filter.currentData() or None,
                pair=tuple(pair.split("|")) if pair else None,
            )
            prog = review.progress(store, self.chosen())
        except AnnotatorError as e:
            self.items = []
            self.queue_list.clear()
            self.progress_label.setText(str(e))
            self._show(None)
            return
        finally:
            QApplication.restoreOverrideCursor()
        titles = {aid: store.articles.get(aid).title for aid in {i.article_id for i in self.items}}
        self.queue_list.blockSignals(True)
        self.queue_list.clear()
        for item in self.items:
            labels = ", ".join(
                self.schema.label(lab).name.get(self.language) for lab in item.labels
            )
            row = QListWidgetItem(
                f"{titles[item.article_id][:16]} · #{item.position}  [{labels or '/'.join(item.aspects)}]"
            )
            row.setToolTip(plain_tip(" / ".join(f"{a}≠{b}" for a, b in item.pairs)))
            self.queue_list.addItem(row)
        self.queue_list.blockSignals(False)
        self.prog = prog
        self._show_progress()
        ids = [i.sentence_id for i in self.items]
        current = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.queue_list.setCurrentRow(current)
        if current < 0:
            self._show(None)

    def live_refresh(self) -> None:
        """Reload the queue because others changed the project: a candidate the reviewer is
        building for the current sentence stays as it is."""
        keep, candidate, edited = self.current_id(), self.candidate, self.candidate != self.start
        self.refresh()
        if edited and keep is not None and self.current_id() == keep:
            self._set_candidate(candidate)

    def _show_progress(self) -> None:
        p = self.prog
        self.progress_label.setText(
            self.tr("resolved %d of %d · open: %d disputed, %d agreed, %d incomplete")
            % (p.resolved, p.total, p.disputed, p.agreed, p.incomplete)
        )

    def _fill_pairs(self) -> None:
        from annotator.agreement.data import choose_annotators

        names = [a.name for a in choose_annotators(self.session.store, self.chosen())]
        current = self.pair_filter.currentData()
        self.pair_filter.blockSignals(True)
        self.pair_filter.clear()
        self.pair_filter.addItem(self.tr("Any pair"), "")
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                self.pair_filter.addItem(f"{a} ≠ {b}", f"{a}|{b}")
        idx = self.pair_filter.findData(current or "")
        self.pair_filter.setCurrentIndex(max(0, idx))
        self.pair_filter.blockSignals(False)

    def current_id(self) -> int | None:
        row = self.queue_list.currentRow()
        return self.items[row].sentence_id if 0 <= row < len(self.items) else None

    def _on_row(self, row: int) -> None:
        self._show(self.items[row].sentence_id if 0 <= row < len(self.items) else None)

    def _show(self, sentence_id: int | None) -> None:
        if sentence_id is None:
            self.comparison = None
            self.context.setHtml("<p>" + html.escape(self.tr("No open disagreements.")) + "</p>")
            self.versions.setRowCount(0)
            self.versions.setColumnCount(0)
            self.start = AnnotationState()
            self._set_candidate(self.start)
            return
        store = self.session.store
        self.comparison = comp = review.compare(store, sentence_id, self.chosen())
        sentences = store.sentences.for_article(comp.sentence.article_id)
        i = next(k for k, s in enumerate(sentences) if s.sentence_id == sentence_id)
        before = " ".join(s.text for s in sentences[max(0, i - 2) : i] if not s.boilerplate)
        after = " ".join(s.text for s in sentences[i + 1 : i + 3] if not s.boilerplate)
        self.context.setHtml(
            f"<p style='color:#888'>{html.escape(before)}</p>"
            f"<p style='font-size:14pt'><b>{self._marked(comp)}</b></p>"
            f"<p style='color:#888'>{html.escape(after)}</p>"
        )
        self._fill_versions(comp)
        start = comp.gold or (comp.versions[0].state() if comp.versions else AnnotationState())
        self.start = start.with_(decided=True)
        self._set_candidate(self.start)

    def _marked(self, comp) -> str:
        """The sentence with every span any annotator marked underlined."""
        text = comp.sentence.text
        marks = [0] * (len(text) + 1)
        for state in comp.states.values():
            for s in state.spans:
                for k in range(s.start, s.end):
                    marks[k] = 1
        out = []
        for k, ch in enumerate(text):
            e = html.escape(ch)
            out.append(f"<u>{e}</u>" if marks[k] else e)
        return "".join(out)

    def _fill_versions(self, comp) -> None:
        names = list(comp.annotators)
        rows: list[tuple[str, list[str], bool]] = []
        text = comp.sentence.text
        for lab in self.schema.labels:
            values = [
                "✓"
                if lab.id in comp.states[n].labels
                else "–"
                if n in comp.states
                else "(undecided)"
                for n in names
            ]
            rows.append(
                (
                    lab.name.get(self.language),
                    values,
                    len({v for v in values if v != "(undecided)"}) > 1,
                )
            )
        for d in comp.field_diffs:
            values = [str(d.values.get(n, "")) if n in d.values else "" for n in names]
            rows.append(
                (f"{self.schema.label(d.label).name.get(self.language)}.{d.field}", values, True)
            )
        for d in comp.span_diffs:
            values = ["✓" if n in d.marked_by else "–" for n in names]
            rows.append((f"[{text[d.start : d.end]}]", values, True))
        self.versions.clear()
        self.versions.setColumnCount(len(names))
        self.versions.setRowCount(len(rows) + 1)
        self.versions.setHorizontalHeaderLabels([f"{k + 1}  {n}" for k, n in enumerate(names)])
        self.versions.setVerticalHeaderLabels([r[0] for r in rows] + [self.tr("note")])
        for r, (_name, values, differs) in enumerate(rows):
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if differs:
                    item.setBackground(QBrush(QColor(DIFF_BG)))
                self.versions.setItem(r, c, item)
        for c, n in enumerate(names):
            note = comp.states[n].note if n in comp.states else ""
            self.versions.setItem(len(rows), c, QTableWidgetItem(note))

    # ------------------------------------------------------------------ candidate

    def _set_candidate(self, state: AnnotationState) -> None:
        self.candidate = state
        for lab_id, b in self.label_buttons.items():
            b.setChecked(lab_id in state.labels)
        self.span_list.clear()
        text = self.comparison.sentence.text if self.comparison else ""
        for s in state.spans:
            self.span_list.addItem(
                f"{self.schema.label(s.label).name.get(self.language)}: {text[s.start : s.end]}"
            )
        who = ""
        if self.comparison is not None:
            same = [
                v.annotators
                for v in self.comparison.versions
                if review.version_key(v.state()) == review.version_key(state)
            ]
            who = ", ".join(same[0]) if same else self.tr("edited")
        self.candidate_info.setText(self.tr("Candidate: %s") % (who or "–"))

    def take(self, n: int) -> None:
        """Take annotator n's version (1-based, in column order) as the candidate."""
        comp = self.comparison
        if comp is None or not 1 <= n <= len(comp.annotators):
            return
        name = comp.annotators[n - 1]
        if name not in comp.states:
            return
        self._set_candidate(comp.states[name].with_(note="", decided=True))

    def _toggle(self, label_id: str, _checked: bool = False) -> None:
        self._set_candidate(edits.toggle_label(self.candidate, label_id))

    def _remove_span(self) -> None:
        row = self.span_list.currentRow()
        if 0 <= row < len(self.candidate.spans):
            self._set_candidate(edits.remove_span(self.candidate, self.candidate.spans[row]))

    def accept(self) -> None:
        """Write the candidate into gold (undoable) and move to the next open sentence."""
        comp = self.comparison
        if comp is None:
            return
        store = self.session.store
        try:
            edit = review.AdjudicationEdit.make(
                store,
                comp.sentence.sentence_id,
                self.candidate,
                self.session.annotator.name,
                self.note.text().strip(),
                annotators=self.chosen(),
            )
        except AnnotatorError as e:
            self.session.error.emit(e)  # the window shows it (a refusal: the status bar)
            return
        if self.session.apply(edit):
            # Take the sentence off the queue here instead of recomputing the whole queue and
            # progress (seconds on a project of 600,000 sentences): one accept, one row.
            self.done_ids.add(comp.sentence.sentence_id)
            self.note.clear()
            row = self.queue_list.currentRow()
            del self.items[row]
            self.queue_list.blockSignals(True)
            self.queue_list.takeItem(row)
            self.queue_list.blockSignals(False)
            p = self.prog
            self.prog = dataclasses.replace(
                p, resolved=p.resolved + 1, disputed=max(0, p.disputed - 1)
            )
            self._show_progress()
            if self.items:
                self.queue_list.setCurrentRow(min(row, len(self.items) - 1))
                self._on_row(self.queue_list.currentRow())
            else:
                self._show(None)

    def skip(self) -> None:
        row = self.queue_list.currentRow()
        if row + 1 < len(self.items):
            self.queue_list.setCurrentRow(row + 1)

    def undo(self) -> None:
        self.session.undo_stack.undo()
        self.refresh()

    def auto_adjudicate(self) -> None:
        try:
            result = review.auto_adjudicate_agreed(
                self.session.store, self.chosen(), adjudicator=self.session.annotator.name
            )
        except AnnotatorError as e:
            self.session.error.emit(e)  # the window shows it (a refusal: the status bar)
            return
        self.refresh()
        promoted = result.promoted
        self.progress_label.setText(
            self.tr("%n agreed sentence(s) promoted to gold. ", None, promoted)
            + self.progress_label.text()
        )
