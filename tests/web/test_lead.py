"""The overview's leading series, grade hover texts, cut statements and the central-98% axis.

Over the fixture ledger (`web_db`: real ingest of tests/web/articles.jsonl)
and plain tables of input -> expected output.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from web_helpers import ledger_entry

from newsledger.consolidate.grades import GRADES, grade_table
from newsledger.filters import Filters
from newsledger.store import Store
from newsledger.web.charts import UNNAMED_SERIES, build_series, central_ranks, time_domain
from newsledger.web.lead import GRADE_TRUST, grade_meaning, lead_series, ordered_grades
from newsledger.web.views import MAX_STATEMENT_CHARS, overview_page, statements_page


def test_every_grade_of_the_scale_has_a_trust_rank_and_its_rule_as_hover_text() -> None:
    assert set(GRADE_TRUST) == set(GRADES)
    for row in grade_table():
        assert grade_meaning(row.grade) == f"{row.grade}: {row.meaning}"
    assert grade_meaning("no_such_grade") == ""
    assert grade_meaning(None) == ""


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        (["single_source", "confirmed", None, "confirmed"], ["confirmed", "single_source"]),
        (["contested", "party_claim_only"], ["party_claim_only", "contested"]),
        ([], []),
    ],
)
def test_grades_come_most_trusted_first(grades, expected) -> None:
    assert ordered_grades(grades) == expected


def test_lead_series_are_named_ranked_and_lead_to_their_entries(web_db: Path) -> None:
    with Store(web_db) as store:
        lead = lead_series(store, "killed", None, limit=10)
        rows = lead["rows"]
        assert rows and all(row["source"] and row["grades"] for row in rows)
        citations = [row["citations"] for row in rows]
        assert citations == sorted(citations, reverse=True)
        un = [r for r in rows if r["source"] == "UN human rights office" and r["group"]]
        assert un and un[0]["source_id"] is not None
        for row in rows:
            query = {k: v[0] for k, v in parse_qs(urlsplit(row["href"]).query).items()}
            entries = list(store.ledger(Filters.parse(query)))
            assert len(entries) >= row["entries"], row["href"]
            assert {entry["source"] for entry in entries} == {row["source"]}, row["href"]
            low, high = row["range"]["value_low"], row["range"]["value_high"]
            assert low <= row["latest"]["value_low"] and row["latest"]["value_high"] <= high


def test_the_overview_narrows_to_a_place(web_db: Path) -> None:
    with Store(web_db) as store:
        everywhere = overview_page(store)["leads"][0]
        nowhere = overview_page(store, place="Atlantis")["leads"][0]
    assert everywhere["rows"]
    assert nowhere["rows"] == [] and nowhere["unnamed"] == 0


def test_statement_rows_carry_date_outlet_and_a_cut_at_a_word(web_db: Path) -> None:
    with Store(web_db) as store:
        rows = statements_page(store)["statements"]
    assert rows
    for row in rows:
        assert row["outlet"] and row["published"] and row["href"].startswith("/articles/")
        assert len(row["shown"]) <= MAX_STATEMENT_CHARS
        assert row["cut"] == (len(row["content"]) > MAX_STATEMENT_CHARS)
        assert row["content"].startswith(row["shown"])


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, (0, 0)), (2, (0, 1)), (100, (0, 99)), (101, (1, 99)), (219, (2, 216)), (500, (4, 495))],
)
def test_central_ranks_leave_at_most_one_percent_each_side(count: int, expected) -> None:
    assert central_ranks(count) == expected


def test_the_time_axis_never_spans_more_than_the_central_98_percent() -> None:
    start = date(2022, 2, 1)
    days = [start + timedelta(days=index) for index in range(300)]
    # 300 dates: the first 3 and the last 3 lie outside the central 98%.
    assert time_domain(days) == (days[2], days[-3])


def test_figures_without_a_named_source_are_the_last_series() -> None:
    days = (1, 2, 3)
    unnamed = [{**ledger_entry("x", f"2022-03-{day:02d}", day), "source": None} for day in days]
    named = [ledger_entry("UN", "2022-03-01", 5), ledger_entry("ministry", "2022-03-02", 7)]
    series = build_series([*unnamed, *named])
    assert [one.source for one in series] == ["UN", "ministry", UNNAMED_SERIES]
    assert series[0].colour != series[-1].colour
