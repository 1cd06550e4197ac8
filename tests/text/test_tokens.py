"""jieba tokens: offsets, domain dictionary, lazy loading, cache location, span snapping."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotator.text.tokens import pos_tag, snap_to_tokens, tokenize


def test_tokens_cover_text_with_offsets():
    text = "𠮷全市公安机关抓获犯罪嫌疑人195名 😀同比下降12.5%。"
    toks = tokenize(text)
    assert "".join(t.text for t in toks) == text
    for t in toks:
        assert text[t.start : t.end] == t.text
    assert toks[0].start == 0 and toks[-1].end == len(text)


def test_domain_dictionary_terms_are_single_tokens():
    words = [t.text for t in tokenize("夏季治安打击整治百日行动中化解矛盾纠纷,打击电信网络诈骗")]
    for term in ("夏季治安打击整治", "百日行动", "矛盾纠纷", "电信网络诈骗"):
        assert term in words


@pytest.mark.slow
def test_pos_tags_mark_numerals():
    tags = {t.text: t.pos for t in pos_tag("抓获犯罪嫌疑人195名")}
    assert tags["195"] == "m"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(8, 10, "立查刑事案件"), (7, 13, "立查刑事案件"), (3, 3, ""), (13, 17, "1395")],
)
def test_snap_to_tokens(start, end, expected):
    text = "行动开展以来,立查刑事案件1395起"
    s, e = snap_to_tokens(text, start, end)
    assert text[s:e] == expected


def test_snap_rejects_bad_offsets():
    with pytest.raises(ValueError, match="outside text"):
        snap_to_tokens("abc", 2, 9)


@pytest.mark.slow
def test_jieba_loads_lazily_and_caches_outside_the_working_directory(tmp_path):
    home = tmp_path / "home"
    code = (
        "import sys, annotator.text.tokens as t\n"
        "assert 'jieba' not in sys.modules\n"
        "t.tokenize('公安机关')\n"
        "assert 'jieba' in sys.modules\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        check=True,
        env={"ANNOTATOR_HOME": str(home), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert (home / "cache" / "jieba.cache").exists()
    assert not list(tmp_path.glob("*.cache"))
