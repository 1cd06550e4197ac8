"""The workbench's rules on a real project file: spans from selections, where Enter goes next."""

from __future__ import annotations

from annotator.records import AnnotationState
from annotator.workbench import next_after_confirm, next_in_queue, span_bounds

TEXT = "共抓获嫌疑人18名 "  # jieba: 共 | 抓获 | 嫌疑人 | 18 | 名 | " "


def test_a_selection_is_snapped_to_the_enclosing_tokens():
    assert span_bounds(TEXT, 4, 5, exact=False) == (3, 6)  # 疑 -> 嫌疑人


def test_an_exact_selection_keeps_its_characters():
    assert span_bounds(TEXT, 4, 5, exact=True) == (4, 5)


def test_surrounding_whitespace_is_trimmed_in_both_modes():
    text = " 76.8万 人次"
    assert span_bounds(text, 0, 7, exact=True) == (1, 6)
    assert span_bounds(TEXT, 6, 10, exact=True) == (6, 9)
    assert span_bounds(TEXT, 6, 10, exact=False) == (6, 9)


def test_a_selection_of_whitespace_makes_no_span():
    assert span_bounds(TEXT, 9, 10, exact=True) is None
    assert span_bounds(TEXT, 9, 10, exact=False) is None


def _open(store):
    sents = [s for s in store.sentences.for_article(1) if not s.boilerplate]
    who = store.annotators.get_or_create("alice")
    return sents, who.annotator_id


def _decide(store, annotator_id, *sentences):
    with store.transaction():
        for s in sentences:
            store.annotations.write(s.sentence_id, annotator_id, AnnotationState(decided=True))


def test_enter_goes_to_the_next_undecided_sentence_of_the_article(store):
    sents, aid = _open(store)
    _decide(store, aid, sents[1], sents[2])
    assert next_after_confirm(store, aid, sents[0]) == (1, sents[3].sentence_id)


def test_enter_wraps_to_the_top_of_the_article(store):
    sents, aid = _open(store)
    _decide(store, aid, *sents[1:])
    assert next_after_confirm(store, aid, sents[-1]) == (1, sents[0].sentence_id)


def test_enter_on_a_fully_decided_article_goes_nowhere(store):
    sents, aid = _open(store)
    _decide(store, aid, *sents)
    assert next_after_confirm(store, aid, sents[0]) is None


def test_the_queue_goes_on_after_the_given_sentence_even_if_it_is_open(store):
    sents, aid = _open(store)
    queue = [(sents[0].sentence_id, 1, 0.9), (sents[3].sentence_id, 1, 0.5)]
    assert next_in_queue(store, aid, queue, sents[0].sentence_id) == (1, sents[3].sentence_id)


def test_the_queue_skips_decided_sentences_and_crosses_articles(store):
    sents, aid = _open(store)
    other = [s for s in store.sentences.for_article(2) if not s.boilerplate]
    queue = [
        (sents[4].sentence_id, 1, 0.9),
        (sents[2].sentence_id, 1, 0.8),
        (other[0].sentence_id, 2, 0.7),
    ]
    _decide(store, aid, sents[4], sents[2])
    assert next_in_queue(store, aid, queue, sents[4].sentence_id) == (2, other[0].sentence_id)
    # a sentence that is not queued starts from the top of the queue
    assert next_in_queue(store, aid, queue, sents[0].sentence_id) == (2, other[0].sentence_id)
    assert next_after_confirm(store, aid, sents[4], queue) == (2, other[0].sentence_id)


def test_an_exhausted_queue_falls_back_to_the_article(store):
    sents, aid = _open(store)
    queue = [(sents[0].sentence_id, 1, 0.9), (sents[3].sentence_id, 1, 0.5)]
    _decide(store, aid, sents[0], sents[3])
    assert next_in_queue(store, aid, queue, sents[0].sentence_id) is None
    assert next_after_confirm(store, aid, sents[3], queue) == (1, sents[4].sentence_id)


def test_the_layer_on_a_server_is_the_logins_and_a_file_keeps_the_name_asked(store):
    from annotator.workbench import OwnLayer, own_layer, project_place

    if store.on_server:  # the fixture's login is annotator_admin
        assert own_layer(store, "alice") == OwnLayer("annotator_admin", asked="alice")
        assert own_layer(store, "annotator_admin") == OwnLayer("annotator_admin")
        assert own_layer(store, None) == OwnLayer("annotator_admin")
        assert project_place(store) == store.location
        assert project_place(store).startswith("postgresql://annotator_admin@127.0.0.1:")
    else:
        assert own_layer(store, "alice") == OwnLayer("alice")
        assert own_layer(store, None) == OwnLayer(None)  # the window asks for a name
        assert project_place(store) == "project.db"
