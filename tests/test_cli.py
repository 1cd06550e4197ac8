"""The CLI on real projects (a file, a server database): init, import, schema, stats, and
one-line errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_init_import_stats(new_project, seeds):
    db = str(new_project)
    result = run("init", "--db", db)
    assert result.exit_code == 0, result.output
    assert "statistic, anecdote, slogan" in result.stdout
    result = run("import", str(seeds), "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("imported 5 article(s), ")
    again = run("import", str(seeds), "--db", db)
    assert (
        "imported 0 article(s)" in again.stdout
        and "5 already in the project, skipped" in again.stdout
    )
    data = json.loads(run("stats", "--db", db, "--json").stdout)
    assert data["articles"] == 5
    assert data["sentences"] > 100
    assert 0 < data["boilerplate_sentences"] < data["sentences"]
    assert data["decided"] == {}


def test_default_db_is_created_from_the_seeds(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "default.db"))
    data = json.loads(run("stats", "--json").stdout)
    assert data["articles"] == 5
    assert (tmp_path / "default.db").exists()


def test_schema_prints_keys_and_fields(seeds_project):
    db_path = seeds_project
    out = run("schema", "--db", str(db_path)).stdout
    assert "[1] statistic  统计 / Statistic" in out
    assert "direction: choice (up, down, flat)" in out
    data = json.loads(run("schema", "--db", str(db_path), "--json").stdout)
    assert [lab["id"] for lab in data["labels"]] == ["statistic", "anecdote", "slogan"]


def test_errors_are_one_line_on_stderr(tmp_path):
    result = run("stats", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'missing.db'}: no such project file\n"
    bad = tmp_path / "labels.toml"
    bad.write_text('[[labels]]\nid = "x"\n', encoding="utf-8")
    result = run("init", "--db", str(tmp_path / "n.db"), "--schema", str(bad))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: labels[0].color: missing required key\n"
    assert not (tmp_path / "n.db").exists()


def test_import_of_a_bad_folder_imports_nothing(tmp_path, seeds_project):
    db_path = seeds_project
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("公安机关抓获犯罪嫌疑人195名。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    before = json.loads(run("stats", "--db", str(db_path), "--json").stdout)
    result = run("import", str(folder), "--db", str(db_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1
    assert "nothing was imported" in result.stderr
    assert json.loads(run("stats", "--db", str(db_path), "--json").stdout) == before


def test_python_dash_m_runs_the_cli(tmp_path):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("annotator, version ")
