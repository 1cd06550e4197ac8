"""Page noise on layouts other than the seeds': main-text lines kept and noise lines flagged.

On the pages of ``tests/data/pages`` (written for the tests in the layouts of a news agency, a
city government portal, a magazine, a blog, an encyclopedia, a WeChat mirror, a Hong Kong
traditional-character portal and a GitHub mirror; ``expected.json`` lists each page's main-text
lines), per page and in total:

* before:   the boilerplate patterns of git revision ``--before`` (default: the commit before
            this work), alone, as the importer used them;
* patterns: today's patterns alone (what an HTML page gets when trafilatura finds nothing, and
            what every .txt and JSONL article gets);
* extractor: trafilatura's main text alone (every line it leaves out is flagged);
* after:    trafilatura's main text plus today's patterns (what the importer does for HTML).

The pages and today's patterns were written by the same hand, so "patterns" is an optimistic
figure; "extractor" was not tuned on them at all.

Then, as a check that the new patterns do not eat article text, on the development corpus
(resources/corpus, plain text): sentences flagged, and sentences carrying a label (statistic,
anecdote, slogan: article text by definition) that are flagged, before and after.

python benchmarks/noise_bench.py [--before REV]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
CORPUS = ROOT / "resources" / "corpus"
BEFORE = "b5720bf"  # the branch point of the noise work: the seed-era patterns


def old_flagger(rev: str):
    """``flag_boilerplate`` as it was at ``rev`` (None when git cannot show it)."""
    try:
        source = subprocess.run(
            ["git", "show", f"{rev}:annotator/text/boilerplate.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("boilerplate_before")
    exec(compile(source, f"{rev}:boilerplate.py", "exec"), module.__dict__)
    return module.flag_boilerplate


def line_flags(text: str, flag) -> list[bool]:
    """One flag per non-blank line of ``text``: True if its sentences are flagged."""
    from annotator.text.segment import split_sentences

    bounds = split_sentences(text)
    flags = flag(text, bounds)
    n = sum(1 for line in text.split("\n") if line.strip())
    out = [False] * n
    for b, f in zip(bounds, flags, strict=True):
        out[b.paragraph] = out[b.paragraph] or f
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", default=BEFORE, help="git revision of the old patterns")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from annotator.corpus.html import extract_html, main_text_lines
    from annotator.text.boilerplate import flag_boilerplate

    before = old_flagger(args.before)
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))["main"]
    modes = (
        ["before", "patterns", "extractor", "after"]
        if before
        else ["patterns", "extractor", "after"]
    )
    totals = {m: [0, 0] for m in modes}
    n_main = n_noise = 0
    print(
        f"{'page':<20} {'lines':>5} {'main':>4} {'noise':>5}  "
        + "  ".join(f"{m:>16}" for m in modes)
    )
    for name, main_expected in expected.items():
        markup = (PAGES / name).read_text(encoding="utf-8")
        text, title = extract_html(markup)
        lines = [line for line in text.split("\n") if line.strip()]
        is_main = [line.strip() in main_expected for line in lines]
        missing = set(main_expected) - {line.strip() for line in lines}
        assert not missing, f"{name}: expected lines not in the page: {missing}"
        main_idx = main_text_lines(markup, text, title)
        flaggers = {
            "before": before,
            "patterns": flag_boilerplate,
            "extractor": lambda t, b, m=main_idx: [m is None or x.paragraph not in m for x in b],
            "after": lambda t, b, m=main_idx: flag_boilerplate(t, b, m),
        }
        row = []
        for mode in modes:
            flags = line_flags(text, flaggers[mode])
            kept = sum(1 for m, f in zip(is_main, flags, strict=True) if m and not f)
            caught = sum(1 for m, f in zip(is_main, flags, strict=True) if not m and f)
            totals[mode][0] += kept
            totals[mode][1] += caught
            row.append((kept, caught))
        mains, noises = sum(is_main), len(lines) - sum(is_main)
        n_main += mains
        n_noise += noises
        print(
            f"{name:<20} {len(lines):>5} {mains:>4} {noises:>5}  "
            + "  ".join(f"{f'{k}/{mains} {c}/{noises}':>16}" for k, c in row)
        )
    print(
        f"{'total':<20} {n_main + n_noise:>5} {n_main:>4} {n_noise:>5}  "
        + "  ".join(f"{f'{totals[m][0]}/{n_main} {totals[m][1]}/{n_noise}':>16}" for m in modes)
    )
    print("(each column: main-text lines kept unflagged / noise lines flagged)")
    corpus_check(before, flag_boilerplate)


def corpus_check(before, after) -> None:
    """Flagged sentences in the development corpus, and flagged sentences that carry a label."""
    from annotator.text.segment import split_sentences

    if not (CORPUS / "annotations").is_dir():
        return
    counts = {"before": [0, 0], "after": [0, 0]}
    sentences = 0
    for ann in sorted((CORPUS / "annotations").glob("*.jsonl")):
        text = (CORPUS / "articles" / (ann.stem + ".txt")).read_text(encoding="utf-8")
        rows = [json.loads(line) for line in ann.read_text(encoding="utf-8").splitlines() if line]
        bounds = split_sentences(text)
        labelled = {r["i"] for r in rows if r.get("labels")}
        sentences += len(bounds)
        for mode, flag in (("before", before), ("after", after)):
            if flag is None:
                continue
            flags = flag(text, bounds)
            counts[mode][0] += sum(flags)
            counts[mode][1] += sum(1 for i, f in enumerate(flags) if f and i in labelled)
    print(f"\ndevelopment corpus (plain text): {sentences} sentences")
    for mode, (flagged, bad) in counts.items():
        if mode == "before" and before is None:
            continue
        print(f"  {mode:<7} {flagged:>5} flagged, {bad} of them labelled (article text)")


if __name__ == "__main__":
    main()
