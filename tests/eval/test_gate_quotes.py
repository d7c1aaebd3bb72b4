"""Quality gate: the quotation scorer on ../shared/eval/quotes/dev.jsonl must stay at or
above the floors pinned in src/newsledger/eval/floors/quotes.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.eval.gate import check_floors, file_sha256, load_floors
from newsledger.eval.quotes import evaluate_quotes

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD = REPO_ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"

pytestmark = pytest.mark.gate


@pytest.mark.skipif(
    not GOLD.exists(), reason=f"quotation gold not found at {GOLD} (../shared is absent)"
)
def test_quotes_scores_stay_above_the_pinned_floors() -> None:
    pinned = load_floors("quotes")
    checksum = file_sha256(GOLD)
    assert checksum == pinned["gold_sha256"], (
        f"{GOLD} changed (sha256 {checksum}, floors pinned on {pinned['gold_sha256']}): "
        "the floors in src/newsledger/eval/floors/quotes.json must be re-pinned"
    )
    # The stored statements of the whole dev half (about 2.5 minutes on one core), compared
    # with the floors: the 5-fold mean minus two standard errors.
    result = evaluate_quotes(GOLD)
    failures = check_floors("quotes", result.systems[0].figures(), GOLD)
    assert not failures, "below the floors: " + "; ".join(failures)
