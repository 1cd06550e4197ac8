"""A project with the reference annotation of the seeds imported through the normal path."""

from __future__ import annotations

from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference" / "seeds.jsonl"


@pytest.fixture
def referenced(store):
    from annotator.labels_import import import_labels

    import_labels(store, REFERENCE)
    return store
