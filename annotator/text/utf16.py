"""Converting text positions between Python code points and UTF-16 code units.

Qt counts positions in UTF-16 code units; the store counts Python characters (code points).
Characters outside the Basic Multilingual Plane (𠮷, 𪚥, emoji) take two UTF-16 units, so the two
counts drift apart after the first of them. The GUI converts at its boundary through this one
class, and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_right


class Utf16Map:
    """Position conversion for one text; O(log n) per lookup, O(1) when the text is all BMP."""

    __slots__ = ("_astral", "length")

    def __init__(self, text: str) -> None:
        # code point indexes of the characters that take two UTF-16 units, in order
        self._astral = (
            [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        )
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code point position ``cp`` (0 ≤ cp ≤ len(text))."""
        if not self._astral:
            return cp
        return cp + bisect_right(self._astral, cp - 1)

    def from_utf16(self, unit: int) -> int:
        """Code point position of UTF-16 position ``unit``.

        A position inside a surrogate pair (between its two units) rounds down to the character's
        start, so a selection never splits a character.
        """
        if not self._astral:
            return unit
        lo, hi = 0, len(self._astral)
        # number of astral characters that end at or before ``unit`` (each adds one extra unit)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid + 2 <= unit:
                lo = mid + 1
            else:
                hi = mid
        cp = unit - lo
        if lo < len(self._astral) and self._astral[lo] < cp:
            cp = self._astral[lo]  # inside the pair of astral character ``lo``
        return cp
