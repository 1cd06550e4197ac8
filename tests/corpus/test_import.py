"""Importing real files in odd encodings: clear one-line errors, and nothing half-imported."""

from __future__ import annotations

import json
import os
import sys

import pytest

from annotator.corpus.importer import import_paths
from annotator.corpus.sizes import ArticleLimit
from annotator.errors import Cancelled, InputError
from annotator.paths import resource_path
from annotator.schema import load_schema
from annotator.store import Store

ARTICLE = (
    "夏季行动成果\n全市抓获犯罪嫌疑人195名,同比下降12.5%。“警察常在、警车常见、警灯常亮。”他说。\n"
)


@pytest.fixture
def empty(tmp_path):
    s = Store.create(tmp_path / "p.db", load_schema(resource_path("labels.toml")))
    yield s
    s.close()


def counts(store) -> tuple[int, int]:
    st = store.stats()
    return st["articles"], st["sentences"]


def test_seeds_import_and_reimport_adds_nothing(empty, seeds):
    report = import_paths(empty, [seeds])
    assert report.added == 5 and report.files == 5
    before = counts(empty)
    again = import_paths(empty, [seeds])
    assert again.added == 0 and len(again.duplicates) == 5
    assert "5 already in the project" in again.summary()
    assert counts(empty) == before


def test_text_is_kept_exactly_and_offsets_slice_it(empty, seeds):
    import_paths(empty, [seeds])
    for art_id in empty.articles.ids():
        art = empty.articles.get(art_id)
        src = (seeds / art.source).read_text(encoding="utf-8")
        assert art.text == src
        for s in empty.sentences.for_article(art_id):
            assert art.text[s.start : s.end] == s.text


def test_gb18030_file(empty, tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(ARTICLE.encode("gb18030"))
    import_paths(empty, [p])
    art = empty.articles.get(empty.articles.ids()[0])
    assert art.text == ARTICLE and art.title == "夏季行动成果"


def test_utf8_bom_crlf_file(empty, tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    import_paths(empty, [p])
    art = empty.articles.get(empty.articles.ids()[0])
    assert art.text == ARTICLE  # BOM gone, CRLF → LF, so offsets match on every platform
    texts = [s.text for s in empty.sentences.for_article(art.article_id)]
    assert texts[0] == "夏季行动成果" and not any("\r" in t or "\ufeff" in t for t in texts)


def test_utf16_with_bom(empty, tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(ARTICLE.encode("utf-16"))
    import_paths(empty, [p])
    assert empty.articles.get(empty.articles.ids()[0]).text == ARTICLE


def test_same_text_in_another_encoding_is_a_duplicate(empty, tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("gb18030"))
    report = import_paths(empty, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert report.added == 1 and report.duplicates == ["b.txt"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("latin.txt", "caf\xe9 cr\xe8me \x81\x82\xff".encode("latin-1") * 3, "not UTF-8"),
        (
            "bad.jsonl",
            b'{"text": "\xe5\xa5\xbd\xe3\x80\x82"}\n{"text": oops}\n',
            ":2: not valid JSON",
        ),
        ("notext.jsonl", b'{"title": "t"}\n', ':1: missing or empty "text"'),
        ("list.jsonl", b'["a"]\n', ":1: each line must be a JSON object"),
        ("page.html", b"<html><script>var a=1;</script></html>", "no visible text"),
    ],
)
def test_bad_files_give_one_line_and_import_nothing(empty, tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        import_paths(empty, [p])
    text = str(err.value)
    assert name in text and message in text and "\n" not in text
    assert counts(empty) == (0, 0)
    assert empty.query("SELECT count(*) FROM imports")[0][0] == 0


def test_missing_path(empty, tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        import_paths(empty, [tmp_path / "nope"])


def test_unsupported_suffix(empty, tmp_path):
    p = tmp_path / "a.docx"
    p.write_bytes(b"x")
    with pytest.raises(InputError, match=r"a\.docx: unsupported file type '\.docx'"):
        import_paths(empty, [p])


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(empty, tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    p.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        import_paths(empty, [p])


def test_unreadable_file_even_as_root(empty, tmp_path, monkeypatch):
    # root can read a chmod 0 file, so make the open itself fail the way the OS reports it
    p = tmp_path / "locked.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    real = os.open

    def fake_open(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    with pytest.raises(
        InputError, match=r"locked\.txt: cannot read the file \(permission denied\)"
    ):
        import_paths(empty, [p])
    assert counts(empty) == (0, 0)


def test_folder_named_like_an_article_is_skipped_directory_name(empty, tmp_path):
    # A folder named like an article file is found by the walk but cannot be read as one.
    d = tmp_path / "in"
    d.mkdir()
    (d / "fake.txt").mkdir()
    (d / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    report = import_paths(empty, [d])
    assert report.added == 1  # folders are not files; the walk skips them


def test_mixed_folder_imports_nothing_and_counts_bad_files(empty, tmp_path, seeds):
    d = tmp_path / "mixed"
    d.mkdir()
    for f in seeds.iterdir():
        (d / f.name).write_bytes(f.read_bytes())
    (d / "sub").mkdir()
    (d / "sub" / "broken.jsonl").write_text('{"text": 1}\n', encoding="utf-8")
    (d / "zz_empty.txt").write_bytes(b"")
    (d / ".hidden.txt").write_bytes(b"\x00\x01")  # hidden files are skipped
    (d / "notes.md").write_text(
        "ignored", encoding="utf-8"
    )  # unsupported suffix in a folder: skipped
    with pytest.raises(InputError) as err:
        import_paths(empty, [d])
    msg = str(err.value)
    assert "broken.jsonl:1:" in msg and "and 1 more bad file(s); nothing was imported" in msg
    assert counts(empty) == (0, 0)


def test_jsonl_articles_with_title_source_meta(empty, tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        {"text": ARTICLE, "title": "自定标题", "source": "site/1", "meta": {"url": "http://x"}},
        {"text": "第二篇。内容。"},
    ]
    p.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8"
    )
    report = import_paths(empty, [p])
    assert report.added == 2
    arts = [empty.articles.get(i) for i in empty.articles.ids()]
    assert (
        arts[0].title == "自定标题"
        and arts[0].source == "site/1"
        and arts[0].meta == {"url": "http://x"}
    )
    assert arts[1].source == "batch.jsonl#2"


def test_html_main_text_and_title(empty, tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>站点 - 页面</title><style>p{}</style></head><body>"
        "<nav>首页 | 要闻</nav><h1>夏季行动成果</h1><p>全市抓获犯罪嫌疑人195名。</p>"
        "<script>alert('x')</script><p>第二段&nbsp;文字。</p><footer>版权所有</footer></body></html>",
        encoding="gb18030",
    )
    import_paths(empty, [p])
    art = empty.articles.get(empty.articles.ids()[0])
    assert art.title == "夏季行动成果"
    assert "alert" not in art.text and "首页" not in art.text and "版权所有" not in art.text
    assert [s.text for s in empty.sentences.for_article(art.article_id)] == [
        "夏季行动成果",
        "全市抓获犯罪嫌疑人195名。",
        "第二段 文字。",
    ]


@pytest.mark.slow
def test_twenty_megabyte_article(empty, tmp_path):
    para = "全市公安机关抓获犯罪嫌疑人195名,同比下降12.5%。警察常在、警车常见、警灯常亮。\n"
    text = para * (20 * 2**20 // len(para.encode("utf-8")) + 1)
    p = tmp_path / "big.txt"
    p.write_text(text, encoding="utf-8")
    assert p.stat().st_size >= 20 * 2**20
    # over the default limit per article (2 MB, tests/hostile/test_huge_articles.py): raised here
    report = import_paths(empty, [p], limit=ArticleLimit(max_bytes=32 * 2**20))
    assert report.added == 1 and report.sentences == 2 * text.count("\n")
    last = empty.sentences.for_article(empty.articles.ids()[0])[-1]
    assert last.text == "警察常在、警车常见、警灯常亮。"


def test_cancel_leaves_database_unchanged(empty, seeds):
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled, match="nothing was changed"):
        import_paths(empty, [seeds], cancel=cancel)
    assert counts(empty) == (0, 0)


def test_progress_reports_every_file(empty, seeds):
    seen = []
    import_paths(empty, [seeds], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 5) for i in range(1, 6)]


def test_failure_inside_the_write_rolls_back(empty, seeds, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(empty.articles), "finish_import", boom)
    with pytest.raises(RuntimeError):
        import_paths(empty, [seeds])
    assert counts(empty) == (0, 0)
