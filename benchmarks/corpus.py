"""Generate a synthetic corpus for benchmarks by recombining the seed articles' paragraphs."""

from __future__ import annotations

import random
from pathlib import Path

from annotator.paths import seeds_dir


def seed_paragraphs() -> list[str]:
    """Every non-blank line of the seed articles."""
    paras: list[str] = []
    for path in sorted(seeds_dir().glob("*.txt")):
        paras.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return paras


def generate_articles(n: int, *, seed: int = 1, paragraphs: int = 30) -> list[str]:
    """``n`` article texts of ``paragraphs`` random seed paragraphs each, all distinct."""
    rng = random.Random(seed)
    paras = seed_paragraphs()
    out = []
    for i in range(n):
        body = [rng.choice(paras) for _ in range(paragraphs)]
        out.append(f"第{i}号合成文章\n\n" + "\n\n".join(body) + "\n")
    return out


def write_corpus(folder: Path, n: int, **kwargs: int) -> list[Path]:
    """Write ``n`` generated articles as UTF-8 .txt files; reuse them if already there."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = sorted(folder.glob("*.txt"))
    if len(paths) == n:
        return paths
    for old in paths:
        old.unlink()
    paths = []
    for i, text in enumerate(generate_articles(n, **kwargs)):
        path = folder / f"{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
