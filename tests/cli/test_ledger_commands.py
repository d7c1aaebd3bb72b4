"""`newsledger ledger | conflicts | entities | export` over a small own-words ledger file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from cli_helpers import invoke

from newsledger.consolidate import consolidate
from newsledger.models import Analysis, Article, Figure, Origin, Span, Statement
from newsledger.store import Store

# (article number, outlet, source, killed civilians, as_of)
CLAIMS = [
    (1, "valdoria-times.org", "Valdorian health ministry", 198, "2023-05-01"),
    (2, "carrow-post.org", "Valdorian health ministry", 198, "2023-05-01"),
    (3, "carrow-post.org", "UN human rights office", 102, "2023-05-01"),
    (4, "valdoria-times.org", "Valdorian health ministry", 150, "2023-05-04"),
]


def _figure(value: float, source: str, as_of: str) -> Figure:
    text = f"{value:.0f} civilians were killed"
    return Figure(value, value, "exact", None, "killed", "people", "civilians", "Valdoria",
                  as_of, None, None, source, None, "party", "reported",
                  Span(0, len(text), text), text + ".", 0)  # fmt: skip


@pytest.fixture
def ledger_db(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    results = []
    for number, outlet, source, value, as_of in CLAIMS:
        article = Article(
            id=f"a{number}", url=f"https://{outlet}/a{number}", title=f"Story {number}",
            published=as_of, published_raw=as_of.replace("-", ""), outlet=outlet,
            text="Fighting went on in Valdoria.", origin=Origin("fixture", f"line {number}"),
        )  # fmt: skip
        speech = Statement("direct", Span(0, 5, "We go"), None, "say", None, "Zelenskyy",
                           "person", "says", 0, 0.9)  # fmt: skip
        results.append((article, Analysis(article.id, [speech], [_figure(value, source, as_of)])))
    with Store(path) as store:
        store.write_batch(results)
        consolidate(store)
    return path


def test_ledger_json_lists_timeline_rows_with_citations(ledger_db):
    run = invoke(["ledger", "--db", ledger_db, "--category", "killed", "--format", "json"])
    assert run.exit_code == 0, run.stderr
    rows = [(r["source"], r["as_of"], r["value_low"], len(r["citations"])) for r in run.json()]
    assert rows == [
        ("UN human rights office", "2023-05-01", 102, 1),
        ("Valdorian health ministry", "2023-05-01", 198, 2),
        ("Valdorian health ministry", "2023-05-04", 150, 1),
    ]


def test_ledger_filters_and_latest_first(ledger_db):
    run = invoke(
        ["ledger", "--db", ledger_db, "--source", "valdorian health", "--latest-first",
         "--format", "json", "--limit", "1"]
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert [r["as_of"] for r in run.json()] == ["2023-05-04"]
    run = invoke(["ledger", "--db", ledger_db, "--group", "soldiers", "--format", "json"])
    assert run.json() == []


def test_ledger_table_shows_citation_count_and_first_outlet(ledger_db):
    run = invoke(["ledger", "--db", ledger_db, "--source", "Valdorian"])
    assert run.exit_code == 0, run.stderr
    assert "2 (valdoria-times.org)" in run.stdout
    assert "1 (valdoria-times.org)" in run.stdout


def test_ledger_csv_has_one_row_per_entry(ledger_db):
    run = invoke(["ledger", "--db", ledger_db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [row["value_low"] for row in rows] == ["102", "198", "150"]
    assert len(json.loads(rows[1]["citations"])) == 2


def test_conflicts_show_both_sources_side_by_side(ledger_db):
    run = invoke(["conflicts", "--db", ledger_db, "--format", "json"])
    assert run.exit_code == 0, run.stderr
    kinds = sorted(c["kind"] for c in run.json())
    assert kinds == ["decrease", "disagreement"]
    table = invoke(["conflicts", "--db", ledger_db, "--category", "killed"]).stdout
    disagreement = next(line for line in table.splitlines() if "disagreement" in line)
    assert "UN human rights office" in disagreement and "Valdorian health" in disagreement
    assert "102" in disagreement and "198" in disagreement
    rows = list(csv.DictReader(io.StringIO(invoke(
        ["conflicts", "--db", ledger_db, "--format", "csv"]).stdout)))  # fmt: skip
    assert {row["source_a"] for row in rows} == {
        "UN human rights office",
        "Valdorian health ministry",
    }


def test_entities_search_finds_aliases(ledger_db):
    run = invoke(["entities", "--db", ledger_db, "--search", "zelenskyy", "--format", "json"])
    assert run.exit_code == 0, run.stderr
    [entity] = run.json()
    assert entity["name"] == "Volodymyr Zelensky"
    assert entity["aliases"] == ["Zelenskyy"]
    assert entity["mentions"] == 4


@pytest.mark.parametrize("output_format", ["csv", "jsonl", "parquet"])
def test_export_writes_the_ledger(ledger_db, tmp_path, output_format):
    out = tmp_path / f"ledger.{output_format}"
    run = invoke(["export", "--db", ledger_db, "--what", "ledger", "--format", output_format, out])
    assert run.exit_code == 0, run.stderr
    assert "exported 3 ledger rows" in run.stderr
    if output_format == "parquet":
        assert pq.read_table(out).num_rows == 3
    else:
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == (4 if output_format == "csv" else 3)


def test_export_requires_what_and_format(ledger_db, tmp_path):
    run = invoke(["export", "--db", ledger_db, "--format", "csv", tmp_path / "x.csv"])
    assert run.exit_code == 2


@pytest.mark.parametrize(
    ("options", "values"),
    [
        (["--since", "2023-05-02"], [150]),
        (["--until", "2023-05-01"], [102, 198]),
        (["--since", "2023-05-01", "--until", "2023-05-01", "--source", "valdorian"], [198]),
    ],
)
def test_ledger_date_range(ledger_db, options, values):
    run = invoke(["ledger", "--db", ledger_db, "--format", "json", *options])
    assert run.exit_code == 0, run.stderr
    assert sorted(row["value_low"] for row in json.loads(run.stdout)) == values


@pytest.mark.parametrize(
    "options", [["--until", "soon"], ["--since", "2023-05-04", "--until", "2023-05-01"]]
)
def test_ledger_bad_dates_are_usage_errors(ledger_db, options):
    run = invoke(["ledger", "--db", ledger_db, *options])
    assert run.exit_code == 2
    assert "date" in run.stderr or "since" in run.stderr


def test_ledger_grades_are_shown_and_filtered(ledger_db):
    # 102 and 198 on one day disagree, and 150 after 198 is a decrease: all contested
    run = invoke(["ledger", "--db", ledger_db, "--format", "json", "--grade", "contested"])
    assert run.exit_code == 0, run.stderr
    assert sorted(row["value_low"] for row in run.json()) == [102, 150, 198]
    assert {row["outlets"] for row in run.json() if row["value_low"] == 198} == {2}
    run = invoke(["ledger", "--db", ledger_db, "--format", "json", "--grade", "confirmed"])
    assert run.json() == []
    table = invoke(["ledger", "--db", ledger_db])
    assert "grade" in table.stdout and "contested" in table.stdout
    assert invoke(["ledger", "--db", ledger_db, "--grade", "excellent"]).exit_code == 2
