"""Reading the own format back: matching, every kind of bad line, nothing half-imported, and
the round trip export → import → export giving the same bytes."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import cli
from annotator.errors import InputError
from annotator.labels_import import import_labels
from annotator.records import AnnotationState, SpanValue
from annotator.store import Store


def export_text(db, *args) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--all-annotators", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def annotate(store, name="alice"):
    who = store.annotators.get_or_create(name)
    sents = [
        s for s in store.sentences.for_article(1) if "1.63万名" in s.text or "刘先生" in s.text
    ]
    with store.transaction():
        for s in sents:
            i = s.text.find("1.63万名")
            spans = (SpanValue("statistic", i, i + 6, {"unit": "名"}),) if i >= 0 else ()
            labels = ("statistic",) if spans else ("anecdote",)
            store.annotations.write(
                s.sentence_id,
                who.annotator_id,
                AnnotationState(labels=labels, spans=spans, note="n", decided=True),
            )
    return sents


def count_rows(store) -> int:
    return store.query("SELECT count(*) FROM annotations")[0][0]


def test_round_trip_gives_the_same_bytes(store, template_db, tmp_path):
    sents = annotate(store)
    first = export_text(store.target)
    path = tmp_path / "a.jsonl"
    path.write_text(first, encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    shutil.copy(template_db, fresh)
    with Store.open(fresh) as other:
        report = import_labels(other, path)
        assert report.imported == len(sents) == 3
    assert export_text(fresh) == first


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_round_trip_of_generated_annotations(template_db, tmp_path_factory, data):
    tmp = tmp_path_factory.mktemp("rt")
    src, dst = tmp / "src.db", tmp / "dst.db"
    shutil.copy(template_db, src)
    shutil.copy(template_db, dst)
    with Store.open(src) as store:
        sents = [s for s in store.sentences.for_article(2) if not s.boilerplate]
        chosen = data.draw(
            st.lists(
                st.sampled_from(sents), min_size=1, max_size=6, unique_by=lambda s: s.sentence_id
            )
        )
        who = store.annotators.get_or_create(data.draw(st.sampled_from(["alice", "bob", "王"])))
        with store.transaction():
            for s in chosen:
                labels = tuple(
                    data.draw(st.sets(st.sampled_from(["statistic", "anecdote", "slogan"])))
                )
                spans = ()
                if "statistic" in labels and len(s.text) > 2:
                    a = data.draw(st.integers(0, len(s.text) - 2))
                    b = data.draw(st.integers(a + 1, len(s.text)))
                    spans = (SpanValue("statistic", a, b, {}),)
                note = data.draw(st.text(alphabet="注释 ab😀", max_size=5))
                store.annotations.write(
                    s.sentence_id,
                    who.annotator_id,
                    AnnotationState(
                        labels=store.schema.order(labels), spans=spans, note=note, decided=True
                    ),
                )
    first = export_text(src)
    path = tmp / "x.jsonl"
    path.write_text(first, encoding="utf-8")
    with Store.open(dst) as other:
        import_labels(other, path)
    assert export_text(dst) == first


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda line: "{not json", ":2: "),
        (
            lambda line: json.dumps(
                {**json.loads(line), "labels": "statistic"}, ensure_ascii=False
            ),
            ":2: ",
        ),
        (
            lambda line: json.dumps(
                {**json.loads(line), "labels": ["weather"]}, ensure_ascii=False
            ),
            "weather",
        ),
        (
            lambda line: json.dumps(
                {**json.loads(line), "sentence_id": 99999, "source": "nope.txt"}, ensure_ascii=False
            ),
            ":2: ",
        ),
    ],
)
def test_bad_lines_are_listed_and_nothing_is_imported(store, tmp_path, mutate, message):
    annotate(store)
    lines = export_text(store.target).splitlines()
    lines[1] = mutate(lines[1])
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with store.transaction():
        store.execute("DELETE FROM spans")
        store.execute("DELETE FROM annotations")
    with pytest.raises(InputError) as err:
        import_labels(store, path)
    assert message in str(err.value) and "bad.jsonl" in str(err.value)
    assert count_rows(store) == 0


def test_span_outside_or_not_matching_its_text(store, tmp_path):
    annotate(store)
    line = json.loads(export_text(store.target).splitlines()[0])
    stat = line if line["spans"] else json.loads(export_text(store.target).splitlines()[1])
    wrong = dict(stat, spans=[{**stat["spans"][0], "text": "别的字"}])
    outside = dict(stat, spans=[{**stat["spans"][0], "start": 0, "end": 9999}])
    for bad in (wrong, outside):
        path = tmp_path / "span.jsonl"
        path.write_text(json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(InputError, match=r"span\.jsonl:1:"):
            import_labels(store, path)


def test_skip_invalid_imports_the_good_lines(store, tmp_path):
    annotate(store)
    lines = export_text(store.target).splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text(lines[0] + "\n{broken\n", encoding="utf-8")
    report = import_labels(store, path, annotator="carol", skip_invalid=True)
    assert report.imported == 1 and len(report.skipped) == 1


def test_a_file_in_another_encoding(store, tmp_path):
    sents = annotate(store)
    text = export_text(store.target)
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(text.encode("gb18030"))
    assert import_labels(store, path, annotator="dora").imported == len(sents)
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\x00\x01\x02\xff" * 10)
    with pytest.raises(InputError, match="bin.jsonl"):
        import_labels(store, binary)


def test_cli_import_labels_one_line_error(store, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("{oops\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import-labels", str(path), "--db", str(store.target)])
    assert (
        result.exit_code == 1
        and result.output.startswith("Error: ")
        and "x.jsonl:1" in result.output
    )
