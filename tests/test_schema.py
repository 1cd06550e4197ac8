"""The label schema: the shipped file is complete, and every rejection names file, key, reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.errors import SchemaError
from annotator.paths import resource_path
from annotator.schema import (
    RESERVED_KEYS,
    dump_schema,
    load_schema,
    parse_number,
    schema_from_dict,
    validate_values,
)


@pytest.fixture(scope="module")
def shipped():
    return load_schema(resource_path("labels.toml"))


def test_shipped_schema_has_the_three_labels_with_both_languages(shipped):
    assert shipped.label_ids == ("statistic", "anecdote", "slogan")
    assert [lab.key for lab in shipped.labels] == ["1", "2", "3"]
    for label in shipped.labels:
        assert re.fullmatch(r"#[0-9a-f]{6}", label.color)
        assert label.name.zh and label.name.en and label.description
        for f in (*label.fields, *label.span_fields):
            assert f.name.zh and f.name.en
            if f.type == "choice":
                assert f.choices and all(c.name.zh and c.name.en for c in f.choices)
    stat = shipped.label("statistic")
    assert [f.id for f in stat.fields] == [
        "indicator",
        "value",
        "unit",
        "direction",
        "change",
        "period",
        "region",
    ]
    assert [f.id for f in shipped.label("anecdote").fields] == [
        "actors",
        "place",
        "date",
        "outcome",
        "quoted",
    ]
    assert shipped.label("slogan").fields[1].choice_ids() == (
        "numbered",
        "parallel",
        "motto",
        "quoted",
    )
    assert [f.id for f in shipped.article_fields] == ["date", "outlet", "region", "campaign"]
    assert not (set(lab.key.upper() for lab in shipped.labels) & RESERVED_KEYS)


def test_dump_and_reload_is_identity(shipped):
    assert schema_from_dict(dump_schema(shipped)) == shipped


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "labels.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_LABEL = """
[[labels]]
id = "alpha"
name = { zh = "甲", en = "Alpha" }
color = "#112233"
key = "4"
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '\n[[labels]]\nid = "alpha"\nname = { zh = "乙", en = "B" }\ncolor = "#112233"\nkey = "5"\n',
            'labels[1].id: duplicate id "alpha"',
        ),
        (
            '\n[[labels]]\nid = "beta"\nname = { zh = "乙", en = "B" }\ncolor = "#112233"\nkey = "4"\n',
            'labels[1].key: "4" is already used by label "alpha"',
        ),
        (
            '\n[[labels]]\nid = "beta"\nname = { zh = "乙", en = "B" }\ncolor = "blue"\nkey = "5"\n',
            "labels[1].color: 'blue' is not a colour like #2b7bb9",
        ),
        (
            '\n[[labels]]\nid = "beta"\nname = { zh = "乙", en = "B" }\ncolor = "#112233"\nkey = "J"\n',
            'labels[1].key: "J" is reserved for navigation',
        ),
        (
            '\n[[labels]]\nid = "Beta"\nname = { zh = "乙", en = "B" }\ncolor = "#112233"\nkey = "5"\n',
            'labels[1].id: "Beta" must match [a-z][a-z0-9_]*',
        ),
        (
            '\n[[labels]]\nid = "beta"\nname = { zh = "乙", en = "B" }\ncolor = "#112233"\nkey = "5"\nshape = 1\n',
            "labels[1].shape: unknown key (expected one of: color, description, fields, id, key, name, span, span_fields)",
        ),
        (
            '\n  [[labels.fields]]\n  id = "kind"\n  type = "choice"\n  name = { zh = "类", en = "Kind" }\n',
            "labels[0].fields[0].choices: a choice field needs at least one choice",
        ),
        (
            '\n  [[labels.fields]]\n  id = "kind"\n  type = "date"\n  name = { zh = "类", en = "Kind" }\n',
            "labels[0].fields[0].type: unknown type 'date'; valid types: text, number, choice, bool",
        ),
        (
            '\n  [[labels.fields]]\n  id = "kind"\n  type = "text"\n  name = { zh = "类" }\n',
            "labels[0].fields[0].name.en: missing required key",
        ),
    ],
)
def test_invalid_schema_is_refused_naming_file_key_and_reason(tmp_path, extra, message):
    path = _write(tmp_path, GOOD_LABEL + extra)
    with pytest.raises(SchemaError) as err:
        load_schema(path)
    assert str(err.value) == f"{path}: {message}"


def test_toml_syntax_error_names_the_file_and_line(tmp_path):
    path = _write(tmp_path, GOOD_LABEL + "\nkey = \n")
    with pytest.raises(SchemaError) as err:
        load_schema(path)
    assert str(err.value).startswith(f"{path}: invalid TOML: ")
    assert "line 8" in str(err.value)


def test_missing_labels_table(tmp_path):
    path = _write(tmp_path, "schema_version = 1\n")
    with pytest.raises(SchemaError, match=r": labels: missing required key$"):
        load_schema(path)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("16300", 16300),
        ("1.63万", 16300),
        ("16,300", 16300),
        ("１２.５", 12.5),
        ("12.5%", 12.5),
        ("745万余", 7450000),
        ("2亿", 200000000),
        (7, 7),
        ("0.5", 0.5),
    ],
)
def test_parse_number_reads_chinese_forms(raw, value):
    assert parse_number(raw) == value


def test_validate_values_coerces_and_names_bad_fields(shipped):
    fields = shipped.label("statistic").fields
    assert validate_values(
        fields, {"value": "1.63万", "unit": " 名 ", "direction": "down", "period": ""}
    ) == {"value": 16300, "unit": "名", "direction": "down"}
    with pytest.raises(SchemaError) as err:
        validate_values(fields, {"value": "很多"}, where="fields.statistic")
    assert str(err.value) == "fields.statistic.value: '很多' is not a number"
    with pytest.raises(
        SchemaError, match=r"^fields.statistic.direction: 'sideways' is not one of: up, down, flat$"
    ):
        validate_values(fields, {"direction": "sideways"}, where="fields.statistic")
    with pytest.raises(SchemaError, match=r"^colour: unknown field"):
        validate_values(fields, {"colour": "red"})
