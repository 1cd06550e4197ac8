"""The learned extractor's model: sentences read in their article, in two stages, calibrated.

- **Stage 1** scores each sentence per label with a linear model over hashed features of the
  sentence and its neighbours (``annotator.learn.hashing``): characters, words, cues, position.
- **Stage 2** reads stage 1's scores of the sentence and of its two neighbours on each side, for
  every label: an anecdote is a passage, a list of totals runs on, a heading precedes its story.
  It is trained on out-of-fold stage-1 scores (articles held out five at a time), so it learns how
  stage 1 errs on articles it did not see.
- **Calibration** (optional, on articles neither stage saw, the corpus's ``calib`` split): Platt
  scaling of the stage-2 score per label, and per label the lowest threshold whose precision
  there reaches the target (0.85 by default: a wrong suggestion costs more than none).

Training needs scikit-learn (liblinear); scoring needs only numpy. The file is an ``.npz`` of
plain arrays plus one JSON string of metadata: no pickle, so it loads anywhere and runs no code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from annotator.errors import InputError
from annotator.extractors.base import ArticleSentence
from annotator.learn.hashing import N_FEATURES, Rows, article_rows, batch_rows

FORMAT = 2
SUFFIX = ".npz"
NEIGHBOURS = (-2, -1, 1, 2)


@dataclass(frozen=True)
class TrainArticle:
    """An article to learn from: its sentences and, per sentence, its labels (None: not decided)."""

    title: str
    sentences: tuple[ArticleSentence, ...]
    labels: tuple[frozenset[str] | None, ...]


@dataclass
class ArticleModel:
    name: str
    labels: tuple[str, ...]
    schema_hash: str
    weights: np.ndarray  # (N_FEATURES, L) float32: stage 1
    bias: np.ndarray  # (L,)
    stage2: np.ndarray  # (L, L * (1 + len(NEIGHBOURS)) + 1): coefficients, then the intercept
    # (L, 3): sigmoid(a * stage-2 logit + b * rule score + c); (1, 0, 0) when uncalibrated
    platt: np.ndarray
    thresholds: dict[str, float] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)  # training counts, data hash, figures

    @property
    def version(self) -> str:
        return str(self.info.get("version", "0"))

    # ------------------------------------------------------------------ scoring

    def stage1(self, rows: Rows) -> np.ndarray:
        return rows.dot(self.weights) + self.bias

    @property
    def uses_rules(self) -> bool:
        """Calibration combined the model with the rule extractors' scores (on ``calib``)."""
        return bool(np.any(self.platt[:, 1] != 0))

    def article_probabilities(
        self, sentences: Sequence[ArticleSentence], rules: np.ndarray | None = None
    ) -> np.ndarray:
        """(sentences, labels) calibrated probabilities for one article.

        ``rules`` is the rule extractors' (sentences, labels) scores (0 where silent), used when
        the calibration combined them with the model.
        """
        if not sentences:
            return np.zeros((0, len(self.labels)))
        logits = self.stage1(batch_rows([sentences]))
        return self._finish(logits, [len(sentences)], rules)

    def batch_probabilities(
        self, articles: Sequence[Sequence[ArticleSentence]], rules: Sequence[np.ndarray] | None = None
    ) -> list[np.ndarray]:
        """``article_probabilities`` of many articles, featurised and scored in one pass."""
        lengths = [len(a) for a in articles]
        if not sum(lengths):
            return [np.zeros((0, len(self.labels))) for _ in articles]
        logits = self.stage1(batch_rows(articles))
        votes = np.vstack(rules) if rules is not None else None
        probs = self._finish(logits, lengths, votes)
        return np.split(probs, np.cumsum(lengths)[:-1])

    def stage2_logits(self, logits: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        return neighbourhood(logits, lengths) @ self.stage2[:, :-1].T + self.stage2[:, -1]

    def _finish(
        self, logits: np.ndarray, lengths: Sequence[int], rules: np.ndarray | None = None
    ) -> np.ndarray:
        z = self.stage2_logits(logits, lengths) * self.platt[:, 0] + self.platt[:, 2]
        if rules is not None:
            z = z + rules * self.platt[:, 1]
        return 1.0 / (1.0 + np.exp(-z))

    def threshold(self, label: str) -> float:
        return self.thresholds.get(label, 0.5)

    @property
    def trained_on(self) -> dict[str, Any]:
        """What it learned from: sentence and article counts, layers, positives per label."""
        return dict(self.info.get("trained_on", {}))

    @property
    def skipped(self) -> dict[str, str]:
        """Labels left out (too little data), with the reason."""
        return dict(self.info.get("skipped", {}))

    @property
    def cv(self) -> dict[str, Any] | None:
        """The cross-validation report made when it was trained, if any."""
        cv: dict[str, Any] | None = self.info.get("cv")
        return cv

    # ------------------------------------------------------------------ file

    def save(self, path: Path) -> Path:
        """Write the model (atomically: a crash never leaves half a model under the real name)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        used = np.flatnonzero(np.any(self.weights != 0, axis=1)).astype(np.int32)
        meta = {
            "format": FORMAT,
            "name": self.name,
            "labels": list(self.labels),
            "schema_hash": self.schema_hash,
            "thresholds": self.thresholds,
            "info": self.info,
        }
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as f:
            np.savez_compressed(
                f,
                meta=np.array(json.dumps(meta, ensure_ascii=False, allow_nan=False)),
                used=used,
                weights=self.weights[used].astype(np.float16),
                bias=self.bias.astype(np.float32),
                stage2=self.stage2.astype(np.float32),
                platt=self.platt.astype(np.float32),
            )
        tmp.replace(path)
        return path


def load_article_model(path: Path, schema_hash: str | None = None) -> ArticleModel:
    """Load a model file; refuse another format or (given ``schema_hash``) another label schema."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            used = data["used"]
            part = data["weights"].astype(np.float32)
            arrays = {k: data[k].astype(np.float64) for k in ("bias", "stage2", "platt")}
    except FileNotFoundError:
        raise InputError(str(path), "no such model file") from None
    except (OSError, ValueError, KeyError) as e:
        raise InputError(str(path), f"not a model file ({e})") from None
    if meta.get("format") != FORMAT:
        raise InputError(str(path), f"unknown model format {meta.get('format')} (expected {FORMAT})")
    if schema_hash is not None and meta["schema_hash"] != schema_hash:
        raise InputError(
            str(path),
            f"model '{meta['name']}' was trained with label schema {meta['schema_hash']}, "
            f"but this project's schema is {schema_hash}; retrain it with 'annotator train'",
        )
    weights = np.zeros((N_FEATURES, len(meta["labels"])), dtype=np.float32)
    weights[used] = part
    return ArticleModel(
        meta["name"],
        tuple(meta["labels"]),
        meta["schema_hash"],
        weights,
        arrays["bias"],
        arrays["stage2"],
        arrays["platt"],
        {k: float(v) for k, v in meta["thresholds"].items()},
        meta["info"],
    )


def neighbourhood(logits: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Each sentence's stage-1 logits beside those of its neighbours in the same article (0 beyond)."""
    n = len(logits)
    article = np.repeat(np.arange(len(lengths)), lengths)
    parts = [logits]
    for off in NEIGHBOURS:
        shifted = np.zeros_like(logits)
        idx = np.arange(n) + off
        ok = (idx >= 0) & (idx < n)
        ok[ok] &= article[idx[ok]] == article[ok]
        shifted[ok] = logits[idx[ok]]
        parts.append(shifted)
    return np.hstack(parts)


# --------------------------------------------------------------------------- training


@dataclass
class _Batch:
    rows: Rows
    y: np.ndarray  # (n, L) bool
    known: np.ndarray  # (n,) bool: decided, so a training target
    lengths: list[int]
    groups: np.ndarray  # (n,) article index


def _batch(articles: Sequence[TrainArticle], labels: Sequence[str]) -> _Batch:
    rows: list[np.ndarray] = []
    y: list[list[bool]] = []
    known: list[bool] = []
    lengths: list[int] = []
    for a in articles:
        rows.extend(article_rows(a.sentences))
        lengths.append(len(a.sentences))
        for s, labs in zip(a.sentences, a.labels, strict=True):
            ok = labs is not None and not s.boilerplate
            known.append(ok)
            y.append([ok and lab in (labs or ()) for lab in labels])
    groups = np.repeat(np.arange(len(articles)), lengths)
    return _Batch(Rows.from_list(rows), np.array(y, dtype=bool).reshape(-1, len(labels)),
                  np.array(known, dtype=bool), lengths, groups)


def _fit_stage1(x: Any, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    if y.all() or not y.any():  # one class only: a constant score
        return np.zeros(N_FEATURES, dtype=np.float32), (4.0 if y.all() else -4.0)
    m = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=200)
    # only the columns the rows use: an unused feature's weight is 0 anyway, and liblinear's
    # time on a small project is otherwise spent on the 2**20 empty columns
    cols = np.unique(x.indices)
    m.fit(x[:, cols], y)
    w = np.zeros(N_FEATURES, dtype=np.float32)
    w[cols] = m.coef_[0]
    return w, float(m.intercept_[0])


def train_article_model(
    name: str,
    articles: Sequence[TrainArticle],
    labels: Sequence[str],
    schema_hash: str,
    *,
    calib: Sequence[TrainArticle] = (),
    calib_rules: Sequence[np.ndarray] | None = None,
    precision: float = 0.85,
    c: float = 4.0,
    folds: int = 5,
    check: Callable[[], None] | None = None,
) -> ArticleModel:
    """Train both stages on ``articles``; calibrate and choose thresholds on ``calib`` if given.

    ``check`` is called before every fit (a cancelled job raises there).
    """
    check = check or (lambda: None)
    from sklearn.linear_model import LogisticRegression

    from annotator.learn.model import require_sklearn

    require_sklearn()
    labels = tuple(labels)
    data = _batch(articles, labels)
    x = data.rows.to_scipy()
    k = data.known
    n_art = len(articles)
    folds = max(2, min(folds, n_art))
    # stage 1 out of fold, articles dealt round-robin into folds
    oof = np.zeros((len(k), len(labels)))
    fold_of = data.groups % folds
    for f in range(folds):
        train = k & (fold_of != f)
        held = fold_of == f
        for j in range(len(labels)):
            check()
            w, b = _fit_stage1(x[train], data.y[train, j], c)
            oof[held, j] = (x[held] @ w) + b
    weights = np.zeros((N_FEATURES, len(labels)), dtype=np.float32)
    bias = np.zeros(len(labels))
    for j in range(len(labels)):
        check()
        weights[:, j], bias[j] = _fit_stage1(x[k], data.y[k, j], c)
    hood = neighbourhood(oof, data.lengths)
    stage2 = np.zeros((len(labels), hood.shape[1] + 1))
    for j in range(len(labels)):
        yj = data.y[k, j]
        if yj.all() or not yj.any():
            stage2[j, -1] = 4.0 if yj.all() else -4.0
            continue
        m = LogisticRegression(C=1.0, max_iter=500).fit(hood[k], yj)
        stage2[j, :-1], stage2[j, -1] = m.coef_[0], m.intercept_[0]
    platt = np.tile([1.0, 0.0, 0.0], (len(labels), 1))
    model = ArticleModel(name, labels, schema_hash, weights, bias, stage2, platt)
    counts = {lab: int(data.y[k, j].sum()) for j, lab in enumerate(labels)}
    model.info = {
        "version": _data_hash(articles, labels, c),
        "sentences": int(k.sum()),
        "articles": n_art,
        "positives": counts,
    }
    if calib:
        calibrate(model, calib, precision, calib_rules)
    return model


def calibrate(
    model: ArticleModel,
    calib: Sequence[TrainArticle],
    precision: float,
    rules: Sequence[np.ndarray] | None = None,
) -> None:
    """Platt-scale each label's score and choose its threshold for ``precision`` on ``calib``.

    With ``rules`` (per article, the rule extractors' (sentences, labels) scores), the scaling
    also weighs the rules' vote: the rules were written from ``dev`` and the seeds, so how much
    to trust them is learned here, on articles neither the rules nor the model were built on.
    """
    from sklearn.linear_model import LogisticRegression

    from annotator.extractors.scoring import threshold_for_precision

    data = _batch(calib, model.labels)
    raw = model.stage1(data.rows)
    z = model.stage2_logits(raw, data.lengths)
    r = np.vstack(rules) if rules is not None else np.zeros_like(z)
    k = data.known
    for j in range(len(model.labels)):
        yj = data.y[k, j]
        if yj.all() or not yj.any():
            continue
        cols = np.column_stack([z[k, j], r[k, j]])
        m = LogisticRegression(C=10.0).fit(cols, yj)
        model.platt[j] = (m.coef_[0][0], m.coef_[0][1], m.intercept_[0])
    probs = model._finish(raw, data.lengths, r)
    for j, label in enumerate(model.labels):
        if data.y[k, j].all() or not data.y[k, j].any():  # nothing to choose on: keep 0.5
            continue
        pairs = list(zip(probs[k, j].tolist(), data.y[k, j].tolist(), strict=True))
        cut = threshold_for_precision(pairs, precision)
        model.thresholds[label] = round(cut if cut is not None else 1.0, 4)
    model.info["calibrated_on"] = {
        "sentences": int(k.sum()),
        "precision_target": precision,
        "with_rules": rules is not None,
    }


def _data_hash(articles: Sequence[TrainArticle], labels: Sequence[str], c: float) -> str:
    h = hashlib.sha256(f"{FORMAT}|{','.join(labels)}|{c}".encode())
    for a in articles:
        for s, labs in zip(a.sentences, a.labels, strict=True):
            h.update(s.text.encode("utf-8"))
            h.update(("\x00" + ",".join(sorted(labs or ())) + "\x01").encode())
    return h.hexdigest()[:12]


def from_corpus(articles: Sequence[Any]) -> list[TrainArticle]:
    """Corpus articles (``annotator.devcorpus``) as training articles: every sentence decided."""
    return [
        TrainArticle(
            a.title,
            tuple(ArticleSentence(s.text, s.boilerplate, s.paragraph) for s in a.sentences),
            tuple(s.labels if s.decided else None for s in a.sentences),
        )
        for a in articles
    ]


def probabilities(model: ArticleModel, articles: Sequence[TrainArticle]) -> list[np.ndarray]:
    """Per article, the (sentences, labels) probabilities; one featurisation pass for all."""
    return model.batch_probabilities([a.sentences for a in articles])
