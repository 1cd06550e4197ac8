"""``suggest`` in batches and in worker processes stores exactly what it stores article by article."""

from __future__ import annotations

import shutil

from annotator import suggest
from annotator.extractors.registry import get
from annotator.store import Store


def _stored(store):
    """Per sentence, the stored suggestions (ordered by label)."""
    return {
        sid: rows
        for aid in store.articles.ids()
        for sid, rows in store.suggestions.for_article(aid).items()
    }


def test_batches_in_worker_processes_store_what_one_article_at_a_time_gives(
    db_path, tmp_path, monkeypatch
):
    other = tmp_path / "other.db"
    shutil.copy(db_path, other)
    with Store.open(db_path) as store:
        ex = get("learned:default", store)
        alone = {  # each article through the extractor on its own
            s.sentence_id: sorted((g.label, g.score, g.spans) for g in found)
            for aid in store.articles.ids()
            for s, found in suggest.extract_article(store, ex, aid)
            if found
        }
        monkeypatch.setattr(suggest, "BATCH", 1000)  # one batch, this process
        serial = suggest.run_extractor(store, ex, workers=1)
        in_one_batch = _stored(store)
    monkeypatch.setattr(suggest, "BATCH", 2)  # several batches, in two worker processes
    monkeypatch.setattr(suggest, "PARALLEL_MIN_ARTICLES", 0)
    with Store.open(other) as store:
        parallel = suggest.run_extractor(store, get("learned:default", store), workers=2)
        in_workers = _stored(store)
    assert serial == parallel and serial[1] > 20
    assert in_one_batch == in_workers
    assert {
        sid: sorted((r.label, r.score, len(r.spans)) for r in rows)
        for sid, rows in in_one_batch.items()
    } == {sid: [(lab, sc, len(sp)) for lab, sc, sp in found] for sid, found in alone.items()}
