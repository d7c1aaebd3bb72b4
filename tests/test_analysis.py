"""The per-article analysis: headline read for the summary, offsets into the body."""

from __future__ import annotations

import pytest

from newsledger.analysis import analyse_articles
from newsledger.models import Article, Origin
from newsledger.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def make(title: str | None, text: str) -> Article:
    return Article(
        id="a1",
        url=None,
        title=title,
        published="2023-04-02",
        published_raw="20230402",
        outlet=None,
        text=text,
        origin=Origin("test", "record 1"),
    )


BODY = (
    "Police said the shooting happened shortly after midnight outside a bar on Elm Street.\n"
    '"We are asking anyone with video to come forward," Sergeant Dana Ortiz told reporters.\n'
    "Officers said 12 shell casings were found at the scene."
)


def test_offsets_index_the_body_and_headline_items_are_left_out(nlp):
    article = make("Two killed, three hurt in Elm Street shooting", BODY)
    [(_, analysis)] = list(analyse_articles([article], nlp))
    for figure in analysis.figures:
        assert article.text[figure.span.start : figure.span.end] == figure.span.text
        assert figure.span.start >= 0
    for statement in analysis.statements:
        content = statement.content
        assert article.text[content.start : content.end] == content.text
    assert all("killed" not in figure.span.text for figure in analysis.figures)
    assert analysis.statements and analysis.statements[0].speaker


def test_the_headline_toll_reaches_the_summary(nlp):
    article = make("Two killed, three hurt in Elm Street shooting", BODY)
    [(_, analysis)] = list(analyse_articles([article], nlp))
    assert analysis.summary is not None
    assert analysis.summary.killed is not None and analysis.summary.killed.value_low == 2
    assert analysis.summary.injured is not None and analysis.summary.injured.value_low == 3


def test_same_body_analysis_without_a_title(nlp):
    with_title = make("Two killed, three hurt in Elm Street shooting", BODY)
    without = make(None, BODY)
    [(_, titled)], [(_, plain)] = (
        list(analyse_articles([with_title], nlp)),
        list(analyse_articles([without], nlp)),
    )
    assert [f.span for f in titled.figures] == [f.span for f in plain.figures]
    assert [f.sentence_index for f in titled.figures] == [f.sentence_index for f in plain.figures]


@pytest.mark.parametrize(
    "text",
    [
        "He was shot and killed outside his home on Monday, police said.",
        "Police said she was wounded in the attack and taken to hospital.",
    ],
)
def test_a_pronoun_victim_counts_for_the_summary_but_is_not_a_stored_figure(nlp, text):
    [(_, analysis)] = list(analyse_articles([make(None, text)], nlp))
    assert analysis.summary is not None
    counts = [c for c in (analysis.summary.killed, analysis.summary.injured) if c is not None]
    assert [c.value_low for c in counts] == [1.0]
    assert [f for f in analysis.figures if f.category != "other"] == []


def test_a_number_with_a_definite_article_is_still_a_figure(nlp):
    [(_, analysis)] = list(
        analyse_articles(
            [make(None, "The two soldiers were killed by a mine, officials said.")], nlp
        )
    )
    assert [(f.value_low, f.category) for f in analysis.figures] == [(2.0, "killed")]
