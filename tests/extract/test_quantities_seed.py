"""The seed record's casualty numbers come out as quantities with their qualifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.extract.quantities.find import extract_quantities
from newsledger.nlp import load_pipeline

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed-article.txt"


@pytest.fixture(scope="module")
def seed_quantities():
    if not SEED.exists():
        pytest.skip(f"shared seed record not found at {SEED}")
    body = "\n".join(SEED.read_text(encoding="utf-8").splitlines()[3:])
    return extract_quantities(load_pipeline()(body))


@pytest.mark.parametrize(
    ("value", "qualifier"),
    [(500, "more_than"), (5710, "exact"), (136, "at_least"), (13, "exact"),
     (352, "at_least"), (1000, "more_than")],
)  # fmt: skip
def test_seed_casualty_numbers(seed_quantities, value, qualifier):
    found = [(q.value_low, q.qualifier) for q in seed_quantities]
    assert (value, qualifier) in found


def test_seed_has_no_dates_as_counts(seed_quantities):
    values = {q.value_low for q in seed_quantities if q.unit is None}
    assert not values & {2022, 1, 27}
