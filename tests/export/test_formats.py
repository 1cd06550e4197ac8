"""Every export format on a real project: documented shapes, and offsets that select the text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.corpus.importer import import_paths
from annotator.records import AnnotationState, SpanValue

ASTRAL = "𠮷野家😀报道:全市抓获犯罪嫌疑人1.63万名,同比下降12.5%。\n"


def export(db, *args):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def project(store, tmp_path):
    """alice labeled two seed sentences and one sentence with 𠮷 and 😀 before its spans."""
    path = tmp_path / "astral.txt"
    path.write_text(ASTRAL, encoding="utf-8")
    import_paths(store, [path])
    alice = store.annotators.get_or_create("alice")
    seed = next(s for s in store.sentences.for_article(1) if "1.63万名" in s.text)
    astral = store.sentences.for_article(store.articles.ids()[-1])[0]
    anecdote = next(s for s in store.sentences.for_article(1) if "刘先生对民警连连道谢" in s.text)

    def spans(sentence, *pieces):
        out = []
        for label, piece in pieces:
            i = sentence.text.index(piece)
            out.append(
                SpanValue(label, i, i + len(piece), {"unit": "名"} if piece.endswith("名") else {})
            )
        return tuple(out)

    with store.transaction():
        for s in (seed, astral):
            store.annotations.write(
                s.sentence_id,
                alice.annotator_id,
                AnnotationState(
                    labels=("statistic",),
                    fields={"statistic": {"value": 16300, "unit": "名"}},
                    spans=spans(s, ("statistic", "1.63万名"), ("statistic", "同比下降12.5%")),
                    decided=True,
                ),
            )
        store.annotations.write(
            anecdote.sentence_id,
            alice.annotator_id,
            AnnotationState(labels=("anecdote",), note="引语", decided=True),
        )
    return store, seed, astral, anecdote


def test_own_jsonl_keys_order_and_offsets(project):
    store, seed, astral, _ = project
    lines = [json.loads(x) for x in export(store.target).splitlines()]
    assert len(lines) == 3
    assert list(lines[0]) == [
        "article_id",
        "source",
        "article_title",
        "sentence_id",
        "index",
        "start",
        "end",
        "text",
        "boilerplate",
        "labels",
        "fields",
        "spans",
        "note",
        "annotator",
        "decided",
        "updated_at",
        "schema_version",
    ]
    for line in lines:
        article = store.articles.get(line["article_id"])
        assert article.text[line["start"] : line["end"]] == line["text"]
        for sp in line["spans"]:
            assert line["text"][sp["start"] : sp["end"]] == sp["text"]
    by_id = {x["sentence_id"]: x for x in lines}
    assert (
        by_id[astral.sentence_id]["spans"][0]["start"] == astral.text.index("1.63万名") == 16
    )  # code points
    assert by_id[seed.sentence_id]["schema_version"] == store.schema.hash


def test_own_jsonl_is_utf8_without_escapes(project):
    store, *_ = project
    text = export(store.target)
    assert "\\u" not in text and "𠮷" in text and "😀" in text


def test_article_unit_nests_sentences_with_the_article_form(project):
    store, seed, *_ = project
    alice = store.annotators.get("alice")
    with store.transaction():
        store.state.set_article_fields(seed.article_id, alice.annotator_id, {"outlet": "警安在线"})
    lines = [json.loads(x) for x in export(store.target, "--unit", "article").splitlines()]
    first = next(x for x in lines if x["article_id"] == seed.article_id)
    assert first["article_fields"] == {"outlet": "警安在线"} and first["annotator"] == "alice"
    assert {s["sentence_id"] for s in first["sentences"]} >= {seed.sentence_id}


def test_prodigy_spans_follow_the_documented_shape(project):
    store, _, astral, _ = project
    lines = [
        json.loads(x)
        for x in export(store.target, "--format", "prodigy", "--task", "spans").splitlines()
    ]
    line = next(x for x in lines if x["text"] == astral.text)
    assert line["answer"] == "accept"
    tokens = line["tokens"]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    assert "".join(t["text"] for t in tokens) == astral.text
    for t in tokens:
        assert astral.text[t["start"] : t["end"]] == t["text"]
    for sp in line["spans"]:
        assert astral.text[sp["start"] : sp["end"]] in ("1.63万名", "同比下降12.5%")
        assert tokens[sp["token_start"]]["start"] == sp["start"]
        assert tokens[sp["token_end"]]["end"] == sp["end"]  # token_end is inclusive in Prodigy
        assert sp["label"] == "statistic"


def test_prodigy_textcat_has_every_label(project):
    store, seed, *_ = project
    lines = [json.loads(x) for x in export(store.target, "--format", "prodigy").splitlines()]
    line = next(x for x in lines if x["text"] == seed.text)
    assert line["cats"] == {"statistic": True, "anecdote": False, "slogan": False}
    assert line["answer"] == "accept" and line["meta"]["sentence_id"] == seed.sentence_id


def test_doccano_sequence_labeling_and_classification(project):
    store, _, astral, anecdote = project
    seq = [
        json.loads(x)
        for x in export(store.target, "--format", "doccano", "--task", "spans").splitlines()
    ]
    line = next(x for x in seq if x["text"] == astral.text)
    assert sorted(astral.text[a:b] for a, b, _lab in line["label"]) == ["1.63万名", "同比下降12.5%"]
    cls = [json.loads(x) for x in export(store.target, "--format", "doccano").splitlines()]
    assert next(x for x in cls if x["text"] == anecdote.text)["label"] == ["anecdote"]


def test_label_studio_tasks(project):
    store, _, astral, _ = project
    tasks = json.loads(export(store.target, "--format", "label-studio"))
    task = next(t for t in tasks if t["data"]["text"] == astral.text)
    results = task["annotations"][0]["result"]
    choices = [r for r in results if r["type"] == "choices"]
    labels = [r for r in results if r["type"] == "labels"]
    assert choices[0]["value"]["choices"] == ["statistic"]
    for r in [*choices, *labels]:
        assert {"from_name", "to_name", "type", "value"} <= set(r)
    for r in labels:
        v = r["value"]
        # Label Studio stores code points since its frontend fixed emoji offsets (docs/formats.md)
        assert astral.text[v["start"] : v["end"]] == v["text"]


def test_conll_bio_tags(project):
    store, _, astral, _ = project
    text = export(store.target, "--format", "conll", "--labels", "statistic")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    rows = [line.split("\t") for line in blocks[-1].splitlines()] if blocks else []
    block = next(b for b in blocks if b.startswith("𠮷"))
    rows = [line.split("\t") for line in block.splitlines()]
    assert "".join(tok for tok, _t in rows) == astral.text.replace(" ", "")
    tagged = [(tok, tag) for tok, tag in rows if tag != "O"]
    assert tagged[0][1] == "B-statistic" and all(t.endswith("statistic") for _x, t in tagged)
    assert "".join(tok for tok, _t in tagged) == "1.63万名同比下降12.5%"


def test_split_assigns_whole_articles_deterministically(project, tmp_path):
    store, *_ = project
    out = tmp_path / "data.jsonl"
    export(
        store.target,
        "--include-undecided",
        "--all-annotators",
        "--split",
        "train=0.6,test=0.4",
        "--seed",
        "3",
        "-o",
        str(out),
    )
    train = [
        json.loads(x)
        for x in (tmp_path / "data.train.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    test = [
        json.loads(x)
        for x in (tmp_path / "data.test.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert not {x["article_id"] for x in train} & {x["article_id"] for x in test}
    first = (tmp_path / "data.train.jsonl").read_bytes()
    export(
        store.target,
        "--include-undecided",
        "--all-annotators",
        "--split",
        "train=0.6,test=0.4",
        "--seed",
        "3",
        "-o",
        str(out),
    )
    assert (tmp_path / "data.train.jsonl").read_bytes() == first


def test_bad_split_is_one_line(project):
    store, *_ = project
    result = CliRunner().invoke(
        cli, ["export", "--db", str(store.target), "--split", "train=2", "-o", "x.jsonl"]
    )
    assert (
        result.exit_code == 1
        and result.output.startswith("Error:")
        and result.output.count("\n") == 1
    )


def test_every_own_line_matches_the_json_schema(project):
    from pathlib import Path

    store, *_ = project
    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "resources" / "export.schema.json").read_text(
            encoding="utf-8"
        )
    )
    types = {"integer": int, "string": str, "boolean": bool, "array": list, "object": dict}
    for line in map(json.loads, export(store.target).splitlines()):
        assert set(line) == set(schema["required"]) == set(schema["properties"])
        for key, spec in schema["properties"].items():
            allowed = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
            ok = any(
                (
                    line[key] is None
                    if t == "null"
                    else isinstance(line[key], types[t])
                    and not (t == "integer" and isinstance(line[key], bool))
                )
                for t in allowed
            )
            assert ok, (key, line[key])
        for span in line["spans"]:
            assert set(span) == set(schema["properties"]["spans"]["items"]["required"])
