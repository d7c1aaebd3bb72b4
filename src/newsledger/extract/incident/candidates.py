"""The candidate counts for the main incident's killed and injured, with the cues
that tell them apart (issue 17, decision b).

The rules of `incident.summary` give one reading; this module lists every value
the article could mean for a side, so that a trained ranking
(`learned.incident_counts`) can choose among them:
- every count the figures give for that side (and, for the injured, the people
  shot or harmed without saying which, less the killed);
- the rules' own reading;
- "zero" (the article gives no count: nobody, as GVA and WAD record it) and
  "one" (a victim named without a number: "a man was shot").
Each candidate carries named features computed from the figures alone (where and
how often the value is stated, how, and whether the rules chose it); the model
weighs them. Nothing here knows a dataset or a gold number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsledger.extract.context import doc_sentences
from newsledger.extract.incident.more_victims import is_negated
from newsledger.extract.incident.victims import (
    counts_others,
    is_incidental_number,
    is_part_count,
    lede_says_died,
    states_number,
)
from newsledger.models import Count, Figure, IncidentSummary

__all__ = ["SIDES", "Candidate", "incident_candidates"]

SIDES = ("killed", "injured")
# The categories whose figures can state each side's count.
SIDE_CATEGORIES = {"killed": ("killed",), "injured": ("injured", "casualties")}


@dataclass(slots=True)
class Candidate:
    """One value a side's count could take, and the cues for it."""

    value: float
    features: dict[str, float] = field(default_factory=dict)
    count: Count | None = None  # the rules' range when this is their reading


def _bucket(value: float) -> str:
    if value <= 1:
        return str(int(value))
    if value <= 3:
        return "2-3"
    if value <= 10:
        return "4-10"
    if value <= 100:
        return "11-100"
    return "100+"


def _position(index: int) -> str:
    return str(index) if index <= 2 else ("3-5" if index <= 5 else "6+")


def _side_figures(figures: Iterable[Figure], side: str) -> list[Figure]:
    return [
        f
        for f in figures
        if f.category in SIDE_CATEGORIES[side] and f.value_low >= 0 and not f.background
    ]


def _mention_features(
    side: str, mentions: list[Figure], own: list[Figure], doc
) -> dict[str, float]:
    """Cues from the figures that state this value for this side (`own`: all of them)."""
    first = min(mentions, key=lambda f: f.sentence_index)
    values = [f.value_low for f in own]
    return {
        "incidental": float(all(is_incidental_number(f, doc) for f in mentions)),
        "negated": float(all(is_negated(f, doc) for f in mentions)),
        "part_count": float(all(is_part_count(f, doc) for f in mentions)),
        "counts_others": float(any(counts_others(f, doc) for f in mentions)),
        "stated": 1.0,
        "mentions": math.log1p(len(mentions)),
        f"first_sentence={_position(first.sentence_index)}": 1.0,
        f"first_category={first.category}": 1.0,
        f"qualifier={first.qualifier or 'none'}": 1.0,
        "stated_number": float(any(states_number(f) for f in mentions)),
        "part_of_another": float(all(f.part_of is not None for f in mentions)),
        "has_period": float(all(f.period for f in mentions)),
        "has_source": float(any(f.source for f in mentions)),
        "own_category": float(any(f.category == side for f in mentions)),
        "largest": float(first.value_low >= max(values)),
        "smallest": float(first.value_low <= min(values)),
        "stated_first": float(first.sentence_index == min(f.sentence_index for f in own)),
    }


def _derived_injured(figures: list[Figure], rules: IncidentSummary | None) -> set[float]:
    """Those shot or harmed (category casualties) less the rules' killed."""
    killed = rules.killed.value_low if rules is not None and rules.killed is not None else 0.0
    return {
        f.value_low - killed
        for f in figures
        if f.category == "casualties" and f.value_low - killed >= 0
    }


def _sums(own: list[Figure]) -> dict[float, str]:
    """Totals over several counts ("killed four ... killed another four": 8): the sum of
    the counts that are no part of another and no running total, over the whole text
    and over its first two sentences, when more than one count adds to it."""
    whole = [f for f in own if f.part_of is None and not f.period]
    sums = {}
    for name, chosen in (
        ("sum_all", whole),
        ("sum_lede", [f for f in whole if f.sentence_index <= 1]),
    ):
        if len(chosen) > 1:
            sums.setdefault(sum(f.value_low for f in chosen), name)
    return sums


def _side_candidates(
    side: str, figures: list[Figure], rules: IncidentSummary | None, doc
) -> list[Candidate]:
    own = _side_figures(figures, side)
    by_value: dict[float, list[Figure]] = {}
    for figure in own:
        by_value.setdefault(figure.value_low, []).append(figure)
    rule_count = getattr(rules, side) if rules is not None else None
    other = "injured" if side == "killed" else "killed"
    other_count = getattr(rules, other) if rules is not None else None
    derived = _derived_injured(figures, rules) if side == "injured" else set()
    sums = _sums(own)
    values = {0.0, 1.0, *by_value, *derived, *sums}
    if rule_count is not None:
        values.add(rule_count.value_low)
    candidates = []
    for value in sorted(values):
        features = {"candidate": 1.0, f"value={_bucket(value)}": 1.0}
        mentions = by_value.get(value)
        if mentions:
            features.update(_mention_features(side, mentions, own, doc))
        chosen = rule_count is not None and value == rule_count.value_low
        if chosen:
            features["rules_choice"] = 1.0
            features[f"rules_choice&value={_bucket(value)}"] = 1.0
            features["rules_choice&stated" if mentions else "rules_choice&unstated"] = 1.0
        if rule_count is None and value == 0:
            features["rules_give_none"] = 1.0
        if value in sums:
            features[sums[value]] = 1.0
        if value in derived:
            features["shot_less_killed"] = 1.0
        if other_count is not None and value == other_count.value_low:
            features["equals_other_side"] = 1.0
        candidates.append(Candidate(value, features, rule_count if chosen else None))
    return candidates


def _text_kind(sentences: int) -> str:
    """A brief (an event description, a wire snippet: up to three sentences) or an article."""
    return "brief" if sentences <= 3 else "article"


def incident_candidates(
    figures: list[Figure], rules: IncidentSummary | None, doc
) -> dict[str, list[Candidate]]:
    """For killed and injured, every candidate count with its features, read from the
    figures and the parsed `doc` (a brief weighs its cues differently from an article)."""
    kind = _text_kind(len(doc_sentences(doc)))
    died = lede_says_died(doc)
    sides = {}
    for side in SIDES:
        candidates = _side_candidates(side, figures, rules, doc)
        for candidate in candidates:
            if died and candidate.value <= 1:
                candidate.features[f"lede_died&value={int(candidate.value)}"] = 1.0
            crossed = {f"{kind}&{name}": value for name, value in candidate.features.items()}
            candidate.features.update(crossed)
        sides[side] = candidates
    return sides
