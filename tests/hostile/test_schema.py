"""A schema's true/false keys take only booleans, and the error names the key path."""

from __future__ import annotations

import pytest

from annotator.errors import SchemaError
from annotator.paths import resource_path
from annotator.schema import load_schema


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("\nspan = true", '\nspan = "yes"', r"labels\[0\]\.span"),
        ("\nspan = false", "\nspan = 1", r"labels\[1\]\.span"),
        ('type = "number"', 'type = "number"\n  required = "yes"', r"labels\[0\]\.fields\[1\]\.required"),
    ],
)
def test_boolean_keys_refuse_other_values(tmp_path, old, new, where):
    text = resource_path("labels.toml").read_text(encoding="utf-8").replace(old, new, 1)
    path = tmp_path / "labels.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError, match=rf"labels\.toml: {where}: must be true or false"):
        load_schema(path)


def test_cli_init_refuses_span_yes(tmp_path, run_cli):
    text = resource_path("labels.toml").read_text(encoding="utf-8")
    path = tmp_path / "bad.toml"
    path.write_text(text.replace("\nspan = true", '\nspan = "yes"', 1), encoding="utf-8")
    code, out = run_cli("init", "--db", str(tmp_path / "p.db"), "--schema", str(path))
    assert code == 1 and "labels[0].span" in out and "Traceback" not in out
    assert not (tmp_path / "p.db").exists()
