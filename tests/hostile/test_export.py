"""Exporting every sentence for an outside model, and --include-undecided meaning what it says."""

from __future__ import annotations

import json

from annotator.records import AnnotationState
from annotator.store import Store


def lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.startswith("{")]


def sentence_count(db_path) -> int:
    with Store.open(db_path) as store:
        return store.query("SELECT count(*) FROM sentences")[0][0]


def test_all_sentences_on_a_fresh_project_round_trips(db_path, tmp_path, run_cli):
    code, out = run_cli("export", "--db", str(db_path), "--all-sentences")
    assert code == 0, out
    rows = lines(out)
    assert len(rows) == sentence_count(db_path)
    assert all(r["labels"] == [] and r["decided"] is False for r in rows)
    # An outside model labels one sentence; import-labels takes its file back.
    target = next(r for r in rows if "1.63万名" in r["text"])
    target.update(labels=["statistic"], decided=True)
    path = tmp_path / "model.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    code, out = run_cli("import-labels", str(path), "--db", str(db_path), "--annotator", "model")
    assert code == 0, out
    with Store.open(db_path) as store:
        model = store.annotators.get("model").annotator_id
        state = store.annotations.state(target["sentence_id"], model)
        assert state.labels == ("statistic",) and state.decided
    code, out = run_cli("evaluate", "--db", str(db_path), "--predictions", str(path),
                        "--annotator", "model")  # fmt: skip
    assert code == 0, out


def test_include_undecided_on_a_fresh_project_is_not_an_unknown_annotator(db_path, run_cli):
    code, out = run_cli(
        "export", "--db", str(db_path), "--annotator", "alice", "--include-undecided"
    )
    assert code == 0, out
    rows = lines(out)
    assert len(rows) == sentence_count(db_path)
    assert {r["annotator"] for r in rows} == {"alice"}


def test_include_undecided_adds_the_sentences_not_yet_decided(db_path, run_cli):
    with Store.open(db_path) as store:
        alice = store.annotators.get_or_create("alice").annotator_id
        first, second = store.sentences.for_article(1)[2:4]
        with store.transaction():
            store.annotations.write(
                first.sentence_id, alice, AnnotationState(("anecdote",), decided=True)
            )
            store.annotations.write(second.sentence_id, alice, AnnotationState(("slogan",)))
    code, out = run_cli("export", "--db", str(db_path), "--annotator", "alice")
    assert [r["sentence_id"] for r in lines(out)] == [first.sentence_id]
    code, out = run_cli(
        "export", "--db", str(db_path), "--annotator", "alice", "--include-undecided"
    )
    rows = {r["sentence_id"]: r for r in lines(out)}
    assert len(rows) == sentence_count(db_path)
    assert rows[first.sentence_id]["labels"] == ["anecdote"] and rows[first.sentence_id]["decided"]
    assert rows[second.sentence_id]["labels"] == ["slogan"]
    assert rows[second.sentence_id]["decided"] is False
