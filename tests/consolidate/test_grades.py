"""Grades of ledger entries: the scale of data/grades.tsv applied when the ledger is rebuilt.

The rule tests state their figures (ledger_helpers builds them); the outlet test runs the
real extractor and the near-duplicate linker on own-words articles, one of them a
syndicated copy of another under a second outlet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ledger_helpers import Claim, article

from newsledger.consolidate.grades import GRADES, TESTS, Evidence, grade_of, grade_table
from newsledger.filters import Filters
from newsledger.ingest import ingest
from newsledger.store import Store


def _only(store: Store, **criteria) -> dict:
    [entry] = store.ledger(**criteria)
    return entry


def test_the_scale_is_the_data_table_in_order():
    assert GRADES == (
        "contested",
        "confirmed",
        "party_claim_only",
        "corroborated",
        "single_source",
    )
    assert all(row.test in TESTS and row.meaning for row in grade_table())


def test_a_monitor_confirms(ledger_of):
    store = ledger_of(
        article("a1", [Claim(102, "UN human rights office", source_kind="international")])
    )
    entry = _only(store)
    assert (entry["grade"], entry["outlets"], entry["source_kinds"]) == (
        "confirmed",
        1,
        ["monitor"],
    )


def test_a_party_claim_stays_a_party_claim_in_many_outlets(ledger_of):
    claim = Claim(198, "Valdorian health ministry", source_kind="party")
    store = ledger_of(
        article("a1", [claim], outlet="first.example"),
        article("a2", [claim], outlet="second.example"),
    )
    entry = _only(store)
    assert (entry["grade"], entry["outlets"]) == ("party_claim_only", 2)


def test_two_outlets_corroborate_and_one_outlet_is_a_single_source(ledger_of):
    claim = Claim(40, "Carrow Post", source_kind="media")
    store = ledger_of(
        article("a1", [claim], outlet="first.example"),
        article("a2", [claim], outlet="second.example"),
        article("a3", [claim], outlet="second.example"),
        article("b1", [Claim(7, "Ash Trust", source_kind="unnamed", as_of="2023-05-09")]),
    )
    assert _only(store, source="Carrow Post")["grade"] == "corroborated"
    assert _only(store, source="Carrow Post")["outlets"] == 2
    assert _only(store, source="Ash Trust")["grade"] == "single_source"


def test_differing_reports_and_disagreeing_sources_are_contested(ledger_of):
    store = ledger_of(
        # two vague ranges of one source on one day: one entry whose reports differ
        article("a1", [Claim(20, "Carrow Post", value_high=30, source_kind="media")]),
        article("a2", [Claim(25, "Carrow Post", value_high=40, source_kind="media")]),
        # two named sources, exact and incompatible values for the same count and day
        article("b1", [Claim(300, "Elmford council", source_kind="party", as_of="2023-05-09")]),
        article("b2", [Claim(150, "Ash Trust", source_kind="ngo", as_of="2023-05-09")]),
    )
    ranged = _only(store, source="Carrow Post")
    assert ranged["grade"] == "contested"
    assert (ranged["report_low"], ranged["report_high"]) == (20, 40)
    assert _only(store, source="Elmford council")["grade"] == "contested"
    assert _only(store, source="Ash Trust")["grade"] == "contested"
    assert {c["kind"] for c in store.conflicts()} == {"disagreement"}


def test_grades_are_stored_and_filterable(ledger_of):
    store = ledger_of(
        article("a1", [Claim(102, "UN human rights office", source_kind="international")]),
        article(
            "a2", [Claim(198, "Valdorian health ministry", source_kind="party", group="soldiers")]
        ),
    )
    assert [e["source"] for e in store.ledger(Filters(grade="confirmed"))] == [
        "UN human rights office"
    ]
    assert [e["source"] for e in store.ledger(grade="party_claim_only")] == [
        "Valdorian health ministry"
    ]
    assert list(store.ledger(grade="corroborated")) == []


SENTENCE = "Reuters reported that 40 people had been killed in the shelling of Carrow on Tuesday."


def _record(outlet: str, body: str, slug: str) -> str:
    return f"""Shelling hits Carrow
20230503
https://{outlet}/news/{slug}
{body}
"""


STORY = (
    "Shelling continued in eastern Valdoria on Tuesday, and the market in Carrow burned.\n"
    f"{SENTENCE}\n"
    "Aid groups asked for a pause in the fighting and for safe routes out of the town.\n"
    "Hospitals in the region said they were short of blood and of surgeons.\n"
)
OTHER = (
    "Residents of Carrow spent the night in cellars as the fighting came closer.\n"
    f"{SENTENCE}\n"
    "The town's mayor asked for generators and drinking water.\n"
)


@pytest.mark.parametrize(
    ("records", "outlets", "grade"),
    [
        # the same story under a second outlet is a syndicated copy: one outlet
        ({"a.example": STORY, "b.example": STORY}, 1, "single_source"),
        ({"a.example": STORY, "b.example": STORY, "c.example": OTHER}, 2, "corroborated"),
    ],
)
def test_syndicated_copies_count_once(tmp_path: Path, records, outlets, grade):
    paths = []
    for number, (outlet, body) in enumerate(records.items()):
        path = tmp_path / f"{number}.txt"
        path.write_text(_record(outlet, body, f"story-{number}"), encoding="utf-8")
        paths.append(path)
    with Store(":memory:") as store:
        report = ingest(paths, store)
        assert report.accepted == len(records)
        entries = [e for e in store.ledger(category="killed") if e["value_low"] == 40]
        [entry] = entries
        assert entry["source"] == "Reuters"
        assert len(entry["citations"]) == len(records)
        assert (entry["outlets"], entry["grade"]) == (outlets, grade)


evidence = st.builds(
    Evidence,
    outlets=st.integers(1, 20),
    source_kinds=st.lists(
        st.sampled_from(["party", "monitor", "media", "unnamed"]), min_size=1, unique=True
    ).map(lambda kinds: tuple(sorted(kinds))),
    reports_differ=st.booleans(),
    contradicted=st.booleans(),
)


@given(evidence)
def test_every_entry_gets_one_grade_of_the_scale(found):
    grade = grade_of(found)
    assert grade in GRADES
    if found.reports_differ or found.contradicted:
        assert grade == "contested"
    elif "monitor" in found.source_kinds:
        assert grade == "confirmed"
    elif found.source_kinds == ("party",):
        assert grade == "party_claim_only"
    else:
        assert grade == ("corroborated" if found.outlets >= 2 else "single_source")
