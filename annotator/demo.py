"""The first-run demo project: a project with the default schema and the seed articles."""

from __future__ import annotations

from pathlib import Path

from annotator.corpus.importer import import_paths
from annotator.paths import is_server_address, resource_path, seeds_dir
from annotator.schema import load_schema
from annotator.store import Store


def default_schema_path() -> Path:
    return resource_path("labels.toml")


def open_project(path: str | Path, *, create_demo: bool = False) -> Store:
    """Open the project at ``path``; with ``create_demo``, make it from the seeds if missing."""
    if is_server_address(path):
        return Store.open(path)
    path = Path(path)
    if create_demo and not (path.exists() and path.stat().st_size > 0):
        return ensure_demo_project(path)
    return Store.open(path)


def ensure_demo_project(path: str | Path) -> Store:
    """Open ``path``, creating it with the default schema and the seeds imported if it is new."""
    store, created = Store.open_or_create(path, load_schema(default_schema_path()))
    if created:
        try:
            import_paths(store, [seeds_dir()])
        except BaseException:
            store.close()
            raise
    return store
