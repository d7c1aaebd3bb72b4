"""The quotation scorer's matching rules on own-words gold, the end-to-end run, and that
newsledger is scored on the statement rows the ledger stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.errors import EvalError
from newsledger.eval.folds import evaluate_folds, fold_of
from newsledger.eval.quotes import (
    Prediction,
    evaluate_quotes,
    load_gold,
    score_system,
    scores_of,
)
from newsledger.store import Store

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


def _ingested_rows(gold_path: Path, tmp_path: Path) -> list[dict]:
    # The gold file ingested as a user would: `newsledger ingest`, a ledger on disk.
    db = tmp_path / "ledger.db"
    ingest = CliRunner().invoke(main, ["ingest", "--db", str(db), str(gold_path)])
    assert ingest.exit_code == 0, ingest.output
    with Store(db) as store:
        return list(store.statements())


def test_newsledger_predictions_are_the_statements_ingest_stores(tmp_path: Path) -> None:
    gold_path = _write_gold(tmp_path / "gold.jsonl")
    rows = _ingested_rows(gold_path, tmp_path)
    assert rows and all(
        row["speaker_start"] is not None or not row["speaker_mention"] for row in rows
    )
    result = evaluate_quotes(gold_path)
    # The stored text is the gold text here, so the stored offsets are the predictions'.
    assert result.predictions["newsledger"] == [
        [
            Prediction(
                ((row["start"], row["end"]),),
                ((row["speaker_start"], row["speaker_end"]),) if row["speaker_mention"] else (),
                row["kind"],
            )
            for row in rows
        ]
    ]
    holt = next(row for row in rows if row["kind"] == "direct")
    assert TEXT[holt["speaker_start"] : holt["speaker_end"]] == holt["speaker_mention"]


def test_the_scorer_reads_the_stored_rows_not_the_analysis(tmp_path, monkeypatch) -> None:
    # What Store.article returns is what is scored: rows changed on their way out
    # of the ledger change the scores (an in-memory reading would not see it).
    read = Store.article

    def tampered(self, *args, **kwargs):
        record = read(self, *args, **kwargs)
        cleared = {"kind": "indirect", "speaker_start": None, "speaker_end": None}
        return {**record, "statements": [{**row, **cleared} for row in record["statements"]]}

    gold_path = _write_gold(tmp_path / "gold.jsonl")
    honest = evaluate_quotes(gold_path).systems[0].scores
    assert honest["quoted"]["content_speaker"].matched == 1
    monkeypatch.setattr(Store, "article", tampered)
    scores = evaluate_quotes(gold_path).systems[0].scores
    assert scores["quoted"]["content"].predicted == 0
    assert scores["all"]["content"].matched == honest["all"]["content"].matched
    assert scores["all"]["content_speaker"].matched == 0


def test_stored_offsets_are_mapped_back_to_the_gold_text(tmp_path: Path) -> None:
    # Ingest collapses the runs of spaces and drops the empty line: the stored spans
    # point into the normalised text, a third as long, and must be mapped back.
    loose = TEXT.replace(" ", "   ").replace("\n", "\n\n")
    path = tmp_path / "loose.jsonl"
    record = json.loads(_write_gold(tmp_path / "gold.jsonl").read_text(encoding="utf-8"))
    record["text"] = loose
    for attribution in record["attributions"]:
        content = attribution["content"]
        for part in (attribution["source"], content, *content.get("spans", [])):
            part["text"] = part["text"].replace(" ", "   ")
            part["start"] = loose.index(part["text"])
            part["end"] = part["start"] + len(part["text"])
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    rows = _ingested_rows(path, tmp_path)
    assert rows and all(loose[row["start"] : row["end"]] != row["content"] for row in rows)
    scores = evaluate_quotes(path).systems[0].scores
    assert scores["quoted"]["content_speaker"].matched == 1
    assert scores["all"]["content"].matched == 2


def test_folds_score_the_articles_of_each_fold(tmp_path: Path) -> None:
    one = json.loads(_write_gold(tmp_path / "one.jsonl").read_text(encoding="utf-8"))
    other = {**one, "id": "own-2", "attributions": one["attributions"][1:]}
    both = tmp_path / "both.jsonl"
    both.write_text(json.dumps(one) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    result = evaluate_quotes(both)
    # One article's figures out of the two-article run are that article's own run.
    alone = evaluate_quotes(tmp_path / "one.jsonl").systems[0].figures()
    assert scores_of(result, ["own-1"]) == alone
    assert scores_of(result, ["own-2"])["all.content.recall"] == 1.0
    assert scores_of(result, ["own-2"])["quoted.content.recall"] == 0.0
    per_fold = evaluate_folds("quotes", both)
    assert sum(f.items for f in per_fold) == 2
    for fold in per_fold:
        ids = [i for i in ("own-1", "own-2") if fold_of(i) == fold.fold]
        assert fold.scores == (scores_of(result, ids) if ids else {})
