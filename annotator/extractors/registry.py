"""Finding extractors by name: the built-ins, other packages' plug-ins, and learned models.

A plug-in package declares, in its pyproject.toml::

    [project.entry-points."annotator.extractors"]
    my_model = "my_package.module:factory"

where ``factory()`` returns an object with ``name``, ``version``, ``labels`` and
``extract(text, context)`` (see ``annotator.extractors.base``). The built-ins are declared the
same way in this project's pyproject.toml, and also listed here so a checkout that was not
installed still finds them (``annotator.extractors.builtin``). ``learned:NAME`` loads a model
trained with ``annotator train``; ``annotator.learn`` never imports this module, so there is no
import cycle between the two.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.extractors.base import Extractor

# statistics ... rules are re-exported: pyproject's entry points name them here
from annotator.extractors.builtin import (
    BUILTIN,
    anecdotes,
    builtin_extractors,
    rules,
    slogans,
    statistics,
)
from annotator.learn.article_extractor import ArticleModelExtractor, shipped_model
from annotator.learn.project import model_names, project_extractor

if TYPE_CHECKING:
    from annotator.store import Store

__all__ = [
    "BUILTIN",
    "GROUP",
    "UnknownExtractor",
    "anecdotes",
    "builtin_extractors",
    "factories",
    "SHIPPED",
    "get",
    "shipped_extractor",
    "rules",
    "slogans",
    "statistics",
]

GROUP = "annotator.extractors"
# The model shipped in resources/models, trained on the development corpus; a project's own
# model of the same name (annotator train --name default) takes its place.
SHIPPED = "learned:default"


class UnknownExtractor(AnnotatorError):
    pass


def factories() -> dict[str, Callable[[], Extractor]]:
    """Every installed extractor factory by name (built-ins first, then plug-ins)."""
    found = dict(BUILTIN)
    for ep in entry_points(group=GROUP):
        if ep.name not in found:
            found[ep.name] = ep.load
    return found


def get(name: str, store: Store | None = None) -> Extractor:
    """The extractor called ``name``; ``learned:NAME`` needs the project (``store``)."""
    if name == SHIPPED and (store is None or SHIPPED.removeprefix("learned:") not in model_names(store)):
        return shipped_extractor(store)
    if name.startswith("learned:"):
        if store is None:
            raise UnknownExtractor(f"extractor '{name}' needs a project (--db)")
        return project_extractor(store, name)  # NAME.npz, else an older NAME.model
    found = factories()
    if name not in found:
        raise UnknownExtractor(
            f"unknown extractor '{name}'; known: {', '.join(found)}, learned:NAME (annotator train)"
        )
    try:
        made = found[name]()
        if callable(made) and not hasattr(made, "extract"):  # an entry point naming a factory
            made = made()
    except Exception as e:  # a broken plug-in: say which
        raise UnknownExtractor(f"extractor '{name}' failed to load: {e}") from e
    if not all(hasattr(made, a) for a in ("name", "version", "labels", "extract")):
        raise UnknownExtractor(f"extractor '{name}' lacks name, version, labels or extract()")
    return made


def shipped_extractor(store: Store | None = None) -> Extractor:
    """``learned:default``: the shipped model, for a project whose schema has its labels."""
    model = shipped_model()
    if store is not None:
        missing = [lab for lab in model.labels if lab not in store.schema.label_ids]
        if missing:
            raise UnknownExtractor(
                f"extractor '{SHIPPED}' predicts {', '.join(missing)}, which this project's schema "
                "does not have; train a model of your own with 'annotator train'"
            )
    return ArticleModelExtractor(model, SHIPPED, spans_from=rules())
