"""Pre-annotation: run an extractor over a project and store its suggestions.

Re-running an extractor replaces its earlier suggestions (for the articles it ran on); other
extractors' suggestions stay. Boilerplate sentences get none. One transaction per run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator import jsonsafe
from annotator.errors import AnnotatorError
from annotator.extractors.base import ArticleSentence, Extractor, Suggestion, run_article
from annotator.extractors.contract import ContractReport, conform_all
from annotator.records import Sentence
from annotator.store import Store
from annotator.store.suggestions import StoredSuggestion

Progress = Callable[[int, int], None]


def extract_article(
    store: Store, extractor: Extractor, article_id: int
) -> list[tuple[Sentence, list[Suggestion]]]:
    """The extractor's suggestions for every non-boilerplate sentence of one article.

    The extractor sees the whole article (``run_article``): a learned model reads each sentence
    beside its neighbours, and rules may carry a story across sentences.
    """
    sentences = store.sentences.for_article(article_id)
    title = store.articles.get(article_id).title
    inputs = [ArticleSentence(s.text, s.boilerplate, s.paragraph) for s in sentences]
    results = run_article(extractor, title, inputs)
    return [(s, r) for s, r in zip(sentences, results, strict=True) if not s.boilerplate]


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
) -> tuple[int, int]:
    """Store the extractor's suggestions; return (sentences with suggestions, suggestions).

    What is stored fits the project's schema (``extractors.contract``): fields it does not have
    are mapped or dropped, and counted in ``report``.
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
    for done, article_id in enumerate(ids, start=1):
        for sentence, suggestions in extract_article(store, extractor, article_id):
            touched.append(sentence.sentence_id)
            kept = conform_all(suggestions, store.schema, sentence.text, extractor, report)
            rows.extend(stored(extractor, sentence, kept))
        if progress:
            progress(done, len(ids))
    with store.transaction():
        store.suggestions.replace(extractor.name, None if article_ids is None else touched, rows)
    return len({r.sentence_id for r in rows}), len(rows)
