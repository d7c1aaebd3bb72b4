"""The headline gate: the ledger's figures on the validation part of the real-news
gold (eval/gold, texts from ../shared/data/corpus) stay above their floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.eval.gate import check_floors, file_sha256, load_floors
from newsledger.eval.realnews import evaluate_realnews
from newsledger.nlp import load_pipeline

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD = REPO_ROOT / "eval" / "gold"
CORPUS = REPO_ROOT.parent / "shared" / "data" / "corpus"

pytestmark = pytest.mark.gate


def test_floors_are_pinned_on_these_gold_files():
    pinned = load_floors("realnews")
    assert pinned["gold_sha256"] == file_sha256(GOLD / "figures.jsonl")
    assert pinned["statements_sha256"] == file_sha256(GOLD / "statements.jsonl")
    assert all(0 < floor < pinned["measured"][metric] for metric, floor in pinned["floors"].items())


def test_gate_on_the_validation_part():
    if not CORPUS.is_dir():
        pytest.skip(f"real-news gold skipped: corpus not found at {CORPUS}")
    result = evaluate_realnews(GOLD, CORPUS, nlp=load_pipeline())
    assert result.sizes["validation"]["articles"] >= 40
    assert check_floors("realnews", result.scores["validation"], GOLD / "figures.jsonl") == []
