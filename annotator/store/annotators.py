"""Annotators: the people whose layers the project holds, plus the one gold (adjudicated) layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError, NotFound
from annotator.records import Annotator
from annotator.store.clock import now

if TYPE_CHECKING:
    from annotator.store import Store

GOLD_NAME = "gold"


def check_name(name: str) -> str:
    """Return a cleaned annotator name, or raise for an empty or reserved one."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise AnnotatorError("annotator name must not be empty")
    if cleaned.lower() == GOLD_NAME:
        raise AnnotatorError(f"annotator name '{cleaned}' is reserved for the adjudicated layer")
    if len(cleaned) > 64:
        raise AnnotatorError("annotator name must be at most 64 characters")
    return cleaned


class Annotators:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get_or_create(self, name: str) -> Annotator:
        """Return the human annotator called ``name``, adding them if new (own transaction)."""
        name = check_name(name)
        found = self.find(name)
        if found:
            return found
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO annotators (name, kind, created_at) VALUES (?, 'human', ?) "
                "ON CONFLICT (name) DO NOTHING",
                [name, now()],
            )
        found = self.find(name)
        assert found is not None
        return found

    def gold(self) -> Annotator:
        """The gold layer's pseudo-annotator, created on first use (own transaction)."""
        found = self.find(GOLD_NAME)
        if found:
            return found
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO annotators (name, kind, created_at) VALUES (?, 'gold', ?) "
                "ON CONFLICT (name) DO NOTHING",
                [GOLD_NAME, now()],
            )
        found = self.find(GOLD_NAME)
        assert found is not None
        return found

    def find(self, name: str) -> Annotator | None:
        rows = self.store.query(
            "SELECT annotator_id, name, kind FROM annotators WHERE name = ?", [name]
        )
        return Annotator(*rows[0]) if rows else None

    def get(self, name: str) -> Annotator:
        """The annotator called ``name``; unknown names list the known ones."""
        found = self.find(name)
        if found is None:
            known = ", ".join(a.name for a in self.all()) or "none yet"
            raise NotFound(f"unknown annotator '{name}'; known annotators: {known}")
        return found

    def by_id(self, annotator_id: int) -> Annotator:
        rows = self.store.query(
            "SELECT annotator_id, name, kind FROM annotators WHERE annotator_id = ?", [annotator_id]
        )
        if not rows:
            raise NotFound(f"no annotator with id {annotator_id}")
        return Annotator(*rows[0])

    def all(self, *, include_gold: bool = False) -> list[Annotator]:
        """Every annotator, by name (the gold layer only when asked)."""
        rows = self.store.query("SELECT annotator_id, name, kind FROM annotators ORDER BY name")
        return [Annotator(*r) for r in rows if include_gold or r[2] == "human"]
