"""Sentence segmentation: the tricky cases from the seed articles, and properties over any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.text.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[b.start : b.end] for b in split_sentences(text)]


def seed_sentences(seeds, prefix: str) -> list[str]:
    path = next(seeds.glob(prefix + "_*.txt"))
    return sentences(path.read_text(encoding="utf-8"))


def test_quoted_speech_with_terminal_is_one_sentence():
    text = "“今年以来没有发生一起盗窃案件。”该公司负责人张纪华说。下一句。"
    assert sentences(text) == ["“今年以来没有发生一起盗窃案件。”该公司负责人张纪华说。", "下一句。"]


@pytest.mark.parametrize(
    "text",
    [
        "人次达76.8万,同比上升。",  # decimal
        "广告 http://m.39.net/pf/a_4658077.html?a=1!继续",  # URL with ? and !
        "时间:2022-08-15作者:警安在线",  # date
        "2024-10-15 10:44:40",  # time
    ],
)
def test_no_split_inside_numbers_urls_dates_times(text):
    assert len(sentences(text)) == 1


def test_half_width_terminals_split(seeds):
    got = seed_sentences(seeds, "000")
    # 真是太好了!没想到警方能这么快追回被盗物品,感谢你们! sits inside quotes: one sentence with its attribution
    assert (
        "“真是太好了!没想到警方能这么快追回被盗物品,感谢你们!”德清居民刘先生对民警连连道谢。" in got
    )
    assert "• 缴纳50万元就能入职央企?" in got and "假的!" in got


def test_semicolon_ends_a_sentence(seeds):
    got = seed_sentences(seeds, "004")
    assert "行动开展以来,立查刑事案件1395起,行政案件3789起,刑事拘留843人,行政拘留1640人;" in got


def test_headings_without_terminal_are_sentences(seeds):
    got = seed_sentences(seeds, "001")
    assert got[0] == "守护万家灯火"
    assert got[1] == "——渭南市公安夏季治安打击整治行动工作综述"


def test_ideographic_space_and_nbsp_are_trimmed(seeds):
    got = seed_sentences(seeds, "003")
    assert "沉身 更要沉心" in got
    for s in got:
        assert s == s.strip() and not s[0].isspace() and not s[-1].isspace()
    text = "\u3000\u3000第一句。\xa0\xa0第二句。\u3000\n \u3000\n"
    assert sentences(text) == ["第一句。", "第二句。"]


def test_multiple_quotes_in_one_paragraph(seeds):
    got = seed_sentences(seeds, "003")
    assert (
        "“先抱进来,先抱进来。” 赵炜眼疾手快迅速和其他小组成员及路人帮助下将女孩抱进围栏内,扶着女孩坐进警车安抚情绪。"
        in got
        or any(s.startswith("“先抱进来,先抱进来。” 赵炜") for s in got)
    )


def test_book_title_marks_protect_terminals():
    assert sentences("下发《你好!世界》文件。完") == ["下发《你好!世界》文件。", "完"]


def test_unbalanced_quote_falls_back_within_its_paragraph():
    text = "他说:“第一句。第二句。第三句。\n下一段。另一句。"
    got = sentences(text)
    assert got == ["他说:“第一句。", "第二句。", "第三句。", "下一段。", "另一句。"]


def test_sentence_before_unbalanced_quote_kept():
    text = "前一句。然后“没有闭合。再一句。"
    assert sentences(text) == ["前一句。", "然后“没有闭合。", "再一句。"]


def test_ellipsis_and_closers_stay_with_sentence():
    assert sentences("“各小组准备,收网……”8月10日,随后。(注:完。)好") == [
        "“各小组准备,收网……”8月10日,随后。",
        "(注:完。)",
        "好",
    ]
    assert sentences("没有开头的引号……”随后。") == ["没有开头的引号……”", "随后。"]


def test_paragraph_numbers_count_nonblank_lines():
    bounds = split_sentences("甲。乙。\n\n  \n丙。")
    assert [b.paragraph for b in bounds] == [0, 0, 1]


def test_crlf_already_normalised_but_cr_tolerated():
    # the reader turns CRLF into LF; a stray CR is whitespace and is trimmed
    assert sentences("甲。\r\n乙。") == ["甲。", "乙。"]


ALPHABET = st.sampled_from(
    list("警察抓获名人次万")
    + list("。!?;…,、:.0123456789")
    + list("“”‘’「」《》『』")
    + [" ", "\u3000", "\xa0", "\n", "\t", "𠮷", "😀", "h", "t", "p", "/", ":"]
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join) | st.text(max_size=60))
def test_properties(text):
    bounds = split_sentences(text)
    covered = [0] * len(text)
    prev_end = 0
    prev_para = 0
    for b in bounds:
        assert 0 <= b.start < b.end <= len(text)
        assert b.start >= prev_end, "ordered and non-overlapping"
        assert not text[b.start].isspace() and not text[b.end - 1].isspace()
        assert "\n" not in text[b.start : b.end]
        assert b.paragraph >= prev_para
        prev_end, prev_para = b.end, b.paragraph
        for i in range(b.start, b.end):
            covered[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i] == 1, f"character {ch!r} at {i} not in exactly one sentence"
