"""Merge another project file into this one: articles, annotators, annotation layers, article
forms and adjudications, in one transaction.

Rules:

- Articles match by text hash (the whitespace-normalised text). New articles are copied with their
  sentences and boilerplate flags; a matched article keeps this project's sentences and flags.
- Sentences of a matched article match by ``annotator.matching``'s rule: by offsets and text,
  else by text when it occurs once in the article on both sides. Annotations of a sentence with no counterpart are counted, not copied.
- Annotators match by name; new ones are added with their kind (the gold layer stays gold).
- One annotator's state of one sentence present in both projects with different content is a
  conflict: the newer ``updated_at`` wins (a tie keeps ours). Article forms and adjudications
  follow the same rule. Identical content is left alone, so merging twice changes nothing.
- Nothing is ever deleted; the only rows rewritten are conflicts the other project won.
- Projects with different label schemas are refused (compare them with ``annotator schema``).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from annotator.errors import AnnotatorError
from annotator.matching import NoMatch, Scope, SentenceRef, match_sentence
from annotator.records import Sentence
from annotator.schema import schema_from_dict
from annotator.store import Store, now
from annotator.store.articles import NewArticle, NewSentence
from annotator.store.merging import (
    AdjudicationRow,
    AnnotationRow,
    ArticleFieldsRow,
    AttachedProject,
    SpanRow,
    meta_dict,
)


class SchemaMismatch(AnnotatorError):
    """The two projects use different label schemas."""


@dataclass(slots=True)
class MergeReport:
    source: str
    articles_added: int = 0
    articles_matched: int = 0
    sentences_added: int = 0
    annotators_added: int = 0
    annotations_added: int = 0
    annotations_unchanged: int = 0
    annotations_replaced: int = 0  # in both, different, theirs newer: theirs now here
    annotations_kept: int = 0  # in both, different, ours newer (or as new): ours kept
    annotations_unmatched: int = 0  # their sentence has no counterpart here: not copied
    article_fields_added: int = 0
    article_fields_replaced: int = 0
    article_fields_kept: int = 0
    adjudications_added: int = 0
    adjudications_replaced: int = 0
    adjudications_kept: int = 0

    @property
    def conflicts(self) -> int:
        """Sentences one annotator edited differently in both projects."""
        return self.annotations_replaced + self.annotations_kept

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "conflicts": self.conflicts}

    def summary(self) -> str:
        """One line for the user."""
        line = (
            f"merged {self.source}: {self.articles_added} new article(s) "
            f"({self.sentences_added} sentences), {self.articles_matched} already here; "
            f"{self.annotators_added} new annotator(s); annotations: {self.annotations_added} "
            f"added, {self.annotations_unchanged} unchanged, {self.conflicts} conflict(s) "
            f"({self.annotations_replaced} newer there taken, {self.annotations_kept} newer "
            "here kept)"
        )
        if self.annotations_unmatched:
            line += f", {self.annotations_unmatched} on sentences not found here (skipped)"
        extra = self.article_fields_added + self.article_fields_replaced
        if extra:
            line += f"; article forms: {extra} added or updated"
        adj = self.adjudications_added + self.adjudications_replaced
        if adj:
            line += f"; adjudications: {adj} added or updated"
        return line


def merge_projects(store: Store, other_path: str | Path) -> MergeReport:
    """Bring the other project's labeled data into ``store`` (one transaction; see module doc).

    Raises StoreError when the other file is missing or not a project of this version, and
    SchemaMismatch when its label schema differs from this project's.
    """
    path = Path(other_path)
    report = MergeReport(source=str(path))
    with store.exports.attach(path) as other:
        theirs = schema_from_dict(json.loads(other.label_schema()), f"{path} (stored schema)")
        if theirs.hash != store.schema.hash:
            raise SchemaMismatch(
                f"{path}: its label schema differs from this project's (hash {theirs.hash} vs "
                f"{store.schema.hash}); only projects with the same schema can be merged "
                "(compare them with `annotator schema --db FILE`)"
            )
        with store.transaction():
            articles = _merge_articles(store, other, report, path)
            sentences = _map_sentences(other, articles)
            annotators = _merge_annotators(other, report)
            _merge_annotations(other, sentences, annotators, report)
            _merge_article_fields(other, articles, annotators, report)
            _merge_adjudications(other, sentences, annotators, report)
    return report


def _merge_articles(
    store: Store, other: AttachedProject, report: MergeReport, path: Path
) -> dict[int, tuple[int, bool]]:
    """Copy new articles; return their article id → (our article id, copied by this merge)."""
    ours = store.articles.by_hash()
    their_articles = other.articles()
    by_article: dict[int, list[Sentence]] = defaultdict(list)
    for s in other.sentences():
        by_article[s.article_id].append(s)
    new = [a for a in their_articles if a.text_hash not in ours]
    if new:
        stamp = now()
        import_id = store.articles.start_import([str(path)], stamp)
        report.sentences_added = store.articles.add_many(
            (
                NewArticle(
                    source=a.source,
                    title=a.title,
                    text=a.text,
                    text_hash=a.text_hash,
                    meta=meta_dict(a.meta),
                    sentences=[
                        NewSentence(s.start, s.end, s.paragraph, s.boilerplate)
                        for s in by_article[a.article_id]
                    ],
                )
                for a in new
            ),
            import_id,
            stamp,
        )
        store.articles.finish_import(import_id, len(new), len(their_articles) - len(new))
        ours = store.articles.by_hash()
    report.articles_added = len(new)
    report.articles_matched = len(their_articles) - len(new)
    new_hashes = {a.text_hash for a in new}
    return {a.article_id: (ours[a.text_hash], a.text_hash in new_hashes) for a in their_articles}


def _map_sentences(other: AttachedProject, articles: dict[int, tuple[int, bool]]) -> dict[int, int]:
    """Their sentence id → ours: by position in copied articles; in matched ones by the rule of
    ``annotator.matching`` (offsets + text, else a text that occurs once in both articles)."""
    ours_by_article: dict[int, list[Sentence]] = defaultdict(list)
    for s in other.our_sentences(a for a, _ in articles.values()):
        ours_by_article[s.article_id].append(s)
    theirs_by_article: dict[int, list[Sentence]] = defaultdict(list)
    for s in other.sentences():
        theirs_by_article[s.article_id].append(s)
    out: dict[int, int] = {}
    for their_article, (our_article, copied) in articles.items():
        mine = ours_by_article[our_article]
        theirs = theirs_by_article[their_article]
        if copied:
            by_position = {s.position: s.sentence_id for s in mine}
            out.update((t.sentence_id, by_position[t.position]) for t in theirs)
            continue
        scope = Scope(mine)
        their_texts = Counter(t.text for t in theirs)
        for t in theirs:
            ref = SentenceRef(t.text, None, t.start, t.end)
            try:
                out[t.sentence_id] = match_sentence(ref, scope, by_text=their_texts[t.text] == 1)
            except NoMatch:
                continue
    return out


def _merge_annotators(other: AttachedProject, report: MergeReport) -> dict[int, int]:
    ours = other.our_annotators()
    theirs = other.annotators()
    missing = [(a.name, a.kind, a.created_at) for a in theirs if a.name not in ours]
    if missing:
        other.add_annotators(missing)
        ours = other.our_annotators()
    report.annotators_added = len(missing)
    return {a.annotator_id: ours[a.name] for a in theirs}


Outcome = Literal["added", "unchanged", "kept", "replaced"]
TAKEN = ("added", "replaced")  # the outcomes that write their row into ours


def resolve(mine_updated: str | None, theirs_updated: str, same: bool) -> Outcome:
    """The one rule of a merge for a row both projects may have: absent here is added, identical
    content is left alone, and otherwise the newer ``updated_at`` wins (a tie keeps ours)."""
    if mine_updated is None:
        return "added"
    if same:
        return "unchanged"
    return "replaced" if theirs_updated > mine_updated else "kept"


def _count(report: MergeReport, kind: str, outcome: Outcome) -> None:
    """Count an outcome in the report (article forms and adjudications count no "unchanged")."""
    name = f"{kind}_{outcome}"
    if hasattr(report, name):
        setattr(report, name, getattr(report, name) + 1)


def _group_spans(rows: list[SpanRow]) -> dict[tuple[int, int], list[SpanRow]]:
    grouped: dict[tuple[int, int], list[SpanRow]] = defaultdict(list)
    for span in rows:
        grouped[(span.sentence_id, span.annotator_id)].append(span)
    return grouped


def _content(row: AnnotationRow, spans: list[SpanRow]) -> tuple[Any, ...]:
    """What an annotation says, parsed, so equal content compares equal however it was written."""
    return (
        json.loads(row.labels),
        json.loads(row.fields),
        row.note,
        bool(row.decided),
        sorted(
            (s.label, s.start, s.end, json.dumps(json.loads(s.fields), sort_keys=True, allow_nan=False))
            for s in spans
        ),
    )


def _merge_annotations(
    other: AttachedProject,
    sentences: dict[int, int],
    annotators: dict[int, int],
    report: MergeReport,
) -> None:
    their_spans = _group_spans(other.spans())
    our_spans = _group_spans(other.our_spans())
    ours = other.our_annotations()
    rows: list[AnnotationRow] = []
    replaced: list[tuple[int, int]] = []
    span_rows: list[SpanRow] = []
    for theirs in other.annotations():
        our_sid = sentences.get(theirs.sentence_id)
        if our_sid is None:
            report.annotations_unmatched += 1
            continue
        key = (our_sid, annotators[theirs.annotator_id])
        spans = their_spans.get((theirs.sentence_id, theirs.annotator_id), [])
        mine = ours.get(key)
        same = mine is not None and _content(theirs, spans) == _content(
            mine, our_spans.get(key, [])
        )
        outcome = resolve(mine and mine.updated_at, theirs.updated_at, same)
        _count(report, "annotations", outcome)
        if outcome in TAKEN:
            rows.append(theirs._replace(sentence_id=key[0], annotator_id=key[1]))
            replaced.append(key)
            span_rows.extend(s._replace(sentence_id=key[0], annotator_id=key[1]) for s in spans)
    other.put_annotations(rows)
    other.replace_spans(replaced, span_rows)


def _merge_article_fields(
    other: AttachedProject,
    articles: dict[int, tuple[int, bool]],
    annotators: dict[int, int],
    report: MergeReport,
) -> None:
    ours = other.our_article_annotations()
    rows: list[ArticleFieldsRow] = []
    for theirs in other.article_annotations():
        key = (articles[theirs.article_id][0], annotators[theirs.annotator_id])
        mine = ours.get(key)
        same = mine is not None and json.loads(mine.fields) == json.loads(theirs.fields)
        outcome = resolve(mine and mine.updated_at, theirs.updated_at, same)
        _count(report, "article_fields", outcome)
        if outcome in TAKEN:
            rows.append(theirs._replace(article_id=key[0], annotator_id=key[1]))
    other.put_article_annotations(rows)


def _merge_adjudications(
    other: AttachedProject,
    sentences: dict[int, int],
    annotators: dict[int, int],
    report: MergeReport,
) -> None:
    ours = other.our_adjudications()
    rows: list[AdjudicationRow] = []
    for theirs in other.adjudications():
        our_sid = sentences.get(theirs.sentence_id)
        if our_sid is None:
            continue
        row = theirs._replace(sentence_id=our_sid, adjudicator_id=annotators[theirs.adjudicator_id])
        mine = ours.get(our_sid)
        same = mine is not None and _decision(mine) == _decision(row)
        outcome = resolve(mine and mine.updated_at, theirs.updated_at, same)
        _count(report, "adjudications", outcome)
        if outcome in TAKEN:
            rows.append(row)
    other.put_adjudications(rows)


def _decision(row: AdjudicationRow) -> tuple[Any, ...]:
    """What an adjudication says: who decided, how, from whose versions, and the note."""
    return (row.adjudicator_id, row.method, json.loads(row.source_annotators), row.note)
