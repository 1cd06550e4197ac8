"""WCAG 2.x contrast for the article view's colours (Qt-free, so it is tested without a window).

The view tints a labeled sentence with its label colour(s), lays a span's lighter tint and
underline over that, and draws the text selection on top. ``sentence_background``,
``span_colors`` and ``SELECTION`` give colours that meet WCAG AA: 4.5:1 for text on its
background (1.4.3) and 3:1 for the underline and the selection against what they sit on
(1.4.11, non-text contrast).
"""

from __future__ import annotations

from functools import lru_cache

TEXT = "#000000"
WHITE = "#ffffff"
TEXT_AA = 4.5
NON_TEXT_AA = 3.0
SENTENCE_ALPHA = 60  # tint of a labeled sentence (0-255)
CURRENT_ALPHA = 95  # of the current sentence
SPAN_ALPHA = 70  # a span's own tint, over the sentence's
# The selection: white text on dark navy; 3:1 or more against every light tint.
SELECTION = ("#1c2f5e", WHITE)  # (background, text)


def rgb(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    if len(c) != 6:
        raise ValueError(f"colour {color!r}: expected #rrggbb")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def hex_of(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(v))):02x}" for v in (r, g, b))


def luminance(color: str) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def lin(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(v) for v in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(color: str, alpha: int, background: str) -> str:
    """``color`` at ``alpha`` (0-255) painted over an opaque ``background``."""
    a = alpha / 255
    return hex_of(*(a * f + (1 - a) * b for f, b in zip(rgb(color), rgb(background), strict=True)))


def average(colors: list[str]) -> str:
    """The mean of several label colours (integer channels, as the view blends them)."""
    chans = [rgb(c) for c in colors]
    n = len(chans)
    return hex_of(*(sum(c[i] for c in chans) // n for i in range(3)))


@lru_cache(maxsize=1024)
def darken_to(color: str, background: str, ratio: float) -> str:
    """``color`` mixed towards black just enough to reach ``ratio`` against ``background``."""
    r, g, b = rgb(color)
    for step in range(0, 101):
        k = 1 - step / 100
        candidate = hex_of(r * k, g * k, b * k)
        if contrast(candidate, background) >= ratio:
            return candidate
    return "#000000"


def sentence_background(colors: list[str], current: bool) -> str:
    """The opaque colour of a labeled sentence's tint over the white page."""
    return _sentence_background(tuple(colors), current)


@lru_cache(maxsize=1024)
def _sentence_background(colors: tuple[str, ...], current: bool) -> str:
    return over(average(list(colors)), CURRENT_ALPHA if current else SENTENCE_ALPHA, WHITE)


@lru_cache(maxsize=1024)  # the view asks on every repaint of a sentence
def span_colors(label_color: str, sentence_bg: str) -> tuple[str, str]:
    """(tint, underline) for a span on a sentence whose background is ``sentence_bg``: the
    tint is light enough for text, the underline dark enough to see on the tint."""
    alpha = SPAN_ALPHA
    tint = over(label_color, alpha, sentence_bg)
    while contrast(TEXT, tint) < TEXT_AA and alpha > 0:
        alpha -= 5
        tint = over(label_color, alpha, sentence_bg)
    return tint, darken_to(label_color, tint, NON_TEXT_AA)
