"""A factory for small projects whose labels are categories and whose sentences are units.

Worked examples go through the normal path: a schema built with ``schema_from_dict``, a .txt file
imported with ``import_paths`` (one sentence per line), annotations written with
``store.annotations.write`` in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pytest

from annotator.corpus.importer import import_paths
from annotator.records import AnnotationState, SpanValue
from annotator.schema import schema_from_dict
from annotator.store import Store

KEYS = "123456789ACDEFGHILMOQRTUVWXY"


def make_schema(labels: Sequence[str], span_labels: Iterable[str] = ()):
    spans = set(span_labels)
    return schema_from_dict(
        {
            "labels": [
                {
                    "id": label,
                    "name": {"zh": label, "en": label},
                    "color": "#336699",
                    "key": KEYS[i],
                    "span": label in spans,
                    "fields": [{"id": "note", "type": "text", "name": {"zh": "注", "en": "note"}}],
                }
                for i, label in enumerate(labels)
            ]
        }
    )


Table = Mapping[str, Sequence[Iterable[str] | AnnotationState | None]]


@pytest.fixture
def project(tmp_path):
    """``project(labels, table)``: a store with one sentence per unit, annotated as in ``table``.

    ``table`` maps an annotator to one entry per unit: a label set (decided), an
    ``AnnotationState`` (written as given) or None (not decided). Returns (store, sentence ids).
    """
    opened: list[Store] = []

    def make(
        labels: Sequence[str],
        table: Table,
        *,
        span_labels: Iterable[str] = (),
        units: int | None = None,
        name: str = "project",
    ) -> tuple[Store, list[int]]:
        count = units if units is not None else max(len(v) for v in table.values())
        text = tmp_path / f"{name}.txt"
        text.write_text(
            "".join(f"第{i + 1}号单位的句子写在这里。\n" for i in range(count)), encoding="utf-8"
        )
        store = Store.create(tmp_path / f"{name}.db", make_schema(labels, span_labels))
        opened.append(store)
        import_paths(store, [text])
        sentences = [s for a in store.articles.ids() for s in store.sentences.for_article(a)]
        assert len(sentences) == count and not any(s.boilerplate for s in sentences)
        ids = [s.sentence_id for s in sentences]
        people = {n: store.annotators.get_or_create(n).annotator_id for n in table}
        with store.transaction():
            for who, row in table.items():
                for sid, entry in zip(ids, row, strict=False):
                    if entry is None:
                        continue
                    state = (
                        entry
                        if isinstance(entry, AnnotationState)
                        else AnnotationState(labels=tuple(entry), decided=True)
                    )
                    store.annotations.write(sid, people[who], state)
        return store, ids

    yield make
    for store in opened:
        store.close()


def span(label: str, start: int, end: int, **fields) -> SpanValue:
    return SpanValue(label, start, end, fields)
