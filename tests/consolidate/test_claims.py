"""Claim consolidation: the same claim in many articles is one ledger entry with every citation."""

from __future__ import annotations

import pytest
from ledger_helpers import Claim, article

from newsledger.consolidate import consolidate
from newsledger.consolidate.claims import normalise_count, normalise_place


def rows(store, **filters):
    return list(store.ledger(**filters))


def test_the_same_claim_in_several_articles_is_one_entry_with_all_citations(ledger_of):
    claim = Claim(198, "Valdoria's health minister", as_of="2023-05-02")
    store = ledger_of(
        article("a1", [claim], published="2023-05-02", outlet="first.example"),
        article("a2", [claim], published="2023-05-03", outlet="second.example"),
        # the same figure a day later, in other words: "the Valdorian health ministry"
        article(
            "a3",
            [Claim(198, "the Valdorian health ministry", as_of="2023-05-03")],
            published="2023-05-03",
            outlet="third.example",
        ),
    )
    [entry] = rows(store, category="killed")
    assert (entry["value_low"], entry["value_high"], entry["as_of"]) == (198, 198, "2023-05-02")
    assert [c["article_id"] for c in entry["citations"]] == ["a1", "a2", "a3"]
    assert [c["outlet"] for c in entry["citations"]] == [
        "first.example",
        "second.example",
        "third.example",
    ]
    citation = entry["citations"][0]
    assert citation["url"] == "https://first.example/a1"
    assert citation["title"] == "Report a1"
    assert citation["published"] == "2023-05-02"
    assert citation["text"] == "198 civilians were killed"
    assert (citation["start"], citation["end"]) == (0, len(citation["text"]))


def test_different_sources_stay_separate_entries(ledger_of):
    store = ledger_of(
        article("a1", [Claim(40, "Valdorian health ministry"), Claim(40, "Red Lantern Society")]),
    )
    assert sorted(r["source"] for r in rows(store)) == [
        "Red Lantern Society",
        "Valdorian health ministry",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Claim(40, "Elmford council"), Claim(41, "Elmford council")),  # another value
        (Claim(40, "Elmford council"), Claim(40, "Elmford council", as_of="2023-05-05")),  # day
        (Claim(40, "Elmford council"), Claim(40, "Elmford council", category="injured")),
        (Claim(40, "Elmford council"), Claim(40, "Elmford council", group="soldiers")),
        (Claim(40, "Elmford council"), Claim(40, "Elmford council", place="Carrow")),
        (Claim(40, "Elmford council", qualifier="at_least"),
         Claim(40, "Elmford council", qualifier="at_most")),
    ],
)  # fmt: skip
def test_different_claims_of_one_source_stay_apart(ledger_of, first, second):
    store = ledger_of(article("a1", [first]), article("a2", [second]))
    assert len(rows(store)) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a bound and the exact number, as two outlets write it
        (Claim(40, "Elmford council", qualifier="at_least"), Claim(40, "Elmford council")),
        # no group or place in one report: compatible with the other's
        (Claim(40, "Elmford council"), Claim(40, "Elmford council", group=None, place=None)),
        # "Moldovan civilians" with no place are the civilians counted in Moldova
        (Claim(40, "Elmford council", place="Moldova"),
         Claim(40, "Elmford council", group="Moldovan civilians", place=None)),
        # within the one-day tolerance
        (Claim(40, "Elmford council"), Claim(40, "Elmford council", as_of="2023-05-03")),
        # overlapping vague ranges ("dozens")
        (Claim(24, "Elmford council", qualifier="range", value_high=99),
         Claim(30, "Elmford council", qualifier="range", value_high=99)),
    ],
)  # fmt: skip
def test_compatible_reports_of_one_claim_merge(ledger_of, first, second):
    store = ledger_of(article("a1", [first]), article("a2", [second]))
    [entry] = rows(store)
    assert len(entry["citations"]) == 2


def test_a_count_repeated_later_without_its_date_joins_the_dated_claim(ledger_of):
    # The second article gives no date, so its figure is dated by publication, 3 days on.
    store = ledger_of(
        article("a1", [Claim(351, "Elmford council", as_of="2023-05-02")], published="2023-05-03"),
        article("a2", [Claim(351, "Elmford council", as_of="2023-05-05")], published="2023-05-05"),
    )
    [entry] = rows(store)
    assert entry["as_of"] == "2023-05-02"
    assert len(entry["citations"]) == 2


def test_timelines_are_ordered_by_source_then_date_and_latest_first_on_request(ledger_of):
    store = ledger_of(
        article("a1", [Claim(10, "Elmford council", as_of="2023-05-01")]),
        article("a2", [Claim(30, "Elmford council", as_of="2023-05-09")]),
        article("a3", [Claim(20, "Elmford council", as_of="2023-05-05")]),
        article("a4", [Claim(5, "Ash Trust", as_of="2023-05-03")]),
    )
    ordered = [(r["source"], r["as_of"]) for r in rows(store)]
    assert ordered == [
        ("Ash Trust", "2023-05-03"),
        ("Elmford council", "2023-05-01"),
        ("Elmford council", "2023-05-05"),
        ("Elmford council", "2023-05-09"),
    ]
    latest = [r["as_of"] for r in rows(store, source="elmford", latest_first=True)]
    assert latest == ["2023-05-09", "2023-05-05", "2023-05-01"]
    assert [r["as_of"] for r in rows(store, source="elmford", limit=1, offset=1)] == ["2023-05-05"]


def test_filters_match_groups_places_and_source_aliases(ledger_of):
    store = ledger_of(
        article("a1", [Claim(10, "Zelenskyy", group="soldiers", place="Kiev")]),
        article("a2", [Claim(12, "Elmford council", group="Moldovan civilians", place=None)]),
    )
    assert [r["place"] for r in rows(store, source="Zelensky")] == ["Kyiv"]
    assert [r["source"] for r in rows(store, source="zelenskyy")] == ["Volodymyr Zelensky"]
    assert [r["value_low"] for r in rows(store, group="civilians", place="moldova")] == [12]


def test_figures_of_category_other_are_not_in_the_ledger(ledger_of):
    store = ledger_of(article("a1", [Claim(1200, "Elmford council", category="other")]))
    assert rows(store) == []


def test_consolidation_is_idempotent(ledger_of):
    store = ledger_of(
        article("a1", [Claim(10, "Elmford council"), Claim(11, "Ash Trust")]),
        article("a2", [Claim(10, "Elmford council", as_of="2023-05-05")], speakers=["Mara Holt"]),
    )
    before = (list(store.ledger()), list(store.conflicts()), list(store.entities()))
    report = consolidate(store)
    after = (list(store.ledger()), list(store.conflicts()), list(store.entities()))
    assert after == before
    assert (report.entries, report.citations, report.conflicts) == (3, 3, 1)


@pytest.mark.parametrize(
    ("group", "place", "expected"),
    [
        ("Ukrainian civilians", None, ("civilians", "Ukraine")),
        ("Ukrainian civilians", "Ukraine", ("civilians", "Ukraine")),
        ("Ukrainian civilians", "Kharkiv", ("ukrainian civilians", "Kharkiv")),
        ("Russian soldiers", "Ukraine", ("russian soldiers", "Ukraine")),
        ("the civilian", "Kiev", ("civilians", "Kyiv")),
        ("children", "Ukrainian", ("children", "Ukraine")),
        (None, None, (None, None)),
    ],
)
def test_group_and_place_normalisation(group, place, expected):
    assert normalise_count(group, place) == expected


def test_place_normalisation_keeps_unknown_places_as_written():
    assert normalise_place(" the  Donbas ") == "Donbas"
