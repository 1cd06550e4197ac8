"""The one error tree: every error a user can fix, with ``str(e)`` as the one-line message.

The CLI prints ``Error: <message>`` and exits 1; the GUI shows the message in a dialog. Each
subclass builds its message from structured fields so tests can check both the fields and the text.
"""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base for every error the user can fix; str(e) is the one-line message shown to them."""


class InputError(AnnotatorError):
    """A bad input file (or line of one): names the file, the line when known, and the reason."""

    def __init__(self, path: str | Path | None, reason: str, line: int | None = None) -> None:
        self.path = None if path is None else str(path)
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"


class SchemaError(AnnotatorError):
    """An invalid label schema or form value: names the file, the key path and the reason."""

    def __init__(self, path: str | Path | None, key: str | None, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.key = key
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [p for p in (self.path, self.key) if p]
        return ": ".join([*parts, self.reason])


class StoreError(AnnotatorError):
    """The project database cannot be used: locked, read-only, full, corrupt, not a database."""


class NotAllowed(StoreError):
    """The server refused a write: row-level security lets each login write only its own layer,
    and only reviewers the gold layer. Nothing was written."""


class DatabaseTooNew(StoreError):
    """The database was written by a newer version of annotator than this one."""

    def __init__(self, path: str | Path, found: int, supported: int) -> None:
        self.path = str(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"{self.path}: database version {found} is newer than this annotator supports "
            f"({supported}); upgrade annotator"
        )


class NotFound(AnnotatorError):
    """A lookup by name or id found nothing; the message lists what exists where that helps."""


class Cancelled(AnnotatorError):
    """The user cancelled a long operation; nothing was written."""

    def __init__(self, what: str = "operation") -> None:
        super().__init__(f"{what} cancelled; nothing was changed")
