"""The quotation scorer's matching rules on own-words gold, and the end-to-end run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.errors import EvalError
from newsledger.eval.quotes import Prediction, evaluate_quotes, load_gold, score_system

TEXT = (
    '"The bridge will reopen on Friday," said Mayor Jana Holt. "We are ready."\n'
    "The council said repairs cost more than planned."
)
# Offsets of the pieces above, found rather than typed.
QUOTE_A = (TEXT.index('"The bridge'), TEXT.index('Friday,"') + len('Friday,"'))
QUOTE_B = (TEXT.index('"We are'), TEXT.index('ready."') + len('ready."'))
HOLT = (TEXT.index("Mayor Jana Holt"), TEXT.index("Mayor Jana Holt") + len("Mayor Jana Holt"))
COUNCIL = (TEXT.index("The council"), TEXT.index("The council") + len("The council"))
REPAIRS = (TEXT.index("repairs cost"), TEXT.index("planned") + len("planned"))


def _span(start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": TEXT[start:end]}


def _write_gold(path: Path) -> Path:
    quote = {**_span(QUOTE_A[0], QUOTE_B[1]), "spans": [_span(*QUOTE_A), _span(*QUOTE_B)]}
    article = {
        "id": "own-1",
        "title": "Bridge to reopen",
        "text": TEXT,
        "attributions": [
            {
                "eid": "E1",
                "source": _span(*HOLT),
                "cue": None,
                "content": quote,
                "content_has_quote_marks": True,
            },
            {
                "eid": "E2",
                "source": _span(*COUNCIL),
                "cue": None,
                "content": _span(*REPAIRS),
                "content_has_quote_marks": False,
            },
        ],
    }
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path: Path):
    return load_gold(_write_gold(tmp_path / "gold.jsonl"))


def test_discontinuous_gold_is_matched_through_its_fragments(gold) -> None:
    # Quote A alone holds 6 of the 9 gold tokens: at least half, so it matches.
    only_a = Prediction((QUOTE_A,), (HOLT,), "direct")
    system = score_system("t", gold, [[only_a]])
    assert system.scores["all"]["content"].matched == 1
    assert system.scores["all"]["content_speaker"].matched == 1
    # Quote B alone holds 3 of 9: less than half.
    only_b = Prediction((QUOTE_B,), (HOLT,), "direct")
    assert score_system("t", gold, [[only_b]]).scores["all"]["content"].matched == 0


def test_speaker_must_overlap_the_gold_source(gold) -> None:
    wrong = Prediction((REPAIRS,), (HOLT,), "indirect")
    system = score_system("t", gold, [[wrong]])
    assert system.scores["all"]["content"].matched == 1
    assert system.scores["all"]["content_speaker"].matched == 0


def test_matching_is_one_to_one(gold) -> None:
    twice = [Prediction((REPAIRS,), (COUNCIL,), "indirect")] * 2
    scores = score_system("t", gold, [twice]).scores["all"]["content"]
    assert (scores.matched, scores.predicted, scores.gold) == (1, 2, 2)
    assert scores.precision == 0.5 and scores.recall == 0.5


def test_quoted_subset_counts_only_direct_and_mixed_predictions(gold) -> None:
    predictions = [
        Prediction(((QUOTE_A[0], QUOTE_B[1]),), (HOLT,), "direct"),
        Prediction((REPAIRS,), (COUNCIL,), "indirect"),
    ]
    system = score_system("t", gold, [predictions])
    quoted = system.scores["quoted"]["content_speaker"]
    assert (quoted.matched, quoted.predicted, quoted.gold) == (1, 1, 1)
    assert system.scores["all"]["content_speaker"].f1 == 1.0
    assert system.figures()["quoted.content.f1"] == 1.0


def test_end_to_end_scores_newsledger_and_textacy_on_the_same_docs(tmp_path: Path) -> None:
    result = evaluate_quotes(_write_gold(tmp_path / "gold.jsonl"), peers=True)
    assert [s.name for s in result.systems] == ["newsledger", "textacy"]
    ours = result.systems[0].scores
    assert ours["quoted"]["content_speaker"].matched == 1
    assert ours["all"]["content"].matched == 2
    assert result.to_dict()["systems"][0]["scores"]["all"]["content"]["gold"] == 2


def test_unreadable_gold_is_an_eval_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="line 1"):
        load_gold(bad)
