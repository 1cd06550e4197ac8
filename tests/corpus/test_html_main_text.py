"""HTML pages in layouts other than the seeds': trafilatura decides the main text, the rest is flagged.

The pages in tests/data/pages were written for these tests (own text, real sites' layouts);
expected.json lists each page's main-text lines, every other line is noise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.corpus.html import extract_html, main_text_lines
from annotator.corpus.importer import prepare
from annotator.corpus.readers import read_file

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))["main"]

pytest.importorskip("trafilatura")


def line_flags(path: Path) -> dict[str, bool]:
    """Each line of the imported page and whether its sentences are flagged (through the importer)."""
    (raw,) = read_file(path)
    art = prepare(raw)
    lines = [line.strip() for line in raw.text.split("\n") if line.strip()]
    out: dict[str, bool] = {}
    for s in art.sentences:
        line = lines[s.paragraph]
        out[line] = out.get(line, False) or s.boilerplate
    return out


def test_at_least_seven_layouts():
    assert len(EXPECTED) >= 7
    assert all((PAGES / name).is_file() for name in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_main_text_kept_and_noise_flagged(name):
    flags = line_flags(PAGES / name)
    main = set(EXPECTED[name])
    assert main <= set(flags), "expected.json names a line the page does not have"
    assert [line for line in main if flags[line]] == [], "main text flagged"
    assert [line for line, f in flags.items() if line not in main and not f] == [], "noise kept"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_is_complete(name):
    """Noise is flagged, never deleted: the article keeps every visible line of the page."""
    markup = (PAGES / name).read_text(encoding="utf-8")
    (raw,) = read_file(PAGES / name)
    assert raw.text == extract_html(markup)[0]
    assert raw.main_lines is not None


def test_a_share_button_is_not_main_text_because_the_body_names_the_app():
    markup = (
        "<html><body><h1>民警提醒谨防冒充客服诈骗</h1><div class='art'>"
        "<p>近日，一位市民在微信上收到自称快递客服的消息，对方以理赔为由索要银行卡验证码，民警及时劝阻。</p>"
        "<p>民警提醒，正规客服不会索要验证码，遇到可疑情况请及时拨打反诈专线咨询，避免造成财产损失。</p>"
        "<p>近期此类诈骗在多个小区接连出现，社区民警已经逐户上门发放宣传资料，提醒老年人多加留意。</p>"
        "</div><div class='sh'><div>微信</div><div>微博</div></div></body></html>"
    )
    text, title = extract_html(markup)
    main = main_text_lines(markup, text, title)
    lines = text.split("\n\n")
    assert main is not None
    assert lines.index("微信") not in main
    assert lines.index(title) in main


def test_trafilatura_finding_nothing_falls_back_to_the_patterns(monkeypatch, tmp_path):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    page = tmp_path / "p.html"
    page.write_bytes((PAGES / "hk_gateway.html").read_bytes())
    (raw,) = read_file(page)
    assert raw.main_lines is None
    flags = line_flags(page)
    assert flags["字號：大 中 小"] and flags["責編：何嘉欣"]
    assert not flags[EXPECTED["hk_gateway.html"][1]]


def test_trafilatura_failing_falls_back_to_the_patterns(monkeypatch):
    import trafilatura

    def boom(*a, **k):
        raise ValueError("bad page")

    monkeypatch.setattr(trafilatura, "extract", boom)
    markup = (PAGES / "blog.html").read_text(encoding="utf-8")
    text, title = extract_html(markup)
    assert main_text_lines(markup, text, title) is None
