"""The learned displacement decision: the shipped model, what it may change, and how
it is trained (own-words excerpts, parsed for real)."""

from __future__ import annotations

import json

import pytest
from learned_helpers import parsed

from newsledger.analysis import analyse_doc, candidate_analysis
from newsledger.learned.displacement_kind import (
    decide_displacement,
    decided_term,
    is_decided,
)
from newsledger.learned.linear import LinearModel
from newsledger.nlp import load_pipeline

FLOOD = (
    "Five people were killed and about 2,000 residents were evacuated from their homes "
    "after the river burst its banks on Sunday, officials said. Some 300 houses were "
    "destroyed."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_harm_counts_are_never_decided(nlp):
    doc, article = parsed(nlp, FLOOD)
    figures = candidate_analysis(doc, article).figures
    killed = [f for f in figures if f.category == "killed"]
    assert killed and not any(is_decided(f) for f in killed)
    decided = decide_displacement(doc, figures)
    assert [f.category for f in decided if f.category == "killed"] == ["killed"]
    assert len(decided) == len(figures)


def test_the_setting_turns_it_on(nlp, monkeypatch):
    doc, article = parsed(nlp, FLOOD)
    rules = [f.category for f in analyse_doc(doc, article).figures]
    monkeypatch.setenv("NEWSLEDGER_DISPLACEMENT_DECISION", "learned")
    learned = analyse_doc(doc, article).figures
    expected = decide_displacement(doc, candidate_analysis(doc, article).figures)
    assert [f.category for f in learned] == [f.category for f in expected]
    assert len(learned) == len(rules)


def test_the_rules_stand_where_the_model_is_unsure():
    model = LinearModel.from_dict(
        {
            "name": "t",
            "classes": ["displaced", "other"],
            "intercept": [0.0, 0.0],
            "weights": {"near=shelter": [3.0, -3.0]},
            "threshold": 0.9,
        }
    )
    assert decided_term(model, {"near=shelter": 1.0}, "other") == "displaced"
    assert decided_term(model, {}, "evacuated") == "evacuated"


def test_training_is_deterministic(nlp, tmp_path):
    pytest.importorskip("sklearn")
    from newsledger.learned.train_displacement import (
        DisplacementDataAbsent,
        train_displacement,
    )

    rows = []
    excerpts = [
        ("About 2,000 people took shelter in schools after the floods.", 2000, "Sheltered"),
        ("Some 500 families were evacuated from the valley on Monday.", 500, "Evacuated"),
        ("The storm destroyed 120 houses and 40 shops in the town.", 120, "Destroyed Housing"),
        ("Around 3,000 people fled the fighting, said the 12 aid workers.", 3000, "Displaced"),
    ] * 5
    for i, (text, figure, term) in enumerate(excerpts):
        rows.append(
            {"id": f"x{i}", "split_key": f"x{i}", "text": text, "figure": figure, "term": term}
        )
    gold = tmp_path / "displacement.jsonl"
    gold.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    absent = tmp_path / "no-gold"
    first = train_displacement(gold, absent, absent, nlp=nlp, out=tmp_path / "a.json")
    second = train_displacement(gold, absent, absent, nlp=nlp, out=tmp_path / "b.json")
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    assert first.excerpts == 20 and first.news == 0 and first.labels["other"] >= 5
    assert first.cross_validated == second.cross_validated
    with pytest.raises(DisplacementDataAbsent, match="absent"):
        train_displacement(tmp_path / "none.jsonl", absent, absent, nlp=nlp)
