"""Word tables for reading victims out of news text (`extract.victims`, `extract.summary`).

Owns the English wording, kept as data rather than branches:
- `GUNSHOT_WORDS`: what marks a wound as a gunshot ("five with gunshot wounds",
  "five by gunfire"), so that a count of the hurt can be narrowed to the shot;
- `GUNSHOT_PART_VERBS`: the words that join such a part to its number
  ("eight who had sustained gunshot wounds", "two suffering bullet wounds");
- `NAME_WORDS_AFTER_NUMBER`: capitalised words that make the number before them part of a
  name, not a count ("Police told 13 News two people were shot": a station).
"""

from __future__ import annotations

__all__ = ["GUNSHOT_PART_VERBS", "GUNSHOT_WORDS", "NAME_WORDS_AFTER_NUMBER"]

GUNSHOT_WORDS = ("gunshot", "gunshots", "gunfire", "bullet", "bullets")
GUNSHOT_PART_VERBS = ("with", "by", "from", "suffered", "sustained", "suffering", "sustaining")
NAME_WORDS_AFTER_NUMBER = frozenset({"News"})
