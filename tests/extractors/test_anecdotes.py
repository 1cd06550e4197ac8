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
