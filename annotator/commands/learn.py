"""``annotator train``: the learned extractor from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.commands.options import db_option, json_option, open_store, progress_bar
from annotator.scores import fmt_score, prf_lines


@click.command()
@db_option
@click.option("--gold", is_flag=True, help="Learn from the adjudicated gold layer.")
@click.option(
    "--annotator",
    "annotators",
    multiple=True,
    help="Learn from this annotator's layer (repeatable).",
)
@click.option("--labels", default="", help="Comma-separated labels [default: all of the schema].")
@click.option(
    "--name", default="default", show_default=True, help="Model name (extractor learned:NAME)."
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Model file, saved as FILE's name with .npz [default: <project>.models/NAME.npz].",
)
@click.option(
    "--cv",
    default=5,
    show_default=True,
    help="Folds of article-grouped cross-validation (0: none).",
)
@click.option(
    "--curve", is_flag=True, help="Print a learning curve (F1 against training sentences) instead."
)
@click.option(
    "--corpus",
    is_flag=True,
    help="Also learn from the shipped corpus (dev split and the seeds' reference); calibrate on "
    "its calib split.",
)
@click.option(
    "--no-rules",
    is_flag=True,
    help="Do not weigh the rule extractors' votes in when calibrating.",
)
@json_option
def train(
    db: Path | None, gold: bool, annotators: tuple[str, ...], labels: str, name: str,
    out: Path | None, cv: int, curve: bool, corpus: bool, no_rules: bool, as_json: bool,
) -> None:  # fmt: skip
    """Train the learned extractor (sentences read in their article) from decided sentences and
    report cross-validated F1.

    Default layer: gold when it has data, else every annotator. Folds never split an article.
    Calibrated on the corpus's calib split with --corpus, else on held-out project articles
    when there are enough. Needs scikit-learn (pip install -e '.[learn]').

    Example:
        annotator train --db project.db --gold --cv 5
        annotator train --db project.db --corpus
        annotator train --db project.db --curve
    """
    # lazy: `annotator --help` and the other commands do not load the core
    from annotator.learn.project import curve_project, train_project

    wanted = [s.strip() for s in labels.split(",") if s.strip()]
    with open_store(db) as store:
        if curve:
            with progress_bar("Learning curve") as progress:
                points = curve_project(
                    store,
                    annotators=annotators,
                    gold=gold,
                    labels=wanted,
                    cv=max(cv, 2),
                    use_rules=not no_rules,
                    corpus=corpus,
                    progress=progress,
                )
            if as_json:
                click.echo(json.dumps(points, ensure_ascii=False, indent=2, allow_nan=False))
                return
            labs = list(points[0]["labels"]) if points else []
            click.echo(
                f"{'fraction':>8} {'sentences':>9} {'micro F1':>9} {'macro F1':>9} "
                + " ".join(f"{lab:>10}" for lab in labs)
            )
            for p in points:
                click.echo(
                    f"{p['fraction']:>8.0%} {p['train_sentences']:>9} {fmt_score(p['micro_f1']):>9} {fmt_score(p['macro_f1']):>9} "
                    + " ".join(f"{fmt_score(p['labels'][lab]):>10}" for lab in labs)
                )
            return
        with progress_bar("Training") as progress:
            model, path = train_project(
                store,
                name=name,
                annotators=annotators,
                gold=gold,
                labels=wanted,
                cv=cv,
                use_rules=not no_rules,
                corpus=corpus,
                out=out,
                progress=progress,
            )
    report = {
        "model": str(path),
        "extractor": f"learned:{model.name}",
        "version": model.version,
        "trained_on": model.trained_on,
        "labels": list(model.labels),
        "skipped": model.skipped,
        "calibration": model.info.get("calibration"),
        "thresholds": model.thresholds,
        "cv": model.cv,
    }
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False))
        return
    t = model.trained_on
    click.echo(
        f"trained learned:{model.name} (version {model.version}) on {t['sentences']} sentences "
        f"of {t['articles']} articles, layer(s): {t.get('layers')}"
    )
    if t.get("corpus_sentences"):
        click.echo(f"plus {t['corpus_sentences']} sentences of the shipped corpus")
    click.echo(f"saved {path}")
    click.echo(f"calibration: {model.info.get('calibration')}")
    if model.thresholds:
        click.echo(
            "thresholds: " + ", ".join(f"{k} {v:.3f}" for k, v in model.thresholds.items())
        )
    for lab, why in model.skipped.items():
        click.echo(f"no classifier for {lab}: {why}")
    if model.cv:
        cvr = model.cv
        click.echo(f"{cvr['folds']}-fold cross-validation by article:")
        for line in prf_lines(cvr["labels"], cvr["micro"], cvr["macro_f1"]):
            click.echo(line)


COMMANDS = (train,)
