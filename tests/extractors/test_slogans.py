"""Slogans: quoted, numbered and parallel formulas and mottos; metaphors and names not."""

from __future__ import annotations

import pytest

from annotator.extractors.base import Context
from annotator.extractors.slogans import Slogans

SL = Slogans()
HEADING = Context(paragraph_start=True, paragraph_end=True)


def spans(text, ctx=None):
    return [text[s.start : s.end] for g in SL.extract(text, ctx) for s in g.spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("以“五个动态清零”为抓手,努力实现“六个零发生”的工作目标", ["五个动态清零", "六个零发生"]),
        ("在坚定护航“两个先行”实践中", ["两个先行"]),
        ("温州公安深入实施“源、融、亲”三型警务", ["源、融、亲"]),
        ("坚持“细致、精致、极致”的作风", ["细致、精致、极致"]),
        (
            "锚定“五个一批、五个严防、三个确保”工作目标,以“三清三统一”为抓手",
            ["五个一批、五个严防、三个确保", "三清三统一"],
        ),
        ("其次,“一办九组”统筹。", ["一办九组"]),
        ("全市公安做到警察常在、警车常见、警灯常亮,提升", ["警察常在、警车常见、警灯常亮"]),
        ("强力推动“打防管控建”各项举措", ["打防管控建"]),
        ("将“专业+机制+大数据”新型警务运行模式", ["专业+机制+大数据"]),
        ("全市公安以打开路、以打促防、以打促安,通过快侦快破", ["以打开路、以打促防、以打促安"]),
        ("来您家登记‘一标三实’……", ["一标三实"]),
    ],
)
def test_formulas(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("守护万家灯火", ["守护万家灯火"]),
        ("守一城烟火 护一夏平安——聊城公安机关夏季行动吹响“平安哨”", ["守一城烟火 护一夏平安"]),
        ("群众看公安,关键看破案。", ["群众看公安,关键看破案"]),
        ("人民安全大如天。", ["人民安全大如天"]),
    ],
)
def test_mottos(text, expected):
    assert spans(text, HEADING) == expected


@pytest.mark.parametrize(
    "text",
    [
        "纵深推进“百日行动”擦亮平安底色",  # a campaign's name alone
        "这场紧紧围绕保障群众安宁开展的“夏季行动”,打出了声势",
        "一抹抹亮眼的“警察蓝”护佑平安。",  # quoted metaphors
        "当好城市安全“守夜人”。",
        "浙江公安持续跟进打出管理防控“组合拳”。",
        "通过“沉浸式”警力布局、“一站式”集成工作站",
        "黄赌毒犯罪专项整治",
        "下好先手棋助力经济复苏",  # a heading naming its topic
        "稳扎稳打 历炼出成效",
        "一组组工作数据,一项项战果成绩",
        "全力排查婚姻、情感、邻里、债务等方面的矛盾纠纷",
        "“没想到我被骗的钱这么快就追回来了,太感谢警察同志了。”受害人李女士说。",  # speech
    ],
)
def test_not_slogans(text):
    assert spans(text, HEADING) == []


def test_kind_and_canonical_fields():
    (g,) = SL.extract("以“三清三统一”为抓手")
    assert g.fields == {"canonical": "三清三统一", "kind": "numbered"}


# --- frames, set formulas, maxims, heading mottos, unquoted numbers (v2); written here ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全县派出所坚持“守土有责”，把警力压在一线。", ["守土有责"]),  # frame before the quote
        ("推行“邻里守望”机制，让居民互相照应。", ["邻里守望"]),  # frame after the quote
        ('全县坚持"打早打小、露头就打",保持高压态势。', ["打早打小、露头就打"]),  # ASCII quotes
        ("要坚持共建共治共享，让群众成为平安的参与者。", ["共建共治共享"]),  # a set formula
        ("推行一村一辅警制度。", ["一村一辅警"]),  # an unquoted numbered formula
    ],
)
def test_formula_frames(text, expected):
    assert spans(text) == expected


def test_a_maxim_of_two_parallel_clauses():
    assert spans("安全是发展的底线，稳定是民生的保障。") == ["安全是发展的底线，稳定是民生的保障"]


def test_a_heading_motto_needs_pledge_words():
    assert spans("为民守夜 平安有我", HEADING) == ["为民守夜 平安有我"]
    assert spans("严打犯罪 成效明显", HEADING) == []  # names a line of work


@pytest.mark.parametrize(
    "text",
    [
        "坚持开展“清风行动”。",  # a campaign name in a frame
        "推出“一站式”服务。",  # a manner
        "海风拂面，渔火初上。",  # a scene, not a maxim
        "雨停了，他们才收队。",  # narrative clauses
        "他一步一步把老人背上了岸。",  # a repetition
        "涉案金额一千二百余万元。",  # a Chinese number
        "第二天一早，民警又上门了。",  # a time
    ],
)
def test_not_formulas_v2(text):
    assert spans(text) == []
