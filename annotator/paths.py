"""Where files live: resources, seeds, and the user's data and cache directories.

The only module that knows the layout on disk. The project is installed with ``pip install -e .``,
so resources and seeds are found beside the package in the source checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "annotator"
_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Return the path of a file shipped in ``resources/``."""
    return _ROOT.joinpath("resources", *parts)


def seeds_dir() -> Path:
    """Return the folder of demo seed articles."""
    return _ROOT / "seeds"


def seeds_reference_path() -> Path:
    """Return the hand-judged reference annotation of the seed articles (own JSONL)."""
    return _ROOT / "tests" / "data" / "reference" / "seeds.jsonl"


def user_data_dir() -> Path:
    """Return (and create) the per-user data directory; ``ANNOTATOR_HOME`` overrides it."""
    override = os.environ.get("ANNOTATOR_HOME")
    path = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    """Return (and create) the per-user cache directory (jieba's dictionary cache lives here)."""
    override = os.environ.get("ANNOTATOR_HOME")
    if override:
        path = Path(override) / "cache"
    else:
        path = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """Return the default project database: ``$ANNOTATOR_DB`` or annotations.db in user data."""
    env = os.environ.get("ANNOTATOR_DB")
    return Path(env) if env else user_data_dir() / "annotations.db"


def is_server_address(target: object) -> bool:
    """Whether ``target`` names a project on a PostgreSQL server (``postgresql://…``,
    ``postgres://…`` or a ``service=…`` entry of pg_service.conf) rather than a project file."""
    if isinstance(target, Path):
        return False
    text = str(target)
    return text.startswith(("postgresql://", "postgres://", "service="))


def model_dir(db_path: str | Path) -> Path:
    """The project's model folder: ``<project>.models/`` beside the project file."""
    db = Path(db_path)
    return db.with_name(db.stem + ".models")
