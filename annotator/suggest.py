"""Pre-annotation: run an extractor over a project and store its suggestions.

Re-running an extractor replaces its earlier suggestions (for the articles it ran on); other
extractors' suggestions stay. Boilerplate sentences get none. One transaction per run.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from annotator import jsonsafe
from annotator.errors import AnnotatorError
from annotator.extractors.base import ArticleSentence, Extractor, Suggestion, run_article
from annotator.extractors.contract import ContractReport, conform_all
from annotator.records import Sentence
from annotator.store import Store
from annotator.store.suggestions import StoredSuggestion

Progress = Callable[[int, int], None]
Article = tuple[str, Sequence[ArticleSentence]]  # title, sentences

# Articles per batch: a learned model featurises and scores a batch in one pass.
BATCH = 100
# Below this many articles the start-up of worker processes costs more than it saves.
PARALLEL_MIN_ARTICLES = 400


def extract_article(
    store: Store, extractor: Extractor, article_id: int
) -> list[tuple[Sentence, list[Suggestion]]]:
    """The extractor's suggestions for every non-boilerplate sentence of one article.

    The extractor sees the whole article (``run_article``): a learned model reads each sentence
    beside its neighbours, and rules may carry a story across sentences.
    """
    sentences, (title, inputs) = _article_inputs(store, article_id)
    results = run_article(extractor, title, inputs)
    return [(s, r) for s, r in zip(sentences, results, strict=True) if not s.boilerplate]


def _article_inputs(store: Store, article_id: int) -> tuple[list[Sentence], Article]:
    sentences = store.sentences.for_article(article_id)
    title = store.articles.get(article_id).title
    return sentences, (title, [ArticleSentence(s.text, s.boilerplate, s.paragraph) for s in sentences])


def extract_batch(extractor: Extractor, articles: Sequence[Article]) -> list[list[list[Suggestion]]]:
    """Per article, per sentence, the suggestions; one pass for the batch where the extractor
    can (``extract_articles``: the learned models), else article by article."""
    whole = getattr(extractor, "extract_articles", None)
    if whole is None:
        return [run_article(extractor, title, sentences) for title, sentences in articles]
    found: list[list[list[Suggestion]]] = whole(articles)
    return [
        [[] if s.boilerplate else r for s, r in zip(sentences, rows, strict=True)]
        for (_, sentences), rows in zip(articles, found, strict=True)
    ]


def default_workers() -> int:
    return min(os.cpu_count() or 1, 8)


def extract_many(
    extractor: Extractor, articles: Iterable[Article], count: int, workers: int | None = None
) -> Iterator[list[list[Suggestion]]]:
    """``extract_batch`` over many articles in batches of ``BATCH``, yielding each article's
    results in order. ``count`` articles or more (``PARALLEL_MIN_ARTICLES``) run in ``workers``
    processes (all CPUs by default), which end with this process."""
    workers = default_workers() if workers is None else workers
    batches = _batches(articles)
    if workers < 2 or count < PARALLEL_MIN_ARTICLES:
        for batch in batches:
            yield from extract_batch(extractor, batch)
        return
    ctx = multiprocessing.get_context("spawn" if sys.platform != "linux" else "fork")
    warm = getattr(extractor, "warm", None)
    if warm is not None and ctx.get_start_method() == "fork":
        warm()
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init_worker, initargs=(os.getpid(), extractor)
    ) as pool:
        pending: deque[Future[list[list[list[Suggestion]]]]] = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_worker_batch, batch))
                if len(pending) >= 2 * workers:  # bounded: articles are read as they are needed
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


_worker_extractor: Any = None  # in a worker: the extractor (inherited when forked, else pickled)


def _init_worker(parent: int, extractor: Extractor) -> None:
    from annotator.corpus.importer import die_with_parent

    global _worker_extractor
    die_with_parent(parent)
    _worker_extractor = extractor


def _worker_batch(batch: list[Article]) -> list[list[list[Suggestion]]]:
    return extract_batch(_worker_extractor, batch)


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def stored(
    extractor: Extractor, sentence: Sentence, suggestions: list[Suggestion]
) -> list[StoredSuggestion]:
    """The suggestions as stored rows; AnnotatorError when a plug-in returned NaN or Infinity."""
    for g in suggestions:
        where = jsonsafe.non_finite_path(
            {"score": g.score, "fields": dict(g.fields), "spans": [dict(sp.fields) for sp in g.spans]}
        )
        if where:
            raise AnnotatorError(
                f"extractor '{extractor.name}' returned a non-finite number (NaN or Infinity) "
                f"in {where} of its '{g.label}' suggestion for sentence {sentence.sentence_id}; "
                "nothing was stored"
            )
    return [
        StoredSuggestion(
            sentence.sentence_id,
            extractor.name,
            str(extractor.version),
            g.label,
            float(g.score),
            tuple({"start": sp.start, "end": sp.end, "fields": dict(sp.fields)} for sp in g.spans),
            dict(g.fields),
        )
        for g in suggestions
    ]


def run_extractor(
    store: Store,
    extractor: Extractor,
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    report: ContractReport | None = None,
    workers: int | None = None,
) -> tuple[int, int]:
    """Store the extractor's suggestions; return (sentences with suggestions, suggestions).

    What is stored fits the project's schema (``extractors.contract``): fields it does not have
    are mapped or dropped, and counted in ``report``. Many articles are extracted in batches,
    in ``workers`` processes (``extract_many``).
    """
    unknown = [lab for lab in extractor.labels if lab not in store.schema.label_ids]
    if unknown:
        raise AnnotatorError(
            f"extractor '{extractor.name}' predicts label(s) {', '.join(unknown)} that this "
            f"project's schema does not have ({', '.join(store.schema.label_ids)})"
        )
    ids = list(article_ids) if article_ids is not None else store.articles.ids()
    report = report if report is not None else ContractReport()
    rows: list[StoredSuggestion] = []
    touched: list[int] = []
    read: deque[list[Sentence]] = deque()  # the store's sentences of articles being extracted

    def inputs() -> Iterator[Article]:
        for article_id in ids:
            sentences, article = _article_inputs(store, article_id)
            read.append(sentences)
            yield article

    results = extract_many(extractor, inputs(), len(ids), workers)
    for done, found in enumerate(results, start=1):
        for sentence, suggestions in zip(read.popleft(), found, strict=True):
            if sentence.boilerplate:
                continue
            touched.append(sentence.sentence_id)
            kept = conform_all(suggestions, store.schema, sentence.text, extractor, report)
            rows.extend(stored(extractor, sentence, kept))
        if progress:
            progress(done, len(ids))
    with store.transaction():
        store.suggestions.replace(extractor.name, None if article_ids is None else touched, rows)
    return len({r.sentence_id for r in rows}), len(rows)
