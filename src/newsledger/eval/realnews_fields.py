"""When a stored field counts as right against the real-news gold (issue 16).

The gold writes fields as eval/gold/GUIDELINES.md says; the ledger stores
them as it reads them. These comparisons decide, field by field, whether the
two say the same thing, and nothing more lenient:

- value: both ends equal (`value_low`, `value_high`);
- category, status: equal;
- group: the same head of who is counted (GUIDELINES' head list; "troops" is
  "soldiers", no group is "people"); the side is not compared;
- place: the same place name, case and a leading "the" aside, or two names of
  one gazetteer entry ("US", "U.S." and "the United States"; "Kiev" and "Kyiv":
  each name resolved alone by extract/figures/gazetteer.py, so "Kyiv region" is
  not "Kyiv"); no place stored is right only when the gold has none;
- as-of: the same ISO date; none stored is right only when the gold has none;
- source and speaker: the same name, with the words of one inside the other's
  ("Zelenskiy" for "Volodymyr Zelenskiy", "UN human rights office" for "the
  UN human rights office"); "unnamed" in the gold is right only for none.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from newsledger.eval.realnews_gold import GoldFigure
from newsledger.extract.figures.gazetteer import resolve

__all__ = ["FIGURE_FIELDS", "field_right", "group_head", "same_name"]

FIGURE_FIELDS = ("value", "category", "group", "place", "source", "status", "as_of")
UNNAMED = frozenset({"", "unnamed"})
_NAME_FILLERS = frozenset({"the", "a", "an", "s", "of"})
_WORD = re.compile(r"[\w-]+")


@cache
def _heads() -> dict[str, str]:
    text = resources.files("newsledger").joinpath("data", "gold_group_heads.json").read_text()
    return json.loads(text)["heads"]


def group_head(group: str | None) -> str:
    """The head of a group phrase, folded to the guidelines' heads ("people" for none)."""
    words = _WORD.findall((group or "").casefold())
    if not words:
        return "people"
    heads = _heads()
    return heads.get(words[-1], words[-1])


def _name_words(name: str | None) -> frozenset[str]:
    words = _WORD.findall((name or "").casefold().replace("\u2019", "'").replace("'s", " "))
    return frozenset(word for word in words if word not in _NAME_FILLERS)


def same_name(gold: str, stored: str | None) -> bool:
    """A stored source or speaker names what the gold names (see the module text)."""
    if gold.strip().casefold() in UNNAMED:
        return stored is None or stored.strip().casefold() in UNNAMED
    gold_words, stored_words = _name_words(gold), _name_words(stored)
    if not gold_words or not stored_words:
        return False
    return stored_words <= gold_words or gold_words <= stored_words


def _place(name: str | None) -> str:
    name = (name or "").strip().casefold()
    return name[4:] if name.startswith("the ") else name


def same_place(gold: str | None, stored: str | None) -> bool:
    """The same name, or two names of one gazetteer entry."""
    if _place(gold) == _place(stored):
        return True
    if not gold or not stored:
        return False
    gold_entry, stored_entry = resolve(gold), resolve(stored)
    return (
        gold_entry is not None and stored_entry is not None and gold_entry.key == stored_entry.key
    )


def field_right(name: str, gold: GoldFigure, row: dict[str, Any]) -> bool:
    """Whether the stored figure row's field `name` (one of FIGURE_FIELDS) is right."""
    if name == "value":
        return row["value_low"] == gold.value_low and row["value_high"] == gold.value_high
    if name == "group":
        return group_head(row["group"]) == group_head(gold.group)
    if name == "place":
        return same_place(gold.place, row["place"])
    if name == "source":
        return same_name(gold.source, row["source"])
    if name == "as_of":
        return (row["as_of"] or "") == gold.as_of
    if name in ("category", "status"):
        return row[name] == getattr(gold, name)
    raise ValueError(f"unknown figure field {name!r}")
