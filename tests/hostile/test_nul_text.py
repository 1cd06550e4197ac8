"""A NUL character hidden in JSONL text is refused by name on both backends: PostgreSQL cannot
store it, so a file project refuses it too and both kinds of project hold the same texts."""

from __future__ import annotations

from click.testing import CliRunner

from annotator.cli import cli


def test_jsonl_with_a_nul_character_is_refused_naming_file_line_and_key(tmp_path, new_project):
    good = '{"text": "公安机关抓获犯罪嫌疑人195名。"}\n'
    path = tmp_path / "articles.jsonl"
    path.write_text(good + '{"title": "标题", "meta": {"k": "a\\u0000b"}, "text": "正文。"}\n')
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", str(new_project)]).exit_code == 0
    result = runner.invoke(cli, ["import", str(path), "--db", str(new_project)])
    assert result.exit_code == 1
    assert f"{path}:2" in result.stderr and '"meta" holds a NUL character' in result.stderr
    assert result.stderr.count("\n") == 1
    stats = runner.invoke(cli, ["stats", "--db", str(new_project), "--json"])
    assert '"articles": 0' in stats.stdout  # nothing half-written
