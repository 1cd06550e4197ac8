"""QUndoCommand adapter for the core's undoable edits (annotator.edits)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from annotator.edits import Edit
    from annotator.gui.session import ProjectSession

MERGE_ID = 4242  # commands with a merge key (typing in one field) merge into one undo step


class EditCommand(QUndoCommand):
    """Pushes an edit that was already applied; undo/redo revert and re-apply it."""

    def __init__(self, edit: Edit, session: ProjectSession, merge_key: object = None) -> None:
        super().__init__(edit.text)
        self.edit = edit
        self.session = session
        self.merge_key = merge_key
        self._applied = True  # session.apply ran edit.apply before pushing

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.session.run_edit(self.edit.apply)

    def undo(self) -> None:
        self.session.run_edit(self.edit.revert)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if type(self.edit) is not type(other.edit) or not hasattr(self.edit, "after"):
            return False
        # one step from the first edit's "before" to the last edit's "after"
        first: Any = self.edit  # a dataclass with an "after" field (checked above)
        last: Any = other.edit
        self.edit = replace(first, after=last.after)
        return True
