"""The reference annotation of the five seed articles, judged sentence by sentence against
shared/GUIDELINES.md (resources/guidelines/). Run to write tests/data/reference/seeds.jsonl:

    python tools/reference_seeds.py

Keys are (seed file prefix, sentence position); sentences not listed are decided with no label
(boilerplate sentences are left out). Letters: S statistic, A anecdote, L slogan. Spans are exact
substrings of the sentence; statistic spans get value and unit from their text.

Hard cases decided here (recorded so a second annotator can compare):
- a figure that is the reported result of one police operation counts (000:29 抓获嫌疑人18名,
  002:29 违法犯罪嫌疑人19名, 004:17 发还现金300余万元): anecdote and statistic;
- a figure describing one incident does not (000:27 价值7万余元的商品被盗): anecdote only;
- numbers lost in scraping are no figure (002:24 处置源头敏感性案事件起, 002:32 嫌疑人名);
- numbered mechanisms are formulas, so slogans and not figures: “1、3、5”分钟快反机制,
  “4+4+8”工作机制, “135”快反机制; so are "+" formulas (专业+机制+大数据, 大数据+巡逻);
- quoted metaphors are not slogans (“警察蓝”, “守夜人”, “组合拳”, “防控网”, “藏青蓝”), nor
  campaign or programme names (“百日行动”, “夏季行动”, “夜市警务”, “融警务”);
- officials' quoted statements of policy are not anecdotes (000:11, 003:13, 003:43), citizens'
  and officers' quotes about their own experience are (000:16, 000:20, 003:28);
- a citizen quoting the set formula (002:27 “警车常见,警灯常闪……”) is anecdote and slogan;
- a dated launch ceremony is routine administration, not an anecdote (004:21).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

R: dict[tuple[str, int], tuple[str, list[tuple[str, str]]]] = {
    # 000 浙江 百日行动
    ("000", 1): ("L", [("L", "忠诚保平安"), ("L", "让老百姓切实感受到安全就在身边")]),
    ("000", 3): ("L", [("L", "让老百姓切实感受到安全就在身边")]),
    ("000", 7): ("L", [("L", "两个先行")]),
    ("000", 9): ("S", [("S", "76.8万人次"), ("S", "1.63万名"), ("S", "同比下降12.5%")]),
    ("000", 11): ("L", [("L", "时时放心不下"), ("L", "让老百姓切实感受到安全就在身边")]),
    ("000", 13): (
        "L",
        [
            ("L", "细致、精致、极致"),
            ("L", "什么犯罪突出就重点打击什么犯罪,哪里治安混乱就重点整治哪里"),
            ("L", "五个动态清零"),
            ("L", "六个零发生"),
        ],
    ),
    ("000", 14): ("A", []),
    ("000", 15): ("A", []),
    ("000", 16): ("A", []),
    ("000", 19): ("S", [("S", "140件"), ("S", "同比减少37.8%")]),
    ("000", 20): ("A", []),
    ("000", 23): ("S", [("S", "23个"), ("S", "195名"), ("S", "127起"), ("S", "745万余元")]),
    ("000", 24): ("S", [("S", "2974名"), ("S", "96名")]),
    ("000", 25): ("S", [("S", "17起"), ("S", "7起"), ("S", "35名")]),
    ("000", 26): ("A", []),
    ("000", 27): ("A", []),
    ("000", 29): ("AS", [("S", "18名"), ("S", "20余万元")]),
    ("000", 30): ("A", []),
    ("000", 31): ("L", [("L", "快、准、狠")]),
    ("000", 32): ("S", [("S", "108处")]),
    ("000", 33): ("S", [("S", "100余处")]),
    ("000", 34): ("L", [("L", "十防"), ("L", "严打、严防、严管、严治")]),
    ("000", 36): ("A", []),
    ("000", 37): ("A", []),
    ("000", 38): ("A", []),
    ("000", 40): ("S", [("S", "1199起")]),
    ("000", 41): ("S", [("S", "60多名")]),
    ("000", 42): ("L", [("L", "网格式布警、多元化巡逻")]),
    ("000", 44): ("S", [("S", "10.7万人次"), ("S", "2358个"), ("S", "1536名"), ("S", "99名")]),
    ("000", 45): ("L", [("L", "急难愁盼")]),
    ("000", 49): ("S", [("S", "3900余次")]),
    # 001 渭南 守护万家灯火
    ("001", 0): ("L", [("L", "守护万家灯火")]),
    ("001", 3): ("S", [("S", "10.98%"), ("S", "8.5%"), ("S", "61.3%"), ("S", "9.2%")]),
    ("001", 5): (
        "L",
        [
            ("L", "五个一批、五个严防、三个确保"),
            ("L", "三清三统一"),
            ("L", "打防管控建"),
            ("L", "守护万家灯火"),
        ],
    ),
    ("001", 8): ("L", [("L", "一条主线")]),
    ("001", 10): ("S", [("S", "3次"), ("S", "3次"), ("S", "10次")]),
    ("001", 11): ("L", [("L", "一办九组")]),
    ("001", 12): (
        "SL",
        [
            ("L", "专业+机制+大数据"),
            ("L", "一办九组"),
            ("S", "10次"),
            ("S", "3次"),
            ("S", "5期"),
            ("S", "68期"),
            ("S", "75期"),
        ],
    ),
    ("001", 14): ("L", [("L", "两个清单")]),
    ("001", 15): ("L", [("L", "奔着问题去,盯着问题查,追着问题改")]),
    ("001", 16): ("L", [("L", "三路督导")]),
    ("001", 17): ("L", [("L", "党委成员下沉督+牵头警种指导督+督察支队专项督")]),
    ("001", 19): ("L", [("L", "以打开路、以打促防、以打促安")]),
    ("001", 20): (
        "SL",
        [("L", "专业警种+专班推进+专案攻坚"), ("S", "1770起"), ("S", "3002名"), ("S", "377人")],
    ),
    ("001", 21): ("SL", [("L", "立足本地打全国"), ("S", "14起"), ("S", "7起")]),
    ("001", 22): ("A", []),
    ("001", 23): ("A", []),
    ("001", 25): ("L", [("L", "警察常在、警车常见、警灯常亮")]),
    ("001", 26): (
        "SL",
        [("L", "1、3、5"), ("S", "5万余人次"), ("S", "22263台次"), ("S", "9471个"), ("S", "382人")],
    ),
    ("001", 27): ("S", [("S", "3253个"), ("S", "342个"), ("S", "236份")]),
    ("001", 28): (
        "S",
        [("S", "5次"), ("S", "2200人次"), ("S", "140处"), ("S", "19145人次"), ("S", "26人")],
    ),
    ("001", 30): ("L", [("L", "有机衔接、协同联动、高效便捷")]),
    ("001", 31): ("S", [("S", "2784起")]),
    ("001", 33): ("S", [("S", "2300公里"), ("S", "390处")]),
    ("001", 34): ("L", [("L", "打击犯罪绝不收兵,巡查宣防永不止步")]),
    # 002 温州
    ("002", 4): ("A", []),
    ("002", 5): (
        "S",
        [
            ("S", "下降41.92%"),
            ("S", "99.11%"),
            ("S", "75.09%"),
            ("S", "第4位"),
            ("S", "97.31%"),
            ("S", "99.7%"),
        ],
    ),
    ("002", 6): ("L", [("L", "平安,民生之盼,发展之基")]),
    ("002", 7): ("L", [("L", "横向到边、纵向到底")]),
    ("002", 9): (
        "SL",
        [
            ("L", "源、融、亲"),
            ("L", "最严社会治安管理区域、最优警民和谐生态、最有影响‘三能’警队"),
            ("S", "同比下降26.42%"),
            ("S", "下降9.15%"),
            ("S", "同比下降39.46%"),
        ],
    ),
    ("002", 11): ("A", []),
    ("002", 12): ("A", []),
    ("002", 15): ("L", [("L", "防范在小、化解在早、治理在常")]),
    ("002", 17): ("S", [("S", "提升至98%"), ("S", "同比下降33.3%")]),
    ("002", 18): ("L", [("L", "人民安全大如天")]),
    ("002", 20): ("A", []),
    ("002", 21): ("A", []),
    ("002", 22): ("A", []),
    ("002", 23): ("A", []),
    ("002", 24): ("L", [("L", "两队一室")]),
    ("002", 25): ("A", []),
    ("002", 27): ("AL", [("L", "警车常见,警灯常闪")]),
    ("002", 28): ("SL", [("L", "大数据+巡逻"), ("S", "17支")]),
    ("002", 29): ("AS", [("S", "19名")]),
    ("002", 31): ("L", [("L", "三中心合一")]),
    ("002", 32): ("A", []),
    ("002", 34): ("L", [("L", "一图一表一报告一方案")]),
    # 003 晋城
    ("003", 6): ("S", [("S", "一百余名"), ("S", "10个")]),
    ("003", 9): ("L", [("L", "沉身 更要沉心")]),
    ("003", 10): ("L", [("L", "讲政治、担使命、抓落实、创一流")]),
    ("003", 12): ("L", [("L", "屯警街面、动中备勤、有警处警、无警巡逻")]),
    ("003", 15): (
        "L",
        [("L", "堵点共排、乱点共管、治安共防、警情共处"), ("L", "给机关瘦身,给基层减负")],
    ),
    ("003", 17): ("A", []),
    ("003", 18): ("A", []),
    ("003", 19): ("A", []),
    ("003", 20): ("A", []),
    ("003", 21): ("A", []),
    ("003", 22): ("A", []),
    ("003", 23): ("A", []),
    ("003", 24): ("A", []),
    ("003", 25): ("A", []),
    ("003", 26): ("A", []),
    ("003", 27): ("A", []),
    ("003", 28): ("A", []),
    ("003", 29): ("L", [("L", "警情第一时间处置、矛盾第一时间化解、服务最近距离送达")]),
    ("003", 32): ("L", [("L", "巡逻+宣传")]),
    ("003", 35): ("A", []),
    ("003", 36): ("A", []),
    ("003", 37): ("A", []),
    ("003", 38): ("L", [("L", "重点路段见警灯、复杂区域见警力")]),
    ("003", 39): ("AL", [("L", "一标三实")]),
    ("003", 40): ("A", []),
    ("003", 46): (
        "S",
        [("S", "306处"), ("S", "536个"), ("S", "198次"), ("S", "37489份"), ("S", "86573人")],
    ),
    ("003", 47): (
        "L",
        [("L", "压警情、控发案、保稳定、护民安"), ("L", "警察常在、警灯常闪、警车长巡")],
    ),
    # 004 聊城
    ("004", 11): ("L", [("L", "守一城烟火 护一夏平安")]),
    ("004", 16): ("A", []),
    ("004", 17): ("AS", [("S", "300余万元")]),
    ("004", 23): (
        "L",
        [("L", "主要领导亲自抓、政治委员靠上盯、分管领导下沉督、业务警种具体抓、督察部门常态查")],
    ),
    ("004", 24): ("L", [("L", "参战警力最大化、整治力度最大化、战果效果最大化")]),
    ("004", 26): ("A", []),
    ("004", 27): ("L", [("L", "群众看公安,关键看破案")]),
    ("004", 28): (
        "L",
        [
            ("L", "以打开路、以打促防、以打促稳"),
            ("L", "更快破大案、更多破小案、更准办好案、更好控发案"),
        ],
    ),
    ("004", 29): ("S", [("S", "1395起"), ("S", "3789起"), ("S", "843人"), ("S", "1640人")]),
    ("004", 30): ("S", [("S", "230起"), ("S", "151人")]),
    ("004", 31): ("S", [("S", "87起"), ("S", "12起"), ("S", "401起"), ("S", "4041起")]),
    ("004", 34): ("A", []),
    ("004", 35): ("L", [("L", "平安不平安,关键看治安")]),
    ("004", 36): ("L", [("L", "显性用警、定点值守、动中备勤、多维防控")]),
    ("004", 37): (
        "SL",
        [
            ("L", "135"),
            ("S", "35处"),
            ("S", "189个"),
            ("S", "4.2万余人次"),
            ("S", "1.3万余辆次"),
            ("L", "白天见警车,晚上见警灯、日夜见警察"),
        ],
    ),
    ("004", 38): ("S", [("S", "5万余人次")]),
    ("004", 39): (
        "S",
        [("S", "489家"), ("S", "413家"), ("S", "1625个"), ("S", "4.9万余家"), ("S", "753处")],
    ),
    ("004", 41): ("A", []),
    ("004", 42): ("A", []),
    ("004", 43): ("L", [("L", "4+4+8")]),
    ("004", 44): ("S", [("S", "1058起")]),
}

LETTERS = {"S": "statistic", "A": "anecdote", "L": "slogan"}


def place_spans(text: str, wanted: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """Find each span's text, left to right per label (so repeated figures land in order)."""
    cursor: dict[str, int] = {}
    out = []
    for letter, piece in wanted:
        label = LETTERS[letter]
        start = text.find(piece, cursor.get(label, 0))
        if start < 0:
            raise ValueError(f"span {piece!r} not found in {text!r}")
        cursor[label] = start + len(piece)
        out.append((label, start, start + len(piece)))
    return out


def statistic_fields(piece: str) -> dict:
    """Value and unit of a statistic span as an annotator would type them (1.63万名 → 16300, 名)."""
    import re

    from annotator.schema import parse_number

    m = re.search(r"([0-9.]+(?:万|亿)?余?|[一二三四五六七八九十百千]+余?)(.*)$", piece)
    if not m:
        return {}
    number, unit = m.group(1), m.group(2)
    fields = {"unit": unit or None}
    try:
        fields["value"] = parse_number(number)
    except ValueError:
        pass
    return {k: v for k, v in fields.items() if v is not None}


def build(store) -> int:
    """Write the reference annotation into ``store`` as annotator "reference"; return count."""
    from annotator.records import AnnotationState, SpanValue

    ref = store.annotators.get_or_create("reference")
    seen = set()
    n = 0
    with store.transaction():
        for article_id in store.articles.ids():
            prefix = store.articles.get(article_id).source[:3]
            for s in store.sentences.for_article(article_id):
                key = (prefix, s.position)
                if s.boilerplate:
                    if key in R:
                        raise ValueError(f"{key} is boilerplate but has reference labels")
                    continue
                letters, wanted = R.get(key, ("", []))
                seen.add(key)
                labels = tuple(
                    lab
                    for lab in ("statistic", "anecdote", "slogan")
                    if LETTERS_BY_NAME[lab] in letters
                )
                spans = []
                for label, start, end in place_spans(s.text, wanted):
                    fields = statistic_fields(s.text[start:end]) if label == "statistic" else {}
                    if label == "slogan":
                        fields = {}
                    spans.append(SpanValue(label, start, end, fields))
                store.annotations.write(
                    s.sentence_id,
                    ref.annotator_id,
                    AnnotationState(labels=labels, spans=tuple(spans), decided=True),
                )
                n += 1
    missing = set(R) - seen
    if missing:
        raise ValueError(f"reference keys match no sentence: {sorted(missing)}")
    return n


LETTERS_BY_NAME = {name: letter for letter, name in LETTERS.items()}


def main() -> None:
    import subprocess

    from annotator.corpus.importer import import_paths
    from annotator.paths import resource_path, seeds_dir
    from annotator.schema import load_schema
    from annotator.store import Store

    out = ROOT / "tests" / "data" / "reference" / "seeds.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reference.db"
        with Store.create(db, load_schema(resource_path("labels.toml"))) as store:
            import_paths(store, [seeds_dir()])
            n = build(store)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "annotator",
                "export",
                "--db",
                str(db),
                "--annotator",
                "reference",
                "-o",
                str(out),
            ],
            check=True,
        )
    print(f"wrote {out}: {n} decided sentences")


if __name__ == "__main__":
    main()
