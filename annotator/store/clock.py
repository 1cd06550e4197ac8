"""The time stamps the store writes (a module of its own so the repositories can import it)."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    """The current time as ISO-8601 UTC text with milliseconds (sortable as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
