"""The learned extractor on a project: train from its layers, save and load its model files,
predict suggestions, and order undecided sentences by uncertainty (active learning)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.learn.model import SUFFIX, LearnedModel, load_model, require_sklearn
from annotator.learn.train import (
    Cancel,
    Dataset,
    learning_curve,
    make_dataset,
    train,
    uncertainty,
)
from annotator.paths import model_dir
from annotator.store import Store
from annotator.store.suggestions import StoredSuggestion

Progress = Callable[[int, int], None]
PREFIX = "learned:"


def layer_ids(
    store: Store, annotators: Sequence[str] = (), gold: bool = False
) -> tuple[list[int], str]:
    """Annotator ids to learn from and a description; default: gold if it has data, else everyone."""
    if gold:
        return [store.annotators.gold().annotator_id], "gold"
    if annotators:
        return [store.annotators.get(n).annotator_id for n in annotators], ",".join(annotators)
    gold_id = store.annotators.gold().annotator_id
    if store.learning.training_rows([gold_id]):
        return [gold_id], "gold"
    humans = store.annotators.all()
    return [a.annotator_id for a in humans], ",".join(a.name for a in humans) or "(nobody)"


def project_dataset(
    store: Store, annotators: Sequence[str] = (), gold: bool = False, labels: Sequence[str] = ()
) -> tuple[Dataset, str]:
    ids, who = layer_ids(store, annotators, gold)
    wanted = tuple(labels) or store.schema.label_ids
    for lab in wanted:
        store.schema.label(lab)  # unknown labels are refused with the known ones listed
    rows = store.learning.training_rows(ids)
    if not rows:
        raise AnnotatorError(f"no decided sentences to learn from in the layer(s): {who}")
    return make_dataset(rows, wanted), who


def train_project(
    store: Store,
    *,
    name: str = "default",
    annotators: Sequence[str] = (),
    gold: bool = False,
    labels: Sequence[str] = (),
    cv: int = 5,
    use_rules: bool = True,
    out: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[LearnedModel, Path]:
    require_sklearn()
    ds, who = project_dataset(store, annotators, gold, labels)
    model = train(
        ds,
        name=name,
        schema_hash=store.schema.hash,
        use_rules=use_rules,
        cv=cv,
        trained_on={"layers": who, "project": store.path.name},
        progress=progress,
        cancel=cancel,
    )
    if out is not None:  # --out FILE.model: that file (the model takes the file's name)
        model.name = out.stem
        return model, model.save(out.parent)
    return model, model.save(model_dir(store.path))


def curve_project(
    store: Store,
    *,
    annotators: Sequence[str] = (),
    gold: bool = False,
    labels: Sequence[str] = (),
    cv: int = 5,
    use_rules: bool = True,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[dict[str, Any]]:
    require_sklearn()
    ds, _who = project_dataset(store, annotators, gold, labels)
    return learning_curve(ds, k=cv, use_rules=use_rules, progress=progress, cancel=cancel)


def model_names(store: Store) -> list[str]:
    folder = model_dir(store.path)
    return sorted(p.stem for p in folder.glob(f"*{SUFFIX}")) if folder.exists() else []


def load_project_model(store: Store, name: str) -> LearnedModel:
    """Load ``name`` (or ``learned:name``) from the project's model folder, or a path."""
    name = name.removeprefix(PREFIX)
    path = Path(name)
    if path.suffix != SUFFIX:
        path = model_dir(store.path) / f"{name}{SUFFIX}"
    if not path.exists():
        known = ", ".join(model_names(store)) or "none yet; run 'annotator train'"
        raise InputError(str(path), f"no model '{name}' (models of this project: {known})")
    return load_model(path, store.schema.hash)


def predict(
    store: Store,
    model: LearnedModel,
    sentence_ids: Sequence[int] | None = None,
    batch: int = 2000,
    progress: Progress | None = None,
) -> list[tuple[int, dict[str, float]]]:
    """(sentence_id, probabilities) for non-boilerplate sentences (all, or these)."""
    rows = store.learning.sentence_texts(sentence_ids)
    out: list[tuple[int, dict[str, float]]] = []
    for i in range(0, len(rows), batch):
        chunk = rows[i : i + batch]
        probs = model.probabilities([t for _s, _a, t in chunk])
        out.extend((sid, p) for (sid, _a, _t), p in zip(chunk, probs, strict=True))
        if progress:
            progress(min(i + batch, len(rows)), len(rows))
    return out


def suggestion_rows(
    model: LearnedModel, predictions: Sequence[tuple[int, dict[str, float]]]
) -> list[StoredSuggestion]:
    """Stored suggestions: one per label whose probability reaches the model's threshold."""
    name = PREFIX + model.name
    return [
        StoredSuggestion(sid, name, model.version, lab, round(p, 4))
        for sid, probs in predictions
        for lab, p in probs.items()
        if p >= model.threshold
    ]


def suggest_learned(
    store: Store,
    name: str,
    sentence_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Store the model's suggestions (replacing its earlier ones); return how many."""
    model = load_project_model(store, name)
    rows = suggestion_rows(model, predict(store, model, sentence_ids, progress=progress))
    with store.transaction():
        store.suggestions.replace(PREFIX + model.name, sentence_ids, rows)
    return len(rows)


def uncertain_first(
    store: Store, annotator_id: int, model: LearnedModel, limit: int = 200
) -> list[tuple[int, int, float]]:
    """Undecided sentences of this annotator, most uncertain first: (sentence_id, article_id, u)."""
    rows = store.learning.undecided(annotator_id)
    if not rows:
        return []
    probs = model.probabilities([t for _s, _a, t in rows])
    ranked = sorted(
        ((sid, aid, uncertainty(p)) for (sid, aid, _t), p in zip(rows, probs, strict=True)),
        key=lambda r: -r[2],
    )
    return ranked[:limit]
