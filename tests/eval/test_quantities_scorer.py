"""The NewsQuant matcher: value/unit/change counting as CQE's calculate_metrics does."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import EvalError
from newsledger.eval.quantities import Tag, gold_tag, load_gold, newsledger_tags, score_tags
from newsledger.nlp import load_pipeline


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


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose 5% to $12.", [(5.0, "percentage", "up"), (12.0, "dollar", "=")]),
        ("There are tens of thousands of students.", [((10_000.0, 100_000.0), "student", "=")]),
        ("Dozens of homes burned.", []),  # NewsQuant does not annotate "dozens": not scored
        ("About 300 residents left.", [(300.0, "resident", "~")]),
        ("Half the condos sold.", [(0.5, "% condo", "=")]),
    ],
)
def test_newsledger_tags(nlp, text, expected):
    assert [(t.value, t.unit, t.change) for t in newsledger_tags(nlp(text))] == expected


def test_bad_gold_line_is_a_typed_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "t"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="line 1"):
        load_gold(path)
