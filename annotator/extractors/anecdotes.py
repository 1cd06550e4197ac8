"""Anecdotes (案例): narration of one concrete incident or a particular person's experience.

Signals, each with its weight (a sentence is suggested when the combined score reaches 0.5:
score = 1 - Π(1 - weight)); examples from the seed articles:

* DATED EVENT (0.55) — a specific day or moment with an event: 7月3日,一名盗窃犯……逃窜;
  9月23日晚,……接群众报警; 前些日子 / 近日 / 前不久 count as the moment.
* PERSON (0.55) — a described or named individual: 郝某, 李某, 谢某某, 刘先生, 李女士, 王大姐,
  村民王谋仁老人, 一名员工, 一年轻女子, 受害人, 商户, 经营户.
* ATTRIBUTED QUOTE (0.7) — “……” followed by who said it (说, 表示, 道谢, 称赞, 介绍), when the
  speaker is not an official stating policy (书记, 厅长, 局长, 处长, 支队长, 负责人介绍 of a
  police unit) and not a group (民警们纷纷表态).
* DIALOGUE (0.55) — a sentence that is all quotation: “外面太危险了,先进来说。”
* CASE (0.5) — incident vocabulary: 接到报警, 破获一起, 赶到现场, 被盗, 被骗, 逃窜, 轻生, 跳桥,
  调解一起, 收网; and named cases: “4.03”……案, “5·20”……案, 侦破……案.
* GENERIC (−) — descriptions of police work in general lower the score: 各级公安机关, 全市公安,
  全省, 始终坚持, 持续, 深入开展; routine administration (召开, 会议, 听取, 部署, 启动仪式).
"""

from __future__ import annotations

import re
from typing import Any

from annotator.extractors.base import Context, Suggestion

NAME = "anecdotes"
VERSION = "1"
LABEL = "anecdote"

DATE = re.compile(
    r"\d{1,2}月\d{1,2}日|\d{1,2}月初|\d{1,2}日(?:晚|上午|下午|凌晨|夜间)|前些日子|近日|前不久|日前|当天|深夜|当晚|\d{1,2}时\d{0,2}分?许"
)
EVENT = re.compile(
    r"抓获|破获|报警|发生|逃窜|赶到|赶往|接到|调解|被盗|被骗|作案|轻生|找到|救|收网|发还|上岗|响起|驶入|扬言|纠纷|脱险"
)
PERSON = re.compile(
    r"[\u4e00-\u9fff]某某?(?![些种项段类])|[\u4e00-\u9fff](?:先生|女士|大姐|大哥|大爷|阿姨|师傅)|"
    r"一名(?:员工|男子|女子|群众|居民|盗窃犯|嫌疑人|司机|老人|学生|外卖员)|一(?:位|个)?年轻(?:女子|男子)|"
    r"受害人|商户|经营户|摊主|村民|市民|居民[\u4e00-\u9fff]{1,3}|该女子|该男子|闺蜜|老人表示"
)
SAID = re.compile(
    r"[”」]([^“”「」。]{0,36}?)(?:说|说道|表示|道谢|称赞|介绍|感慨|坦言|告诉|称|回忆|的感受|的一番话)"
)
OFFICIAL = re.compile(
    r"书记|省长|市长|厅长|局长|处长|支队长|大队长|政委|主任|委员|部长|相关负责人|负责人介绍|党委"
)
GROUP = re.compile(r"们|纷纷|大家")
DIALOGUE = re.compile(r"^[“「][^“”「」]+[”」]$")
CASE = re.compile(
    r"接到(?:群众)?报警|接群众报警|破获一起|赶到现场|赶往|被盗|被骗|逃窜|轻生|跳桥|调解一起|收网|[“\"]\d+[.·]\d+[”\"][^。]{0,20}案|侦破[^,。]{2,30}案"
)
GENERIC = re.compile(
    r"各级公安机关|全市公安|全省公安|始终坚持|持续|深入开展|全力|不断|切实|召开|会议|听取|部署|启动仪式|常态"
)


def _combine(weights: list[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


class Anecdotes:
    name = NAME
    version = VERSION
    labels = (LABEL,)

    def signals(self, text: str, context: Context | None = None) -> dict[str, float]:
        found: dict[str, float] = {}
        if DATE.search(text) and EVENT.search(text):
            found["dated_event"] = 0.55
        if PERSON.search(text):
            found["person"] = 0.55
        for m in SAID.finditer(text):
            who = m.group(1)
            if not OFFICIAL.search(who) and not GROUP.search(who):
                found["attributed_quote"] = 0.7
                break
        if DIALOGUE.match(text.strip().rstrip("。")) or DIALOGUE.match(text.strip()):
            found["dialogue"] = 0.55
        if CASE.search(text):
            found["case"] = 0.5
        return found

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        found = self.signals(text, context)
        if not found:
            return []
        score = _combine(list(found.values()))
        if GENERIC.search(text) and "attributed_quote" not in found and "person" not in found:
            score *= 0.6
        if score < 0.5:
            return []
        fields: dict[str, Any] = {}
        person = PERSON.search(text)
        if person:
            fields["actors"] = person.group()
        date = DATE.search(text)
        if date:
            fields["date"] = date.group()
        if "attributed_quote" in found or "dialogue" in found:
            fields["quoted"] = True
        return [Suggestion(LABEL, round(score, 3), (), fields)]
