"""Main text and title of an HTML page, with the standard library's parser.

Script, style, navigation, header, footer, forms and asides are dropped; block elements end a
line, so paragraphs survive as lines. Everything else visible is kept: nothing is deleted.

Which of those lines are the article's main text is decided by trafilatura, a maintained
main-text extractor (``main_text_lines``); the importer flags every other line as boilerplate.
When trafilatura is missing or finds no main text, the boilerplate patterns decide alone.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "svg",
    "iframe",
    "select",
    "button",
    "head",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "main",
    "figure",
    "figcaption",
    "td",
    "th",
}
_VOID = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_title = False
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skip += 1
        if tag == "h1" and not self.skip:
            self.in_h1 = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag not in _VOID and self.skip:
            self.skip -= 1
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1.append(data)
        self.parts.append(data)


def extract_html(markup: str) -> tuple[str, str | None]:
    """Return ``(text, title)``: the visible main text, one block per line, and the page title."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        line = " ".join(line.replace("\xa0", " ").split(" ")).strip()
        if line:
            lines.append(line)
    h1 = " ".join("".join(parser.h1).split())
    title = " ".join("".join(parser.title).split())
    return "\n\n".join(lines), (h1 or title or None)


# Compared without whitespace, list bullets or table bars: trafilatura's text writes "- item" and
# "| cell |" where the page's lines hold "item" and "cell".
_IGNORED = re.compile(r"[\s|｜]+")
_LEAD = re.compile(r"^[-*#>\s]+")
# A line shorter than this counts as main text only if it is a whole line of the main text, so a
# share button "微信" is not main text because a paragraph mentions 微信.
_MIN_PART = 8


def _norm(line: str) -> str:
    return _IGNORED.sub("", _LEAD.sub("", line))


def main_text_lines(markup: str, text: str, title: str | None = None) -> frozenset[int] | None:
    """Indices of the non-blank lines of ``text`` (from ``extract_html``) that trafilatura finds
    to be the page's main text, the title line included; None when it cannot say (not installed,
    or no main text found), so the boilerplate patterns decide alone."""
    try:
        import trafilatura
    except ImportError:
        return None
    try:
        found = trafilatura.extract(
            markup, include_comments=False, include_tables=True, include_images=False
        )
    except Exception:  # a third-party parser on arbitrary pages: fall back, never stop an import
        return None
    if not found or not found.strip():
        return None
    main = [n for n in (_norm(part) for part in re.split(r"[\n|]", found)) if n]
    whole = set(main)
    lines = [_norm(line) for line in text.split("\n") if line.strip()]
    keep = {
        i
        for i, n in enumerate(lines)
        if n
        and (
            n in whole
            or (
                len(n) >= _MIN_PART
                and any(
                    n in m or (len(m) >= _MIN_PART and m in n and 2 * len(m) >= len(n))
                    for m in main
                )
            )
        )
    }
    if not keep:
        return None
    # The headline: trafilatura leaves it out when it sits above the article's block. It is the
    # page's <h1> (``title``) or, on a blog without one, the last line above the main text that
    # the <title> holds ("平安社区笔记: 楼道里的反诈小课堂" -> "楼道里的反诈小课堂").
    t = _norm(title or "")
    before = [i for i in range(min(keep)) if len(lines[i]) >= 4 and lines[i] in t]
    if t in lines:
        keep.add(lines.index(t))
    elif before:
        keep.add(before[-1])
    return frozenset(keep)


_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset=big5>`` or the
    ``http-equiv="Content-Type" content="text/html; charset=big5"`` form), if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
