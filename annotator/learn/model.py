"""The learned model: one linear classifier per label over hashed features, in a versioned file.

A model file is a pickle of a plain dict: ``format``, ``name``, ``version`` (a hash of the
training data and settings), the project's schema hash, the labels, training counts, the
cross-validation report, creation time and the fitted classifiers. Loading checks the format and
the schema, so a model trained for another schema is refused with a clear message. Only load
model files you made: pickle can run code.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.learn.features import builtin_rule_votes, featurize

MODEL_FORMAT = 1
SUFFIX = ".model"


class MissingDependency(AnnotatorError):
    def __init__(self) -> None:
        super().__init__(
            "the learned extractor needs scikit-learn: pip install -e '.[learn]' (or scikit-learn)"
        )


def require_sklearn() -> None:
    try:
        import sklearn  # noqa: F401  # lazy: an optional extra; this only checks it is there
    except ImportError:
        raise MissingDependency() from None


@dataclass
class LearnedModel:
    name: str
    version: str
    schema_hash: str
    labels: tuple[str, ...]  # labels with a classifier (enough data)
    skipped: dict[str, str]  # label → why it has no classifier
    classifiers: dict[str, Any]
    use_rules: bool
    trained_on: dict[str, Any] = field(default_factory=dict)  # counts, annotators, data hash
    cv: dict[str, Any] | None = None
    created_at: str = ""
    threshold: float = 0.5

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """P(label) for each text and each trained label."""
        if not texts:
            return []
        rules = builtin_rule_votes(self.labels) if self.use_rules else None
        x = featurize(texts, rules)
        out: list[dict[str, float]] = [{} for _ in texts]
        for label in self.labels:
            probs = self.classifiers[label].predict_proba(x)[:, 1]
            for row, p in zip(out, probs, strict=True):
                row[label] = float(p)
        return out

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.name}{SUFFIX}"
        tmp = path.with_suffix(".tmp")
        payload = {
            "format": MODEL_FORMAT,
            **{k: getattr(self, k) for k in self.__dataclass_fields__},
        }
        with open(tmp, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # a crash never leaves half a model under the real name
        return path


def load_model(path: Path, schema_hash: str | None = None) -> LearnedModel:
    """Load a model file; refuse another format or (given ``schema_hash``) another schema."""
    require_sklearn()
    try:
        with open(path, "rb") as f:
            payload = pickle.load(f)  # noqa: S301 - the project's own model files
    except FileNotFoundError:
        raise InputError(str(path), "no such model file") from None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as e:
        raise InputError(str(path), f"not a model file ({e})") from None
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise InputError(str(path), f"unknown model format (expected {MODEL_FORMAT})")
    payload.pop("format")
    model = LearnedModel(**payload)
    if schema_hash is not None and model.schema_hash != schema_hash:
        raise InputError(
            str(path),
            f"model '{model.name}' was trained with label schema {model.schema_hash}, "
            f"but this project's schema is {schema_hash}; retrain it with 'annotator train'",
        )
    return model


def data_hash(rows: Sequence[tuple[str, tuple[str, ...]]], settings: dict[str, Any]) -> str:
    h = hashlib.sha256(repr(sorted(settings.items())).encode())
    for text, labels in rows:
        h.update(text.encode("utf-8"))
        h.update(("\x00" + ",".join(labels) + "\x01").encode())
    return h.hexdigest()[:12]
