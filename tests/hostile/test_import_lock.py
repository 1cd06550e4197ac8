"""A big import lets other connections write while it runs, and stays all-or-nothing (§6)."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.corpus.importer import import_paths
from annotator.errors import Cancelled, InputError


def articles(folder, n: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(f"第{i}篇。\n全市抓获犯罪嫌疑人{i}名。\n", "utf-8")


def dump(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def edit_now(path, name: str) -> None:
    """Write from another connection without waiting: fails at once if the lock is held."""
    con = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT INTO annotators (name, kind, created_at) VALUES (?, 'human', 'now')", [name]
        )
        con.execute("COMMIT")
    finally:
        con.close()


def test_another_connection_can_write_during_the_import(empty, tmp_path):
    folder = tmp_path / "in"
    articles(folder, 600)  # several staging chunks
    edits: list[str] = []

    def progress(done: int, total: int) -> None:
        if done in (100, 300, 599):
            edit_now(empty.path, f"editor{done}")  # raises "database is locked" if held
            edits.append(f"editor{done}")

    report = import_paths(empty, [folder], progress=progress)
    assert edits == ["editor100", "editor300", "editor599"]
    assert report.added == 600 and empty.articles.count() == 600
    names = {r[0] for r in empty.query("SELECT name FROM annotators")}
    assert set(edits) <= names  # the edits made meanwhile are kept
    ids = [r[0] for r in empty.query("SELECT article_id FROM articles ORDER BY 1")]
    assert ids == list(range(1, 601))
    assert empty.query("SELECT count(*) FROM temp.sqlite_master")[0][0] == 0


def test_a_failed_import_leaves_the_database_unchanged(empty, tmp_path):
    folder = tmp_path / "in"
    articles(folder, 400)
    (folder / "999.jsonl").write_text('{"text": 12345}\n', "utf-8")  # found last
    before = dump(empty.path)
    with pytest.raises(InputError, match="999.jsonl"):
        import_paths(empty, [folder])
    assert dump(empty.path) == before
    assert empty.query("SELECT count(*) FROM temp.sqlite_master")[0][0] == 0


def test_a_cancelled_import_leaves_the_database_unchanged(empty, tmp_path):
    folder = tmp_path / "in"
    articles(folder, 400)
    before = dump(empty.path)
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 350

    with pytest.raises(Cancelled):
        import_paths(empty, [folder], cancel=cancel)
    assert dump(empty.path) == before


def test_texts_imported_meanwhile_by_another_process_are_duplicates(empty, tmp_path):
    from annotator.store import Store

    folder = tmp_path / "in"
    articles(folder, 300)
    other_file = tmp_path / "same.txt"
    other_file.write_text((folder / "250.txt").read_text("utf-8"), "utf-8")

    def progress(done: int, total: int) -> None:
        if done == 10:  # another process imports article 250 before this import publishes
            with Store.open(empty.path) as other:
                import_paths(other, [other_file])

    report = import_paths(empty, [folder], progress=progress)
    assert report.added == 299 and "250.txt" in report.duplicates
    assert empty.articles.count() == 300
