"""Choosing an installed font that renders Chinese, and saying what to install when none does."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimSun",
    "AR PL UMing CN",
)

MISSING_FONT_HINT = (
    "No font for Chinese is installed, so characters may show as boxes. Install one, e.g. "
    "'sudo apt-get install fonts-noto-cjk' (Debian/Ubuntu) or 'fonts-wqy-microhei', and restart."
)


def cjk_families() -> list[str]:
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def find_cjk_font() -> str | None:
    """The best installed family for Simplified Chinese, or None."""
    installed = cjk_families()
    for name in PREFERRED:
        if name in installed:
            return name
    return installed[0] if installed else None


def apply_cjk_font(app) -> str | None:
    """Make the application font one that renders Chinese; return its family (None: no font)."""
    family = find_cjk_font()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return family
