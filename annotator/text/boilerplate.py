"""Flag web-page noise (navigation, bylines, copyright, ads, share prompts) without deleting it.

Noise is decided per line: every sentence of a noisy line is flagged. The first patterns below
were written against the seed articles (one example each in ``tests/text/test_boilerplate.py``),
the later ones against other layouts (news agencies, magazines, blogs, encyclopedias, WeChat and
GitHub mirrors, Hong Kong traditional-character portals; ``tests/text/test_noise_layouts.py``).
For an HTML page the importer also passes the lines an extractor judged main text
(``main_lines``): every other line is flagged too, so the patterns are only a second net there.
An analyst can flip any flag in the app (B) and the flag is stored, never the deletion.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from annotator.text.segment import Bounds

_DATE = r"\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"

# share targets named on share rows
_PLATFORM = (
    r"微信|朋友圈|微博|新浪微博|腾讯微博|騰訊微博|QQ空间|QQ空間|QQ|Qzone|Facebook|WhatsApp|Twitter|X|LINE|Telegram"
    r"|豆瓣|人人网|今日头条|抖音|复制链接|複製鏈接|更多"
)
# headings of related-article lists (their items are flagged too, see _related_lists)
_RELATED_HEAD = (
    r"相关(推荐|阅读|文章|新闻|链接|报道)|相關(推薦|閱讀|文章|新聞|鏈接|報道)|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀"
    r"|猜你喜欢|猜你喜歡|热门(推荐|文章)|熱門(推薦|文章)|精彩推荐|精彩推薦|往期回顾|往期回顧|更多(新闻|新聞|精彩)"
    r"|热点新闻|熱點新聞|最新文章|最新新闻|最新新聞|今日推荐|编辑推荐|編輯推薦|喜欢此内容的人还喜欢|参考资料|參考資料"
)

# Each pattern is searched in one stripped line; the comment says which page noise it catches.
PATTERNS: dict[str, re.Pattern[str]] = {
    # navigation and breadcrumbs: 当前位置:首页 » 警民文化, 首页 » 问答 » …, 您的位置:首页>要闻 >,
    # 主頁 > 內地新聞 > 社會 (traditional); not 首页 in a sentence (打开首页即可查看。)
    "navigation": re.compile(
        r"^(当前位置|當前位置|您的位置|你的位置|所在位置)[:：]|(首页|首頁|主页|主頁)\s*[»>›/]|»\s*\S+\s*»"
    ),
    # outlet menus: 中新网|安徽|北京|…, 关于我们| About us| 联系我们
    "menu": re.compile(
        r"(?:[^|｜]{0,8}[|｜]){3,}|^[|｜]|关于我们|联系我们|广告服务|网站地图|留言反馈"
    ),
    # bylines and metadata: 时间:… 作者:… 阅读:…, 来源:…, 责任编辑:…, 编辑/校对/审核, 文/… 图/…
    # traditional too: 來源：中新網, 責編：陳家豪, 責任編輯:, 編輯:; mirrors: 原文：杭州日报 2023年7月12日,
    # > 转载自: 某某 公众号, 原文链接: …; not a sentence that quotes a source (据新华社消息,……)
    "byline": re.compile(
        r"^(时间|時間|发布时间|發布時間|發佈時間|作者|来源|來源|稿源|出处|出處|责任编辑|責任編輯|编辑|編輯|责编|責編"
        r"|校对|校對|审核|審核|审校|審校|记者|記者|通讯员|通訊員|摄影|攝影|编审|編審|撰文|转载自|轉載自|原文链接|原文鏈接|原文)\s*[:：]"
        r"|^>\s*(转载自|轉載自|原文链接|原文鏈接|来源|來源)\s*[:：]|^【纠错】|^【糾錯】"
        r"|^[(（]\s*(来源|來源|稿源|编辑|編輯|责编|責編)\s*[:：][^)）]*[)）]$|阅读\s*[:：]\s*\d|浏览(次数)?\s*[:：]\s*\d|^文\s*/.*图\s*/|^(图|文)\s*/\s*\S{2,12}$"
    ),
    # a bare date or timestamp line, or a forum post header: 2024-10-15 10:44:40, TUhjnbcbe - 2023/8/5 21:00:00
    "timestamp": re.compile(
        rf"^[\w .-]{{0,20}}?{_DATE}\s*(?:{_TIME})?(\s*[-–—]?\s*[来來]源[:：]\S*)?$"
    ),
    # print-edition references: 2024年7月16日《聊城日报》1版
    # and 刊于《某某警察》2024年第6期; not 该文刊于《人民公安报》，引起关注。 (punctuated)
    "edition": re.compile(
        rf"^{_DATE}《[^》]+》\s*\S{{0,4}}版$|^(刊于|刊於|原载|原載|载于|載於)《[^》]+》[^，。,；;]{{0,16}}$"
    ),
    # image file names and photo credits: 图片1.png, 警方供图
    "image": re.compile(
        r"\.(png|jpe?g|gif|webp|bmp|svg)$|^\S{0,6}供图$|^(图片|资料图)(来源)?[:：]?\S{0,10}$", re.I
    ),
    # copyright, ICP, licences, disclaimers, phone and e-mail lines
    "legal": re.compile(
        r"copyright|©|版权所有|版权声明|ICP|公网安备|许可证|免责声明|禁止(复制|转载)|建立镜像|不代表.{0,12}观点"
        r"|书面授权|违者.{0,10}法律责任|举报(电话|邮箱)|(电话|热线|总机)\s*[:：]\s*[\d()（）+-]{7,}|邮箱\s*[:：]|@\w+\.\w+"
        # government portals' footers: 主办单位：某市人民政府办公室, 网站标识码：…, 政府网站找错
        r"|^(主办单位|主辦單位|承办单位|承辦單位|网站标识码|網站標識碼)\s*[:：]|^(政府网站找错|网站纠错|我要纠错)$",
        re.I,
    ),
    # share, QR and font-size buttons: 扫一扫分享本页, 分享, A+A-
    "share": re.compile(
        r"扫一扫|二维码|^分享(到|至)?\S{0,6}$|^A\s*\+\s*A\s*-$"
        r"|^(【?(打印|关闭|收藏|返回顶部|关闭窗口|打印本页|打印本文|列印|關閉)】?\s*)+$"
    ),
    # adverts: any line carrying a URL
    "ad": re.compile(r"https?://|www\.\w", re.I),
    # related-article lists and page furniture: • …, 相关推荐, 查看完整版本: …, 无标题文档, a lone page number;
    # 相關新聞, 延伸阅读, 猜你喜欢, 上一篇：标题…, 下一條; not 相关部门 in a sentence
    "related": re.compile(
        r"^[•·●▪◆■□▶►]|^("
        + _RELATED_HEAD
        + r"|网友评论|網友評論|上一篇|下一篇|上一條|下一條|上一条|下一条|无标题文档)\S{0,4}$"
        r"|^(上一篇|下一篇|上一條|下一條|上一条|下一条|上篇|下篇)\s*[:：]|^查看完整版本|^\d{1,3}$|论坛$"
    ),
    # share rows: 分享到： 微信 微博 QQ空间, 即時分享：Facebook　WhatsApp　微信, 微信 | 微博 | Qzone,
    # 关注我们, 关注平安某某微信公众号; not body text naming an app (民警通过微信提醒居民防范诈骗。)
    "share_row": re.compile(
        r"^(分享到|分享至|分享|即时分享|即時分享|一键分享|一鍵分享)\s*[:：]"
        r"|^(关注我们|關注我們|关注|關注)[:：]?\s*(" + _PLATFORM + r"|\s|[|｜/、·])*$"
        r"|^(关注|關注)[^，。,！？；]{0,12}(公众号|公眾號|微信|微博|抖音|视频号|視頻號)[^，。,！？；]{0,6}$"
        r"|^((" + _PLATFORM + r")[\s|｜/、·]*)+$"
    ),
    # font size switches: 字號：大 中 小, 字号 大 中 小; not a sentence about 字号 (商户字号须规范。)
    "font_size": re.compile(
        r"^(字號|字号)\s*[:：]?\s*(大\s*中\s*小|[大中小默认]{1,4})?\s*$|^【?字体[:：]\s*大\s*中\s*小】?$"
    ),
    # Blogger furniture: Posted by 某某 at 10:42, Newer Post | Older Post | Home, Labels: 治安,
    # 0 comments, Subscribe to: Post Comments (Atom); not a sentence that quotes an English phrase
    "blog": re.compile(
        r"^(posted by|labels?\s*:|subscribe to\s*:|post comments|no comments|\d+\s+comments?$)"
        r"|^((newer posts?|older posts?|home)\s*[|｜·]?\s*){1,3}$",
        re.I,
    ),
    # disclaimers and reprint notes: 声明：本文转自…, 免責聲明, 本文仅做存档备份,版权归原作者所有,
    # 如有侵权请联系删除; not 警方发表声明称…… (a statement in the news itself)
    "disclaimer": re.compile(
        r"^【?(声明|聲明|特别声明|特別聲明|免责声明|免責聲明|郑重声明|鄭重聲明)】?\s*[:：]"
        r"|版权归原作者|版權歸原作者|如有侵权|如有侵權|仅做存档|僅做存檔|仅供参考|僅供參考"
        r"|本(文|站|网|網)(仅|僅)代表|不代表本(站|网|網)"
    ),
    # visitor-reaction widgets: 网友印象, 網友印象：感动 点赞; 心情: 高兴 感动; not 网友纷纷点赞…… (body)
    "reaction": re.compile(
        r"^(网友印象|網友印象|网友心情|網友心情|我要评论|我要評論|发表评论|發表評論)\S{0,4}([:：].*)?$|^心情\s*[:：]"
    ),
    # subscription links: 订阅电子报 | 关注我们, 訂閲電子報, RSS订阅; not 市民可订阅警情通报。 (punctuated)
    "subscribe": re.compile(
        r"^[^，。,！？；]{0,16}(订阅|訂閱|訂閲|RSS)[^，。,！？；]{0,16}$", re.I
    ),
    # ranking headings: 排行榜, 点击排行, 24小时热榜, TOP10; not 排名第一 in a sentence
    "ranking": re.compile(
        r"^((热点|熱點|热门|熱門|阅读|閱讀|点击|點擊|24小时|24小時|一周|本周|今日)\s*){0,2}(排行榜?|热榜|熱榜|TOP\s*10)\S{0,4}$",
        re.I,
    ),
    # WeChat chrome: 阅读原文, 在看, 写留言, 微信扫一扫关注该公众号, 预览时标签不可点, 继续滑动看下一个,
    # 原创 某某公安 2023-07-12 18:00; not 原创作品…… in a sentence
    "wechat": re.compile(
        r"^(阅读原文|閱讀原文|在看|点赞|點讚|写留言|寫留言|留言|赞|收藏|轻触阅读原文|继续滑动看下一个|向上滑动看下一个"
        r"|预览时标签不可点|喜欢此内容的人还喜欢|视频|小程序|(阅读|閱讀)\s*\d+(\.\d+)?[万萬]?\+?)$"
        r"|^微信扫一扫|^原创\s+\S+\s+" + _DATE + r"|^发表于\S{1,6}$"
    ),
    # encyclopedia chrome: 编辑 锁定 讨论 上传视频, a lone 编辑 beside a heading, 目录, 词条统计,
    # 浏览次数：28640次, 词条标签：社会 法律; not 编辑部 in a sentence (编辑部收到读者来信。)
    "wiki": re.compile(
        r"^(编辑|編輯|目录|目錄|锁定|鎖定|讨论|討論|词条统计|詞條統計|上传视频|上傳視頻)(\s+(编辑|锁定|讨论|上传视频|收藏|分享))*$"
        r"|^(浏览次数|瀏覽次數|编辑次数|編輯次數|最近更新|词条标签|詞條標籤)\s*[:：]"
    ),
    # code-host and Markdown-mirror chrome: Skip to content, Raw Blame History, Star 12 Fork 3,
    # Latest commit 3f2a1c9 on …, 1 contributor, repo / 2023-07 / file.md, ---; not a body line in Chinese
    "github": re.compile(
        r"^(skip to content|sign in|sign up|footer|raw|blame|history|code|issues|pull requests)$"
        r"|^(raw\s+blame\s+history|latest commit\b|\d+\s+contributors?$|(star|fork|watch)\s+\d+)"
        r"|^terms\s+privacy\b|^[\w.-]+(\s*/\s*[\w.-]+)+\.(md|txt|html?)$|^(-{3,}|\*{3,}|_{3,})$",
        re.I,
    ),
}

# One alternation with a named group per pattern: one regex pass per line instead of ten.
_ANY = re.compile(
    "|".join(f"(?P<{name}>{p.pattern})" for name, p in PATTERNS.items()), re.IGNORECASE
)

_PUNCT = re.compile(r"[。！？；，、,.!?;:：“”]")


@lru_cache(maxsize=65536)  # page furniture repeats across a site's articles
def noise_kind(line: str) -> str | None:
    """The name of the pattern that marks ``line`` as noise, or None."""
    m = _ANY.search(line.strip())
    if m is None:
        return None
    return next(name for name, value in m.groupdict().items() if value is not None)


def _menu_runs(lines: Sequence[str]) -> set[int]:
    """Runs of three or more very short lines without punctuation: a site's menu (锐评 要闻 视听 …)."""
    flagged: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        s = line.strip()
        if s and len(s) <= 4 and not _PUNCT.search(s):
            run.append(i)
            continue
        if len(run) >= 3:
            flagged.update(run)
        run = []
    return flagged


# A byline label whose value is on the next line: 来源： / 新华社
_BARE_LABEL = re.compile(
    r"(^|\s)(来源|來源|稿源|出处|出處|转载自|轉載自|作者|责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：]$"
)
_RELATED_LINE = re.compile(r"^(" + _RELATED_HEAD + r")\S{0,4}$")
# a headline: short, and no sentence punctuation inside or at its end
_HEADLINE = re.compile(r"^[^，。,；;！？!?…]{4,40}$")
_SENTENCE_PUNCT = re.compile(r"[，。,；;！？!?…]")
# an item of a related list: short, and not a sentence (a body paragraph ends with 。 ！ ？)
_LIST_ITEM = re.compile(r"^.{2,50}$")
_SENTENCE_END = re.compile(r"[。！？!?；;…][”’」』）)]*$")
_NUMBERED = re.compile(r"^(\d{1,2})(?:[.、)）]\s*|\s+)(\S.*)$")


def _context_noise(lines: Sequence[str]) -> set[int]:
    """Noise decided by the lines around: outlet after a bare 来源:, related lists, numbered lists."""
    flagged: set[int] = set()
    stripped = [line.strip() for line in lines]
    for i, s in enumerate(stripped):
        # 来源： on its own line, the outlet (新华社) on the next; not a long sentence after it
        if _BARE_LABEL.search(s) and i + 1 < len(stripped):
            nxt = stripped[i + 1]
            if len(nxt) <= 20 and not _SENTENCE_PUNCT.search(nxt):
                flagged.add(i + 1)
        # 相关新闻 / 延伸阅读 then headline-like items, up to the first real sentence
        if _RELATED_LINE.match(s):
            for j in range(i + 1, min(i + 21, len(stripped))):
                if not _LIST_ITEM.match(stripped[j]) or _SENTENCE_END.search(stripped[j]):
                    break
                flagged.add(j)
    flagged |= _numbered_lists(stripped)
    return flagged


def _numbered_lists(stripped: Sequence[str]) -> set[int]:
    """A top-N headline list: items numbered 1, 2, 3 … (the number alone on its line or before the
    headline), each a headline without sentence punctuation; a body list (1.加强巡逻防控，……) has it."""
    flagged: set[int] = set()
    i = 0
    while i < len(stripped):
        run: list[int] = []
        want = 1
        j = i
        while j < len(stripped):
            s = stripped[j]
            m = _NUMBERED.match(s)
            if m and int(m.group(1)) == want and _HEADLINE.match(m.group(2)):
                run.append(j)
                j += 1
            elif (
                s.isdigit()
                and int(s) == want
                and j + 1 < len(stripped)
                and _HEADLINE.match(stripped[j + 1])
            ):
                run += [j, j + 1]
                j += 2
            else:
                break
            want += 1
        if want > 3:  # three items or more
            flagged.update(run)
            i = j
        else:
            i += 1
    return flagged


def flag_boilerplate(
    text: str, sentences: Sequence[Bounds], main_lines: Collection[int] | None = None
) -> list[bool]:
    """Return one flag per sentence: True where the sentence's line is page noise.

    ``main_lines``, when given (an HTML page's extractor ran), holds the indices of the non-blank
    lines that are the article's main text; every other line is noise, besides the patterns'.
    """
    if not sentences:
        return []
    lines = [text[m.start() : m.end()] for m in re.finditer(r"[^\n]*[^\s\n][^\n]*", text)]
    # paragraph index == index among non-blank lines that produced sentences == index in ``lines``
    noisy = (
        {i for i, line in enumerate(lines) if noise_kind(line)}
        | _menu_runs(lines)
        | _context_noise(lines)
    )
    if main_lines is not None:
        noisy |= set(range(len(lines))) - set(main_lines)
    return [b.paragraph in noisy for b in sentences]


def guess_title(text: str, sentences: Sequence[Bounds], flags: Sequence[bool]) -> str | None:
    """The article's title: the page of a breadcrumb if it names one, else the first real line."""
    for b, flag in zip(sentences, flags, strict=True):
        line = text[b.start : b.end]
        m = re.search(r"(?:»|>|查看完整版本[:：])\s*([^»>\s][^»>]{5,})$", line)
        if flag and m:
            return m.group(1).strip()
    for b, flag in zip(sentences, flags, strict=True):
        if not flag and re.search(r"[\u4e00-\u9fff]{4}", text[b.start : b.end]):
            return _whole_line(text, b)
    return None


def _whole_line(text: str, b: Bounds) -> str:
    start = text.rfind("\n", 0, b.start) + 1
    end = text.find("\n", b.end)
    line = text[start : end if end >= 0 else len(text)].strip()
    return line if len(line) <= 80 else text[b.start : b.end]
