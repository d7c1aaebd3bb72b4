"""The learned main-incident counts: the candidates the rules propose, the shipped
model that ranks them, and how it is trained (own-words texts, parsed for real)."""

from __future__ import annotations

from pathlib import Path

import pytest
from learned_helpers import parsed

from newsledger.analysis import analyse_doc, candidate_analysis
from newsledger.extract.incident.candidates import incident_candidates
from newsledger.learned.incident_counts import best_candidate
from newsledger.learned.linear import LinearModel
from newsledger.nlp import load_pipeline

SHOOTING = (
    "Two men were killed and three others were wounded in a shooting outside a bar on "
    "Main Street late on Saturday, police said. The wounded were taken to a hospital. "
    "Police have not named a suspect."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_candidates_hold_each_stated_count_zero_and_one(nlp):
    doc, article = parsed(nlp, SHOOTING)
    analysis = candidate_analysis(doc, article)
    sides = incident_candidates(analysis.figures, analysis.summary, doc)
    killed = {c.value: c for c in sides["killed"]}
    injured = {c.value: c for c in sides["injured"]}
    assert {0.0, 1.0, 2.0} <= set(killed)
    assert {0.0, 1.0, 3.0} <= set(injured)
    assert killed[2.0].features["stated"] == 1.0
    assert "stated" not in killed[0.0].features
    assert killed[2.0].features["brief&stated"] == 1.0  # three sentences: a brief


def test_the_shipped_model_reads_the_stated_counts(nlp):
    doc, article = parsed(nlp, SHOOTING)
    summary = analyse_doc(doc, article).summary
    assert summary is not None
    assert summary.killed.value_low == 2 and summary.injured.value_low == 3


def test_no_number_is_no_summary_not_a_zero(nlp):
    doc, article = parsed(nlp, "The council met on Tuesday to discuss the new budget plan.")
    assert analyse_doc(doc, article).summary is None


def test_the_rules_setting_keeps_the_rules_reading(nlp, monkeypatch):
    doc, article = parsed(nlp, SHOOTING)
    rules = candidate_analysis(doc, article).summary
    monkeypatch.setenv("NEWSLEDGER_INCIDENT_DECISION", "rules")
    assert analyse_doc(doc, article).summary == rules


def test_the_best_candidate_is_the_likeliest():
    from newsledger.extract.incident.candidates import Candidate

    model = LinearModel.from_dict(
        {
            "name": "t",
            "classes": ["count", "not"],
            "intercept": [0.0, 0.0],
            "weights": {"stated": [2.0, -2.0], "value=0": [-1.0, 1.0]},
        }
    )
    candidates = [
        Candidate(0.0, {"value=0": 1.0}),
        Candidate(4.0, {"stated": 1.0}),
        Candidate(5.0, {"stated": 1.0}),  # a tie goes to the first
    ]
    assert best_candidate(model, candidates).value == 4.0
    assert best_candidate(model, []) is None


def test_training_is_deterministic_and_uses_the_candidates(nlp, tmp_path):
    pytest.importorskip("sklearn")
    import json

    from newsledger.learned.train_incidents import IncidentDataAbsent, train_incident_counts

    records = []
    texts = [
        ("Two men were killed and three others were wounded in a shooting, police said.", 2, 3),
        ("A woman was shot dead on Friday night and one man was injured.", 1, 1),
        ("Four people were killed and no one else was hurt, police said.", 4, 0),
        ("Police said five people were wounded in the shooting; nobody died.", 0, 5),
    ] * 5
    for i, (text, killed, injured) in enumerate(texts):
        for field, answer in (("deaths", killed), ("injured", injured)):
            records.append({"event_id": f"v{i}", "text": text, "field": field, "answer": answer})
    gold = tmp_path / "wad.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    sets = {"victim_counts": gold, "casualties": Path(tmp_path / "absent.jsonl")}
    first = train_incident_counts(sets, nlp=nlp, out=tmp_path / "a.json")
    second = train_incident_counts(sets, nlp=nlp, out=tmp_path / "b.json")
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    assert first.sets == {"victim_counts": 20} and first.examples > 40
    assert set(first.cross_validated) == {"victim_counts.injured", "victim_counts.killed"}
    assert "incident_counts" in (tmp_path / "a.md").read_text()
    assert second.c == first.c
    with pytest.raises(IncidentDataAbsent, match="absent"):
        train_incident_counts({"casualties": tmp_path / "none.jsonl"}, nlp=nlp)
