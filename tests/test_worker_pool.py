"""The per-article analysis budget: an article past it is stopped, rejected with the
reason, its worker replaced, and the batch goes on (one worker or several, in worker
processes or with a caller's pipeline in this process).

The slow article is real text: the bundled Wikinews examples, each line numbered
so that no line repeats, joined into one long article whose analysis takes
seconds, beside short articles that take milliseconds. Nothing is mocked: the
budget is set below what the long article needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.analysis import analyse_batch, parsed_text
from newsledger.article import make_article
from newsledger.ingest import ingest_records
from newsledger.models import Analysis, Article, Origin, Reject
from newsledger.nlp.pipeline import load_pipeline
from newsledger.store import Store
from newsledger.worker_pool import AnalysisPool, timeout_reason

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Seconds: the short articles need a few hundredths, the long one several seconds.
BUDGET = 1.0


def _article(n: int, text: str, title: str) -> Article:
    return make_article(
        title=title,
        text=text,
        date_raw="2023-03-06",
        url=f"https://news.example.org/budget/{n}",
        origin=Origin("budget.jsonl", f"line {n + 1}"),
    )


def _long_text(copies: int = 5) -> str:
    lines = []
    for copy in range(copies):
        for path in sorted(EXAMPLES.glob("wn-*.txt")):
            body = path.read_text(encoding="utf-8").splitlines()[3:]
            lines.extend(f"Update {copy}.{n}: {line}" for n, line in enumerate(body) if line)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    short = [
        _article(
            n,
            f"At least {n + 3} people were killed in Arvik on Monday, the mayor said.",
            f"Short {n}",
        )
        for n in range(4)
    ]
    return [*short[:2], _article(9, _long_text(), "Long"), *short[2:]]


def _check(outcomes: list, articles: list[Article]) -> None:
    assert len(outcomes) == len(articles)
    for article, outcome in zip(articles, outcomes, strict=True):
        if article.title == "Long":
            assert isinstance(outcome, Reject)
            assert outcome.reason == timeout_reason(BUDGET) == "analysis timed out after 1 s"
            assert outcome.origin == article.origin
        else:
            assert isinstance(outcome, Analysis) and outcome.article_id == article.id
            assert outcome.figures  # the short articles were analysed for real


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_past_its_budget_is_rejected_and_its_worker_replaced(
    articles: list[Article], workers: int
) -> None:
    with AnalysisPool(workers, chunk_size=8, time_limit=BUDGET) as pool:
        first_pids = pool.pids()
        outcomes = pool.submit(articles)()
        # The pool goes on after the timeout: a later batch is analysed by the new worker.
        again = pool.submit(articles[:2], last=True)()
        assert pool.replaced >= 1 and pool.timed_out == 1
        assert pool.pids() != first_pids
    _check(outcomes, articles)
    assert [a.article_id for a in again] == [a.id for a in articles[:2]]


def test_without_a_budget_the_long_article_is_analysed(articles: list[Article]) -> None:
    with AnalysisPool(1, time_limit=None) as pool:
        outcomes = pool.submit(articles[1:3])()
    assert all(isinstance(outcome, Analysis) for outcome in outcomes)


def test_ingest_with_one_worker_stores_the_others_and_rejects_the_slow_one(
    articles: list[Article],
) -> None:
    with Store(":memory:") as store:
        report = ingest_records(articles, store, batch_size=3, workers=1, time_limit=BUDGET)
        stored = {row["title"] for row in store.articles()}
        rejects = list(store.rejects())
    assert report.accepted == 4 and report.rejected == 1
    assert stored == {"Short 0", "Short 1", "Short 2", "Short 3"}
    assert [(r["record"], r["reason"]) for r in rejects] == [
        ("line 10", "analysis timed out after 1 s")
    ]


def test_a_callers_pipeline_keeps_the_budget_in_this_process(articles: list[Article]) -> None:
    with Store(":memory:") as store:
        report = ingest_records(
            articles, store, batch_size=10, nlp=load_pipeline(), time_limit=BUDGET
        )
    assert report.accepted == 4 and report.rejected == 1
    assert report.rejects[0].reason == "analysis timed out after 1 s"


def test_a_text_over_the_limit_is_rejected_with_the_limit_named() -> None:
    # spaCy's own limit (nlp.max_length, 1,000,000) would fail with a bare E088.
    huge = _article(0, "Three people were injured. " * 40_000, "Huge")
    short = _article(1, "Two people were killed in Corran, police said.", "Short")
    outcomes = analyse_batch([huge, short, huge], load_pipeline())
    assert isinstance(outcomes[0], Reject) and isinstance(outcomes[2], Reject)
    assert f"{len(parsed_text(huge)):,} characters" in outcomes[0].reason
    assert "over the limit of 300,000" in outcomes[0].reason
    assert "E088" not in outcomes[0].reason
    assert isinstance(outcomes[1], Analysis) and outcomes[1].article_id == short.id
    small_limit = analyse_batch([short], load_pipeline(), max_chars=20)
    assert isinstance(small_limit[0], Reject) and "limit of 20" in small_limit[0].reason
