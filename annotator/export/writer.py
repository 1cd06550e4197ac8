"""Run an export: choose the layers and labels, stream the rows, write one file or one per split.

Splits assign whole articles, never sentences, so no article's sentences are in two splits. The
articles are ordered by ``sha256(seed:text_hash)`` and cut at the requested fractions: the same
seed gives the same assignment on every run and in every copy of the project, whichever
annotators or labels are exported; a newly added article moves only the articles near a cut.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from annotator.errors import AnnotatorError, NotFound
from annotator.export import external
from annotator.export.own import OwnArticles, OwnSentences
from annotator.records import Annotator, ExportRow
from annotator.store import Store
from annotator.store.annotators import GOLD_NAME, check_name

FORMATS = ("jsonl", "prodigy", "doccano", "label-studio", "conll")
TASKS = ("textcat", "spans")
UNITS = ("sentence", "article")
EXTENSIONS = {"label-studio": ".json", "conll": ".conll"}
PROGRESS_EVERY = 2000

Progress = Callable[[int, int], None]


class ExportError(AnnotatorError):
    """Export options that cannot work together, or a split specification that is wrong."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    format: str = "jsonl"
    unit: str = "sentence"  # "article": one own-format line per article and annotator
    task: str = "textcat"  # prodigy and doccano: sentence labels or spans
    annotators: tuple[str, ...] = ()
    all_annotators: bool = False
    gold: bool = False
    labels: tuple[str, ...] | None = None  # None: every label of the schema
    include_undecided: bool = False  # every sentence for each chosen annotator, undecided too
    all_sentences: bool = False  # every sentence, even with no annotator (for outside models)


@dataclass(slots=True)
class ExportReport:
    rows: int = 0
    annotators: list[str] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)  # path → rows written to it

    def summary(self) -> str:
        where = "; ".join(f"{path}: {n}" for path, n in self.files.items())
        what = (
            f"exported {self.rows} annotation(s) of {', '.join(self.annotators)}"
            if self.annotators
            else f"exported {self.rows} sentence(s), no annotator's labels"
        )
        return what + (f" ({where})" if where else "")


# --------------------------------------------------------------------------- choosing


def resolve_annotators(store: Store, options: ExportOptions) -> list[Annotator]:
    """The layers to export: named ones, all human ones, and/or gold (default: all human)."""
    chosen: dict[str, Annotator] = {}
    if options.all_annotators or not (options.annotators or options.gold):
        chosen.update((a.name, a) for a in store.annotators.all())
    for name in options.annotators:
        found = store.annotators.find(name)
        if found is None and (options.include_undecided or options.all_sentences):
            # Nothing decided yet is a valid answer: a layer with no rows (id None).
            found = Annotator(None, check_name(name), "human")  # type: ignore[arg-type]
        elif found is None:
            found = store.annotators.get(name)  # NotFound, listing the known ones
        chosen[found.name] = found
    if options.gold:
        gold = store.annotators.find(GOLD_NAME)
        if gold is None:
            raise NotFound("the project has no gold layer yet: adjudicate some sentences first")
        chosen[gold.name] = gold
    return [chosen[name] for name in sorted(chosen)]


def resolve_labels(store: Store, labels: Sequence[str] | None) -> tuple[str, ...]:
    """The labels in scope, in schema order; unknown ids list the known ones."""
    schema = store.schema
    if labels is None:
        return schema.label_ids
    for label in labels:
        if label not in schema.label_ids:
            raise ExportError(
                f"unknown label '{label}' in --labels; known labels: {', '.join(schema.label_ids)}"
            )
    return tuple(schema.order(labels))


def parse_split(spec: str) -> list[tuple[str, float]]:
    """Parse ``train=0.8,dev=0.1,test=0.1``: names and fractions that add up to 1."""
    parts: list[tuple[str, float]] = []
    for item in spec.split(","):
        name, eq, value = item.strip().partition("=")
        name = name.strip()
        if not eq or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
            raise ExportError(f"--split: '{item.strip()}' is not NAME=FRACTION (e.g. train=0.8)")
        try:
            fraction = float(value)
        except ValueError:
            raise ExportError(f"--split: '{value.strip()}' is not a number") from None
        if not 0 <= fraction <= 1:
            raise ExportError(f"--split: fraction of '{name}' must be between 0 and 1")
        if name in dict(parts):
            raise ExportError(f"--split: '{name}' is given twice")
        parts.append((name, fraction))
    total = sum(f for _, f in parts)
    if abs(total - 1) > 1e-6:
        raise ExportError(f"--split: fractions add up to {total:g}, not 1")
    return parts


def assign_splits(
    articles: Sequence[tuple[int, str]], splits: Sequence[tuple[str, float]], seed: int
) -> dict[int, str]:
    """Article id → split name, for (article id, text hash) pairs (see the module doc)."""
    ranked = sorted(articles, key=lambda a: hashlib.sha256(f"{seed}:{a[1]}".encode()).hexdigest())
    out: dict[int, str] = {}
    done, cumulative = 0, 0.0
    for i, (name, fraction) in enumerate(splits):
        cumulative += fraction
        cut = len(ranked) if i == len(splits) - 1 else round(cumulative * len(ranked))
        out.update((article_id, name) for article_id, _ in ranked[done:cut])
        done = max(done, cut)
    return out


def split_path(path: Path, name: str, fmt: str) -> Path:
    """``data.jsonl`` + ``train`` → ``data.train.jsonl``."""
    suffix = path.suffix or EXTENSIONS.get(fmt, ".jsonl")
    return path.with_name(f"{path.stem if path.suffix else path.name}.{name}{suffix}")


# --------------------------------------------------------------------------- writing


def _writer(store: Store, out: TextIO, options: ExportOptions, labels: Sequence[str]) -> Any:
    schema = store.schema
    if options.unit == "article":
        if options.format != "jsonl":
            raise ExportError("the article unit is only available in the jsonl format")
        return OwnArticles(out, schema.hash, store.state.article_fields)
    if options.format == "jsonl":
        return OwnSentences(out, schema.hash)
    kinds: dict[tuple[str, str], type[external._Writer]] = {
        ("prodigy", "textcat"): external.ProdigyTextcat,
        ("prodigy", "spans"): external.ProdigySpans,
        ("doccano", "textcat"): external.DoccanoTextcat,
        ("doccano", "spans"): external.DoccanoSpans,
        ("label-studio", "textcat"): external.LabelStudio,
        ("label-studio", "spans"): external.LabelStudio,
        ("conll", "textcat"): external.Conll,
        ("conll", "spans"): external.Conll,
    }
    kind = kinds.get((options.format, options.task))
    if kind is None:
        raise ExportError(
            f"unknown export format '{options.format}' or task '{options.task}'; formats: "
            f"{', '.join(FORMATS)}; tasks: {', '.join(TASKS)}"
        )
    return kind(out, schema, labels)


def _restrict(row: ExportRow, keep: frozenset[str]) -> ExportRow:
    return replace(
        row,
        labels=tuple(lab for lab in row.labels if lab in keep),
        fields={k: v for k, v in row.fields.items() if k in keep},
        spans=tuple(s for s in row.spans if s.label in keep),
    )


def _stream(
    store: Store, options: ExportOptions, progress: Progress | None
) -> tuple[list[Annotator], tuple[str, ...], Iterator[ExportRow]]:
    annotators = resolve_annotators(store, options)
    labels = resolve_labels(store, options.labels)
    ids = [a.annotator_id for a in annotators]
    every = options.include_undecided or options.all_sentences
    if every:
        layers = [(a.annotator_id, a.name, a.kind) for a in annotators]
        if not layers and not options.all_sentences:
            raise ExportError(
                "no annotator to export; name one with --annotator, or use --all-sentences"
            )
        source = store.exports.every_row(layers)
        total = store.exports.sentence_count() * max(1, len(layers)) if progress else 0
    else:
        source = store.exports.rows(ids, decided_only=True)
        total = store.exports.count(ids, decided_only=True) if progress else 0
    keep = frozenset(labels) if len(labels) < len(store.schema.label_ids) else None

    def rows() -> Iterator[ExportRow]:
        for n, row in enumerate(source, start=1):
            yield row if keep is None else _restrict(row, keep)
            if progress and n % PROGRESS_EVERY == 0:
                progress(n, total)
        if progress:
            progress(total, total)

    return annotators, labels, rows()


def export_rows(
    store: Store, out: TextIO, options: ExportOptions, *, progress: Progress | None = None
) -> ExportReport:
    """Write the chosen annotations to ``out`` in the chosen format."""
    annotators, labels, rows = _stream(store, options, progress)
    writer = _writer(store, out, options, labels)
    report = ExportReport(annotators=[a.name for a in annotators])
    for row in rows:
        writer.add(row)
        report.rows += 1
    writer.close()
    return report


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """A text stream for ``path`` (stdout for None or ``-``), replaced only when complete."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write the file ({e.strerror or e})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export_file(
    store: Store,
    path: Path | None,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
) -> ExportReport:
    """Export to ``path`` (stdout for None or ``-``); a failed export leaves no partial file."""
    with _output(path) as out:
        report = export_rows(store, out, options, progress=progress)
    if path is not None and str(path) != "-":
        report.files[str(path)] = report.rows
    return report


def export_split(
    store: Store,
    path: Path | None,
    options: ExportOptions,
    splits: Sequence[tuple[str, float]],
    seed: int,
    *,
    progress: Progress | None = None,
) -> ExportReport:
    """Export to one file per split (``path`` stem + ``.NAME`` + suffix), whole articles each."""
    if path is None or str(path) == "-":
        raise ExportError("--split writes one file per split: give the file name with -o FILE")
    assignment = assign_splits(store.exports.article_hashes(), splits, seed)
    annotators, labels, rows = _stream(store, options, progress)
    report = ExportReport(annotators=[a.name for a in annotators])
    with contextlib.ExitStack() as stack:
        writers = {}
        for name, _ in splits:
            target = split_path(path, name, options.format)
            out = stack.enter_context(_output(target))
            writers[name] = _writer(store, out, options, labels)
            report.files[str(target)] = 0
        targets = {name: str(split_path(path, name, options.format)) for name, _ in splits}
        for row in rows:
            name = assignment[row.article_id]
            writers[name].add(row)
            report.files[targets[name]] += 1
            report.rows += 1
        for writer in writers.values():
            writer.close()
    return report
