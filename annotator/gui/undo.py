"""QUndoCommand adapter for the core's undoable edits (annotator.edits).

A ``SetState`` step is versioned (see ``edits.SetState``): the command keeps the row version
after its last step, so undo and redo are compare-and-set writes merged onto whatever another
window wrote since. A step that conflicts writes nothing and "bounces": the session puts the
stack's index back, and the command remembers the conflict, so pressing the same key again
applies the user's step over the newer version. An edit refused when first made is pushed
undone (``refused``), one redo away.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from annotator.edits import EditConflict, SetArticleFields, SetBoilerplate, SetState

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
        self.skip_once = True  # session.apply ran edit.apply before pushing
        self.bounced = False  # the last step was refused for a conflict
        self.pending_redo: EditConflict | None = None  # redo must go over this newer version
        self.pending_undo: EditConflict | None = None  # undo must go over this newer version

    @classmethod
    def refused(
        cls, edit: SetState, session: ProjectSession, conflict: EditConflict
    ) -> EditCommand:
        """An edit that was refused when made: pushed, then undone without writing."""
        cmd = cls(edit, session)
        cmd.setText(f"{edit.text} (not saved: changed in another window)")
        cmd.pending_redo = conflict
        cmd.skip_once = True
        cmd._skip_undo = True
        return cmd

    _skip_undo = False

    def redo(self) -> None:
        if self.skip_once:
            self.skip_once = False
            return
        edit = self.edit
        if isinstance(edit, SetState) and self.pending_redo is not None:
            edit = edit.rebased(self.pending_redo.current, self.pending_redo.version)
        self._run(edit, edit.apply, forward=True)

    def undo(self) -> None:
        if self._skip_undo or self.skip_once:
            self._skip_undo = self.skip_once = False
            return
        edit = self.edit
        if not isinstance(edit, SetState):
            self.session.run_edit(edit.revert)
            return
        inverse = replace(
            edit,
            before=edit.after,
            after=edit.before,
            version=edit.applied_version,
            applied_version=None,
        )
        if self.pending_undo is not None:
            inverse = inverse.rebased(self.pending_undo.current, self.pending_undo.version)
        self._run(inverse, inverse.apply, forward=False)

    def _run(self, edit: Edit, step, *, forward: bool) -> None:
        change = self.session.run_edit(step)
        if not isinstance(self.edit, SetState) or not isinstance(edit, SetState):
            return  # only versioned edits bounce; ``edit`` is ``self.edit`` or its inverse
        if change is None:
            conflict = self.session._last_conflict
            if conflict is not None:
                self.bounced = True
                if forward:
                    self.pending_redo = conflict
                else:
                    self.pending_undo = conflict
            return
        self.pending_redo = self.pending_undo = None
        if forward:  # the edit as written; its undo goes from here
            self.edit = replace(
                self.edit, before=edit.before, after=edit.after, applied_version=change.version
            )
        else:  # undone: a redo is compared with the version the undo wrote
            self.edit = replace(self.edit, version=change.version, applied_version=None)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        mine, theirs = self.edit, other.edit
        if type(mine) is not type(theirs) or not hasattr(mine, "after"):
            return False
        # one step from the first edit's "before" to the last edit's "after"
        if isinstance(mine, SetState) and isinstance(theirs, SetState):
            if (theirs.before, theirs.version) != (mine.after, mine.applied_version):
                return False  # another window wrote between the two: keep two steps
            self.edit = replace(mine, after=theirs.after, applied_version=theirs.applied_version)
        elif isinstance(mine, SetBoilerplate) and isinstance(theirs, SetBoilerplate):
            self.edit = replace(mine, after=theirs.after)
        elif isinstance(mine, SetArticleFields) and isinstance(theirs, SetArticleFields):
            self.edit = replace(mine, after=theirs.after)
        else:
            return False  # an edit kind that does not merge
        return True
