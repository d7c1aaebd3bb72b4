"""The learned figure decision: the shipped model, how it decides, how it is trained."""

from __future__ import annotations

import pytest

from newsledger.analysis import analyse_doc, candidate_analysis, parsed_text
from newsledger.article import make_article
from newsledger.eval.realnews_gold import GoldFigure, GoldNewsArticle
from newsledger.learned.figure_kind import decide_figures, decided_category
from newsledger.learned.linear import LinearModel
from newsledger.models import Origin
from newsledger.nlp import load_pipeline
from newsledger.quality import check_article


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _article(text: str):
    return check_article(
        make_article(
            title=None, date_raw="2022-05-16", url=None, text=text, origin=Origin("t", "1")
        )
    )


def test_probabilities_and_the_threshold():
    model = LinearModel.from_dict(
        {
            "name": "t",
            "classes": ["killed", "other"],
            "intercept": [0.0, 0.0],
            "weights": {"pronoun": [-3.0, 3.0]},
            "threshold": 0.9,
        }
    )
    probabilities = model.probabilities({"pronoun": 1.0})
    assert abs(sum(probabilities.values()) - 1) < 1e-9
    assert probabilities["other"] > 0.99
    assert decided_category(model, {"pronoun": 1.0}, "killed") == "other"
    # unsure (0.5 / 0.5 < 0.9): the rules' category stands
    assert decided_category(model, {}, "killed") == "killed"
    with pytest.raises(ValueError, match="do not match"):
        LinearModel.from_dict(
            {
                **model.card,
                "name": "t",
                "classes": ["a"],
                "intercept": [0.0],
                "weights": {"x": [1.0, 2.0]},
            }
        )


def test_the_decision_only_changes_categories_and_only_when_chosen(nlp, monkeypatch):
    text = (
        "Russian shelling killed three civilians in Kharkiv on Sunday, the governor said. "
        "He died aged 91 in a military hospital in Cairo. The storm moved at 13 mph."
    )
    article = _article(text)
    doc = nlp(parsed_text(article))
    rules = candidate_analysis(doc, article).figures
    decided = decide_figures(doc, rules)
    assert [f.span for f in rules] == [f.span for f in decided]
    for before, after in zip(rules, decided, strict=True):
        assert (before.value_low, before.source, before.status) == (
            after.value_low,
            after.source,
            after.status,
        )
    assert {f.span.text: f.category for f in decided}["three"] == "killed"
    by_rules = {f.span.text: f.category for f in rules}
    by_model = {f.span.text: f.category for f in decided}
    monkeypatch.delenv("NEWSLEDGER_FIGURE_DECISION", raising=False)
    stored = analyse_doc(doc, article).figures
    assert stored and all(by_rules[f.span.text] == f.category for f in stored)
    monkeypatch.setenv("NEWSLEDGER_FIGURE_DECISION", "learned")
    stored = analyse_doc(doc, article).figures
    assert stored and all(by_model[f.span.text] == f.category for f in stored)


def test_training_examples_take_the_gold_category_or_other(nlp):
    from newsledger.learned.training import realnews_examples

    text = "Police said three people were killed in Kyiv. The city has 12 bridges."
    start = text.index("three people")
    figure = GoldFigure(
        start,
        start + 12,
        "three people",
        3,
        3,
        "exact",
        "killed",
        "people",
        "Kyiv",
        "Police",
        "reported",
        "2022-05-16",
        False,
    )
    gold = GoldNewsArticle("g1", "c", "train", None, "2022-05-16", text, (figure,), None)
    data = realnews_examples([gold], nlp)
    labels = {e.label for e in data.examples}
    assert labels == {"killed", "other"}
    assert data.gold_figures == {"g1": 1}


def test_fitting_is_deterministic():
    pytest.importorskip("sklearn")
    from newsledger.learned.fitting import cross_validate, fit_model
    from newsledger.learned.training import Example, TrainingSet

    examples = [
        Example(f"a{i}", i % 3, {"rule=killed": 1.0, f"noun={noun}": 1.0}, "killed", label)
        for i, (noun, label) in enumerate(
            [("people", "killed"), ("drone", "other"), ("civilian", "killed"), ("tank", "other")]
            * 6
        )
    ]
    first = fit_model(examples, 1.0, 0.5)
    second = fit_model(list(examples), 1.0, 0.5)
    assert first.weights == second.weights and first.intercept == second.intercept
    assert decided_category(first, {"rule=killed": 1.0, "noun=drone": 1.0}, "killed") == "other"
    data = TrainingSet(examples, {f"a{i}": 1 for i in range(0, 24, 2)})
    assert len(cross_validate(data, 1.0, 0.5)) == 3
