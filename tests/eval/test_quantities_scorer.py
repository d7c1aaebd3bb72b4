"""The NewsQuant scorer: CQE's calculate_metrics matching, over the figures the ledger stores."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import EvalError
from newsledger.eval import quantities
from newsledger.eval.quantities import (
    Tag,
    evaluate_quantities,
    figure_tag,
    gold_tag,
    load_gold,
    score_tags,
    stored_tags,
)
from newsledger.eval.stored import StoredFigures
from newsledger.ingest import ingest
from newsledger.nlp import load_pipeline
from newsledger.store import Store


def counts(gold, system, with_change=True):
    return [(m.name, m.correct) for m in score_tags([gold], [system], with_change=with_change)]


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        # value and unit agree: every metric counts
        ([Tag(5.0, "percentage", "up")], [Tag(5.0, "percentage", "up")],
         [("value", 1), ("value+unit", 1), ("value+change", 1)]),
        # the unit differs: value (and change) count, value+unit does not
        ([Tag(5.0, "percentage", "=")], [Tag(5.0, "dollar", "=")],
         [("value", 1), ("value+unit", 0), ("value+change", 1)]),
        # a range never matches a scalar
        ([Tag((10.0, 15.0), "-", "=")], [Tag(12.5, "-", "=")],
         [("value", 0), ("value+unit", 0), ("value+change", 0)]),
        # ranges compare both ends in order
        ([Tag((10.0, 15.0), "-", "=")], [Tag((10.0, 15.0), "-", "=")],
         [("value", 1), ("value+unit", 1), ("value+change", 1)]),
        ([Tag((15.0, 10.0), "-", "=")], [Tag((10.0, 15.0), "-", "=")],
         [("value", 0), ("value+unit", 0), ("value+change", 0)]),
        # isclose tolerance: 1e-5 relative
        ([Tag(100000.0, "-", "=")], [Tag(100000.9, "-", "=")],
         [("value", 1), ("value+unit", 1), ("value+change", 1)]),
        # value credit is budgeted per sentence, change credit is not
        ([Tag(3.0, "mile", "=")], [Tag(3.0, "year", "="), Tag(3.0, "-", "=")],
         [("value", 1), ("value+unit", 0), ("value+change", 2)]),
        # a value+unit match consumes the tag
        ([Tag(3.0, "mile", "="), Tag(3.0, "mile", "=")], [Tag(3.0, "mile", "=")],
         [("value", 1), ("value+unit", 1), ("value+change", 1)]),
    ],
)  # fmt: skip
def test_matching(gold, system, expected):
    assert counts(gold, system) == expected


@pytest.mark.parametrize(
    ("raw", "average", "value"),
    [("12-120", False, (12.0, 120.0)), ("12-120", True, 66.0), ("-1.3", False, -1.3),
     ("1.99E-29", False, 1.99e-29), ("36040.0-34935.0", False, (36040.0, 34935.0))],
)  # fmt: skip
def test_gold_values_decode_like_the_original(raw, average, value):
    tag = gold_tag(
        {"value": raw, "normalized_unit": "Dollar", "change": "="}, average_ranges=average
    )
    assert tag.value == value
    assert tag.unit == "dollar"


def test_precision_recall_f1():
    metrics = score_tags([[Tag(1.0, "-"), Tag(2.0, "-")]], [[Tag(1.0, "-")]], with_change=False)
    value = metrics[0]
    assert (value.precision, value.recall) == (1.0, 0.5)
    assert value.f1 == pytest.approx(2 / 3)


def test_gold_is_sorted_by_the_unit_as_annotated():
    # CQE sorts gold by normalized_unit as written ("B" < "a"), system tags by theirs.
    gold = [Tag(1.0, "a", sort_unit="a"), Tag(1.0, "b", sort_unit="B")]
    # Sorted as annotated, gold "b" comes first and takes the one tag.
    assert counts(gold, [Tag(1.0, "b")], with_change=False) == [("value", 1), ("value+unit", 1)]


def _row(value_low, value_high=None, unit=None, count_unit=None, text=""):
    value_high = value_low if value_high is None else value_high
    return {"value_low": value_low, "value_high": value_high, "unit": unit,
            "count_unit": count_unit, "text": text}  # fmt: skip


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # stored without a unit or a counted unit: scored without a unit
        (_row(13.0), (13.0, "-")),
        (_row(13.0, count_unit="people"), (13.0, "people")),
        (_row(5.0, unit="percentage"), (5.0, "percentage")),
        # a fraction is scored as stored, not rewritten as NewsQuant's "% condo"
        (_row(0.5, unit="fraction"), (0.5, "fraction")),
        # a stored range is a (low, high) pair; a vague amount is its stored range
        (_row(20_000.0, 99_999.0, count_unit="people"), ((20_000.0, 99_999.0), "people")),
    ],
)
def test_figure_tag_reads_the_stored_fields(row, expected):
    tag = figure_tag(row)
    assert (tag.value, tag.unit) == expected


def test_the_scorer_scores_the_stored_figures(tmp_path, monkeypatch):
    # The product stores "13" with unit None and no counted unit; the gold says
    # "13 people". The value counts, value+unit does not: nothing is re-derived.
    gold = tmp_path / "gold.jsonl"
    record = {"id": "q-1", "text": "Officials said 13 were hurt.",
              "quantities": [{"change": "=", "value": "13", "unit": "people",
                              "normalized_unit": "people", "referred_concepts": "-"}]}  # fmt: skip
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    seen = []

    def stored(items, nlp, *, source):
        seen.extend(item.text for item in items)
        return StoredFigures([[_row(13.0)]])

    monkeypatch.setattr(quantities, "stored_figures", stored)
    result = evaluate_quantities(gold, nlp=object())
    assert seen == ["Officials said 13 were hurt."]
    assert [(m.name, m.correct) for m in result.systems[0].metrics] == [
        ("value", 1),
        ("value+unit", 0),
    ]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_stored_tags_are_what_ingest_stores(nlp, tmp_path):
    texts = [
        "He scored 13 goals and Shares rose 5% to $12.",
        "Tens of thousands of students marched.",
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    store = Store(":memory:")
    ingest(path, store, nlp=nlp)
    by_text = {}
    for row in store.figures():
        by_text.setdefault(row["article_id"], []).append(figure_tag(row))
    ingested = sorted(([(t.value, t.unit) for t in tags] for tags in by_text.values()), key=str)
    sentences = [quantities.GoldSentence(str(i), t, ()) for i, t in enumerate(texts)]
    scored = sorted(
        ([(t.value, t.unit) for t in tags] for tags in stored_tags(sentences, nlp)), key=str
    )
    assert scored == ingested
    assert (13.0, "goal") in scored[0] + scored[1]  # "13 goals" is stored counting goals


def test_bad_gold_line_is_a_typed_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "t"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="line 1"):
        load_gold(path)
