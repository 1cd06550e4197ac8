"""Review and adjudication: where annotators disagree, what each decided, and the gold layer.

The pure core behind the review mode (no Qt; the GUI only displays and calls this):

- ``queue``: the sentences where the chosen annotators' decided versions differ, filterable by
  label, annotator pair and article, without the ones already adjudicated;
- ``compare``: one sentence side by side: each annotator's state, the distinct *versions*
  (INCEpTION's configurations: a version and the annotators who chose it) and a structured diff;
- ``adjudicate``: write a sentence's gold version and its adjudication record in one transaction
  (``AdjudicationEdit`` is the same as an undoable edit);
- ``auto_adjudicate_agreed``: promote every sentence on which all chosen annotators decided the
  identical version into gold (method ``auto_agreed``); idempotent;
- ``progress``: resolved of total.

A version is the label set, each label's form fields and the spans with their fields; the note
is not part of it. Units are the agreement units (``annotator.agreement.data``): sentences two or
more chosen annotators decided, boilerplate only when someone labeled it. A sentence is
*disputed* when two annotators who both decided it differ (a tie is a dispute), *agreed* when
every chosen annotator decided it and all versions are identical, *incomplete* otherwise.
"""


from annotator.review.gold import (
    METHODS,
    AdjudicationEdit,
    adjudicate,
    auto_adjudicate_agreed,
    reopen,
)
from annotator.review.queue import progress, queue
from annotator.review.versions import (
    AutoResult,
    Comparison,
    FieldDiff,
    LabelDiff,
    QueueItem,
    ReviewProgress,
    SpanDiff,
    Version,
    compare,
    version_key,
)

__all__ = [
    "METHODS",
    "AdjudicationEdit",
    "AutoResult",
    "Comparison",
    "FieldDiff",
    "LabelDiff",
    "QueueItem",
    "ReviewProgress",
    "SpanDiff",
    "Version",
    "adjudicate",
    "auto_adjudicate_agreed",
    "compare",
    "progress",
    "queue",
    "reopen",
    "version_key",
]
