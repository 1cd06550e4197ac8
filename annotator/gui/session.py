"""ProjectSession: the open project, the current annotator, the undo stack, and where we are.

Every change goes through ``apply(edit)``: the edit runs in one store transaction, is pushed on
the undo stack, and ``changed`` tells views which articles and sentences to refresh. Navigation
(``go_to``) is remembered in the project so reopening returns to the same place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator import edits
from annotator.edits import Edit, EditConflict, SetArticleFields, SetBoilerplate, SetState
from annotator.errors import AnnotatorError
from annotator.records import EMPTY_STATE, AnnotationState, Article, Change, Sentence
from annotator.store import Store


class ProjectSession(QObject):
    """Signals: ``changed(Change)`` after every edit, undo and redo; ``position_changed(article_id,
    sentence_id)`` after navigation; ``reloaded()`` when the annotator or project changes;
    ``error(Exception)`` when an edit is refused (nothing was written); ``conflict(EditConflict)``
    when an edit built on an older version clashes with another window's newer write (nothing was
    written, the sentence is re-read, and redo applies the edit over it)."""

    changed = Signal(object)
    position_changed = Signal(int, object)
    reloaded = Signal()
    error = Signal(object)
    saved = Signal(str)
    conflict = Signal(object)

    def __init__(self, store: Store, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        with store.transaction():
            self.annotator = store.annotators.get_or_create(annotator)
        self.undo_stack = QUndoStack(self)
        self.article_id: int | None = None
        self.sentence_id: int | None = None
        self._article: Article | None = None
        self._sentences: list[Sentence] = []
        self._suggestions: dict[int, list] = {}
        self._accepted: dict[int, AnnotationState] = {}  # state right after Space, per sentence
        self._seen: dict[int, tuple[AnnotationState, int]] = {}  # shown state and row version
        self._last_conflict: EditConflict | None = None
        self.stepping: str | None = None  # "undo" or "redo" while the stack steps

    # ------------------------------------------------------------------ project and annotator

    @property
    def schema(self):
        return self.store.schema

    def set_annotator(self, name: str) -> None:
        with self.store.transaction():
            self.annotator = self.store.annotators.get_or_create(name)
        self.undo_stack.clear()
        self.reloaded.emit()

    def replace_store(self, store: Store, annotator: str | None = None) -> None:
        """Switch to another project (the old one is closed), as ``annotator`` (default: the
        same name); nothing changes when the new project refuses that annotator."""
        with store.transaction():
            found = store.annotators.get_or_create(annotator or self.annotator.name)
        old = self.store
        self.store = store
        self.annotator = found
        self.undo_stack.clear()
        self.article_id = self.sentence_id = None
        self._article = None
        self._sentences = []
        old.close()
        self.reloaded.emit()

    # ------------------------------------------------------------------ reading

    def article(self) -> Article | None:
        if self.article_id is None:
            return None
        if self._article is None or self._article.article_id != self.article_id:
            self._article = self.store.articles.get(self.article_id)
            self._sentences = self.store.sentences.for_article(
                self.article_id, self._article.text
            )
            self.load_suggestions()
        return self._article

    def forget_article(self) -> None:
        """Drop the cached article, so the next read comes from the store (after gold edits in
        review mode or a background job changed what the view shows)."""
        self._article = None

    def sentences(self) -> list[Sentence]:
        self.article()
        return self._sentences

    def refresh_sentences(self) -> None:
        """Re-read the current article's sentences (after a boilerplate flip)."""
        if self.article_id is not None:
            self._sentences = self.store.sentences.for_article(self.article_id)

    def sentence(self, sentence_id: int | None = None) -> Sentence | None:
        sid = self.sentence_id if sentence_id is None else sentence_id
        for s in self.sentences():
            if s.sentence_id == sid:
                return s
        return None

    def state(self, sentence_id: int | None = None) -> AnnotationState:
        sid = self.sentence_id if sentence_id is None else sentence_id
        if sid is None:
            return AnnotationState()
        self._seen[sid] = self.store.annotations.versioned(sid, self.annotator.annotator_id)
        return self._seen[sid][0]

    def states(self) -> dict[int, AnnotationState]:
        """This annotator's states for the current article's sentences."""
        if self.article_id is None:
            return {}
        found = self.store.annotations.for_article(self.article_id, self.annotator.annotator_id)
        unread = (EMPTY_STATE, 0)  # one shared frozen value: 31,000 sentences in a 2 MB article
        self._seen.update(dict.fromkeys((s.sentence_id for s in self._sentences), unread))
        self._seen.update({sid: (a.state, a.version) for sid, a in found.items()})
        return {sid: a.state for sid, a in found.items()}

    def seen(self, sentence_id: int) -> tuple[AnnotationState, int]:
        """The state this window last read of a sentence, and the row version it had then."""
        if sentence_id not in self._seen:
            self.state(sentence_id)
        return self._seen[sentence_id]

    # ------------------------------------------------------------------ suggestions

    def load_suggestions(self) -> None:
        """Read the current article's extractor suggestions, less those this annotator rejected."""
        if self.article_id is None:
            self._suggestions = {}
            return
        found = self.store.suggestions.for_article(self.article_id)
        rejected = self.store.suggestions.rejected(self.annotator.annotator_id, self.article_id)
        self._suggestions = {
            sid: kept
            for sid, sugs in found.items()
            if (kept := [g for g in sugs if (sid, g.extractor) not in rejected])
        }

    def suggestions(self, sentence_id: int | None = None) -> list:
        sid = self.sentence_id if sentence_id is None else sentence_id
        return self._suggestions.get(sid, []) if sid is not None else []

    def all_suggestions(self) -> dict[int, list]:
        self.article()
        return self._suggestions

    def accept_suggestions(self) -> str | None:
        """Take the current sentence's suggestions into this annotator's layer (undoable).

        Returns None when they are in the layer (taken now or before), else why not: ``""``
        when the sentence shows none, or the one-line message of the refused edit. A refused
        accept writes nothing and is not remembered, so confirming records no outcome.
        """
        sugs = self.suggestions()
        sid = self.sentence_id
        if not sugs or sid is None:
            return ""
        refused: list[AnnotatorError] = []
        self.update_state(
            lambda s: edits.accept_suggestions(s, sugs),
            self.tr("Accept suggestions"),
            refused=refused,
        )
        if refused:
            return str(refused[0])
        self._accepted[sid] = self.state(sid)
        return None

    def reject_suggestions(self) -> bool:
        """Shift+Space: reject the current sentence's suggestions (recorded; their ghosts go)."""
        sid = self.sentence_id
        sugs = self.suggestions()
        if not sugs or sid is None or self.article_id is None:
            return False
        self._record_reviews(sid, sugs, "rejected")
        self._suggestions.pop(sid, None)
        self._accepted.pop(sid, None)
        self.changed.emit(
            Change(frozenset({self.article_id}), frozenset({sid}), frozenset({"suggestions"}))
        )
        return True

    def record_confirmed(self, sentence_id: int) -> None:
        """On confirming a sentence whose suggestions were accepted: unchanged or changed."""
        accepted = self._accepted.pop(sentence_id, None)
        sugs = self.suggestions(sentence_id)
        if accepted is None or not sugs:
            return
        self._record_reviews(
            sentence_id, sugs, edits.review_outcome(accepted, self.state(sentence_id))
        )

    def _record_reviews(self, sentence_id: int, sugs: list, outcome: str) -> None:
        seen = set()
        try:
            with self.store.transaction():
                for g in sugs:
                    if g.extractor not in seen:
                        seen.add(g.extractor)
                        self.store.suggestions.record_review(
                            sentence_id,
                            self.annotator.annotator_id,
                            g.extractor,
                            g.extractor_version,
                            outcome,
                        )
        except AnnotatorError as e:
            self.error.emit(e)

    # ------------------------------------------------------------------ navigation

    def go_to(self, article_id: int, sentence_id: int | None) -> None:
        self.article_id = article_id
        self.article()
        if sentence_id is None and self._sentences:
            first = self.store.sentences.next_undecided(article_id, self.annotator.annotator_id)
            sentence_id = first.sentence_id if first else self._sentences[0].sentence_id
        self.sentence_id = sentence_id
        try:
            self.store.state.set_position(self.annotator.annotator_id, article_id, sentence_id)
        except AnnotatorError as e:  # remembering the place must never block work
            self.error.emit(e)
        self.position_changed.emit(article_id, sentence_id)

    def restore_position(self) -> bool:
        """Go where this annotator last was; False when there is no remembered place."""
        pos = self.store.state.position(self.annotator.annotator_id)
        if pos is None:
            return False
        try:
            self.store.articles.get(pos.article_id)
        except AnnotatorError:
            return False
        self.go_to(pos.article_id, pos.sentence_id)
        return True

    # ------------------------------------------------------------------ editing

    def run_edit(
        self, step: Callable[[Store], Change], refused: list[AnnotatorError] | None = None
    ) -> Change | None:
        """Run an edit step (apply or revert); emit ``changed`` or ``conflict`` or ``error`` (or,
        given a ``refused`` list, put the error there for the caller to report)."""
        self._last_conflict = None
        try:
            change = step(self.store)
        except EditConflict as e:
            self._last_conflict = e
            self._seen[e.sentence_id] = (e.current, e.version)
            self.conflict.emit(e)
            if self.article_id is not None:  # show the newer version
                self.changed.emit(
                    Change(
                        frozenset({self.article_id}),
                        frozenset({e.sentence_id}),
                        frozenset({"annotation", "conflict"}),
                    )
                )
            return None
        except AnnotatorError as e:
            if refused is None:
                self.error.emit(e)
            else:
                refused.append(e)
            return None
        if "boilerplate" in change.kinds:
            self.refresh_sentences()
        self.changed.emit(change)
        self.saved.emit(self.store.path.name)
        return change

    def apply(
        self, edit: Edit, merge_key: object = None, refused: list[AnnotatorError] | None = None
    ) -> bool:
        """Apply ``edit`` now (one transaction) and push it on the undo stack; an edit refused
        for a conflict is pushed undone, so redo applies it over the newer version."""
        from annotator.gui.undo import EditCommand

        change = self.run_edit(edit.apply, refused)
        if change is None:
            conflict = self._last_conflict
            if isinstance(edit, SetState) and conflict is not None:
                self.undo_stack.push(EditCommand.refused(edit, self, conflict))
                self.undo_stack.undo()
            return False
        if isinstance(edit, SetState):
            edit = replace(edit, applied_version=change.version)
        self.undo_stack.push(EditCommand(edit, self, merge_key))
        return True

    def undo(self) -> None:
        """Ctrl+Z. An undo refused for a conflict leaves the edit in place (and on the stack)."""
        self._step(self.undo_stack.undo, self.undo_stack.index() - 1, back=True)

    def redo(self) -> None:
        self._step(self.undo_stack.redo, self.undo_stack.index(), back=False)

    def _step(self, step: Callable[[], None], index: int, back: bool) -> None:
        from annotator.gui.undo import EditCommand

        cmd = self.undo_stack.command(index) if 0 <= index < self.undo_stack.count() else None
        self.stepping = "undo" if back else "redo"
        try:
            step()
        finally:
            self.stepping = None
        if isinstance(cmd, EditCommand) and cmd.bounced:
            cmd.bounced = False
            cmd.skip_once = True  # put the stack's index back: nothing changed
            (self.undo_stack.redo if back else self.undo_stack.undo)()

    def update_state(
        self,
        transform: Callable[[AnnotationState], AnnotationState],
        text: str,
        sentence_id: int | None = None,
        merge_key: object = None,
        base: Callable[[AnnotationState], AnnotationState] | None = None,
        refused: list[AnnotatorError] | None = None,
    ) -> bool:
        """Change a sentence's state by ``transform`` of the state this window shows (built on
        its version; see ``edits.SetState``). ``base`` adjusts that state to what a widget was
        loaded with (a note box being typed in keeps its text while the row moves on)."""
        sid = self.sentence_id if sentence_id is None else sentence_id
        if sid is None or self.article_id is None:
            return False
        before, version = self.seen(sid)
        if base is not None and base(before) != before:
            # built on an older read than the row's version: let the store merge it
            before, version = base(before), -1
        after = transform(before)
        if after == before:
            return False
        edit = SetState(
            self.article_id, sid, self.annotator.annotator_id, before, after, text, version
        )
        return self.apply(edit, merge_key, refused)

    def flip_boilerplate(self, sentence_id: int | None = None) -> bool:
        s = self.sentence(sentence_id)
        if s is None or self.article_id is None:
            return False
        return self.apply(
            SetBoilerplate(self.article_id, s.sentence_id, s.boilerplate, not s.boilerplate)
        )

    def article_fields(self) -> dict:
        if self.article_id is None:
            return {}
        return self.store.state.article_fields(self.article_id, self.annotator.annotator_id)

    def set_article_field(self, field_id: str, value: object) -> bool:
        if self.article_id is None:
            return False
        before = self.article_fields()
        after = {k: v for k, v in before.items() if k != field_id}
        if value not in (None, ""):
            after[field_id] = value
        if after == before:
            return False
        edit = SetArticleFields(self.article_id, self.annotator.annotator_id, before, after)
        return self.apply(edit, merge_key=("article", self.article_id, field_id))
