"""Which sentences of a long article the view lays out: a window of whole paragraphs.

Laying out a 2 MB article (31,000 sentences) in one QTextDocument took about 2 s and had to
be redone on every open (issue 12). The article view shows at most about ``budget``
characters at a time: the paragraphs around the current sentence. Moving to a sentence
outside, or scrolling to either end of the window, moves the window.
"""

from __future__ import annotations

from collections.abc import Sequence


def text_window(
    lengths: Sequence[int],
    paragraphs: Sequence[int],
    anchor: int,
    budget: int,
    *,
    start: int | None = None,
) -> tuple[int, int]:
    """The slice [i0, i1) of sentences to lay out.

    Args:
        lengths: each sentence's length in characters, in order.
        paragraphs: each sentence's paragraph number (the window keeps paragraphs whole where
            that costs less than half a budget more).
        anchor: index of the sentence that must be inside; it sits about a third down.
        budget: about how many characters to lay out.
        start: keep the window starting at this index instead (a rebuild in place).
    """
    n = len(lengths)
    if n == 0 or sum(lengths) <= budget:
        return 0, n
    anchor = min(max(anchor, 0), n - 1)
    if start is None:
        i0, before = anchor, 0
        while i0 > 0 and before < budget // 3:
            i0 -= 1
            before += lengths[i0]
    else:
        i0 = min(max(start, 0), anchor)
    i1, size = i0, 0
    while i1 < n and (size < budget or i1 <= anchor):
        size += lengths[i1]
        i1 += 1
    while i0 > 0 and size < budget:  # at the end of the article: fill the budget backwards
        i0 -= 1
        size += lengths[i0]
    extra = 0
    while i0 > 0 and paragraphs[i0 - 1] == paragraphs[i0] and extra < budget // 2:
        i0 -= 1
        extra += lengths[i0]
    extra = 0
    while i1 < n and paragraphs[i1] == paragraphs[i1 - 1] and extra < budget // 2:
        extra += lengths[i1]
        i1 += 1
    return i0, i1
