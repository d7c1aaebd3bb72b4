"""Rates ("50 a day", "every week", "daily") get a period "per day/week", counts so far do not.

Own-words sentences through the real pipeline: parse -> quantities -> figures.
"""

from __future__ import annotations

import pytest

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.quantities.find import extract_quantities
from newsledger.nlp import load_pipeline


def period_of(text: str, value: float) -> str | None:
    doc = load_pipeline()(text)
    figures = extract_figures(doc, extract_quantities(doc), [], reference_date="2022-05-22")
    return next(f for f in figures if f.value_low == value).period


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("The minister said 50-100 soldiers may be dying every day in the east.", 50, "per day"),
        ("Up to 100 soldiers a day are being killed, he said.", 100, "per day"),
        ("Some 60 civilians were killed daily in the besieged city.", 60, "per day"),
        ("Every day, 30 more people are wounded by shelling.", 30, "per day"),
        ("Officials said 352 civilians had been killed each week since February.", 352, "per week"),
    ],
)
def test_rates(text, value, period):
    assert period_of(text, value) == period


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A year ago, 50 people were killed in the same town.", 50),
        ("50 people were killed in a day of heavy shelling.", 50),
        ("The daily death toll reached 40 on Monday.", 40),
    ],
)
def test_counts_with_time_words_are_not_rates(text, value):
    assert period_of(text, value) is None


def test_a_count_since_a_date_keeps_its_period():
    text = "At least 1,300 soldiers have been killed since the invasion began."
    assert period_of(text, 1300) == "since the invasion began"
