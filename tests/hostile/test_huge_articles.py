"""Issue 12 §4: an article over the size limit is refused with one line naming the file, or
split at blank lines into articles under the limit (CLI and the import dialog)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import cli

# 16 paragraphs of about 3 KB (UTF-8) each, separated by blank lines (one with spaces in it)
PARAGRAPH = "公安机关抓获犯罪嫌疑人195名，同比下降12.5%。" * 45


def paragraphs(n: int = 16) -> list[str]:
    return [f"第{k}段。{PARAGRAPH}" for k in range(n)]


def huge_text() -> str:
    paras = paragraphs()
    return "\n\n".join(paras[:8]) + "\n \u3000\n\n" + "\n\n".join(paras[8:]) + "\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def article_count(db) -> int:
    return json.loads(run("stats", "--db", str(db), "--json").stdout)["articles"]


def texts(db) -> list[str]:
    from annotator.store import Store

    with Store.open(db) as store:
        ids = [a.article_id for a in store.articles.all()]
        return [store.articles.get(i).text for i in ids]


def test_an_article_over_the_default_limit_is_refused_with_one_line(tmp_path, db_path):
    big = tmp_path / "big.txt"
    big.write_text("很长的文章。" * 120_000, encoding="utf-8")  # 2.06 MB of UTF-8
    before = article_count(db_path)
    result = run("import", str(big), "--db", str(db_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {big}: article is 2.1 MB of text, over the limit of 2 MB per article; "
        "split it by blank lines (--split-blank-lines) or raise --max-article-size\n"
    )
    assert article_count(db_path) == before


def test_the_limit_is_an_option(tmp_path, db_path):
    big = tmp_path / "big.txt"
    big.write_text(huge_text(), encoding="utf-8")
    before = article_count(db_path)
    result = run("import", str(big), "--db", str(db_path), "--max-article-size", "10KB")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {big}: article is 43.8 KB of text")
    assert "over the limit of 10 KB per article" in result.stderr
    assert article_count(db_path) == before
    result = run("import", str(big), "--db", str(db_path), "--max-article-size", "1MB")
    assert result.exit_code == 0, result.output
    assert article_count(db_path) == before + 1


def test_a_jsonl_article_over_the_limit_names_its_line(tmp_path, db_path):
    src = tmp_path / "a.jsonl"
    lines = [{"text": "短文。"}, {"title": "长", "text": huge_text()}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = run("import", str(src), "--db", str(db_path), "--max-article-size", "10KB")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {src}:2: article is ")


def test_split_blank_lines_makes_articles_under_the_limit(tmp_path):
    db = tmp_path / "p.db"
    assert run("init", "--db", str(db)).exit_code == 0
    big = tmp_path / "big.txt"
    big.write_text(huge_text(), encoding="utf-8")
    result = run(
        "import", str(big), "--db", str(db), "--max-article-size", "10KB", "--split-blank-lines"
    )
    assert result.exit_code == 0, result.output
    got = texts(db)
    assert len(got) == 6  # 3 paragraphs of ~3.2 KB fit in 10 KB: 16 paragraphs → 6 articles
    assert all(len(t.encode("utf-8")) <= 10 * 1024 for t in got)
    # every paragraph, whole and in order; nothing else
    assert [p.strip() for t in got for p in t.split("\n\n")] == paragraphs()


def test_a_paragraph_over_the_limit_cannot_be_split(tmp_path, db_path):
    big = tmp_path / "big.txt"
    big.write_text("标题\n\n" + PARAGRAPH * 5 + "\n", encoding="utf-8")
    before = article_count(db_path)
    result = run(
        "import",
        str(big),
        "--db",
        str(db_path),
        "--max-article-size",
        "10KB",
        "--split-blank-lines",
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {big}: the paragraph at text line 3 is over the limit of 10 KB per article "
        "even after splitting by blank lines\n"
    )
    assert article_count(db_path) == before


def test_a_bad_size_is_a_usage_error(tmp_path, db_path):
    result = CliRunner().invoke(
        cli, ["import", str(tmp_path), "--db", str(db_path), "--max-article-size", "lots"]
    )
    assert result.exit_code == 2
    assert "not a size: 'lots'" in result.stderr


def test_import_dialog_uses_the_setting_and_offers_to_split(qtbot, tmp_path, window, monkeypatch):
    from annotator.gui import settings
    from annotator.gui.dialogs.project_dialogs import ProjectDialogs
    from annotator.gui.operations import projects
    from tests.gui.helpers import finish_job

    settings.put("max_article_size", "10KB")
    asked = []
    monkeypatch.setattr(
        ProjectDialogs,
        "split_huge",
        classmethod(lambda cls, parent, msg: asked.append(msg) or True),
    )
    big = tmp_path / "big.txt"
    big.write_text(huge_text(), encoding="utf-8")
    before = len(window.articles.article_ids())
    job = projects.import_paths(window, [big])
    (exc,) = finish_job(qtbot, window, job.failed)
    assert asked == [str(exc)] and "over the limit of 10 KB per article" in asked[0]
    (report,) = finish_job(qtbot, window, window.runner.job.done)
    assert report.added == 6
    assert len(window.articles.article_ids()) == before + 6
