"""The agreement dashboard's numbers, computed on a real project without Qt."""

from __future__ import annotations

import pytest

from annotator.errors import AnnotatorError
from annotator.records import AnnotationState
from annotator.review.dashboard import OpenDisagreements, dashboard_data


def write(store, name, sentence, labels, decided=True):
    who = store.annotators.get_or_create(name)
    with store.transaction():
        state = AnnotationState(labels=labels, decided=decided)
        store.annotations.write(sentence.sentence_id, who.annotator_id, state)


@pytest.fixture
def disputed(store):
    """alice and bob agree on two sentences of article 1; they differ on two of article 2 and
    one of article 1; alice has not decided a third of article 2."""
    one = [s for s in store.sentences.for_article(1) if not s.boilerplate]
    two = [s for s in store.sentences.for_article(2) if not s.boilerplate]
    for s in one[:2]:
        write(store, "alice", s, ("slogan",))
        write(store, "bob", s, ("slogan",))
    write(store, "alice", one[2], ("statistic",))
    write(store, "bob", one[2], ())
    write(store, "alice", two[0], ("anecdote",))
    write(store, "bob", two[0], ("anecdote", "slogan"))
    write(store, "alice", two[1], ("statistic", "anecdote"))
    write(store, "bob", two[1], ("statistic",))
    write(store, "alice", two[2], ("slogan",), decided=False)  # counted nowhere
    return store


def test_open_disagreements_per_article_most_first(disputed):
    data = dashboard_data(disputed)
    titles = {aid: disputed.articles.get(aid).title for aid in (1, 2)}
    assert data.open_by_article == [
        OpenDisagreements(2, titles[2], 2),
        OpenDisagreements(1, titles[1], 1),
    ]
    assert dashboard_data(disputed, top=1).open_by_article == data.open_by_article[:1]


def test_labels_per_annotator_count_decided_sentences(disputed):
    data = dashboard_data(disputed)
    assert data.label_counts == [
        ("alice", "statistic", 2),
        ("alice", "anecdote", 2),
        ("alice", "slogan", 2),
        ("bob", "statistic", 1),
        ("bob", "anecdote", 1),
        ("bob", "slogan", 3),
    ]


def test_agreement_per_label_and_pair_come_from_the_report(disputed):
    data = dashboard_data(disputed)
    report = data.report
    assert report.annotators == ("alice", "bob") and report.units == 5
    assert [lab for lab, _a in data.label_alpha] == ["statistic", "anecdote", "slogan"]
    assert dict(data.label_alpha) == {
        lab: la.krippendorff_alpha.value for lab, la in report.by_label.items()
    }
    ((a, b, kappa),) = data.pair_kappa
    assert (a, b) == ("alice", "bob")
    assert kappa == report.overall.cohen_kappa["alice|bob"].value
    assert kappa is not None and kappa < 1.0


def test_one_annotator_is_a_clear_error(store):
    one = [s for s in store.sentences.for_article(1) if not s.boilerplate]
    write(store, "alice", one[0], ("slogan",))
    with pytest.raises(AnnotatorError):
        dashboard_data(store)
