"""Plain-text noise patterns for layouts other than the seeds' (lines written for these tests).

Each new pattern has lines it must flag and lines of article text it must leave alone.
"""

from __future__ import annotations

import pytest

from annotator.text.boilerplate import flag_boilerplate, noise_kind
from annotator.text.segment import split_sentences


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # share rows
        ("分享到：微信　微博　QQ空间", "share_row"),
        ("即時分享：Facebook　WhatsApp　微信", "share_row"),
        ("微信 | 微博 | Qzone", "share_row"),
        ("Qzone", "share_row"),
        ("关注我们", "share_row"),
        ("关注清溪公安微信公众号", "share_row"),
        ("【打印本页】　【关闭窗口】", "share"),
        # blog furniture
        ("Posted by 老周 at 20:15", "blog"),
        ("Newer Post | Older Post | Home", "blog"),
        ("Newer Post Older Post Home", "blog"),
        ("Home", "blog"),
        ("Labels: 反诈, 社区警务", "blog"),
        ("Subscribe to: Post Comments (Atom)", "blog"),
        # disclaimers
        ("声明：本刊所载文章版权归本刊所有，转载请注明出处。", "disclaimer"),
        ("免責聲明：本網站所載資料僅供參考。", "disclaimer"),
        ("本文仅做存档备份，版权归原作者所有。", "disclaimer"),
        # visitor reactions
        ("网友印象", "reaction"),
        ("網友印象：感動 支持", "reaction"),
        # subscriptions
        ("订阅电子报 | 关注我们", "subscribe"),
        ("訂閱電子報", "subscribe"),
        ("RSS订阅", "subscribe"),
        # ranking headings
        ("24小时热点排行", "ranking"),
        ("點擊排行榜", "ranking"),
        # related lists, previous / next
        ("延伸阅读", "related"),
        ("相關新聞", "related"),
        ("上一篇：江城召开禁毒工作推进会", "related"),
        ("下一條：港警提醒市民慎防騙案", "related"),
        # traditional bylines and furniture
        ("來源：港聞網", "byline"),
        ("責編：何嘉欣", "byline"),
        ("責任編輯：林曉", "byline"),
        ("編輯：陳大文", "byline"),
        ("2024-07-18 11:20　來源：港聞網", "timestamp"),
        ("主頁 > 內地新聞 > 社會", "navigation"),
        ("字號：大 中 小", "font_size"),
        ("【字体：大 中 小】", "font_size"),
        # WeChat chrome
        ("阅读原文", "wechat"),
        ("阅读 3256", "wechat"),
        ("微信扫一扫关注该公众号", "wechat"),
        ("预览时标签不可点", "wechat"),
        ("原创 平安清溪 2024-07-06 18:30 发表于浙江", "wechat"),
        # encyclopedia chrome
        ("编辑 锁定 讨论 上传视频", "wiki"),
        ("编辑", "wiki"),
        ("编辑次数：17次", "wiki"),
        # code-host mirrors
        ("Skip to content", "github"),
        ("Raw Blame History", "github"),
        ("Star 8", "github"),
        ("Latest commit 9c1d2e4 on 20 May 2024", "github"),
        ("pingan-archive / 2024 / 05 / night_market.md", "github"),
        ("---", "github"),
        ("> 转载自: 平安江南 公众号 2024-05-19", "byline"),
        # print edition, government footers
        ("刊于《某某警察》2024年第6期", "edition"),
        ("主办单位：某市人民政府办公室", "legal"),
        ("政府网站找错", "legal"),
        ("【纠错】 责任编辑：林晓", "byline"),
    ],
)
def test_new_layout_noise(line, kind):
    assert noise_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "民警通过微信提醒居民谨防冒充客服的诈骗电话。",
        "近日，一位市民在微博上发帖感谢帮他找回电动车的民警。",
        "关注群众关切，是社区民警每天的功课。",
        "警方发表声明称，网传“有人在小区抢孩子”系谣言。",
        "网友纷纷点赞民警的暖心举动。",
        "市民可以订阅“平安清溪”公众号，及时获取警情通报。",
        "该团伙在本市排名第一的商圈作案十余起。",
        "相关部门将继续加强夜间巡逻。",
        "上一篇文章里，我们讲了如何识别刷单诈骗。",
        "據警方介紹，該團夥以兼職刷單為誘餌。",
        "商户字号须规范，不得使用误导性名称。",
        "编辑部收到读者来信，反映小区夜间照明不足。",
        "老周在博客里写道：Home is where the heart is。",
        "该文刊于《人民公安报》，引起广泛关注。",
        "阅读原文件后，民警发现其中多处涂改。",
        "课堂结束时，好几位老人主动让我帮他们装好反诈软件。",
    ],
)
def test_article_text_stays_unflagged(line):
    assert noise_kind(line) is None


def flags_by_line(text: str) -> dict[str, bool]:
    bounds = split_sentences(text)
    flags = flag_boilerplate(text, bounds)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return {lines[b.paragraph]: f for b, f in zip(bounds, flags, strict=True)}


BODY = "江城警方近日破获一起跨省盗窃电动自行车案，抓获犯罪嫌疑人十四名。"


def test_outlet_on_the_line_after_a_bare_source_label():
    flags = flags_by_line(f"2024-05-12 09:31:20 来源：\n某通讯社\n{BODY}")
    assert flags["某通讯社"] and not flags[BODY]
    flags = flags_by_line(f"來源：\n港聞網\n{BODY}")
    assert flags["港聞網"]


def test_a_sentence_after_a_bare_label_is_not_an_outlet():
    flags = flags_by_line(f"来源：\n{BODY}")
    assert not flags[BODY]


def test_related_list_items_are_flagged_up_to_the_first_sentence():
    text = f"相关新闻\n江城启动夏季治安巡查行动\n电动自行车防盗有了新办法，市民可以这样做\n{BODY}"
    flags = flags_by_line(text)
    assert flags["江城启动夏季治安巡查行动"]
    assert flags["电动自行车防盗有了新办法，市民可以这样做"]
    assert not flags[BODY]


def test_numbered_headline_list_is_flagged():
    text = (
        f"{BODY}\n1 多地推出夜间经济安全保障措施\n2 暑期防溺水提示发布\n"
        "3 新版居民身份证办理指南出炉\n4 交警提醒节前出行注意错峰"
    )
    flags = flags_by_line(text)
    assert flags["2 暑期防溺水提示发布"] and flags["4 交警提醒节前出行注意错峰"]
    assert not flags[BODY]


def test_numbered_list_with_the_number_on_its_own_line_is_flagged():
    text = (
        f"{BODY}\n1\n多地推出夜间经济安全保障措施\n2\n暑期防溺水提示发布\n3\n新版身份证办理指南出炉"
    )
    flags = flags_by_line(text)
    assert flags["多地推出夜间经济安全保障措施"] and flags["新版身份证办理指南出炉"]


def test_numbered_list_in_the_article_body_is_not_flagged():
    items = [
        "1.加强巡逻防控，在重点区域设置必到点；",
        "2.开展矛盾纠纷排查，做到早发现、早化解；",
        "3.深化反诈宣传，推动宣传进社区、进校园。",
    ]
    flags = flags_by_line("\n".join([BODY, *items]))
    assert not any(flags[i] for i in items)


def test_two_numbered_headlines_are_not_a_list():
    flags = flags_by_line(f"{BODY}\n1 多地推出夜间经济安全保障措施\n2 暑期防溺水提示发布")
    assert not flags["2 暑期防溺水提示发布"]


def test_main_lines_flag_every_other_line():
    text = f"网站首页导航\n{BODY}\n某些看不出是噪声的一行字"
    bounds = split_sentences(text)
    assert flag_boilerplate(text, bounds, main_lines={1}) == [True, False, True]
    assert flag_boilerplate(text, bounds) == [False, False, False]
