"""The contract for extractor output: what `suggest` stores fits the project's schema."""

from __future__ import annotations

import math

from click.testing import CliRunner

from annotator.cli import cli
from annotator.corpus.importer import import_paths
from annotator.extractors.base import SuggestedSpan, Suggestion
from annotator.extractors.contract import ContractReport, conform
from annotator.extractors.registry import get
from annotator.paths import resource_path
from annotator.schema import dump_schema, load_schema, schema_from_dict, validate_values
from annotator.store import Store
from annotator.suggest import run_extractor

DEFAULT = load_schema(resource_path("labels.toml"))


def stored_rows(store):
    """Every stored suggestion of the project, through the store's own reader."""
    out = []
    for aid in store.articles.ids():
        for sugs in store.suggestions.for_article(aid).values():
            out.extend(sugs)
    return out


def assert_valid(schema, rows):
    """Each stored suggestion passes the schema's strict validation, as an accept would."""
    assert rows
    for g in rows:
        label = schema.label(g.label)
        assert validate_values(label.fields, g.fields) == g.fields
        assert 0.0 <= g.score <= 1.0
        for sp in g.spans:
            assert label.span
            assert validate_values(label.span_fields, sp["fields"]) == sp["fields"]


def test_builtins_on_the_default_schema_store_only_valid_values(store):
    report = ContractReport()
    run_extractor(store, get("rules"), report=report)
    assert_valid(DEFAULT, stored_rows(store))
    # the statistics extractor writes direction/change on its spans; the schema has them on
    # the statistic form, so they are mapped there and counted under the extractor's name
    assert report.mapped[("statistics", "span field 'change' → field 'change'")] > 0
    assert report.mapped[("statistics", "span field 'direction' → field 'direction'")] > 0
    changed = [g for g in stored_rows(store) if "change" in g.fields]
    assert changed and all(isinstance(g.fields["change"], int | float) for g in changed)
    assert not report.dropped


def custom_schema():
    """The default schema less statistic's direction/change/unit and slogan's span kind."""
    raw = dump_schema(DEFAULT)
    for lab in raw["labels"]:
        if lab["id"] == "statistic":
            lab["fields"] = [f for f in lab["fields"] if f["id"] in ("indicator", "value")]
            lab["span_fields"] = [f for f in lab["span_fields"] if f["id"] == "value"]
        if lab["id"] == "slogan":
            lab["span_fields"] = []
    return schema_from_dict(raw)


def test_builtins_on_a_custom_schema_drop_and_count_unknown_fields(tmp_path, seeds):
    schema = custom_schema()
    with Store.create(tmp_path / "custom.db", schema) as store:
        import_paths(store, [seeds])
        report = ContractReport()
        run_extractor(store, get("rules"), report=report)
        assert_valid(schema, stored_rows(store))
    assert report.dropped[("statistics", "span field 'unit'")] > 0
    assert report.dropped[("statistics", "span field 'change'")] > 0
    assert report.dropped[("statistics", "field 'unit'")] > 0
    # the slogan form still has `kind`: the span's kind goes there
    assert report.mapped == {("slogans", "span field 'kind' → field 'kind'"): report.mapped[
        ("slogans", "span field 'kind' → field 'kind'")
    ]}
    assert report.mapped[("slogans", "span field 'kind' → field 'kind'")] > 0


def test_conform_drops_non_finite_numbers_bad_choices_bad_spans_and_scores():
    report = ContractReport()
    text = "抓获嫌疑人18名"
    odd = Suggestion(
        "statistic",
        1.7,
        (
            SuggestedSpan(5, 8, {"value": math.nan, "unit": "名"}),
            SuggestedSpan(5, 99, {"value": 18}),
        ),
        {"value": math.inf, "direction": "sideways", "unit": "名", "mood": "calm"},
    )
    ext = get("statistics")
    got = conform(odd, DEFAULT, text, ext, report)
    assert got == Suggestion("statistic", 1.0, (SuggestedSpan(5, 8, {"unit": "名"}),), {"unit": "名"})
    assert report.dropped == {
        ("statistics", "invalid value of span field 'value'"): 1,
        ("statistics", "span outside its sentence"): 1,
        ("statistics", "invalid value of field 'value'"): 1,
        ("statistics", "invalid value of field 'direction'"): 1,
        ("statistics", "field 'mood'"): 1,
    }
    assert conform(Suggestion("statistic", math.nan), DEFAULT, text, ext, report) is None
    assert conform(Suggestion("anecdote", 0.5, (SuggestedSpan(0, 2),)), DEFAULT, text, ext, report)
    assert report.dropped[("statistics", "span (label 'anecdote' has none)")] == 1


def test_suggest_prints_what_was_mapped_and_dropped(db_path):
    result = CliRunner().invoke(
        cli, ["suggest", "--db", str(db_path), "--extractor", "rules"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "  statistics: mapped span field 'change' → field 'change' (" in result.stdout
