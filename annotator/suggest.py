"""Pre-annotation: run an extractor over a project and store its suggestions.

Re-running an extractor replaces its earlier suggestions (for the articles it ran on); other
extractors' suggestions stay. Boilerplate sentences get none. One transaction per run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.extractors.base import (
    ArticleSentence,
    Context,
    Extractor,
    Suggestion,
    run_article,
)
from annotator.records import Sentence
from annotator.store import Store
from annotator.store.suggestions import StoredSuggestion

Progress = Callable[[int, int], None]


def contexts(sentences: Sequence[Sentence], title: str) -> list[Context]:
    """Each sentence's context: its article title, place, and whether it starts/ends its line."""
    out = []
    for i, s in enumerate(sentences):
        prev = sentences[i - 1] if i else None
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        out.append(
            Context(
                article_title=title,
                position=s.position,
                paragraph_start=prev is None or prev.paragraph != s.paragraph,
                paragraph_end=nxt is None or nxt.paragraph != s.paragraph,
                previous=prev.text if prev else "",
            )
        )
    return out


def extract_article(
    store: Store, extractor: Extractor, article_id: int
) -> list[tuple[Sentence, list[Suggestion]]]:
    """The extractor's suggestions for every non-boilerplate sentence of one article."""
    sentences = store.sentences.for_article(article_id)
    title = store.articles.get(article_id).title
    ctx = contexts(sentences, title)
    pairs = [(s, c) for s, c in zip(sentences, ctx, strict=True) if not s.boilerplate]
    many = getattr(extractor, "extract_many", None)
    if getattr(extractor, "extract_article", None) is not None:  # stories run across sentences
        inputs = [ArticleSentence(s.text, s.boilerplate, s.paragraph) for s in sentences]
        whole = run_article(extractor, title, inputs)
        return [(s, r) for s, r in zip(sentences, whole, strict=True) if not s.boilerplate]
    if many is not None:
        results = many([s.text for s, _c in pairs])
    else:
        results = [extractor.extract(s.text, c) for s, c in pairs]
    return [(s, r) for (s, _c), r in zip(pairs, results, strict=True)]


def stored(
    extractor: Extractor, sentence: Sentence, suggestions: list[Suggestion]
) -> list[StoredSuggestion]:
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
) -> tuple[int, int]:
    """Store the extractor's suggestions; return (sentences with suggestions, suggestions)."""
    unknown = [lab for lab in extractor.labels if lab not in store.schema.label_ids]
    if unknown:
        from annotator.errors import AnnotatorError

        raise AnnotatorError(
            f"extractor '{extractor.name}' predicts label(s) {', '.join(unknown)} that this "
            f"project's schema does not have ({', '.join(store.schema.label_ids)})"
        )
    ids = list(article_ids) if article_ids is not None else store.articles.ids()
    rows: list[StoredSuggestion] = []
    touched: list[int] = []
    for done, article_id in enumerate(ids, start=1):
        for sentence, suggestions in extract_article(store, extractor, article_id):
            touched.append(sentence.sentence_id)
            rows.extend(stored(extractor, sentence, suggestions))
        if progress:
            progress(done, len(ids))
    with store.transaction():
        store.suggestions.replace(extractor.name, None if article_ids is None else touched, rows)
    return len({r.sentence_id for r in rows}), len(rows)
