"""The learned main-incident counts (issue 17, decision b): of the candidate counts
for killed and for injured, which one the article means.

`extract.incident.candidates` lists, per side, every value the article could
mean (each stated count, sums, those shot less the killed, the rules' reading,
"zero" and "one victim implied") with its cues; the model
(`models/incident_counts.json`, card beside it, rebuilt by `make train`) scores
each candidate's probability of being the count, and the highest wins. A side
the model reads as zero stays unknown (None) unless the rules read zero too: an
article that gives no number is not a claim that nobody was hurt. Where the
model picks the rules' own value, the rules' range is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsledger.extract.incident.candidates import SIDES, Candidate, incident_candidates
from newsledger.learned.linear import LinearModel, load_model
from newsledger.models import Count, Figure, IncidentSummary

__all__ = ["MODEL_NAME", "POSITIVE", "best_candidate", "decide_summary"]

MODEL_NAME = "incident_counts"
POSITIVE = "count"  # the class of a candidate that is the side's count; the other is "not"


def best_candidate(model: LinearModel, candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate the model finds likeliest to be the count (the first on a tie)."""
    best, best_score = None, -1.0
    for candidate in candidates:
        score = model.probabilities(candidate.features)[POSITIVE]
        if score > best_score + 1e-12:
            best, best_score = candidate, score
    return best


def _count(candidate: Candidate | None, rules: Count | None) -> Count | None:
    if candidate is None:
        return rules
    if candidate.count is not None:
        return candidate.count
    if candidate.value == 0 and rules is None:
        return None
    return Count(candidate.value, candidate.value)


def decide_summary(
    doc, figures: list[Figure], rules: IncidentSummary | None, model: LinearModel | None = None
) -> IncidentSummary | None:
    """The main incident's counts as the model ranks the candidates (None when no side
    has a count)."""
    model = model if model is not None else load_model(MODEL_NAME)
    sides = incident_candidates(figures, rules, doc)
    counts = {
        side: _count(best_candidate(model, sides[side]), getattr(rules, side, None))
        for side in SIDES
    }
    if counts["killed"] is None and counts["injured"] is None:
        return None
    return IncidentSummary(killed=counts["killed"], injured=counts["injured"])
