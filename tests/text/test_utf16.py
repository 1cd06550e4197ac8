"""UTF-16 ↔ code point conversion, checked against Python's own UTF-16 encoder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.text.utf16 import Utf16Map


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_bmp_only_is_identity():
    m = Utf16Map("抓获犯罪嫌疑人195名")
    assert [m.to_utf16(i) for i in range(4)] == [0, 1, 2, 3]
    assert m.from_utf16(3) == 3


def test_astral_characters_shift_positions():
    text = "𠮷野家😀抓获195名"
    m = Utf16Map(text)
    assert m.to_utf16(1) == 2  # after 𠮷
    assert m.to_utf16(4) == 6  # after 😀
    assert m.from_utf16(6) == 4
    assert m.from_utf16(1) == 0  # inside 𠮷's surrogate pair → its start
    assert m.from_utf16(5) == 3  # inside 😀's pair


@given(st.text(alphabet=st.sampled_from(list("甲乙a1") + ["𠮷", "𪚥", "😀"]), max_size=40))
def test_round_trip_matches_the_encoder(text):
    m = Utf16Map(text)
    for cp in range(len(text) + 1):
        u = m.to_utf16(cp)
        assert u == units(text[:cp])
        assert m.from_utf16(u) == cp
