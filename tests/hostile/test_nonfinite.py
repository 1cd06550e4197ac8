"""NaN, Infinity and 1e999 are refused on every way in, and no writer can emit them (§5)."""

from __future__ import annotations

import ast
import json
import math
import shutil
import sqlite3
from pathlib import Path

import pytest

import annotator
from annotator.corpus.importer import import_paths
from annotator.errors import InputError, SchemaError, StoreError
from annotator.extractors.base import SuggestedSpan, Suggestion
from annotator.labels_import import import_labels
from annotator.merge import merge_projects
from annotator.schema import parse_number, validate_values
from annotator.store import Store
from annotator.suggest import run_extractor

BAD_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]


def strict(text: str):
    """Parse as JSON.parse would: bare NaN/Infinity are errors."""

    def refuse(name):
        raise ValueError(name)

    return json.loads(text, parse_constant=refuse)


def labeled_line(store, value_token: str) -> str:
    s = store.sentences.for_article(1)[2]
    obj = {
        "sentence_id": s.sentence_id,
        "text": s.text,
        "annotator": "alice",
        "labels": ["statistic"],
        "fields": {"statistic": {"value": "VALUE"}},
    }
    return json.dumps(obj, ensure_ascii=False).replace('"VALUE"', value_token)


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_import_labels_refuses_non_finite_numbers(store, tmp_path, token):
    path = tmp_path / "labels.jsonl"
    path.write_text(labeled_line(store, token) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_labels(store, path)
    assert "labels.jsonl:1" in str(err.value)
    assert store.query("SELECT count(*) FROM annotations")[0][0] == 0


def test_cli_import_labels_then_export_stays_valid_json(db_path, tmp_path, run_cli):
    with Store.open(db_path) as store:
        good = labeled_line(store, "16300")
        bad = labeled_line(store, "NaN").replace('"alice"', '"bob"')
    path = tmp_path / "labels.jsonl"
    path.write_text(good + "\n" + bad + "\n", encoding="utf-8")
    code, out = run_cli("import-labels", str(path), "--db", str(db_path), "--skip-invalid")
    assert code == 0, out
    code, out = run_cli("export", "--db", str(db_path), "--all-annotators")
    lines = [x for x in out.splitlines() if x.startswith("{")]
    assert len(lines) == 1
    assert strict(lines[0])["fields"]["statistic"]["value"] == 16300


@pytest.mark.parametrize("token", ["NaN", "Infinity", "1e999"])
def test_article_import_refuses_non_finite_meta(empty, tmp_path, token):
    path = tmp_path / "a.jsonl"
    line = '{"text": "正文。", "meta": {"score": VALUE}}\n'.replace("VALUE", token)
    path.write_text(line, encoding="utf-8")
    with pytest.raises(InputError, match="a.jsonl:1"):
        import_paths(empty, [path])
    assert empty.articles.count() == 0


@pytest.mark.parametrize(
    "raw", [math.nan, math.inf, -math.inf, "9" * 400, "1" + "0" * 305 + "万亿"]
)
def test_forms_refuse_non_finite_numbers(store, raw):
    fields = store.schema.label("statistic").fields
    with pytest.raises(SchemaError, match="value"):
        validate_values(fields, {"value": raw}, where="fields.statistic")
    with pytest.raises(ValueError):
        parse_number(raw)


def test_a_text_field_refuses_a_nan_float(store):
    fields = store.schema.label("statistic").fields
    with pytest.raises(SchemaError, match="indicator"):
        validate_values(fields, {"indicator": math.nan})


def test_merge_refuses_a_file_holding_nan(store, template_db, tmp_path):
    other = tmp_path / "old.db"
    shutil.copy(template_db, other)
    with Store.open(other) as o:
        who = o.annotators.get_or_create("bob").annotator_id
        sid = o.sentences.for_article(1)[2].sentence_id
    # What an older version wrote for an imported NaN: json.dumps's bare token.
    con = sqlite3.connect(other)
    con.execute(
        "INSERT INTO annotations (sentence_id, annotator_id, labels, fields, note, decided, "
        "created_at, updated_at) VALUES (?, ?, '[\"statistic\"]', "
        "'{\"statistic\":{\"value\":NaN}}', '', 1, 'x', 'x')",
        [sid, who],
    )
    con.commit()
    con.close()
    before = store.query("SELECT (SELECT count(*) FROM annotations), count(*) FROM annotators")
    with pytest.raises(StoreError, match="old.db.*annotations"):
        merge_projects(store, other)
    after = store.query("SELECT (SELECT count(*) FROM annotations), count(*) FROM annotators")
    assert after == before


class _Plugin:
    name = "nanplugin"
    version = "1"
    labels = ("statistic",)

    def __init__(self, score=0.5, fields=None, span_fields=None):
        self.score, self.fields, self.span_fields = score, fields or {}, span_fields

    def extract(self, text, context=None):
        spans = (SuggestedSpan(0, 1, self.span_fields),) if self.span_fields else ()
        return [Suggestion("statistic", self.score, spans, self.fields)]


@pytest.mark.parametrize(
    "plugin",
    [
        _Plugin(score=math.nan),
        _Plugin(fields={"value": math.inf}),
        _Plugin(span_fields={"value": -math.inf}),
    ],
    ids=["score", "fields", "span-fields"],
)
def test_suggest_never_stores_non_finite_plugin_output_and_counts_it(store, plugin):
    # the extractor contract (annotator.extractors.contract) drops a non-finite score (the whole
    # suggestion) or value (that field), and counts the drop under the plug-in's name
    from annotator.extractors.contract import ContractReport

    report = ContractReport()
    run_extractor(store, plugin, [1], report=report)
    assert any(ext == "nanplugin" for ext, _what in report.dropped), report
    for row in store.query("SELECT score, fields, spans FROM suggestions"):
        assert math.isfinite(row[0])
        for text in row[1:]:
            json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} stored"))


def _json_writers(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and getattr(f.value, "id", "") == "json":
                if f.attr in ("dumps", "dump", "JSONEncoder"):
                    yield node


def test_every_json_writer_refuses_nan():
    root = Path(annotator.__file__).parent
    missing = []
    for path in sorted(root.rglob("*.py")):
        for call in _json_writers(ast.parse(path.read_text(encoding="utf-8"))):
            flag = [k for k in call.keywords if k.arg == "allow_nan"]
            if not flag or not isinstance(flag[0].value, ast.Constant) or flag[0].value.value:
                missing.append(f"{path.relative_to(root)}:{call.lineno}")
    assert not missing, f"JSON writers without allow_nan=False: {missing}"
