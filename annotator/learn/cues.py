"""Cues the learned model gets beside the words: speech, story continuation, totals, formulas.

Each cue is a named pattern; a sentence's cues are the names that match. They are features, not
rules: the model learns how much each one weighs for each label, and in which neighbourhood. The
examples are the project's own sentences, written for these comments.
"""

from __future__ import annotations

import re

QUOTE_OPEN = "“「『\""
# A quotation: “……” or 「……」 (a straight quote pair counts too).
QUOTED = re.compile(r"[“「『\"][^“”「」『』\"]{2,}[”」』\"]")
CUES: dict[str, re.Pattern[str]] = {
    # 他说: / 张某告诉记者: / 她回忆道 — the speaker and a speech verb
    "speech_verb": re.compile(
        r"(?:说|说道|表示|介绍|坦言|感慨|回忆道?|告诉记者|笑着说|感叹|直言|称赞|道谢|连声道谢|哽咽|念叨|叮嘱)"
    ),
    # 老李说:“…” — speaker before a colon that opens a quote
    "speaker_colon": re.compile(r"[\u4e00-\u9fff]{1,8}(?:说|道|表示|介绍|坦言|告诉记者)?[:：]\s*[“「\"]"),
    # “我… / 你… — first or second person inside a quote
    "quote_person": re.compile(r"[“「\"][^”」\"]*(?:我|我们|咱|你|您)"),
    # he, she, the man, the gang, the case, it turned out — a story going on
    "continuation": re.compile(
        r"^(?:[\s　]*)(?:他|她|他们|她们|该男子|该女子|该犯|该团伙|该案|该村|其|原来|随后|此后|之后|"
        r"事后|最终|不久|当时|这时|此时|没想到|经查|经审讯|经调查|后来|第二天|次日|几天后|原来)"
    ),
    "family": re.compile(r"儿子|女儿|老伴|妻子|丈夫|母亲|父亲|孙子|孙女|家属|家人|爷爷|奶奶|外婆"),
    "described_person": re.compile(
        r"[\u4e00-\u9fff]某某?|[\u4e00-\u9fff](?:先生|女士|大爷|大妈|阿姨|师傅|大姐|大哥|老汉)|"
        r"一名[\u4e00-\u9fff]{1,4}|受害人|当事人|嫌疑人[\u4e00-\u9fff]某|老人|男子|女子|小伙"
    ),
    "moment": re.compile(
        r"\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|当晚|当天|深夜|凌晨|"
        r"傍晚|\d{1,2}时\d{0,2}分?许?|近日|日前|前不久|那天|那一夜"
    ),
    "incident": re.compile(
        r"报警|求助|赶到|赶往|现场|被骗|被盗|转账|逃窜|抓获|落网|救起|送医|找到|寻找|纠纷|争吵|劝阻|拦下|冻结|返还"
    ),
    # 共/累计/同比/全市/% — campaign totals
    "aggregate": re.compile(r"共|累计|据统计|同比|环比|全市|全省|全县|全区|各地|截至|以来|%|％|百分之"),
    "figure": re.compile(r"\d|[一二两三四五六七八九十百千万亿]+(?:余|多)?(?:名|起|人|元|万|个|家|处|次|件|辆)"),
    # “五个一批” 三清三统一 — numbered formulas
    "numbered": re.compile(r"[一二三四五六七八九十两]+(?:个|项|大|条|种|张|化|不|清|零|进|联|统一)"),
    # 坚持“…” / 以“…”为 / 发挥…作用 — frames around a formula
    "formula_frame": re.compile(r"坚持[“「]|以[“「][^”」]+[”」]为|践行|弘扬|牢固树立|守护|确保|实现[“「]"),
    "mechanism": re.compile(r"机制|模式|理念|原则|要求|经验|工作法|格局|体系"),
    # 警察常在、警车常见、警灯常亮 — short parallel clauses
    "parallel": re.compile(r"(?:[\u4e00-\u9fff]{2,6}[、，,]){2,}[\u4e00-\u9fff]{2,6}"),
    "quoted": QUOTED,
    "policy": re.compile(r"要|必须|坚决|切实|全力|进一步|不断|持续|深入|推进|加强|强化|扎实|着力"),
    "official": re.compile(r"书记|省长|市长|厅长|局长|处长|政委|主任|部长|负责人|党委"),
    "ceremony": re.compile(r"仪式|誓师|部署会|动员会|推进会|宣传日|宣传月|启动|授旗|宣誓"),
    "caption": re.compile(r"^(?:图为|资料图|图片|\(图|（图)|\.(?:png|jpe?g|gif)$", re.I),
    "marker": re.compile(r"^(?:案例|典型案例|案件|幕后|链接|相关)[一二三四五六七八九十\d]*[:：]?$"),
}


def cues(text: str) -> list[str]:
    """The names of the cues found in one sentence."""
    found = [name for name, pat in CUES.items() if pat.search(text)]
    stripped = text.strip()
    if stripped and stripped[-1] not in "。！？!?；;…”」\"":
        found.append("no_end_punct")  # headings, titles, captions
    if len(stripped) <= 14:
        found.append("short")
    elif len(stripped) >= 60:
        found.append("long")
    if stripped[:1] in QUOTE_OPEN:
        found.append("opens_quote")
    return found
