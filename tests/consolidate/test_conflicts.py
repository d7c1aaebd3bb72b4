"""Contradictions: sources disagreeing on the same day, and cumulative counts going down."""

from __future__ import annotations

import pytest
from ledger_helpers import Claim, article

from newsledger.consolidate import timelines


def conflicts(store, **filters):
    return list(store.conflicts(**filters))


def test_two_sources_disagreeing_on_the_same_day_is_a_disagreement(ledger_of):
    store = ledger_of(
        article("a1", [Claim(331, "UN human rights office", qualifier="exact")], outlet="one.org"),
        article("a2", [Claim(2000, "Valdorian emergency service")], outlet="two.org"),
    )
    [conflict] = conflicts(store)
    assert conflict["kind"] == "disagreement"
    assert (conflict["category"], conflict["group"], conflict["as_of"]) == (
        "killed",
        "civilians",
        "2023-05-02",
    )
    low, high = conflict["entries"]
    assert (low["source"], low["value_low"]) == ("UN human rights office", 331)
    assert (high["source"], high["value_low"]) == ("Valdorian emergency service", 2000)
    # the evidence: each side's citations
    assert [c["outlet"] for c in low["citations"]] == ["one.org"]
    assert [c["outlet"] for c in high["citations"]] == ["two.org"]
    assert "331" in conflict["detail"] and "2,000" in conflict["detail"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a lower bound is not contradicted by a larger count
        (Claim(331, "UN human rights office", qualifier="at_least"), Claim(2000, "Ash Trust")),
        (Claim(331, "UN human rights office", qualifier="more_than"),
         Claim(400, "Ash Trust", qualifier="at_least")),
        # "about 100" allows 105
        (Claim(100, "UN human rights office", qualifier="about"), Claim(105, "Ash Trust")),
        # another day, another group or another place is another count
        (Claim(331, "UN human rights office"), Claim(2000, "Ash Trust", as_of="2023-05-04")),
        (Claim(331, "UN human rights office"), Claim(2000, "Ash Trust", group="soldiers")),
        (Claim(331, "UN human rights office"), Claim(2000, "Ash Trust", place="Carrow")),
        # no source: nothing to hold against anyone
        (Claim(331, "UN human rights office"), Claim(2000, None)),
    ],
)  # fmt: skip
def test_compatible_or_different_counts_are_no_conflict(ledger_of, first, second):
    store = ledger_of(article("a1", [first]), article("a2", [second]))
    assert conflicts(store) == []


def test_a_bound_exceeding_another_sources_exact_count_disagrees(ledger_of):
    store = ledger_of(
        article("a1", [Claim(300, "Ash Trust")]),
        article("a2", [Claim(331, "UN human rights office", qualifier="more_than")]),
    )
    assert [c["kind"] for c in conflicts(store)] == ["disagreement"]


def test_a_cumulative_count_going_down_is_a_decrease(ledger_of):
    source = "Valdorian health ministry"
    store = ledger_of(
        article("a1", [Claim(198, source, as_of="2023-05-01")], published="2023-05-01"),
        article("a2", [Claim(352, source, as_of="2023-05-04")], published="2023-05-04"),
        article("a3", [Claim(300, source, as_of="2023-05-08")], published="2023-05-08"),
        article("a4", [Claim(400, source, as_of="2023-05-10")], published="2023-05-10"),
    )
    [conflict] = conflicts(store, category="killed")
    assert conflict["kind"] == "decrease"
    earlier, later = conflict["entries"]
    assert (earlier["as_of"], earlier["value_low"]) == ("2023-05-04", 352)
    assert (later["as_of"], later["value_low"]) == ("2023-05-08", 300)
    assert [c["article_id"] for c in later["citations"]] == ["a3"]
    # the timeline helper sees the same dip
    [timeline] = timelines(store.ledger(source=source))
    assert [(a["value_low"], b["value_low"]) for a, b in timeline.decreases()] == [(352, 300)]


def test_counts_that_are_not_cumulative_may_go_down(ledger_of):
    source = "Valdorian border service"
    store = ledger_of(
        article("a1", [Claim(900, source, category="displaced", as_of="2023-05-01")]),
        article("a2", [Claim(300, source, category="displaced", as_of="2023-05-08")]),
    )
    assert conflicts(store) == []


def test_a_rate_is_not_a_count_so_far(ledger_of):
    # "at least 1,300 soldiers killed", then "50-100 soldiers may be dying every day":
    # the second is a rate, not a lower count, and stays out of the timeline.
    source = "Valdorian president"
    store = ledger_of(
        article("a1", [Claim(1300, source, group="soldiers", as_of="2023-03-12")]),
        article(
            "a2",
            [
                Claim(
                    50,
                    source,
                    group="soldiers",
                    value_high=100,
                    as_of="2023-05-22",
                    period="per day",
                )
            ],
        ),
    )
    assert conflicts(store) == []
    assert [row["value_low"] for row in store.ledger(source=source)] == [1300]


def test_conflicts_filter_by_category_and_page(ledger_of):
    store = ledger_of(
        article("a1", [Claim(10, "Ash Trust"), Claim(5, "Ash Trust", category="injured")]),
        article("a2", [Claim(20, "Elm Aid"), Claim(7, "Elm Aid", category="injured")]),
    )
    assert [c["category"] for c in conflicts(store)] == ["injured", "killed"]
    assert [c["category"] for c in conflicts(store, category="killed")] == ["killed"]
    assert [c["conflict_id"] for c in conflicts(store, limit=1, offset=1)] == [2]


def _party_and_monitor(party_value, monitor_value, *, monitor_as_of="2023-05-04", **monitor):
    return (
        article("a1", [Claim(party_value, "Valdorian health ministry", as_of="2023-05-02")]),
        article(
            "a2",
            [
                Claim(
                    monitor_value,
                    "UN human rights office",
                    as_of=monitor_as_of,
                    source_kind="international",
                    **monitor,
                )
            ],
        ),
    )


def test_a_party_and_a_monitor_far_apart_on_nearby_days_is_a_divergence(ledger_of):
    store = ledger_of(*_party_and_monitor(198, 102, qualifier="at_least"))
    [conflict] = conflicts(store)
    assert conflict["kind"] == "divergence"
    first, second = conflict["entries"]
    assert (first["source"], first["as_of"], first["value_low"]) == (
        "Valdorian health ministry",
        "2023-05-02",
        198,
    )
    assert (second["source"], second["as_of"], second["value_low"]) == (
        "UN human rights office",
        "2023-05-04",
        102,
    )
    assert "2 day(s) apart" in conflict["detail"] and "compatible as stated" in conflict["detail"]


@pytest.mark.parametrize(
    ("party_value", "monitor_value", "monitor"),
    [
        (198, 180, {}),  # close enough: no divergence
        (198, 102, {"monitor_as_of": "2023-05-09"}),  # a week apart: another moment
        (198, 102, {"group": "soldiers"}),  # another count
        (198, 102, {"category": "displaced"}),  # another category
    ],
)
def test_close_values_or_other_days_or_counts_do_not_diverge(
    ledger_of, party_value, monitor_value, monitor
):
    assert conflicts(ledger_of(*_party_and_monitor(party_value, monitor_value, **monitor))) == []


def test_two_parties_far_apart_do_not_diverge(ledger_of):
    store = ledger_of(
        article("a1", [Claim(198, "Valdorian health ministry", as_of="2023-05-02")]),
        article("a2", [Claim(40, "Carrow defence ministry", as_of="2023-05-03")]),
    )
    assert conflicts(store) == []


def test_unnamed_descriptions_are_not_compared_across_articles(ledger_of):
    # "the region's governor" of one article is not the one of another
    store = ledger_of(
        article("a1", [Claim(9, "region's governor", as_of="2023-05-02")]),
        article("a2", [Claim(3, "region's governor", as_of="2023-05-08")]),
        article("a3", [Claim(30, "officials", as_of="2023-05-02")]),
    )
    assert conflicts(store) == []


def test_a_user_alias_table_in_the_environment_merges_two_sources(ledger_of, tmp_path, monkeypatch):
    # two spellings of one body disagree with nobody once they are one entity
    table = tmp_path / "my-aliases.tsv"
    table.write_text("Valdorian health ministry\tVHM\torganisation\n", encoding="utf-8")
    results = (
        article("a1", [Claim(198, "Valdorian health ministry", as_of="2023-05-02")]),
        article("a2", [Claim(150, "VHM", as_of="2023-05-02")]),
    )
    monkeypatch.setenv("NEWSLEDGER_ALIASES", str(table))
    store = ledger_of(*results)
    assert conflicts(store) == []
    assert {row["source"] for row in store.ledger(category="killed")} == {
        "Valdorian health ministry"
    }
