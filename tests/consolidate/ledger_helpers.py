"""Builders of own-words articles and figures for the consolidation, export and CLI tests.

The articles are invented; each holds figures built directly as `models.Figure`,
so a test states exactly the extraction it consolidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.models import Analysis, Article, Figure, Origin, Span, Statement


@dataclass(frozen=True)
class Claim:
    """What one figure says: value, source, count and date."""

    value: float
    source: str | None
    category: str = "killed"
    group: str | None = "civilians"
    place: str | None = "Valdoria"
    as_of: str | None = "2023-05-02"
    qualifier: str = "exact"
    value_high: float | None = None
    status: str = "reported"
    source_kind: str = "party"
    period: str | None = None


def figure(claim: Claim) -> Figure:
    text = f"{claim.value:.0f} {claim.group or 'people'} were {claim.category}"
    return Figure(
        value_low=claim.value,
        value_high=claim.value if claim.value_high is None else claim.value_high,
        qualifier=claim.qualifier,
        unit=None,
        category=claim.category,
        count_unit="people",
        group=claim.group,
        place=claim.place,
        as_of=claim.as_of,
        period=claim.period,
        as_of_note=None,
        source=claim.source,
        source_mention=None,
        source_kind=claim.source_kind,
        status=claim.status,
        span=Span(0, len(text), text),
        sentence=text + ".",
        sentence_index=0,
    )


def statement(speaker: str, kind: str = "person") -> Statement:
    return Statement(
        kind="direct",
        content=Span(0, 10, "We will go"),
        cue=None,
        cue_lemma="say",
        speaker_mention=None,
        speaker=speaker,
        speaker_kind=kind,
        stance="says",
        sentence_index=0,
        confidence=0.9,
    )


def article(
    article_id: str,
    claims: Sequence[Claim] = (),
    *,
    published: str = "2023-05-03",
    outlet: str = "example.org",
    speakers: Sequence[str] = (),
) -> tuple[Article, Analysis]:
    """An own-words article whose analysis holds exactly these figures and speakers."""
    built = Article(
        id=article_id,
        url=f"https://{outlet}/{article_id}",
        title=f"Report {article_id}",
        published=published,
        published_raw=published.replace("-", ""),
        outlet=outlet,
        text="Fighting went on in Valdoria.",
        origin=Origin("fixture.jsonl", f"line {article_id}"),
    )
    analysis = Analysis(
        article_id,
        statements=[statement(name) for name in speakers],
        figures=[figure(claim) for claim in claims],
    )
    return built, analysis
