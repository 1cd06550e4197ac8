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

from annotator.extractors import story
from annotator.extractors.base import ArticleSentence, Context, Suggestion

NAME = "anecdotes"
VERSION = "2"
LABEL = "anecdote"

DATE = re.compile(
    r"\d{1,2}月\d{1,2}日|\d{1,2}月初|\d{1,2}日(?:晚|上午|下午|凌晨|夜间)|前些日子|近日|前不久|日前|当天|深夜|当晚|\d{1,2}时\d{0,2}分?许"
)
EVENT = re.compile(
    r"抓获|破获|报警|发生|逃窜|赶到|赶往|接到|调解|被盗|被骗|作案|轻生|找到|救|收网|发还|上岗|响起|驶入|扬言|纠纷|脱险|"
    r"抓獲|破獲|報警|發生|趕到|趕往|調解|被騙|查获|查獲|发现|發現|拦下|拦停|落网|落網"
)
# a moment that opens a narrative: 7月3日晚, 8月的一天, 去年夏天, 凌晨两点, 那年冬天
_CN = "一二两三四五六七八九十"
MOMENT = re.compile(
    rf"^(?:(?:\d{{4}}|[{_CN}〇零]{{4}})年)?(?:\d{{1,2}}|[{_CN}]{{1,3}})月(?:\d{{1,2}}日|[{_CN}]{{1,3}}日|"
    rf"上旬|中旬|下旬|初|底|末|的一天|的一个|一天)|"
    rf"^(?:今年|去年|前年|那年|有一年)(?:\d{{1,2}}月|[{_CN}]{{1,3}}月|春天|夏天|秋天|冬天|春节|年初|年底)|"
    rf"^(?:凌晨|清晨|深夜|傍晚|晚上|早上|上午|下午|中午|夜里|当晚|当天|次日|第二天|那天|那一天|一天|"
    rf"农历|除夕|正月)[^,，]{{0,8}}[,，]|^(?:\d{{1,2}}|[{_CN}]{{1,3}})[点點时時]"
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤劉陳楊黃趙吳孫張"
)
PERSON = re.compile(
    r"[\u4e00-\u9fff]某某?(?![些种项段类])|[\u4e00-\u9fff](?:先生|女士|大姐|大哥|大爷|阿姨|师傅)|"
    r"一名(?:员工|男子|女子|群众|居民|盗窃犯|嫌疑人|司机|老人|学生|外卖员)|一(?:位|个)?年轻(?:女子|男子)|"
    r"受害人|商户|经营户|摊主|村民|市民|居民[\u4e00-\u9fff]{1,3}|该女子|该男子|闺蜜|老人表示|"
    rf"[老小阿][{SURNAMES}](?![\u4e00-\u9fff]{{0,1}}[区学时旧人年])|"
    rf"[{SURNAMES}](?:大伯|大爷|大娘|阿婆|阿公|老汉|老太|奶奶|爷爷|婆婆|老伯|老人|警官|师傅)|"
    r"(?:今年|已经)?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})岁(?:的|了|，|,)|名叫|叫作|化名"
)
VERBS = (
    r"说道|说|表示|道谢|称赞|介绍|感慨道?|坦言|告诉记者|告诉|称|回忆道|回忆说|回忆|笑着说|念叨|"
    r"嘱咐|喊道|问道|答道|表态|宣誓|的感受|的一番话"
)
# “……”X说: the speaker is what stands between the closing quote and the speech verb
SAID = re.compile(rf"[”」\"]([^“”「」\"。!！?？]{{0,36}}?)(?:{VERBS})")
# X说:“……” / X:“……”: the speaker stands before the colon
SAYS = re.compile(rf"(?:^|[,，。;；])([^,，。;；:：“”「」\"]{{1,24}}?)(?:{VERBS})?[:：]\s*[“「\"]")
QUOTED = re.compile(r"[“「\"]([^“”「」\"]{4,})[”」\"]?")
FIRST_SECOND = re.compile(r"[我你您咱俺]")
# a quoted directive or pledge: policy in someone's mouth, not an experience
POLICY_QUOTE = re.compile(
    r"要(?:坚持|把|始终|紧盯|加强|持续|进一步|以|让|做到|当好)|必须|坚持|各级|全力|下一步|确保|决不"
)
OFFICIAL = re.compile(
    r"书记|省长|市长|厅长|局长|处长|支队长|大队长|政委|主任|委员|部长|相关负责人|负责人介绍|党委"
)
GROUP = re.compile(r"们|纷纷|大家")
DIALOGUE = re.compile(r"^[“「][^“”「」]+[”」]$")
CASE = re.compile(
    r"偵破[^,，。]{2,30}案|報警|被騙|被盜|接到(?:群众)?报警|接群众报警|破获一起|赶到现场|赶往|被盗|被骗|逃窜|轻生|跳桥|调解一起|收网|[“\"]\d+[.·]\d+[”\"][^。]{0,20}案|侦破[^,。]{2,30}案"
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
        if DATE.search(text) and EVENT.search(text) or MOMENT.search(text.strip()):
            found["dated_event"] = 0.55
        if PERSON.search(text):
            found["person"] = 0.55
        speech = self.speech(text)
        if speech == "citizen":
            found["attributed_quote"] = 0.7
        elif speech == "first_person":
            found["speech"] = 0.55
        if DIALOGUE.match(text.strip().rstrip("。")) or DIALOGUE.match(text.strip()):
            found["dialogue"] = 0.55
        if CASE.search(text):
            found["case"] = 0.5
        return found

    @staticmethod
    def speech(text: str) -> str:
        """Who speaks in the sentence: "citizen" (a named or described non-official speaker),
        "first_person" (a quote in the first or second person, speaker unknown), "official",
        "group" or "policy" (a title holder, a crowd, or a quoted directive or pledge), or "" (no
        speech)."""
        speakers = [m.group(1) for m in SAID.finditer(text)]
        speakers += [m.group(1) for m in SAYS.finditer(text)]
        quotes = [m.group(1) for m in QUOTED.finditer(text)]
        policy = any(POLICY_QUOTE.search(q) for q in quotes)
        if any(OFFICIAL.search(w) for w in speakers):
            return "official"
        if policy:
            return "policy"
        if speakers and all(GROUP.search(w) for w in speakers):
            return "group"
        if speakers:
            return "citizen"
        if any(FIRST_SECOND.search(q) for q in quotes):
            return "first_person"
        return ""

    def strong(self, text: str) -> float:
        """The sentence's own anecdote score (0 when vetoed): what starts a story."""
        found = self.signals(text)
        if not found:
            return 0.0
        score = _combine(list(found.values()))
        own = "attributed_quote" in found or "person" in found
        if GENERIC.search(text) and not own:
            score *= 0.6
        if story.AGGREGATE.search(text) and "attributed_quote" not in found:
            return 0.0  # case words in a sentence of totals: a statistic, not a story
        if (story.GENERIC.search(text) or story.COMMENT.search(text)) and not own:
            return 0.0
        return score if score >= 0.5 else 0.0

    def extract_article(
        self, title: str, sentences: list[ArticleSentence]
    ) -> list[list[Suggestion]]:
        """Stories as passages: a sentence continuing a started story is anecdote too."""
        own = [self.strong(s.text) if not s.boilerplate else 0.0 for s in sentences]
        by_text = {s.text: o for s, o in zip(sentences, own, strict=True)}
        flags = story.story_flags(
            sentences,
            lambda t: by_text.get(t, 0.0) > 0,
            lambda t: self.speech(t) in ("official", "group", "policy"),
        )
        out: list[list[Suggestion]] = []
        for s, o, flag in zip(sentences, own, flags, strict=True):
            if flag == "start":
                out.append(self._suggest(s.text, o))
            elif flag == "continues":
                out.append(self._suggest(s.text, 0.6, continued=True))
            elif flag == "heading":
                out.append(self._suggest(s.text, 0.55, continued=True))
            else:
                out.append([])
        return out

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        score = self.strong(text)
        return self._suggest(text, score) if score else []

    def _suggest(self, text: str, score: float, continued: bool = False) -> list[Suggestion]:
        found = self.signals(text)
        fields = {}
        person = PERSON.search(text)
        if person:
            fields["actors"] = person.group()
        date = DATE.search(text)
        if date:
            fields["date"] = date.group()
        if "attributed_quote" in found or "dialogue" in found or "speech" in found:
            fields["quoted"] = True
        if continued:
            fields["continues_story"] = True
        return [Suggestion(LABEL, round(score, 3), (), fields)]
