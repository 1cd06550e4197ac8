"""When a figure found by ``statistics`` is not a statistic: vetoes kept apart from number parsing.

* WORD BOUNDARY — a figure starts and its unit ends on jieba word boundaries: 联合3部门 has no
  unit 部 (the word is 部门), 第37个 is an ordinal; 抓获嫌疑人12名 is a figure.
* STORY — inside a story passage (``story.story_flags``) a figure that only describes the
  incident is anecdote detail (他家的3头牛丢了; 孩子今年5岁), unless it is a police result
  (当场抓获嫌疑人4名) or money stopped, saved or recovered for a victim (帮她保住了6万元).
* CEREMONY — squads, vehicles and attendance at a launch ceremony or rally (10个方队、20余辆警车
  整齐列队; 200余人参加仪式) are routine administration; a result reported there still counts
  (会上通报,全市共抓获嫌疑人300名).
* BACKGROUND — a description of the place, not of the work (常住人口3万余人, 海拔三千多米,
  辖区海岸线长约40公里); counter-example: 走访群众3万余人 is work.
"""

from __future__ import annotations

import re

from annotator.extractors.base import SuggestedSpan

POLICE_RESULT = re.compile(
    r"抓获|抓獲|查获|查獲|缴获|繳獲|收缴|查扣|扣押|冻结|凍結|止付|挽回|保住|追回|追缴|返还|返還|"
    r"避免[^。]{0,8}损失|避免[^。]{0,8}損失|捣毁|搗毀|打掉|破获|破獲|侦破|偵破|刑事拘留|刑拘|"
    r"共|累计|累計|控制|拿回|要回|讨回|多亏|多虧|要不是|不然|差点|差點|就没了|就沒了|逮捕"
)
CEREMONY = re.compile(r"方队|方隊|列队|列隊|参加(?:活动|大会|仪式|会议)|参会|出席|展位|展板")
RESULT_WORDS = re.compile(r"破获|抓获|查处|查获|同比|挽回|侦破|打掉|捣毁|化解")
BACKGROUND = re.compile(
    r"(?:常住|户籍|流动|总)人口|海拔|长约|長約|面积|面積|跨度|(?:辖区|轄區)(?:有|内有|共有)|有学生|现有(?:民警|学生|居民)|"
    r"只有|日均游客|最多时|岁"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def on_word_boundaries(text: str, spans: list[SuggestedSpan]) -> list[SuggestedSpan]:
    """The spans that are not ordinals and whose unit ends a word (jieba tokens, looked up only
    where a Chinese character follows a one-character unit; 个 is always a measure word)."""
    out = []
    for s in spans:
        if s.start > 0 and text[s.start - 1] == "第":
            continue  # an ordinal: 第37个国际禁毒日
        unit = str(s.fields.get("unit", ""))
        after = text[s.end : s.end + 1]
        if (
            len(unit) == 1
            and unit != "个"
            and after
            and CJK.match(after)
            and not _ends_word(text, s.end)
        ):
            continue
        out.append(s)
    return out


def _ends_word(text: str, end: int) -> bool:
    from annotator.text.tokens import in_dictionary, tokenize

    if not in_dictionary(text[end - 1 : end + 1]):
        return True  # the unit and the next character make no word: 12名嫌疑人
    return not any(t.start < end < t.end for t in tokenize(text))


def sentence_veto(text: str) -> bool:
    """A ceremony line-up or a background description, with no reported result."""
    if RESULT_WORDS.search(text):
        return False
    return bool(CEREMONY.search(text) or BACKGROUND.search(text))


def story_veto(text: str) -> bool:
    """Inside a story: the figures only describe the incident (no police result, no money saved)."""
    return not POLICE_RESULT.search(text)
