"""Story passages: which sentences of an article continue one concrete incident or person's story.

An anecdote is usually a passage, not a sentence. Once a story has started (a sentence with strong
anecdote evidence: a dated event, a described person, a citizen's quote), the sentences after it
that go on telling the same occasion are anecdote too, with no date, name or quote of their own:
他随手抓起一件外套追了出去。 The story ends at

* an aggregate sentence — totals and campaign-wide figures (共, 累计, 据统计, 同比, %, 全市…);
* a generic, policy or forward-looking sentence (下一步, 将继续, 要坚持, 警方提醒, 各级…);
* the writer's comment on the story (这是…的缩影, 生动体现, 不仅…更是);
* an official stating policy (负责人表示, 局长指出);
* a heading — a new section; the heading itself is anecdote when the story below starts right
  after it and it does not name a campaign or a line of work (一只走丢的小狗 above a rescue, but
  not 深化宣传 守护平安).

Page noise, captions (图为…) and bare markers (案例1:) get no label and leave the state alone.
Counter-example: a launch ceremony (启动仪式, 誓师大会) is routine administration; a story only starts
there with one person's own experience.

``story_flags`` is shared by the anecdote extractor (which labels the passage) and the statistic
extractor (which drops figures that only describe one incident inside a story).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from annotator.extractors.base import ArticleSentence

# totals and campaign-wide scope: never one incident
AGGREGATE = re.compile(
    r"共(?:计|有)?(?:破获|抓获|查处|查获|侦破|打掉|排查|化解|开展|出动|检查|发放|接处|下发|办理|收到|组织|走访|帮助|挽回|止付|培训|设立|建成|发现)|"
    r"累[计計]|[据據](?:统计|統計|介[绍紹]|了解)|[数數][据據]显示|[数數][据據]顯示|同比|[环環]比|[较較]去年|"
    r"[%％]|百分之|全(?:市|省|县|縣|区|區|州|国|國|盟|旗|局|镇|鎮|乡|鄉|警)(?!一)|"
    r"各(?:级|級|地|区|區|县|縣|市|部门|部門|单位|單位|派出所)|"
    r"(?:行动|行動|活动|活動|专项|專項|整治|工作)(?:开展|開展)?以[来來]|"
    r"(?:今年|\d{1,2}月|年初|挂牌|成立|启动|运行|开通|组建|掛牌|啟動)以[来來]|成立于|成立於|近年[来來]|多年[来來]|截至|上半年|一季度|"
    r"今年\d{1,2}至\d{1,2}月|\d{1,2}至\d{1,2}月"
)
# policy, plans, advice and general descriptions of the work
GENERIC = re.compile(
    r"下一步|将(?:继续|持续|进一步|坚持|以)|將(?:繼續|持續|進一步|堅持)|活动(?:现场|中)|活動(?:現場|中)|"
    r"主题(?:宣传|活动)|宣传(?:展位|折页|资料)|要(?:坚持|把|聚焦|紧盯|加强|始终)|持续(?:深化|推进|开展)|"
    r"警方提[醒示]|提[醒示](?:广大|廣大|市民|群众|羣眾|家长|家長)|广大(?:群众|市民|家长)|務必|务必|"
    r"作[^，,。]{0,4}讲话|講話|通报了|通報了|表态发言|授旗|宣誓|授牌|举行|舉行|"
    r"深入开展|扎实开展|常态化|长效机制|工作机制|体制|全面(?:推行|落实|推进)|推行|建立健全|"
    r"召开|部署会|誓师|启动仪式|仪式|宣传日|宣传月|出席|主持|"
    r"(?:公安机关|公安局|公安|警方)(?:始终|主动|紧盯|开展|采取|完善|推行|坚持|聚焦|组建|积极)|"
    r"^[^，,。]{2,6}以[来來][，,]|举措|体系|品牌"
)
COMMENT = re.compile(
    r"缩影|生动体现|真实写照|注脚|折射出|不仅是[^。]*更是|这样的|這樣的|像[^。，,]{0,8}这样|"
    r"这正是|正是[^。]{0,12}(?:体现|写照)|这是[^。]{0,20}(?:日常|常态|缩影)|"
    r"说到底|關鍵|关键在于|根子|之所以|不是[^。]*而是|只有[^。]*才|既要[^。]*也要|不能只|"
    r"看似|实则|有的(?:地方|干部|人)|这些变化|再平常不过|还有很多|一次次|在[^。，,]{1,6}看来|"
    r"[^，,。]{2,6}，说到底|每一个|不只是|才能|让我们|讓我們|是[^。]{0,10}(?:最好的|最坚实的|最大的)"
)
OFFICIAL_SPEECH = re.compile(
    r"(?:负责人|书记|局长|厅长|主任|部长|政委|处长|支队长|大队长|县长|市长|省长|发言人)"
    r"[^,，。“”]{0,6}(?:表示|介绍|指出|强调|说|要求|称)"
)
NOISE = re.compile(
    r"[|｜]|^[【\[(（]|编辑[:：]|审核|来源[:：]|供稿|供图|分享|点赞|在看|阅读原文|上一篇|下一篇|"
    r"相关(?:新闻|链接|阅读)|版权|ICP|关注我们|扫一扫|Posted by|原创|发表于|^#|字[号號]|"
    r"^通讯员|摄$|來源[:：]|編輯[:：]"
)
CAPTION = re.compile(r"^[（(]?(?:图为|圖為|资料图|資料圖|图片|圖片)|\.(?:jpe?g|png|gif)$", re.I)
MARKER = re.compile(r"^(?:典型)?(?:案例|案件|镜头|场景|幕后)[一二三四五六七八九十\d]*[:：]?$")
# a heading naming a campaign, programme or line of work (not one incident)
WORK_HEADING = re.compile(
    r"行动|警务|工作|机制|模式|守护|平安|打造|当好|推进|全力|严打|服务|筑牢|护航|防控|治理|宣传|"
    r"整治|攻坚|建设|引领|深化|强化|群众|为民|担当|成效|战果|数据|数字"
)
TERMINAL = re.compile(r"[。!！?？…;；]$|[。!！?？][”」\"]$")


@dataclass(frozen=True, slots=True)
class Kind:
    """How one sentence bears on the story state."""

    skip: bool = False  # page noise, caption, marker: no label, state unchanged
    heading: bool = False
    ender: bool = False  # aggregate, generic, policy, comment
    start: bool = False  # strong anecdote evidence of its own


def is_heading(
    s: ArticleSentence, prev: ArticleSentence | None, nxt: ArticleSentence | None
) -> bool:
    alone = (prev is None or prev.paragraph != s.paragraph) and (
        nxt is None or nxt.paragraph != s.paragraph
    )
    text = s.text.strip()
    return alone and len(text) <= 30 and not TERMINAL.search(text)


@lru_cache(maxsize=8192)
def ends_story(text: str) -> bool:
    from annotator.extractors.slogan_frames import maxim

    return maxim(text.strip().rstrip("。!！")) or bool(
        AGGREGATE.search(text)
        or GENERIC.search(text)
        or COMMENT.search(text)
        or OFFICIAL_SPEECH.search(text)
    )


def classify(
    sentences: Sequence[ArticleSentence],
    starts: Callable[[str], bool],
    ends: Callable[[str], bool] | None = None,
) -> list[Kind]:
    out = []
    for i, s in enumerate(sentences):
        text = s.text.strip()
        prev = sentences[i - 1] if i else None
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if (
            s.boilerplate
            or not text
            or NOISE.search(text)
            or CAPTION.search(text)
            or MARKER.match(text)
        ):
            out.append(Kind(skip=True))
        elif is_heading(s, prev, nxt):
            out.append(Kind(heading=True))
        else:
            ender = ends_story(text) or (ends is not None and ends(text))
            out.append(Kind(ender=ender, start=starts(text)))
    return out


def story_flags(
    sentences: Sequence[ArticleSentence],
    starts: Callable[[str], bool],
    ends: Callable[[str], bool] | None = None,
) -> list[str]:
    """Per sentence: "start" (own evidence), "continues" (inside a story), "heading" (names the
    story below) or "" (not part of a story). ``starts`` says whether a sentence has strong
    evidence of its own; ``ends``, besides the shared enders, whether it closes a story (an
    official's or a crowd's speech)."""
    kinds = classify(sentences, starts, ends)
    flags = [""] * len(sentences)
    open_story = False
    for i, k in enumerate(kinds):
        if k.skip:
            continue
        if k.heading:
            open_story = False
            continue
        if k.start and not (k.ender and AGGREGATE.search(sentences[i].text)):
            flags[i] = "start"
            open_story = True
        elif k.ender:
            open_story = False
        elif open_story:
            flags[i] = "continues"
    # a heading is anecdote when the first sentence after it starts a story and it names no work
    for i, k in enumerate(kinds):
        if not k.heading or i < 3:  # the first lines are the page's title and bylines
            continue
        j = i + 1
        while j < len(kinds) and kinds[j].skip:
            j += 1
        if j < len(kinds) and flags[j] == "start" and not WORK_HEADING.search(sentences[i].text):
            flags[i] = "heading"
    return flags
