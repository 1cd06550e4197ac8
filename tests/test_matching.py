"""One sentence matcher: import-labels, evaluate --predictions and merge find the same sentences
(annotator.matching: sentence_id with its text, then source + offsets + text, then unique text)."""

from __future__ import annotations

import json
import shutil

import pytest

from annotator.errors import InputError
from annotator.evaluate import predictions_from_file
from annotator.labels_import import import_labels
from annotator.matching import NoMatch, Scope, SentenceRef, match_sentence
from annotator.merge import merge_projects, resolve
from annotator.records import AnnotationState, Sentence
from annotator.store import Store


def _line(source, s, **changes):
    record = {
        "source": source,
        "sentence_id": s.sentence_id,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "labels": ["slogan"],
        "annotator": "model",
    }
    record.update(changes)
    return json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False)


def _three_sentences(store):
    """Three sentences of article 1 whose texts occur once in its source."""
    source = store.articles.get(1).source
    sents = store.sentences.for_article(1)
    texts = [s.text for s in sents]
    unique = [s for s in sents if texts.count(s.text) == 1 and not s.boilerplate]
    return source, unique[:3]


def test_import_labels_and_evaluate_match_the_same_sentences(store, tmp_path):
    source, (a, b, c) = _three_sentences(store)
    lines = [
        _line(source, a, sentence_id=99999),  # stale id, right source and offsets
        _line(source, b, start=c.start, end=c.end),  # right id, offsets of another sentence
        _line(source, c, sentence_id=None, start=c.start + 1000, end=c.end + 1000),  # text only
    ]
    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    _name, predictions = predictions_from_file(store, path)
    import_labels(store, path)
    model = store.annotators.get("model").annotator_id
    imported = {x.sentence_id for x in store.annotations.for_annotator(model)}

    expected = {a.sentence_id, b.sentence_id, c.sentence_id}
    assert set(predictions) == expected
    assert imported == expected


def test_a_repeated_text_is_ambiguous_for_both(store, tmp_path):
    source, (a, _b, _c) = _three_sentences(store)
    with store.transaction():  # a second article from the same source with the same sentence
        store.execute("UPDATE articles SET source = ? WHERE article_id = 2", [source])
        store.execute(
            "UPDATE sentences SET text = ? WHERE article_id = 2 AND position = 0", [a.text]
        )
    path = tmp_path / "lines.jsonl"
    path.write_text(_line(source, a, sentence_id=None, start=None, end=None) + "\n", "utf-8")
    with pytest.raises(InputError, match="occurs 2 times in source") as from_evaluate:
        predictions_from_file(store, path)
    with pytest.raises(InputError, match="occurs 2 times in source") as from_import:
        import_labels(store, path)
    assert str(from_evaluate.value) in str(from_import.value)


def test_merge_matches_a_moved_sentence_as_import_labels_does(store, template_db, tmp_path):
    source, (a, _b, _c) = _three_sentences(store)
    other_path = tmp_path / "other.db"
    shutil.copy(template_db, other_path)
    with Store.open(other_path) as other:
        with other.transaction():  # their offsets disagree with ours: only the text can match
            other.execute(
                "UPDATE sentences SET char_start = char_start + 1000, char_end = char_end + 1000 "
                "WHERE sentence_id = ?",
                [a.sentence_id],
            )
        who = other.annotators.get_or_create("model")
        with other.transaction():
            other.annotations.write(
                a.sentence_id, who.annotator_id, AnnotationState(("slogan",), decided=True)
            )
    merge_projects(store, other_path)
    model = store.annotators.get("model").annotator_id
    merged = {x.sentence_id for x in store.annotations.for_annotator(model)}

    path = tmp_path / "line.jsonl"
    moved = _line(source, a, sentence_id=None, start=a.start + 1000, end=a.end + 1000)
    path.write_text(moved + "\n", "utf-8")
    import_labels(store, path, annotator="reader")
    reader = store.annotators.get("reader").annotator_id
    imported = {x.sentence_id for x in store.annotations.for_annotator(reader)}

    assert merged == imported == {a.sentence_id}


def test_match_order_id_then_offsets_then_text():
    s = [Sentence(1, 1, 0, 0, 2, 0, False, "甲。"), Sentence(2, 1, 1, 2, 4, 0, False, "乙。")]
    scope = Scope(s)
    texts = {1: "甲。", 2: "乙。"}
    assert match_sentence(SentenceRef("甲。", 1, 2, 4), scope, texts) == 1  # id beats offsets
    assert match_sentence(SentenceRef("乙。", 1, 2, 4), scope, texts) == 2  # id's text differs
    assert match_sentence(SentenceRef("乙。", None, 9, 11), scope, texts) == 2  # text alone
    with pytest.raises(NoMatch):
        match_sentence(SentenceRef("乙。", None, 9, 11), scope, texts, by_text=False)


@pytest.mark.parametrize(
    ("mine", "theirs", "same", "outcome"),
    [
        (None, "2026-01-01", False, "added"),
        ("2026-01-01", "2026-01-02", True, "unchanged"),
        ("2026-01-01", "2026-01-02", False, "replaced"),
        ("2026-01-02", "2026-01-01", False, "kept"),
        ("2026-01-01", "2026-01-01", False, "kept"),  # a tie keeps ours
    ],
)
def test_resolve_newer_wins_and_a_tie_keeps_ours(mine, theirs, same, outcome):
    assert resolve(mine, theirs, same) == outcome
