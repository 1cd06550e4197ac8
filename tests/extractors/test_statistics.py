"""Statistics: figures and changes found, dates, formulas, metadata and incident values not."""

from __future__ import annotations

import pytest

from annotator.extractors.statistics import Statistics, cn_number

ST = Statistics()


def spans(text):
    found = ST.extract(text)
    return [text[s.start : s.end] for g in found for s in g.spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("抓获犯罪嫌疑人195名。", ["195名"]),
        ("巡逻盘查抓获现行违法犯罪嫌疑人1.63万名", ["1.63万名"]),
        ("共投入巡防力量76.8万人次", ["76.8万人次"]),
        ("查扣涉案资产745万余元。", ["745万余元"]),
        ("每日抽调市局机关一百余名警力", ["一百余名"]),
        ("投入警力5万余人次、警车22263台次", ["5万余人次", "22263台次"]),
        ("巡查油气管道2300公里", ["2300公里"]),
        (
            "人民群众安全感由年的97.31%上升至年的99.7%",
            ["97.31%", "上升至年的99.7%"][:1] + ["99.7%"],
        ),
        ("刑事治安警情数同比下降12.5%。", ["同比下降12.5%"]),
        ("纠纷类警情数同比减少37.8%。", ["同比减少37.8%"]),
        ("泰顺县车辆守法率提升至98%", ["提升至98%"]),
        ("60多名夜宵摊主", ["60多名"]),
    ],
)
def test_figures(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "7月28日,象山公安机关成功破获一起诈骗案",  # a date
        "7月26日2时许,会议室内灯火通明。",  # a time
        "时间:2022-08-15作者:警安在线 阅读:189377",  # date and page metadata
        "2024-10-15 10:44:40",
        "仅3分钟,快反突击队便抵达",  # a duration
        "24小时守护平安",
        "锚定“五个一批、五个严防、三个确保”工作目标",  # numbers in formulas
        "落实“1、3、5”分钟快反机制",
        "创新“4+4+8”工作机制",
        "严格落实巡逻防控“135”快反机制",
        "京ICP备19046744号-1 栏目电话:010-85266860",
        "刘先生经营的副食品店里价值7万余元的商品被盗",  # one incident's object
        "省公安厅迅速出台了防溺水工作六条刚性措施",  # a Chinese numeral without 余/百: a formula
        "已成功处置源头敏感性案事件起。",  # the number was lost in scraping
    ],
)
def test_not_figures(text):
    assert spans(text) == []


def test_form_fields():
    (g,) = ST.extract("全省共抓获在逃人员1.63万名,同比下降12.5%。")
    assert g.fields["value"] == 16300 and g.fields["unit"] == "名"
    # the words back to the previous punctuation; only a leading 共/累计/... is dropped
    assert g.fields["indicator"] == "全省共抓获在逃人员"
    (leading,) = ST.extract("共抓获在逃人员1.63万名。")
    assert leading.fields["indicator"] == "抓获在逃人员"
    change = g.spans[1].fields
    assert change["direction"] == "down" and change["change"] == "12.5%"


def test_chinese_numbers():
    assert [cn_number(x) for x in ("一百余", "三千五百", "十二", "两万")] == [100, 3500, 12, 20000]


# --- vetoes (v2): stories, ceremonies, background, word boundaries; sentences written here ---

from annotator.extractors.base import ArticleSentence  # noqa: E402

HEAD = ["河湾县公安局网站", "民警连夜追回村民耕牛", "发布时间:2025-03-02 来源:河湾县公安局"]


def story_figures(*sentences):
    arts = [ArticleSentence(t, False, i) for i, t in enumerate(HEAD)]
    arts += [ArticleSentence(t, False, 9) for t in sentences]
    return [bool(found) for found in ST.extract_article("标题", arts)][len(HEAD) :]


def test_a_figure_describing_one_incident_is_no_statistic_but_its_police_result_is():
    assert story_figures(
        "3月1日凌晨，村民老吴家的3头耕牛一夜之间不见了。",
        "民警顺着车辙追到邻县，当场抓获嫌疑人2名。",
        "“多亏民警赶到，我这6万元的牛总算保住了。”老吴说。",
        "他家的牛棚还是十年前盖的，只有20多平方米。",
    ) == [False, True, True, False]


@pytest.mark.parametrize(
    "text",
    [
        "由特警、交警组成的6个方队、25辆警车整齐列队。",  # ceremony line-up
        "全县600余人参加活动。",
        "该镇常住人口4万余人，外来务工人员占三成。",  # background of the place
        "联合3部门开展整治。",  # 部 is not a unit here: the word is 部门
        "今天是第37个全民禁毒宣传日。",  # an ordinal
    ],
)
def test_vetoed_figures(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("誓师大会上通报，全市共抓获嫌疑人300名。", ["300名"]),  # a result reported at a ceremony
        ("民警走访群众3万余人次。", ["3万余人次"]),  # work, not background
        ("抓获嫌疑人12名，其中女性3名。", ["12名", "3名"]),
        ("在全镇12个村全部设立警务室。", ["12个"]),
    ],
)
def test_figures_kept_by_the_vetoes(text, expected):
    assert spans(text) == expected
