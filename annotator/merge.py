"""Merge another project file into this one: articles, annotators, annotation layers, article
forms and adjudications, in one transaction.

Rules:

- Articles match by text hash (the whitespace-normalised text). New articles are copied with their
  sentences and boilerplate flags; a matched article keeps this project's sentences and flags.
- Sentences of a matched article match by offsets and text, else by text when it occurs once in
  the article on both sides. Annotations of a sentence with no counterpart are counted, not copied.
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
from typing import Any

from annotator.errors import AnnotatorError
from annotator.schema import schema_from_dict
from annotator.store import Store, now
from annotator.store.articles import NewArticle, NewSentence
from annotator.store.merging import AttachedProject, meta_dict


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
    by_article: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in other.sentences():
        by_article[row[1]].append(row)
    new = [a for a in their_articles if a[4] not in ours]
    if new:
        stamp = now()
        import_id = store.articles.start_import([str(path)], stamp)
        report.sentences_added = store.articles.add_many(
            (
                NewArticle(
                    source=a[1],
                    title=a[2],
                    text=a[3],
                    text_hash=a[4],
                    meta=meta_dict(a[5]),
                    sentences=[NewSentence(s[3], s[4], s[5], bool(s[6])) for s in by_article[a[0]]],
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
    new_hashes = {a[4] for a in new}
    return {a[0]: (ours[a[4]], a[4] in new_hashes) for a in their_articles}


def _map_sentences(other: AttachedProject, articles: dict[int, tuple[int, bool]]) -> dict[int, int]:
    """Their sentence id → ours: by position in copied articles, by offsets+text or unique text
    in matched ones."""
    ours_by_article: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in other.our_sentences(a for a, _ in articles.values()):
        ours_by_article[row[1]].append(row)
    theirs_by_article: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in other.sentences():
        theirs_by_article[row[1]].append(row)
    out: dict[int, int] = {}
    for their_article, (our_article, copied) in articles.items():
        mine = ours_by_article[our_article]
        theirs = theirs_by_article[their_article]
        if copied:
            by_position = {r[2]: r[0] for r in mine}
            out.update((t[0], by_position[t[2]]) for t in theirs)
            continue
        by_offsets = {(r[3], r[4], r[5]): r[0] for r in mine}
        my_texts = Counter(r[5] for r in mine)
        their_texts = Counter(t[7] for t in theirs)
        by_text = {r[5]: r[0] for r in mine if my_texts[r[5]] == 1}
        for t in theirs:
            found = by_offsets.get((t[3], t[4], t[7]))
            if found is None and their_texts[t[7]] == 1:
                found = by_text.get(t[7])
            if found is not None:
                out[t[0]] = found
    return out


def _merge_annotators(other: AttachedProject, report: MergeReport) -> dict[int, int]:
    ours = other.our_annotators()
    theirs = other.annotators()
    missing = [(name, kind, created) for _, name, kind, created in theirs if name not in ours]
    if missing:
        other.add_annotators(missing)
        ours = other.our_annotators()
    report.annotators_added = len(missing)
    return {aid: ours[name] for aid, name, _, _ in theirs}


def _group_spans(rows: list[tuple[Any, ...]]) -> dict[tuple[int, int], list[tuple[Any, ...]]]:
    grouped: dict[tuple[int, int], list[tuple[Any, ...]]] = defaultdict(list)
    for sid, aid, label, start, end, fields in rows:
        grouped[(sid, aid)].append((label, start, end, fields))
    return grouped


def _content(
    labels: str, fields: str, note: str, decided: int, spans: list[tuple[Any, ...]]
) -> tuple[Any, ...]:
    """What an annotation says, parsed, so equal content compares equal however it was written."""
    return (
        json.loads(labels),
        json.loads(fields),
        note,
        bool(decided),
        sorted((lab, s, e, json.dumps(json.loads(f), sort_keys=True, allow_nan=False)) for lab, s, e, f in spans),
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
    rows: list[tuple[Any, ...]] = []
    replaced: list[tuple[int, int]] = []
    span_rows: list[tuple[Any, ...]] = []
    for sid, aid, labels, fields, note, decided, created, updated in other.annotations():
        our_sid = sentences.get(sid)
        if our_sid is None:
            report.annotations_unmatched += 1
            continue
        key = (our_sid, annotators[aid])
        spans = their_spans.get((sid, aid), [])
        mine = ours.get(key)
        if mine is not None:
            if _content(labels, fields, note, decided, spans) == _content(
                *mine[:4], our_spans.get(key, [])
            ):
                report.annotations_unchanged += 1
                continue
            if updated <= mine[5]:
                report.annotations_kept += 1
                continue
            report.annotations_replaced += 1
        else:
            report.annotations_added += 1
        rows.append((*key, labels, fields, note, decided, created, updated))
        replaced.append(key)
        span_rows.extend((*key, *span) for span in spans)
    other.put_annotations(rows)
    other.replace_spans(replaced, span_rows)


def _merge_article_fields(
    other: AttachedProject,
    articles: dict[int, tuple[int, bool]],
    annotators: dict[int, int],
    report: MergeReport,
) -> None:
    ours = other.our_article_annotations()
    rows = []
    for article_id, aid, fields, updated in other.article_annotations():
        key = (articles[article_id][0], annotators[aid])
        mine = ours.get(key)
        if mine is not None:
            if json.loads(mine[0]) == json.loads(fields):
                continue
            if updated <= mine[1]:
                report.article_fields_kept += 1
                continue
            report.article_fields_replaced += 1
        else:
            report.article_fields_added += 1
        rows.append((*key, fields, updated))
    other.put_article_annotations(rows)


def _merge_adjudications(
    other: AttachedProject,
    sentences: dict[int, int],
    annotators: dict[int, int],
    report: MergeReport,
) -> None:
    ours = other.our_adjudications()
    rows = []
    for sid, adjudicator, method, sources, note, created, updated in other.adjudications():
        our_sid = sentences.get(sid)
        if our_sid is None:
            continue
        row = (our_sid, annotators[adjudicator], method, sources, note, created, updated)
        mine = ours.get(our_sid)
        if mine is not None:
            if (mine[0], mine[1], json.loads(mine[2]), mine[3]) == (
                row[1],
                method,
                json.loads(sources),
                note,
            ):
                continue
            if updated <= mine[5]:
                report.adjudications_kept += 1
                continue
            report.adjudications_replaced += 1
        else:
            report.adjudications_added += 1
        rows.append(row)
    other.put_adjudications(rows)
