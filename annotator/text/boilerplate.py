"""Flag web-page noise (navigation, bylines, copyright, ads, share prompts) without deleting it.

Noise is decided per line: every sentence of a noisy line is flagged. The patterns below were
written against the seed articles (one example each in ``tests/corpus/test_boilerplate.py``); an
analyst can flip any flag in the app (B) and the flag is stored, never the deletion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from annotator.text.segment import Bounds

_DATE = r"\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"

# Each pattern is searched in one stripped line; the comment says which page noise it catches.
PATTERNS: dict[str, re.Pattern[str]] = {
    # navigation and breadcrumbs: 当前位置:首页 » 警民文化, 首页 » 问答 » …, 您的位置:首页>要闻 >
    "navigation": re.compile(
        r"^(当前位置|您的位置|你的位置|所在位置)[:：]|首页\s*[»>›/]|»\s*\S+\s*»"
    ),
    # outlet menus: 中新网|安徽|北京|…, 关于我们| About us| 联系我们
    "menu": re.compile(
        r"(?:[^|｜]{0,8}[|｜]){3,}|^[|｜]|关于我们|联系我们|广告服务|网站地图|留言反馈"
    ),
    # bylines and metadata: 时间:… 作者:… 阅读:…, 来源:…, 责任编辑:…, 编辑/校对/审核, 文/… 图/…
    "byline": re.compile(
        r"^(时间|发布时间|作者|来源|出处|责任编辑|编辑|责编|校对|审核|审校|记者|通讯员|摄影|编审)\s*[:：]"
        r"|^[(（]\s*(来源|稿源|编辑|责编)\s*[:：][^)）]*[)）]$|阅读\s*[:：]\s*\d|浏览(次数)?\s*[:：]\s*\d|^文\s*/.*图\s*/|^(图|文)\s*/\s*\S{2,12}$"
    ),
    # a bare date or timestamp line, or a forum post header: 2024-10-15 10:44:40, TUhjnbcbe - 2023/8/5 21:00:00
    "timestamp": re.compile(
        rf"^[\w .-]{{0,20}}?{_DATE}\s*(?:{_TIME})?(\s*[-–—]?\s*来源[:：]\S*)?$"
    ),
    # print-edition references: 2024年7月16日《聊城日报》1版
    "edition": re.compile(rf"^{_DATE}《[^》]+》\s*\S{{0,4}}版$"),
    # image file names and photo credits: 图片1.png, 警方供图
    "image": re.compile(
        r"\.(png|jpe?g|gif|webp|bmp|svg)$|^\S{0,6}供图$|^(图片|资料图)(来源)?[:：]?\S{0,10}$", re.I
    ),
    # copyright, ICP, licences, disclaimers, phone and e-mail lines
    "legal": re.compile(
        r"copyright|©|版权所有|版权声明|ICP|公网安备|许可证|免责声明|禁止(复制|转载)|建立镜像|不代表.{0,12}观点"
        r"|书面授权|违者.{0,10}法律责任|举报(电话|邮箱)|(电话|热线|总机)\s*[:：]\s*[\d()（）+-]{7,}|邮箱\s*[:：]|@\w+\.\w+",
        re.I,
    ),
    # share, QR and font-size buttons: 扫一扫分享本页, 分享, A+A-
    "share": re.compile(
        r"扫一扫|二维码|^分享(到|至)?\S{0,6}$|^A\s*\+\s*A\s*-$|^(打印|关闭|收藏|返回顶部|关闭窗口|打印本页)$"
    ),
    # adverts: any line carrying a URL
    "ad": re.compile(r"https?://|www\.\w", re.I),
    # related-article lists and page furniture: • …, 相关推荐, 查看完整版本: …, 无标题文档, a lone page number
    "related": re.compile(
        r"^[•·●▪◆■□▶►]|^(相关(推荐|阅读|文章|新闻|链接)|网友评论|热门(推荐|文章)|上一篇|下一篇|无标题文档)\S{0,4}$"
        r"|^查看完整版本|^\d{1,3}$|论坛$"
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


def flag_boilerplate(text: str, sentences: Sequence[Bounds]) -> list[bool]:
    """Return one flag per sentence: True where the sentence's line is page noise."""
    if not sentences:
        return []
    lines = [text[m.start() : m.end()] for m in re.finditer(r"[^\n]*[^\s\n][^\n]*", text)]
    # paragraph index == index among non-blank lines that produced sentences == index in ``lines``
    noisy = {i for i, line in enumerate(lines) if noise_kind(line)} | _menu_runs(lines)
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
