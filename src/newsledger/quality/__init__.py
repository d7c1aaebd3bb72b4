"""Per-article quality checks, run on every Article a reader builds and before any
NLP: Unicode/whitespace normalisation, page furniture (captions, credits, live-blog
headers, calls to the reader, share residue) parted from the text it is glued to
and left out by the extractors, glued-sentence repair, dropping repeated lines,
and date sanity (body dates in the past tense after the stated publication date).
`check_article` applies them in that order and records each finding as a Flag;
near-duplicate detection across articles lives in `near_duplicates`."""

from __future__ import annotations

from newsledger.models import Article, Flag
from newsledger.quality.boilerplate import separate_boilerplate
from newsledger.quality.dates import date_sanity
from newsledger.quality.glued import repair_glued
from newsledger.quality.normalise import drop_duplicate_lines, normalise_text

__all__ = ["check_article"]

# Flag details are shown in listings; long lists of repaired spots are cut here.
_MAX_SPOTS_IN_DETAIL = 5


def check_article(article: Article) -> Article:
    """The article with normalised text and quality flags added (mutated and returned).

    Running it twice adds no new flags: a clean text has nothing left to repair.
    """
    text, changes = normalise_text(article.text)
    if changes:
        article.flags.append(Flag("normalised_text", "; ".join(changes)))
    text = _set_apart_boilerplate(article, text)

    repaired_lines: list[str] = []
    spots: list[str] = []
    for line in text.split("\n"):
        repaired, found = repair_glued(line)
        repaired_lines.append(repaired)
        spots.extend(found)
    if spots:
        shown = ", ".join(spots[:_MAX_SPOTS_IN_DETAIL])
        more = len(spots) - _MAX_SPOTS_IN_DETAIL
        detail = f"{len(spots)} repaired: {shown}" + (f" and {more} more" if more > 0 else "")
        article.flags.append(Flag("glued_sentences", detail))
    text = "\n".join(repaired_lines)

    text, dropped = drop_duplicate_lines(text)
    if dropped:
        article.flags.append(Flag("duplicate_lines", f"{dropped} repeated lines dropped"))
    article.text = text

    if article.flag("date_inconsistent") is None:
        inconsistent = date_sanity(text, article.published)
        if inconsistent is not None:
            article.flags.append(inconsistent)
    return article


def _set_apart_boilerplate(article: Article, text: str) -> str:
    """`text` with page furniture parted from the text it was glued to; one flag
    counting the stretches by kind (set once: a second run finds the same ones)."""
    lines: list[str] = []
    kinds: dict[str, int] = {}
    for line in text.split("\n"):
        parted, found = separate_boilerplate(line)
        lines.append(parted)
        for kind in found:
            kinds[kind] = kinds.get(kind, 0) + 1
    if kinds and article.flag("boilerplate") is None:
        counted = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
        detail = (
            f"{sum(kinds.values())} stretches of page furniture left out of analysis: {counted}"
        )
        article.flags.append(Flag("boilerplate", detail))
    return "\n".join(lines)
