"""The learned extractor on a project: train from its layers (and, asked, the shipped corpus),
save and load its model files, store suggestions, and order undecided sentences by uncertainty
(active learning).

Models are ``<project>.models/NAME.npz`` (``annotator.learn.article_model``). Projects trained
before keep their ``NAME.model`` files (the old sentence-only model): they still load, and a
``NAME.npz`` of the same name is preferred.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.extractors.base import ArticleSentence, Extractor
from annotator.extractors.builtin import rules
from annotator.learn.article_extractor import ArticleModelExtractor
from annotator.learn.article_model import (
    SUFFIX,
    ArticleModel,
    TrainArticle,
    from_corpus,
    load_article_model,
)
from annotator.learn.extractor import LearnedExtractor
from annotator.learn.model import SUFFIX as OLD_SUFFIX
from annotator.learn.model import LearnedModel, load_model, require_sklearn
from annotator.learn.train import (
    Cancel,
    Dataset,
    article_probabilities,
    learning_curve,
    train,
    uncertainty,
)
from annotator.paths import model_dir
from annotator.store import Store

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


def corpus_articles() -> tuple[list[TrainArticle], list[TrainArticle]]:
    """The shipped corpus as (training, calibration) articles: ``dev`` plus the seeds'
    reference, and ``calib``. ``test`` is never read."""
    from annotator import devcorpus

    dev = devcorpus.load(["dev"]) + devcorpus.load_seeds_reference()
    return from_corpus(dev), from_corpus(devcorpus.load(["calib"]))


def corpus_labels(articles: Sequence[TrainArticle]) -> tuple[str, ...]:
    return tuple(sorted({lab for a in articles for labs in a.labels for lab in labs or ()}))


def project_dataset(
    store: Store,
    annotators: Sequence[str] = (),
    gold: bool = False,
    labels: Sequence[str] = (),
    corpus: bool = False,
) -> tuple[Dataset, str]:
    """The project's decided sentences as training articles, one per (article, layer), each with
    all its sentences in order (undecided ones are context, not targets)."""
    ids, who = layer_ids(store, annotators, gold)
    base: list[TrainArticle] = []
    calib: list[TrainArticle] = []
    wanted = tuple(labels) or store.schema.label_ids
    if corpus:
        base, calib = corpus_articles()
        known = corpus_labels(base)
        outside = [lab for lab in labels if lab not in known]
        if outside:
            raise AnnotatorError(
                f"the corpus does not annotate {', '.join(outside)} (it has {', '.join(known)}); "
                "train those labels without --corpus"
            )
        wanted = tuple(lab for lab in wanted if lab in known)
    for lab in wanted:
        store.schema.label(lab)  # unknown labels are refused with the known ones listed
    rows = store.learning.training_rows(ids)
    if not rows and not corpus:
        raise AnnotatorError(f"no decided sentences to learn from in the layer(s): {who}")
    layers: dict[tuple[int, int], dict[int, tuple[str, ...]]] = defaultdict(dict)
    for r in rows:
        layers[(r.article_id, r.annotator_id)][r.sentence_id] = r.labels
    articles, groups = [], []
    for (aid, _who), decided in sorted(layers.items()):
        sentences = store.sentences.for_article(aid)
        articles.append(
            TrainArticle(
                store.articles.get(aid).title,
                tuple(ArticleSentence(s.text, s.boilerplate, s.paragraph) for s in sentences),
                tuple(
                    frozenset(decided[s.sentence_id]) if s.sentence_id in decided else None
                    for s in sentences
                ),
            )
        )
        groups.append(aid)
    return Dataset(articles, groups, wanted, base, calib), who


def train_project(
    store: Store,
    *,
    name: str = "default",
    annotators: Sequence[str] = (),
    gold: bool = False,
    labels: Sequence[str] = (),
    cv: int = 5,
    use_rules: bool = True,
    corpus: bool = False,
    out: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[ArticleModel, Path]:
    require_sklearn()
    ds, who = project_dataset(store, annotators, gold, labels, corpus)
    if out is not None:  # --out FILE: FILE.npz (the model takes the file's name)
        name = out.stem
    model = train(
        ds,
        name=name,
        schema_hash=store.schema.hash,
        use_rules=use_rules,
        cv=cv,
        trained_on={"layers": who, "project": store.path.name, "corpus": corpus},
        progress=progress,
        cancel=cancel,
    )
    path = (out.parent if out is not None else model_dir(store.path)) / f"{name}{SUFFIX}"
    return model, model.save(path)


def curve_project(
    store: Store,
    *,
    annotators: Sequence[str] = (),
    gold: bool = False,
    labels: Sequence[str] = (),
    cv: int = 5,
    use_rules: bool = True,
    corpus: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[dict[str, Any]]:
    require_sklearn()
    ds, _who = project_dataset(store, annotators, gold, labels, corpus)
    return learning_curve(ds, k=cv, use_rules=use_rules, progress=progress, cancel=cancel)


def model_names(store: Store) -> list[str]:
    folder = model_dir(store.path)
    if not folder.exists():
        return []
    return sorted({p.stem for suffix in (SUFFIX, OLD_SUFFIX) for p in folder.glob(f"*{suffix}")})


def load_project_model(store: Store, name: str) -> ArticleModel | LearnedModel:
    """Load ``name`` (or ``learned:name``) from the project's model folder, or a path:
    ``NAME.npz`` if there is one, else an older ``NAME.model``."""
    name = name.removeprefix(PREFIX)
    path = Path(name)
    if path.suffix not in (SUFFIX, OLD_SUFFIX):
        folder = model_dir(store.path)
        path = folder / f"{name}{SUFFIX}"
        if not path.exists() and (folder / f"{name}{OLD_SUFFIX}").exists():
            path = folder / f"{name}{OLD_SUFFIX}"
    if not path.exists():
        known = ", ".join(model_names(store)) or "none yet; run 'annotator train'"
        raise InputError(str(path), f"no model '{name}' (models of this project: {known})")
    if path.suffix == OLD_SUFFIX:
        return load_model(path, store.schema.hash)
    return load_article_model(path, store.schema.hash)


def project_extractor(store: Store, name: str) -> Extractor:
    """``learned:NAME`` of this project as an extractor (the rules mark spans and fields)."""
    model = load_project_model(store, name)
    if isinstance(model, LearnedModel):
        return LearnedExtractor(model)
    return ArticleModelExtractor(model, PREFIX + model.name, spans_from=rules())


def suggest_learned(
    store: Store,
    name: str,
    sentence_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Store the model's suggestions (replacing its earlier ones, in the articles of these
    sentences or everywhere); return how many."""
    # lazy: annotator.suggest is the pre-annotation pipeline, not needed to train
    from annotator.suggest import run_extractor

    articles = None
    if sentence_ids is not None:
        articles = sorted({aid for _s, aid, _t in store.learning.sentence_texts(sentence_ids)})
    _sentences, count = run_extractor(store, project_extractor(store, name), articles, progress)
    return count


def uncertain_first(
    store: Store, annotator_id: int, model: ArticleModel, limit: int = 200
) -> list[tuple[int, int, float]]:
    """Undecided sentences of this annotator, most uncertain first: (sentence_id, article_id, u).

    Each sentence is scored in its article, as the model reads it."""
    open_ids: dict[int, set[int]] = defaultdict(set)
    for sid, aid, _t in store.learning.undecided(annotator_id):
        open_ids[aid].add(sid)
    ranked = []
    for aid, wanted in open_ids.items():
        sentences = store.sentences.for_article(aid)
        art = TrainArticle(
            store.articles.get(aid).title,
            tuple(ArticleSentence(s.text, s.boilerplate, s.paragraph) for s in sentences),
            tuple(None for _ in sentences),
        )
        probs = article_probabilities(model, art)
        for s, row in zip(sentences, probs, strict=True):
            if s.sentence_id in wanted:
                p = {lab: float(v) for lab, v in zip(model.labels, row, strict=True)}
                ranked.append((s.sentence_id, aid, uncertainty(p)))
    ranked.sort(key=lambda r: -r[2])
    return ranked[:limit]
