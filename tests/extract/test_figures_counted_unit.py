"""What a count counts, stored as its count unit (issue 17: NewsQuant annotates a
count's counted noun, lemmatised with its modifiers, as its unit)."""

from __future__ import annotations

import pytest

from newsledger.extract.figures.assemble import extract_figures
from newsledger.extract.quantities.find import extract_quantities
from newsledger.extract.statements.find import extract_statements
from newsledger.nlp import load_pipeline


def figure_for(text: str, value: float):
    doc = load_pipeline()(text)
    figures = extract_figures(
        doc, extract_quantities(doc), extract_statements(doc), reference_date="2023-05-16"
    )
    return next(f for f in figures if f.value_low == value)


@pytest.mark.parametrize(
    ("text", "value", "count_unit"),
    [
        ("The carmaker sold 5,000 electric cars in March.", 5000, "electric car"),
        ("The striker has scored 22 goals this season.", 22, "goal"),
        ("Border guards shot down 12 drones overnight.", 12, "drone"),
        ("About 460 Kia and Hyundai vehicles were stolen this year.", 460, "kia hyundai vehicle"),
        ("The city will build 1,100 public housing units by 2030.", 1100, "public housing unit"),
        # people harmed or a group keep the people unit the casualty ledger adds up
        ("Three civilians were killed in the shelling, officials said.", 3, "people"),
        ("Some 40 workers were evacuated from the plant.", 40, "people"),
    ],
)
def test_a_count_stores_what_it_counts(text, value, count_unit):
    assert figure_for(text, value).count_unit == count_unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The 19-year-old man was arrested on Monday.", 19),
        ("Prices rose 4.5 percent in May.", 4.5),
    ],
)
def test_ages_and_measures_count_nothing(text, value):
    assert figure_for(text, value).count_unit is None
