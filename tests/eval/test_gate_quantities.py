"""Quality gate: quantity extraction on the NewsQuant dev half stays above its pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.eval.gate import check_floors, load_floors
from newsledger.eval.quantities import evaluate_quantities
from newsledger.nlp import load_pipeline

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD = REPO_ROOT.parent / "shared" / "eval" / "quantities" / "dev.jsonl"

pytestmark = pytest.mark.gate


def test_floors_are_pinned_under_the_measured_figures():
    pinned = load_floors("quantities")
    assert len(pinned["gold_sha256"]) == 64
    assert set(pinned["floors"]) == {"value.f1", "value+unit.f1"}
    assert all(0 < floor <= pinned["measured"][m] for m, floor in pinned["floors"].items())


def test_quantities_gate():
    if not GOLD.exists():
        pytest.skip(f"NewsQuant dev set not found at {GOLD} (../shared is not mounted)")
    result = evaluate_quantities(GOLD, nlp=load_pipeline())
    failures = check_floors("quantities", result.flat_scores(), GOLD)
    assert failures == []
