"""The shipped development corpus (``resources/corpus/``): articles, their annotation, the split.

The corpus is the project's own writing (see ``resources/corpus/README.md``): 105 articles in the
genre, annotated sentence by sentence, split by article into ``dev`` (rules and models are built
on it), ``calib`` (thresholds and the default extractor are chosen on it) and ``test`` (frozen,
only reported). Articles are segmented and flagged here exactly as the importer does, and each
annotation line must match its sentence: a segmentation change that would shift the labels is an
error naming the file, not a silent mismatch.

``SplitName``s and ``load`` are what the quality benchmark, ``annotator train --corpus`` and the
shipped model's training script use.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from annotator.errors import InputError
from annotator.paths import resource_path

SplitName = Literal["dev", "calib", "test"]
SPLITS: tuple[SplitName, ...] = ("dev", "calib", "test")


@dataclass(frozen=True, slots=True)
class CorpusSpan:
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CorpusSentence:
    text: str
    boilerplate: bool
    paragraph: int
    labels: frozenset[str]
    spans: tuple[CorpusSpan, ...]
    decided: bool = True  # the seeds' reference leaves page noise undecided


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    name: str  # the article's file name, e.g. h3_07_border_seizure_puer_yunnan.txt
    split: SplitName
    title: str
    text: str
    sentences: tuple[CorpusSentence, ...]


def corpus_dir() -> Path:
    """The folder of the shipped development corpus."""
    return resource_path("corpus")


@lru_cache(maxsize=1)
def split_of() -> dict[str, SplitName]:
    """Article file name → its split, from ``splits.json``."""
    path = corpus_dir() / "splits.json"
    data = json.loads(path.read_text("utf-8"))
    return {name: split for split in SPLITS for name in data[split]}


def load(splits: Sequence[SplitName] = SPLITS) -> list[CorpusArticle]:
    """The articles of the given splits, in file-name order, with their annotation."""
    wanted = set(splits)
    unknown = wanted - set(SPLITS)
    if unknown:
        raise InputError("splits", f"unknown split(s) {sorted(unknown)}; known: {', '.join(SPLITS)}")
    return [
        _load_article(name, split)
        for name, split in sorted(split_of().items())
        if split in wanted
    ]


@lru_cache(maxsize=256)
def _load_article(name: str, split: SplitName) -> CorpusArticle:
    from annotator.corpus.importer import prepare
    from annotator.corpus.readers import read_file

    path = corpus_dir() / "articles" / name
    raw = next(iter(read_file(path)))
    prepared = prepare(raw)
    ann_path = corpus_dir() / "annotations" / (path.stem + ".jsonl")
    lines = [json.loads(x) for x in ann_path.read_text("utf-8").splitlines() if x.strip()]
    if len(lines) != len(prepared.sentences):
        raise InputError(
            str(ann_path),
            f"{len(lines)} annotation lines for {len(prepared.sentences)} sentences; "
            "the segmentation changed: rerun tools/corpus_tool.py skeleton",
        )
    sentences = []
    for number, (row, s) in enumerate(zip(lines, prepared.sentences, strict=True), start=1):
        text = raw.text[s.start : s.end]
        if row["text"] != text:
            raise InputError(
                str(ann_path), "sentence text differs from the article's segmentation", number
            )
        spans = []
        for sp in row["spans"]:
            start = text.find(sp["text"])
            spans.append(CorpusSpan(sp["label"], start, start + len(sp["text"])))
        sentences.append(
            CorpusSentence(text, s.boilerplate, s.paragraph, frozenset(row["labels"]), tuple(spans))
        )
    return CorpusArticle(name, split, prepared.title, raw.text, tuple(sentences))


def load_seeds_reference() -> list[CorpusArticle]:
    """The five seed articles, segmented as imported, with the hand-judged reference annotation
    (``tests/data/reference/seeds.jsonl``; sentences it does not list are undecided)."""
    from annotator.corpus.importer import prepare
    from annotator.corpus.readers import read_file
    from annotator.paths import seeds_dir, seeds_reference_path

    ref: dict[tuple[str, str], frozenset[str]] = {}
    for line in seeds_reference_path().read_text("utf-8").splitlines():
        row = json.loads(line)
        if row.get("decided", True):
            ref[(row["source"], row["text"])] = frozenset(row["labels"])
    out = []
    for path in sorted(seeds_dir().glob("*.txt")):
        raw = next(iter(read_file(path)))
        art = prepare(raw)
        sentences = []
        for s in art.sentences:
            text = raw.text[s.start : s.end]
            labels = ref.get((path.name, text))
            sentences.append(
                CorpusSentence(
                    text, s.boilerplate, s.paragraph, labels or frozenset(), (), labels is not None
                )
            )
        out.append(CorpusArticle(path.name, "dev", art.title, raw.text, tuple(sentences)))
    return out
