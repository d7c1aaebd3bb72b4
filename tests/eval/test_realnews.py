"""The real-news scorer scores what the ledger stores for a real text, field by field."""

from __future__ import annotations

import dataclasses
import json

import pytest

from newsledger.errors import EvalError
from newsledger.eval.realnews import score_article, scores_of
from newsledger.eval.realnews_fields import group_head, same_name
from newsledger.eval.realnews_gold import (
    GoldAbsent,
    GoldFigure,
    GoldNewsArticle,
    GoldStatement,
    load_realnews,
)
from newsledger.eval.stored import GoldText, StoredArticle, stored_articles
from newsledger.nlp import load_pipeline

# Normalisation changes this text (double space, glued sentence), so stored
# offsets differ from these and the scorer must map them back.
TEXT = (
    "Russian shelling killed three civilians in Kharkiv on Sunday,  the regional governor "
    "Oleh Synyehubov said.He added that 12 people were wounded."
)


def _figure(phrase: str, category: str, **fields) -> GoldFigure:
    start = TEXT.index(phrase)
    values = {
        "value_low": 3,
        "value_high": 3,
        "qualifier": "exact",
        "group": "civilians",
        "place": "Kharkiv",
        "source": "Oleh Synyehubov",
        "status": "reported",
        "as_of": "2022-05-15",
        "background": False,
    }
    values.update(fields)
    return GoldFigure(start, start + len(phrase), phrase, category=category, **values)


def _statement(phrase: str, speaker: str, pronoun: bool) -> GoldStatement:
    start = TEXT.index(phrase)
    return GoldStatement(start, start + len(phrase), phrase, "indirect", speaker, pronoun)


GOLD = GoldNewsArticle(
    id="t1",
    corpus="test.jsonl",
    part="validation",
    title=None,
    date="2022-05-16",
    text=TEXT,
    figures=(
        _figure("three civilians", "killed"),
        _figure("12 people", "injured", value_low=12, value_high=12, group="people"),
    ),
    statements=(_statement("12 people were wounded", "Oleh Synyehubov", True),),
)


@pytest.fixture(scope="module")
def stored():
    nlp = load_pipeline()
    items = [GoldText(GOLD.id, GOLD.text, GOLD.title, GOLD.date)]
    articles, notes = stored_articles(items, nlp, source="test")
    assert notes == []
    assert articles[0].text != TEXT
    return articles[0]


def test_stored_figures_are_matched_through_the_normalised_offsets(stored):
    scores = scores_of([score_article(GOLD, stored)])
    casualty = [row for row in stored.figures if row["category"] not in (None, "other")]
    assert scores["figures.recall"] == 1.0
    assert scores["figures.precision"] == 2 / len(casualty)
    assert scores["found.value"] == 1.0
    assert scores["found.category"] == 1.0


def test_a_figure_with_another_category_is_found_but_not_right(stored):
    wrong = dataclasses.replace(
        GOLD, figures=(dataclasses.replace(GOLD.figures[0], category="missing"), GOLD.figures[1])
    )
    scores = scores_of([score_article(wrong, stored)])
    assert scores["figures.recall"] == 0.5
    assert scores["found.category"] == 0.5


def test_the_statement_and_its_pronoun_speaker_are_scored(stored):
    counts = score_article(GOLD, stored)
    assert counts.gold_statements == 1
    assert counts.stored_statements == len(stored.statements)
    assert counts.matched_statements == 1
    assert counts.pronoun_statements == 1


def test_an_article_with_nothing_stored_has_recall_zero():
    empty = dataclasses.replace(GOLD, statements=None)
    scores = scores_of([score_article(empty, StoredArticle(None, [], [], None))])
    assert scores["figures.recall"] == 0.0
    assert scores["figures.precision"] is None


@pytest.mark.parametrize(
    ("group", "head"),
    [
        ("Ukrainian troops", "soldiers"),
        (None, "people"),
        ("civilians", "civilians"),
        ("dozens more", "people"),
        ("Taliban fighters", "fighters"),
    ],
)
def test_group_heads_follow_the_guidelines(group, head):
    assert group_head(group) == head


@pytest.mark.parametrize(
    ("gold", "stored", "right"),
    [
        ("Volodymyr Zelenskiy", "Zelenskiy", True),
        ("the UN human rights office", "UN human rights office", True),
        ("unnamed", None, True),
        ("unnamed", "police", False),
        ("Oleh Synyehubov", None, False),
        ("Joe Biden", "Vladimir Putin", False),
        ("Ukraine’s defence ministry", "Ukraine's defence ministry", True),
    ],
)
def test_names(gold, stored, right):
    assert same_name(gold, stored) is right


def _write_gold(folder, figure_text, start):
    folder.mkdir()
    record = {
        "id": "a1",
        "corpus": "c.jsonl",
        "part": "validation",
        "annotated": True,
        "figures": [
            dict(
                dataclasses.asdict(GOLD.figures[0]),
                text=figure_text,
                start=start,
                end=start + len(figure_text),
                country="UA",
                note="",
            )
        ],
        "doubts": [],
    }
    (folder / "figures.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def test_the_gold_is_read_with_its_corpus_text(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "c.jsonl").write_text(
        json.dumps({"id": "a1", "title": "T", "date": "2022-05-16", "text": TEXT}) + "\n",
        encoding="utf-8",
    )
    _write_gold(tmp_path / "good", "three civilians", TEXT.index("three civilians"))
    (article,) = load_realnews(tmp_path / "good", corpus)
    assert article.title == "T" and article.statements is None
    assert article.figures[0].text == "three civilians"
    _write_gold(tmp_path / "bad", "three civilians", 0)
    with pytest.raises(EvalError, match="a1: span 0-15"):
        load_realnews(tmp_path / "bad", corpus)
    with pytest.raises(GoldAbsent, match="not found"):
        load_realnews(tmp_path / "good", tmp_path / "nowhere")


def test_the_command_skips_with_a_message_when_the_corpus_is_absent(tmp_path):
    from click.testing import CliRunner

    from newsledger.cli import main

    result = CliRunner().invoke(main, ["eval", "realnews", "--corpus", str(tmp_path / "none")])
    assert result.exit_code == 0
    assert "real-news gold skipped" in result.output


def test_background_marked_reads_the_stored_background_field(stored):
    past = dataclasses.replace(GOLD.figures[0], background=True)
    gold = dataclasses.replace(GOLD, figures=(past, GOLD.figures[1]))
    scores = scores_of([score_article(gold, stored)])
    # the shelling is current news: the ledger does not mark it background
    assert scores["found.background_marked"] == 0.0
    marked = [dict(row, background=True) for row in stored.figures]
    scores = scores_of([score_article(gold, dataclasses.replace(stored, figures=marked))])
    assert scores["found.background_marked"] == 1.0
    assert scores_of([score_article(GOLD, stored)])["found.background_marked"] is None
