"""Repair of sentences glued together by a scraper ("...call you hereI feel shame",
"...in Poland.He said"): a sentence break is inserted on the same line, so quote marks
stay balanced per line. Names with an inner capital (McDonald, DeSantis, iPhone,
YouTube) are left alone: the name prefixes, whole names and likely sentence starters
are data in `data/glued_words.json`."""

from __future__ import annotations

import re
from functools import cache

from newsledger.quality.tables import load_table

__all__ = ["repair_glued"]

# A word made of a left part ending in two lower-case letters and a right part that
# starts a new capitalised word ("hereI", "UkraineHe"); a right part like "OS" (macOS)
# is an acronym, not a sentence.
_GLUED_WORD = re.compile(
    r"(?<![\w@#/.’'-])(?P<left>[A-Za-z’']*[a-z]{2})(?P<right>[A-Z](?:[a-z]+|(?![A-Za-z])))"
)
# Sentence punctuation with no space after it between two words ("Poland.He").
# Two lower-case letters before it keep abbreviations (U.S.A, e.g.) out.
_GLUED_STOP = re.compile(r"(?<=[a-z]{2})(?P<stop>[.!?])(?P<right>[A-Z][a-z]+)\b")
# What either pattern needs somewhere in a line: a lower-case letter followed by a
# capital, directly or through sentence punctuation. Most lines have neither.
_GLUE_PROBE = re.compile(r"[a-z][.!?]?[A-Z]")
# Web addresses and handles glue words on purpose.
_URLISH = re.compile(r"\S*(?:www\.|https?:|\.com|\.org|\.net|\.co\.uk|@)\S*")


@cache
def _tables() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    table = load_table("glued_words.json")
    prefixes = tuple(sorted(table["name_prefixes"], key=len, reverse=True))
    return prefixes, frozenset(table["names"]), frozenset(table["sentence_starters"])


@cache
def _non_final_words() -> frozenset[str]:
    return frozenset(load_table("glued_words.json")["non_final_words"])


def _is_name(left: str, right: str, following: str) -> bool:
    prefixes, names, starters = _tables()
    word = (left + right + following).lower().strip("’'")
    if word in names or (left + right).lower() in names:
        return True
    if left.lower().lstrip("’'") in prefixes:
        return True
    # A capitalised left part (BlackRock, UkraineHe) is glue only before a word
    # that usually opens a sentence.
    return left[0].isupper() and right not in starters


def repair_glued(line: str) -> tuple[str, list[str]]:
    """(repaired line, the repaired spots as "hereI -> here. I")."""
    if not _GLUE_PROBE.search(line):
        return line, []
    spots: list[str] = []
    protected = [match.span() for match in _URLISH.finditer(line)]

    def inside_url(position: int) -> bool:
        return any(start <= position < end for start, end in protected)

    def split_word(match: re.Match[str]) -> str:
        left, right = match.group("left"), match.group("right")
        following = re.match(r"[A-Za-z]*", line[match.end() :]).group()
        if inside_url(match.start()) or _is_name(left, right, following):
            return match.group()
        # After "the" or "including" the glue is a lost space, not a sentence end.
        joint = " " if left.lower() in _non_final_words() else ". "
        spots.append(f"{left}{right} -> {left}{joint}{right}")
        return f"{left}{joint}{right}"

    def split_stop(match: re.Match[str]) -> str:
        if inside_url(match.start()):
            return match.group()
        stop, right = match.group("stop"), match.group("right")
        spots.append(f"{stop}{right} -> {stop} {right}")
        return f"{stop} {right}"

    repaired = _GLUED_WORD.sub(split_word, line)
    repaired = _GLUED_STOP.sub(split_stop, repaired)
    return repaired, spots
