"""Quality gates: displacement and casualties scores on the dev halves stay above their floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.eval.casualties import evaluate_casualties
from newsledger.eval.displacement import evaluate_displacement
from newsledger.eval.gate import check_floors, load_floors
from newsledger.nlp import load_pipeline

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL = REPO_ROOT.parent / "shared" / "eval"

pytestmark = pytest.mark.gate


@pytest.mark.parametrize("name", ["displacement", "casualties"])
def test_floors_are_pinned_with_a_checksum(name):
    pinned = load_floors(name)
    assert len(pinned["gold_sha256"]) == 64
    assert all(
        0 < floor <= pinned["measured"][metric] for metric, floor in pinned["floors"].items()
    )


@pytest.mark.parametrize(
    ("name", "evaluate"),
    [("displacement", evaluate_displacement), ("casualties", evaluate_casualties)],
)
def test_gate(name, evaluate):
    gold = EVAL / name / "dev.jsonl"
    if not gold.exists():
        pytest.skip(f"{name} dev set not found at {gold} (../shared is not mounted)")
    result = evaluate(gold, nlp=load_pipeline())
    assert check_floors(name, result.flat_scores(), gold) == []
