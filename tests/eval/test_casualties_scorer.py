"""The casualties scorer on a small own-words gold file: accuracy, the 0-for-None rule, and
that what is scored is the summary the ledger stores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.errors import EvalError
from newsledger.eval.casualties import evaluate_casualties, load_gold
from newsledger.nlp import load_pipeline
from newsledger.store import Store


def record(record_id, title, text, killed, injured):
    return {
        "id": record_id,
        "title": title,
        "date": "2016-05-02",
        "text": text,
        "incident": {"id": record_id, "num_killed": killed, "num_injured": injured},
    }


GOLD = [
    record(
        "a",
        "Man killed on Elm Street",
        "A man was shot and killed on Elm Street on Sunday night.",
        1,
        0,
    ),
    record(
        "b",
        "Three hurt in shooting",
        "Three people were wounded outside a bar early Saturday.",
        0,
        3,
    ),
    record("c", "Shooting at party", "Two people died and five were injured at a party.", 2, 4),
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


def test_scores(gold_file):
    result = evaluate_casualties(gold_file, nlp=load_pipeline())
    scores = result.flat_scores()
    # "a": no injured count in the article and gold 0 -> right; "c": 5 injured vs gold 4 -> wrong.
    assert scores["killed.accuracy"] == pytest.approx(1.0)
    assert scores["injured.accuracy"] == pytest.approx(2 / 3)
    assert [(p.id, p.killed, p.injured) for p in result.predictions] == [
        ("a", 1, 0),
        ("b", 0, 3),
        ("c", 2, 5),
    ]


def test_malformed_record_is_an_eval_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "no incident"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="line 1"):
        load_gold(path)


def test_peer_runs_on_the_same_input(gold_file):
    pytest.importorskip("quantulum3")
    result = evaluate_casualties(gold_file, nlp=load_pipeline(), peers=True)
    assert [s.system for s in result.systems] == ["newsledger", "quantulum3"]


def test_limit_scores_the_first_articles(gold_file):
    result = evaluate_casualties(gold_file, nlp=load_pipeline(), limit=2)
    assert [p.id for p in result.predictions] == ["a", "b"]
    assert result.systems[0].articles == 2


def _counts(summary):
    def low(side):
        return side["value_low"] if side else 0

    return (low(summary["killed"]), low(summary["injured"])) if summary else (0, 0)


def test_predictions_are_the_summaries_ingest_stores(gold_file, tmp_path):
    # The gold file ingested as a user would: `newsledger ingest`, a ledger on disk.
    db = tmp_path / "ledger.db"
    ingest = CliRunner().invoke(main, ["ingest", "--db", str(db), str(gold_file)])
    assert ingest.exit_code == 0, ingest.output
    with Store(db) as store:
        stored = [_counts(article["summary"]) for article in store.articles()]
    result = evaluate_casualties(gold_file, nlp=load_pipeline())
    assert [(p.killed, p.injured) for p in result.predictions] == stored
    assert len(stored) == len(GOLD)


def test_the_scorer_reads_the_stored_row_not_the_analysis(gold_file, monkeypatch):
    # What Store.article returns is what is scored: a summary changed on its way
    # out of the ledger changes the prediction (an in-memory reading would not).
    read = Store.article

    def tampered(self, article_id):
        record = read(self, article_id)
        if record["summary"] and record["summary"]["killed"]:
            record["summary"]["killed"] = {"value_low": 40.0, "value_high": 40.0}
        return record

    monkeypatch.setattr(Store, "article", tampered)
    result = evaluate_casualties(gold_file, nlp=load_pipeline())
    assert [p.killed for p in result.predictions] == [40.0, 0.0, 40.0]
