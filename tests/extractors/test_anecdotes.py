"""Anecdotes: one concrete incident or a person's experience; generic police work is not."""

from __future__ import annotations

import pytest

from annotator.extractors.anecdotes import Anecdotes

AN = Anecdotes()


@pytest.mark.parametrize(
    "text",
    [
        "7月3日,一名盗窃犯在冠县作案后逃窜,冠县公安局迅速指令派出所出警拦截,将犯罪嫌疑人郝某抓获。",
        "“没想到我被骗的钱这么快就追回来了,太感谢警察同志了。”受害人李女士领回被骗的5万元现金,激动不已。",
        "“真是太好了!没想到警方能这么快追回被盗物品,感谢你们!”德清居民刘先生对民警连连道谢。",
        "9月23日晚,瓯海公安分局接群众报警,称其闺蜜吞下安眠药轻生,且手机关机。",
        "近日,阳谷县狮子楼街道某小区居民李某与张某因噪声问题发生纠纷,双方均拨打110报警。",
        "“外面太危险了,先进来说。”",
        "黄赌毒犯罪“重拳打”,成功侦破“大发娱乐”利用网络开设赌场案,蒲城“4.03”组织卖淫团伙案等。",
    ],
)
def test_anecdotes(text):
    (g,) = AN.extract(text)
    assert g.label == "anecdote" and g.score >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "民警走街串巷,深入开展矛盾纠纷排查化解工作,全力维护社会稳定。",  # generic police work
        "以人民为中心开展工作,切实增强群众安全感,浙江各级公安机关紧抓源头治理。",
        "“要完善横向到边、纵向到底的大平安格局。”浙江省委常委、温州市委书记刘小涛在调研时强调。",  # an official
        "“我坚决服从组织安排,把这次支援基层作为新的起点。”民警们纷纷表态。",  # a group's pledge
        "市委、市政府先后于7月2日和7月26日在市委常委会和政府常务会上听取了汇报。",  # routine administration
        "全市共化解矛盾纠纷2784起。",
    ],
)
def test_not_anecdotes(text):
    assert AN.extract(text) == []


def test_fields():
    (g,) = AN.extract("7月3日,一名盗窃犯在冠县作案后逃窜,将犯罪嫌疑人郝某抓获。")
    assert g.fields["date"] == "7月3日" and g.fields["actors"] in ("一名盗窃犯", "郝某")


# --- story passages, speech shapes, vetoes (v2); sentences written for these tests ---

from annotator.extractors.base import ArticleSentence  # noqa: E402


def article(*paragraphs: str | list[str]) -> list[ArticleSentence]:
    """Sentences with paragraph numbers: a str is a one-sentence paragraph, a list one paragraph."""
    out = []
    for n, p in enumerate(paragraphs):
        for text in [p] if isinstance(p, str) else p:
            out.append(ArticleSentence(text, False, n))
    return out


def labelled(sentences):
    return [bool(found) for found in AN.extract_article("标题", sentences)]


HEAD = ["河湾县公安局网站", "河湾警方暑期守护少年平安", "发布时间:2025-08-02 来源:河湾县公安局"]


def test_a_story_runs_on_until_a_total_ends_it():
    story = article(
        *HEAD,
        [
            "10月12日傍晚，河湾镇一名放学的男孩在水库边玩耍时失足落水。",
            "正在附近巡逻的两名民警闻声赶来，一人跳进水里托住孩子，一人抛出救生绳。",
            "十分钟后，男孩被平安拉上岸，只是呛了几口水。",
            "今年以来，全县共组织防溺水巡查1200余次。",
            "民警们挨家挨户发放防溺水告知书。",
        ],
    )
    assert labelled(story)[3:] == [True, True, True, False, False]


@pytest.mark.parametrize(
    "ender",
    [
        "这是基层民警守护群众平安的一个缩影。",  # the writer's comment
        "“各派出所要把巡逻延伸到每一处水域。”县公安局局长在会上表示。",  # an official's policy
        "警方提醒广大家长，暑期务必看护好孩子。",  # advice to the public
    ],
)
def test_comment_policy_and_advice_end_a_story(ender):
    story = article(
        *HEAD,
        [
            "7月9日夜里，一辆载着五名游客的面包车在山路上爆胎。",
            "巡逻车赶到后，民警把游客接到附近的警务站休息。",
            ender,
            "民警们每天都要沿山路巡查。",
        ],
    )
    assert labelled(story)[3:] == [True, True, False, False]


def test_a_heading_naming_the_incident_is_anecdote_a_campaign_heading_is_not():
    story = article(
        *HEAD,
        "暑期以来，河湾警方持续加强水域巡查。",
        "水库边的呼救",
        ["10月12日傍晚，一名男孩在水库边失足落水。", "民警闻声赶来，把他托上了岸。"],
        "筑牢防溺水安全网",
        ["全县共设置防溺水警示牌300余块。"],
    )
    flags = labelled(story)
    assert flags[4] is True and flags[7] is False


def test_scene_before_any_incident_is_not_a_story():
    story = article(*HEAD, ["盛夏的河湾县，河道纵横，水库星罗棋布。", "民警们每天都要沿河巡查。"])
    assert labelled(story)[3:] == [False, False]


@pytest.mark.parametrize(
    "text",
    [
        "货车司机刘建国说：“要不是他们，我这一车货就全泡水了。”",  # speaker before a colon
        "接过钱包时，她小声嘀咕：“我还以为再也找不回来了。”",  # first person in the quote
        "“那天夜里我一个人在桥上站了很久。”小伙子回忆说。",
    ],
)
def test_speech_shapes(text):
    (g,) = AN.extract(text)
    assert g.fields.get("quoted") is True


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“今年我们要把巡逻延伸到每一个村。”县公安局副局长王明在会上说。", "official"),
        ("县公安局局长李强说：“各派出所要把警力压到街面上。”", "official"),
        ("“以后晚上出门心里踏实多了。”在菜市场卖了十年鱼的赵姐说。", "citizen"),
        ("派出所所长陪她回家的路上，“我总算见到女儿了。”母亲哽咽着说。", "citizen"),
        ("“我们坚决完成任务！”队员们齐声表态。", "group"),
    ],
)
def test_who_speaks_decides_not_a_title_word_anywhere(text, speaker):
    assert AN.speech(text) == speaker


def test_case_words_in_a_sentence_of_totals_are_no_anecdote():
    assert AN.extract("今年以来全市共破获盗窃案件320起，被盗电动车已全部发还失主。") == []
