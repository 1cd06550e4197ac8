"""A small article written for this test (not from any corpus split), with the shipped model's
calibrated probabilities for it. Regenerate the numbers only on purpose, when the model is retrained:
``python -m tests.learn.pinned_article``."""

from __future__ import annotations

from annotator.extractors.base import ArticleSentence

TITLE = "青溪县公安局开展“清风”夏季治安巡查行动"
SENTENCES = (
    ArticleSentence("青溪县公安局开展“清风”夏季治安巡查行动", False, 0),
    ArticleSentence("今年6月以来，青溪县公安局共破获各类刑事案件312起，抓获犯罪嫌疑人87名，同比上升14.5%。", False, 1),
    ArticleSentence("7月3日深夜，村民王某某报警称，家中两头耕牛被盗。", False, 2),
    ArticleSentence("民警赶到现场后，沿着泥地上的蹄印一路追踪。", False, 2),
    ArticleSentence("第二天清晨，他们在邻县一处山坳里找到了耕牛。", False, 2),
    ArticleSentence("“多亏了你们，不然我今年的收成全没了！”王某某握着民警的手说。", False, 2),
    ArticleSentence("该局坚持“群众有呼、警察必应”，推动警力下沉、服务前移、防线外推。", False, 3),
    ArticleSentence("據統計，全縣累計發放防騙宣傳資料一萬二千餘份。", False, 4),
    ArticleSentence("责任编辑：李明", True, 5),
)

LABELS = ("statistic", "anecdote", "slogan")
# per sentence and label: the calibrated probability (rules combined) ...
EXPECTED_PROBABILITIES: tuple[tuple[float, ...], ...] = (
    (0.015822576, 0.000254599, 0.214673649),
    (0.999004496, 0.533638641, 5.2793e-05),
    (0.033121102, 0.999923609, 0.000159921),
    (0.001556163, 0.999996743, 0.000693026),
    (0.005743434, 0.999992669, 0.000347405),
    (0.037145268, 0.999851112, 0.00676191),
    (0.015516175, 0.016875421, 0.996308585),
    (0.017010167, 0.021832805, 0.010098587),
    (0.000540137, 0.006736723, 0.001384116),
)
# ... and the stage-1 logit, which moves with any feature even where a probability saturates
EXPECTED_LOGITS: tuple[tuple[float, ...], ...] = (
    (-1.8002381, -4.1108829, 0.1580073),
    (4.9525874, -1.1209342, -4.5238628),
    (-1.3535191, 3.121623, -4.4314578),
    (-3.2196718, 4.0512496, -3.4921223),
    (-2.6340489, 3.8651342, -4.1017157),
    (-2.0467286, 3.4930709, -2.79782),
    (-2.405172, -2.1332117, 2.2953869),
    (-2.5199829, -2.0141121, -1.7161909),
    (-4.4781883, -2.1967617, -2.7669212),
)


def compute() -> tuple[list[list[float]], list[list[float]]]:
    from annotator.extractors.registry import shipped_extractor
    from annotator.learn.hashing import Rows, article_rows

    ex = shipped_extractor()
    probs = ex.probabilities(SENTENCES, ex.rule_detail(TITLE, SENTENCES))
    logits = ex.model.stage1(Rows.from_list(article_rows(SENTENCES)))
    return (
        [[round(float(p), 9) for p in row] for row in probs],
        [[round(float(z), 7) for z in row] for row in logits],
    )


if __name__ == "__main__":
    for table in compute():
        print("\n".join(f"    ({', '.join(repr(v) for v in row)})," for row in table))
