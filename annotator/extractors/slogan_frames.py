"""Formula cues beyond quoted numbers, and the filters that keep ordinary prose out.

Cues (an example and a counter-example each, written for these docs):

* FRAME — a quote standing in a formula frame is a formula whatever its shape: 坚持“守土有责”,
  以“三级联防”为抓手, “邻里守望”机制/模式/工作法/理念/要求, 发挥“红马甲”作用.
  Not: a campaign or place name in the frame (坚持“清风行动”), a manner (“一站式”服务).
* SET FORMULA — a recognised national formula that recurs as a unit, quoted or not:
  坚持共建共治共享, 坚持专群结合、群防群治. Not: the same words inside a proper name.
* MAXIM — a short sentence of two parallel clauses that share their frame (……是……的……,
  只有……没有……, ……不……, ……不……): 安全是发展的底线，稳定是民生的保障。
  Not: two narrative clauses (雨停了，他们才收队。) or a scene (山风阵阵，灯火点点。).
* HEADING MOTTO — a space-separated two-part heading is a motto only with pledge words
  (守护/为民/远离/在路上/有我…): 为民守夜 平安有我. Not a heading naming a line of work:
  严打犯罪 成效明显, 宣传发动 全民参与.
* NUMBERED unquoted — 一村一辅警, 三查三访: only on jieba word boundaries, and not a Chinese
  number, a time, an age or a reduplication: 一千二百余万, 第二天一早, 一步一步, 一模一样.
"""

from __future__ import annotations

import re

FRAME_BEFORE = re.compile(
    r"(?:坚持|堅持|推行|落实|落實|实行|實行|践行|踐行|秉持|树牢|树立|深化|做到|按照|遵循|牢记|牢記|"
    r"恪守|围绕|聚焦|突出|强化|形成|构建|打造|探索|推动|健全|完善|锚定|以)\s*$"
)
FRAME_AFTER = re.compile(
    r"^(?:为(?:抓手|主线|目标|导向|引领|核心|原则|统领)|的(?:要求|原则|理念|目标|思路|标准|责任感|"
    r"工作格局|格局|精神)|(?:工作)?(?:机制|模式|工作法|理念|原则|要求|格局|体系|思路|目标|标准|"
    r"制度|方针|品牌|体制)|作用|精神|一体化)"
)
SET_FORMULAS = re.compile(
    r"以人民为中心|人民至上|共建共治共享|专群结合|群防群治|打早打小|露头就打|除恶务尽|打防并举|"
    r"标本兼治|自治、法治、德治|打财断血|破网打伞|有黑扫黑、有恶除恶|小事不出村、大事不出镇|"
    r"矛盾不上交|发动和依靠群众|人民公安为人民|平安是最大的民生"
)
PLEDGE = re.compile(
    r"守护|永远|远离|珍爱|在路上|无小事|大如天|就在身边|万家灯火|有我|为民|人民|初心|使命|携手|共建|共享|"
    r"[守护][\u4e00-\u9fff]{0,3}平安"
)
NARRATIVE = re.compile(r"[了着过]|[后时]，|[后时],|他|她|我们|记者|民警")
NUMBER_WORD = re.compile(
    r"[百千万亿億萬点點之余餘多岁歲个個名位天年月日时時分秒号號次遍步笔筆段家堂回轮輪声聲场份起前后"
    r"又接模样樣下口人字成倍半]"
)
CN_NUM = "一二两三四五六七八九十百"


def framed(text: str, start: int, end: int) -> bool:
    """The quote text[start:end] (quote marks excluded) stands in a formula frame."""
    before = text[max(0, start - 7) : max(0, start - 1)]
    after = text[end + 1 : end + 9]
    return bool(FRAME_BEFORE.search(before) or FRAME_AFTER.match(after))


def set_formulas(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SET_FORMULAS.finditer(text)]


def _common(a: str, b: str) -> int:
    return sum(min(a.count(c), b.count(c)) for c in set(a) if c not in "，,、的")


def maxim(body: str) -> bool:
    """Two (or three) short clauses sharing their frame, standing as the whole sentence."""
    parts = [p for p in re.split(r"[，,；;]", body) if p]
    if not 2 <= len(parts) <= 3 or len(body) > 36 or NARRATIVE.search(body):
        return False
    a, b = parts[-2], parts[-1]
    if not all(3 <= len(p) <= 14 for p in (a, b)) or abs(len(a) - len(b)) > 2:
        return False
    same_place = len(a) == len(b) and any(x == y for x, y in zip(a, b, strict=True))
    return _common(a, b) >= 2 or same_place or (a[:2] == b[:2] and len(a) >= 4)


def heading_motto(body: str) -> bool:
    return bool(PLEDGE.search(body))


def numbered_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """An unquoted numbered formula cut back to jieba word boundaries (一村一辅警 out of
    一村一辅警制度), or None for a number, a time, an age or a repetition."""
    from annotator.text.tokens import tokenize

    tokens = tokenize(text)
    if start not in {t.start for t in tokens}:
        return None
    inner_ends = [t.end for t in tokens if start + 3 <= t.end <= end]
    if not inner_ends:
        return None
    end = max(inner_ends)
    piece = text[start:end]
    rest = "".join(c for c in piece if c not in CN_NUM)
    if NUMBER_WORD.search(rest) or NUMBER_WORD.search(piece[1:2]):
        return None
    if (
        re.match(r"^(一.{1,2})(?:[接又])?\1", piece)
        or re.search(r"一.一.", piece[:4])
        and (piece[1] == piece[3])
    ):
        return None
    if start > 0 and text[start - 1] in "第每这那上下" + CN_NUM:
        return None
    if sum(piece.count(c) for c in CN_NUM) < 2:
        return None
    return start, end
