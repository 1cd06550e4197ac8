"""Anecdotes (案例): narration of one concrete incident or a particular person's experience.

A sentence's own evidence (each signal with its weight; it starts a story when the combined score
1 - Π(1 - weight) reaches 0.5). Examples written for these docs; a counter-example after "not":

* DATED EVENT / MOMENT (0.55) — a day or moment with an event, or a moment opening the sentence:
  3月8日晚,一辆货车在桥上抛锚; 去年冬天,…; 凌晨两点,…. Not: 今年以来,… (a period: a total).
* PERSON (0.55) — a described or named individual: 吴某, 周女士, 老杨, 孙大伯, 26岁的小彭, 一名外卖员.
  Not: 民警们, 广大群众 (a crowd).
* SPEECH (0.7 when a citizen speaks, 0.55 for a first- or second-person quote with no speaker):
  “…”摊主老周说; 货车司机刘建国说:“…”; 她小声嘀咕:“我还以为…”. Who speaks decides: the
  words between the quote and the speech verb, or before the colon. Not: an official
  (“…”县公安局局长在会上表示), a crowd (队员们齐声表态), a quoted directive or pledge (“要把…”).
* DIALOGUE (0.55) — a sentence that is all quotation: “别怕,先把手给我。”
* CASE (0.5) — incident vocabulary: 接到报警, 破获一起, 赶到现场, 被骗, “3·15”…案.
* VETOES — case words in a sentence of totals are no anecdote (今年以来全市共破获盗窃案320起);
  policy, routine administration or comment without a person or a citizen's speech are not either.

Stories as passages (``extract_article``, see ``story.py``): after a start, the sentences that go on
telling it are anecdote (他随手抓起一件外套追了出去。) until a total, policy, advice, comment, an
official's speech or a heading ends it; a heading naming the incident below is anecdote. Not: the
scene before any incident (盛夏的河湾县,河道纵横。).
"""

from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=8192)
def _signals(text: str) -> tuple[tuple[str, float], ...]:
    found: dict[str, float] = {}
    if DATE.search(text) and EVENT.search(text) or MOMENT.search(text.strip()):
        found["dated_event"] = 0.55
    if PERSON.search(text):
        found["person"] = 0.55
    speech = _speech(text)
    if speech == "citizen":
        found["attributed_quote"] = 0.7
    elif speech == "first_person":
        found["speech"] = 0.55
    if DIALOGUE.match(text.strip().rstrip("。")) or DIALOGUE.match(text.strip()):
        found["dialogue"] = 0.55
    if CASE.search(text):
        found["case"] = 0.5
    return tuple(found.items())


@lru_cache(maxsize=8192)
def _speech(text: str) -> str:
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


@lru_cache(maxsize=8192)
def _strong(text: str) -> float:
    found = dict(_signals(text))
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


class Anecdotes:
    name = NAME
    version = VERSION
    labels = (LABEL,)

    def signals(self, text: str, context: Context | None = None) -> dict[str, float]:
        return dict(_signals(text))

    @staticmethod
    def speech(text: str) -> str:
        """Who speaks in the sentence: "citizen" (a named or described non-official speaker),
        "first_person" (a quote in the first or second person, speaker unknown), "official",
        "group" or "policy" (a title holder, a crowd, or a quoted directive or pledge), or "" (no
        speech)."""
        return _speech(text)

    def strong(self, text: str) -> float:
        """The sentence's own anecdote score (0 when vetoed): what starts a story."""
        return _strong(text)

    def extract_article(
        self, title: str, sentences: list[ArticleSentence]
    ) -> list[list[Suggestion]]:
        """Stories as passages: a sentence continuing a started story is anecdote too."""
        own = [self.strong(s.text) if not s.boilerplate else 0.0 for s in sentences]
        flags = self.story_flags(sentences, own)
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

    def story_flags(
        self, sentences: list[ArticleSentence], own: list[float] | None = None
    ) -> list[str]:
        """Per sentence: "start", "continues", "heading" (part of a story) or ""."""
        if own is None:
            own = [self.strong(s.text) if not s.boilerplate else 0.0 for s in sentences]
        by_text = {s.text: o for s, o in zip(sentences, own, strict=True)}
        return story.story_flags(
            sentences,
            lambda t: by_text.get(t, 0.0) > 0,
            lambda t: self.speech(t) in ("official", "group", "policy"),
        )

    def extract(self, text: str, context: Context | None = None) -> list[Suggestion]:
        score = self.strong(text)
        return self._suggest(text, score) if score else []

    def _suggest(self, text: str, score: float, continued: bool = False) -> list[Suggestion]:
        found = self.signals(text)
        fields: dict[str, str | bool] = {}
        person = PERSON.search(text)
        if person:
            fields["actors"] = person.group()
        date = DATE.search(text)
        if date:
            fields["date"] = date.group()
        if "attributed_quote" in found or "dialogue" in found or "speech" in found:
            fields["quoted"] = True
        # ``continued`` (carried from the sentence before) raises the score; it is not a form field
        return [Suggestion(LABEL, round(score, 3), (), fields)]
