"""Legacy encodings decode right or are refused by name, never stored garbled (issue 12, §6)."""

from __future__ import annotations

import pytest

from annotator.corpus.importer import import_paths
from annotator.errors import InputError

# A Hong Kong / Taiwan news paragraph in traditional characters (Big5 is normal input).
HK = (
    "香港特區政府統計處今日公佈，本港最新失業率為百分之三點一，較上一期下降零點二個百分點。"
    "臺灣行政院主計總處表示，第二季經濟成長率達到百分之五點零，優於市場預期。\n"
)
GB = "国家统计局今天发布数据，全国城镇调查失业率为百分之五点二，比上月下降零点一个百分点。\n"
JA = "東京都は今日、新しい統計を発表しました。失業率は二・五パーセントでした。\n"
FR = (
    "Le gouvernement français a présenté mercredi un projet de loi très attendu sur la réforme "
    "des retraites. Selon le ministère, 62 % des salariés seront concernés.\n"
)


def only_text(store) -> str:
    (art_id,) = store.articles.ids()
    return store.articles.get(art_id).text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(HK, "big5"), (HK, "cp950"), (GB, "gb18030"), (JA, "shift_jis"), (FR, "latin-1")],
    ids=["big5", "cp950", "gb18030", "shift_jis", "latin-1"],
)
def test_legacy_text_files_decode_right(empty, tmp_path, text, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    import_paths(empty, [p])
    assert only_text(empty) == text


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="big5">',
        "<meta charset=big5>",
        '<meta http-equiv="Content-Type" content="text/html; charset=big5">',
    ],
)
def test_html_meta_charset_is_honoured(empty, tmp_path, meta):
    # Too short for any detector to tell Big5 from GBK or EUC-KR: only the declaration can.
    page = f"<html><head>{meta}<title>統計</title></head><body><p>統計數字</p></body></html>"
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("big5"))
    import_paths(empty, [p])
    assert only_text(empty) == "統計數字"


def test_big5_page_with_hkscs_characters(empty, tmp_path):
    text = "香港旺角有一間茶餐廳，叫做「峯」，今日開張。" * 3  # 峯 is in Big5-HKSCS
    page = f'<html><head><meta charset="big5"></head><body><p>{text}</p></body></html>'
    p = tmp_path / "hk.html"
    p.write_bytes(page.encode("big5hkscs"))
    import_paths(empty, [p])
    assert only_text(empty) == text


def test_bytes_in_no_clear_encoding_are_refused_by_name(empty, tmp_path):
    p = tmp_path / "short.txt"
    p.write_bytes("统计数字".encode("gbk"))  # equally valid GBK, EUC-KR, EUC-JP ...
    with pytest.raises(InputError, match="short.txt") as err:
        import_paths(empty, [p])
    assert "encoding" in str(err.value)
    assert empty.articles.count() == 0


def test_a_page_that_lies_about_its_charset_is_refused(empty, tmp_path):
    page = '<html><head><meta charset="shift_jis"></head><body><p>統計數字</p></body></html>'
    p = tmp_path / "liar.html"
    p.write_bytes(page.encode("utf-8").replace("統計數字".encode(), b"\x85\x40\xa1"))
    with pytest.raises(InputError, match="liar.html.*shift_jis"):
        import_paths(empty, [p])


def test_a_bom_wins_over_the_meta_charset(empty, tmp_path):
    page = '<html><head><meta charset="big5"></head><body><p>统计数字更新。</p></body></html>'
    p = tmp_path / "bom.html"
    p.write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    import_paths(empty, [p])
    assert only_text(empty) == "统计数字更新。"
