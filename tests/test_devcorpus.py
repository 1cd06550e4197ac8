"""The shipped development corpus: its annotation matches the app's segmentation, and the split
is by article, complete, disjoint and as large as the extractor issue asks."""

from __future__ import annotations

import json

import pytest

from annotator import devcorpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def articles():
    return devcorpus.load()


def test_every_annotation_line_matches_its_sentence_as_the_importer_segments_it(articles):
    # load() raises InputError naming the file when a line's text differs from the segmentation
    assert len(articles) >= 100
    assert sum(len(a.sentences) for a in articles) >= 3000


def test_the_split_is_by_article_complete_and_disjoint():
    data = json.loads((devcorpus.corpus_dir() / "splits.json").read_text("utf-8"))
    names = [n for s in devcorpus.SPLITS for n in data[s]]
    assert len(names) == len(set(names))
    files = {p.name for p in (devcorpus.corpus_dir() / "articles").glob("*.txt")}
    assert set(names) == files


@pytest.mark.parametrize(("split", "minimum"), [("dev", 2000), ("calib", 400), ("test", 600)])
def test_each_split_is_big_enough_and_has_every_label(articles, split, minimum):
    mine = [a for a in articles if a.split == split]
    sentences = [s for a in mine for s in a.sentences]
    assert len(sentences) >= minimum
    for label in ("statistic", "anecdote", "slogan"):
        assert sum(label in s.labels for s in sentences) >= 50


def test_spans_are_substrings_with_their_sentence_label(articles):
    for a in articles:
        for s in a.sentences:
            for sp in s.spans:
                assert sp.start >= 0, (a.name, s.text, sp)
                assert sp.label in s.labels
                assert 0 <= sp.start < sp.end <= len(s.text)


def test_an_unknown_split_is_refused():
    from annotator.errors import InputError

    with pytest.raises(InputError, match="unknown split"):
        devcorpus.load(["train"])  # type: ignore[list-item]
