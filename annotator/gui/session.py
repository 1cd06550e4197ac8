"""ProjectSession: the open project, the current annotator, the undo stack, and where we are.

Every change goes through ``apply(edit)``: the edit runs in one store transaction, is pushed on
the undo stack, and ``changed`` tells views which articles and sentences to refresh. Navigation
(``go_to``) is remembered in the project so reopening returns to the same place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.edits import Edit, SetArticleFields, SetBoilerplate, SetState
from annotator.errors import AnnotatorError
from annotator.records import AnnotationState, Article, Change, Sentence
from annotator.store import Store


class ProjectSession(QObject):
    """Signals: ``changed(Change)`` after every edit, undo and redo; ``position_changed(article_id,
    sentence_id)`` after navigation; ``reloaded()`` when the annotator or project changes;
    ``error(Exception)`` when an edit is refused (nothing was written)."""

    changed = Signal(object)
    position_changed = Signal(int, object)
    reloaded = Signal()
    error = Signal(object)
    saved = Signal(str)

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

    # ------------------------------------------------------------------ project and annotator

    @property
    def schema(self):
        return self.store.schema

    def set_annotator(self, name: str) -> None:
        with self.store.transaction():
            self.annotator = self.store.annotators.get_or_create(name)
        self.undo_stack.clear()
        self.reloaded.emit()

    def replace_store(self, store: Store) -> None:
        """Switch to another project file (the old one is closed)."""
        old = self.store
        self.store = store
        with store.transaction():
            self.annotator = store.annotators.get_or_create(self.annotator.name)
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
            self._sentences = self.store.sentences.for_article(self.article_id)
        return self._article

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
        return self.store.annotations.state(sid, self.annotator.annotator_id)

    def states(self) -> dict[int, AnnotationState]:
        """This annotator's states for the current article's sentences."""
        if self.article_id is None:
            return {}
        found = self.store.annotations.for_article(self.article_id, self.annotator.annotator_id)
        return {sid: a.state for sid, a in found.items()}

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

    def run_edit(self, step: Callable[[Store], Change]) -> bool:
        """Run an edit step (apply or revert); emit ``changed`` or ``error``."""
        try:
            change = step(self.store)
        except AnnotatorError as e:
            self.error.emit(e)
            return False
        if "boilerplate" in change.kinds:
            self.refresh_sentences()
        self.changed.emit(change)
        self.saved.emit(self.store.path.name)
        return True

    def apply(self, edit: Edit, merge_key: object = None) -> bool:
        """Apply ``edit`` now (one transaction) and push it on the undo stack."""
        from annotator.gui.undo import EditCommand

        if not self.run_edit(edit.apply):
            return False
        self.undo_stack.push(EditCommand(edit, self, merge_key))
        return True

    def update_state(
        self,
        transform: Callable[[AnnotationState], AnnotationState],
        text: str,
        sentence_id: int | None = None,
        merge_key: object = None,
    ) -> bool:
        """Change a sentence's state by ``transform`` of its current stored state."""
        sid = self.sentence_id if sentence_id is None else sentence_id
        if sid is None or self.article_id is None:
            return False
        before = self.state(sid)
        after = transform(before)
        if after == before:
            return False
        edit = SetState(self.article_id, sid, self.annotator.annotator_id, before, after, text)
        return self.apply(edit, merge_key)

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
