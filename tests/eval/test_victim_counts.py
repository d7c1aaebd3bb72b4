"""The victim-count scorer reads the stored summaries of WAD descriptions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.errors import EvalError
from newsledger.eval.gate import check_floors, load_floors
from newsledger.eval.victim_counts import evaluate_victim_counts, load_gold
from newsledger.nlp import load_pipeline

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "victim_counts" / "dev.jsonl"


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _item(event: str, text: str, field: str, answer: int) -> dict:
    return {
        "id": f"{event}-{field}",
        "event_id": event,
        "text": text,
        "field": field,
        "answer": answer,
    }


TEXT = "Gunmen killed at least 14 villagers and wounded 6 others in an attack on a market."


def test_the_stored_summary_is_scored(tmp_path):
    gold = _write(
        tmp_path / "g.jsonl",
        [
            _item("e1", TEXT, "deaths", 14),
            _item("e1", TEXT, "injured", 6),
            _item("e2", "Two soldiers were killed by a roadside bomb.", "deaths", 3),
        ],
    )
    result = evaluate_victim_counts(gold, nlp=load_pipeline())
    by_id = {p.id: p for p in result.predictions}
    assert by_id["e1"].predicted == {"deaths": 14.0, "injured": 6.0}
    assert by_id["e2"].right("deaths") is False and by_id["e2"].right("injured") is None
    assert result.flat_scores() == {"deaths.accuracy": 0.5, "injured.accuracy": 1.0}


def test_a_bad_field_is_an_error_naming_the_line(tmp_path):
    gold = _write(
        tmp_path / "g.jsonl", [_item("e1", TEXT, "deaths", 14), _item("e1", TEXT, "x", 1)]
    )
    with pytest.raises(EvalError, match="line 2"):
        load_gold(gold)


@pytest.mark.gate
def test_gate():
    if not DEV.exists():
        pytest.skip(f"victim_counts dev set not found at {DEV} (../shared is not mounted)")
    pinned = load_floors("victim_counts")
    assert all(0 < floor <= pinned["measured"][m] for m, floor in pinned["floors"].items())
    result = evaluate_victim_counts(DEV, nlp=load_pipeline())
    assert check_floors("victim_counts", result.flat_scores(), DEV) == []
