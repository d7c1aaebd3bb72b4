"""Word tables for reading victims out of news text (`extract.victims`, `extract.summary`).

Owns the English wording, kept as data rather than branches:
- `GUNSHOT_WORDS`: what marks a wound as a gunshot ("five with gunshot wounds",
  "five by gunfire"), so that a count of the hurt can be narrowed to the shot;
- `GUNSHOT_PART_VERBS`: the words that join such a part to its number
  ("eight who had sustained gunshot wounds", "two suffering bullet wounds").
"""

from __future__ import annotations

__all__ = ["GUNSHOT_PART_VERBS", "GUNSHOT_WORDS"]

GUNSHOT_WORDS = ("gunshot", "gunshots", "gunfire", "bullet", "bullets")
GUNSHOT_PART_VERBS = ("with", "by", "from", "suffered", "sustained", "suffering", "sustaining")
