"""import-labels refuses out-of-range ids, non-boolean decided and stray spans, one line each."""

from __future__ import annotations

import json

import pytest

from annotator.errors import InputError
from annotator.labels_import import import_labels


def line(store, **changes) -> str:
    s = store.sentences.for_article(1)[2]
    obj = {
        "sentence_id": s.sentence_id,
        "text": s.text,
        "annotator": "alice",
        "labels": ["anecdote"],
        **changes,
    }
    return json.dumps(obj, ensure_ascii=False)


def rows(store) -> int:
    return store.query("SELECT count(*) FROM annotations")[0][0]


def write(tmp_path, *lines) -> object:
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("sid", [10**30, -(10**30), 2**63])
def test_a_huge_sentence_id_is_one_line_not_a_traceback(store, tmp_path, sid):
    path = write(tmp_path, line(store, sentence_id=sid))
    with pytest.raises(InputError, match=r"labels\.jsonl:1: .*sentence_id.*out of range"):
        import_labels(store, path)
    assert rows(store) == 0


def test_cli_huge_sentence_id(db_path, tmp_path, run_cli):
    from annotator.store import Store

    with Store.open(db_path) as store:
        path = write(tmp_path, line(store, sentence_id=10**30))
    code, out = run_cli("import-labels", str(path), "--db", str(db_path))
    assert code == 1 and "Traceback" not in out and "OverflowError" not in out
    assert len(out.strip().splitlines()) == 1 and "sentence_id" in out


@pytest.mark.parametrize("value", ["yes", 1, "true", 0])
def test_decided_must_be_a_boolean(store, tmp_path, value):
    path = write(tmp_path, line(store, decided=value))
    with pytest.raises(InputError, match=r'"decided" must be true or false'):
        import_labels(store, path)
    assert rows(store) == 0


def test_decided_false_is_kept(store, tmp_path):
    path = write(tmp_path, line(store, decided=False))
    import_labels(store, path)
    alice = store.annotators.get("alice").annotator_id
    sid = store.sentences.for_article(1)[2].sentence_id
    state = store.annotations.state(sid, alice)
    assert state.labels == ("anecdote",) and state.decided is False


def test_a_span_whose_label_is_not_set_is_refused(store, tmp_path):
    s = store.sentences.for_article(1)[2]
    span = {"start": 0, "end": 2, "label": "statistic", "text": s.text[:2]}
    path = write(tmp_path, line(store, labels=["anecdote"], spans=[span]))
    with pytest.raises(InputError, match=r"spans\[0\].*'statistic'.*not among"):
        import_labels(store, path)
    assert rows(store) == 0
