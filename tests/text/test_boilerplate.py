"""Boilerplate flags on the seed articles: page noise flagged, article text never flagged."""

from __future__ import annotations

import pytest

from annotator.text.boilerplate import flag_boilerplate, guess_title, noise_kind
from annotator.text.segment import split_sentences


def _squash(s: str) -> str:
    """Whitespace runs (the seeds mix spaces, NBSP and U+3000) as one space, for readable tests."""
    return " ".join(s.split())


def flagged(seeds, prefix: str) -> tuple[set[str], set[str], str | None]:
    text = next(seeds.glob(prefix + "_*.txt")).read_text(encoding="utf-8")
    bounds = split_sentences(text)
    flags = flag_boilerplate(text, bounds)
    noisy = {_squash(text[b.start : b.end]) for b, f in zip(bounds, flags, strict=False) if f}
    clean = {_squash(text[b.start : b.end]) for b, f in zip(bounds, flags, strict=False) if not f}
    return noisy, clean, guess_title(text, bounds, flags)


@pytest.mark.parametrize(
    ("prefix", "noise"),
    [
        ("000", "当前位置:首页  »  警民文化"),
        ("000", "时间:2022-08-15作者:警安在线 阅读:189377"),
        ("000", "图片1.png"),
        ("000", "来源:人民公安报"),
        ("000", "• 当假警察遇上真警察"),
        ("000", "Copyright © 2019 警安在线 版权所有 All Rights Reserved"),
        ("001", "2024-10-15 10:44:40"),
        ("001", "责任编辑:渭南站"),
        ("001", "扫一扫分享本页"),
        ("002", "TUhjnbcbe - 2023/8/5 21:00:00"),
        ("002", "北京皮肤科医院哪最好 http://m.39.net/pf/a_4658077.html"),
        ("002", "1"),
        ("002", "查看完整版本: 温州织密立体化社会治安防控体系网络"),
        ("003", "无标题文档"),
        ("003", "警方供图"),
        ("003", "[京ICP备05004340号-1]"),
        ("003", "总机:86-10-87826688 违法和不良信息举报电话:15699788000"),
        ("004", "锐评"),
        ("004", "数字报"),
        ("004", "A+A-"),
        ("004", "分享"),
        ("004", "2024年7月16日《聊城日报》1版"),
        ("004", "编辑:李明"),
        ("004", "相关推荐"),
    ],
)
def test_noise_is_flagged(seeds, prefix, noise):
    noisy, _clean, _title = flagged(seeds, prefix)
    assert _squash(noise) in noisy


@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("000", "浙江公安机关纵深推进“百日行动”擦亮平安底色"),
        ("001", "守护万家灯火"),
        ("003", "沉身 更要沉心"),
        ("004", "群众看公安,关键看破案。"),
        ("004", "行动开展以来,立查刑事案件1395起,行政案件3789起,刑事拘留843人,行政拘留1640人;"),
    ],
)
def test_article_text_is_not_flagged(seeds, prefix, text):
    _noisy, clean, _title = flagged(seeds, prefix)
    assert _squash(text) in clean


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "【喜迎二十大 忠诚保平安】让老百姓切实感受到安全就在身边"),
        ("001", "守护万家灯火"),
        ("002", "温州织密立体化社会治安防控体系网络"),
        ("003", "山西晋城公安:警力下沉 激活社会治理“神经末梢”"),
        ("004", "守一城烟火 护一夏平安——聊城公安机关夏季行动吹响“平安哨”"),
    ],
)
def test_titles(seeds, prefix, title):
    assert _squash(flagged(seeds, prefix)[2]) == _squash(title)


def test_police_text_mentioning_law_is_not_legal_noise():
    assert noise_kind("对违法犯罪分子依法追究刑事责任,决不姑息。") is None
    assert noise_kind("全市公安机关共接警情1.2万起。") is None
