"""Map offsets in the stored (normalised) text back to offsets in the gold text.

Ingest normalises a text before it is analysed (`quality.check_article`): runs
of spaces collapse, empty lines go, glued sentences get a space ("falterRead"
→ "falter. Read"), invisible characters and repeated lines are dropped. The
ledger's offsets point into that stored text; gold offsets point into the text
as published. Those repairs change only spaces, punctuation and invisible
characters inside a line, or drop whole lines, so the letters and digits of
the two texts are the same sequence up to dropped lines. `OffsetMap` pairs the
lines of the two texts by their letters and digits (difflib over lines, which
stays fast on 30,000-character live blogs where a character diff does not) and
maps each letter or digit of a paired line to its twin.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from difflib import SequenceMatcher

__all__ = ["OffsetMap", "SpanMapper", "span_mapper"]

# (start, end) in the stored text -> (start, end) in the gold text, or None
SpanMapper = Callable[[int, int], "tuple[int, int] | None"]


def span_mapper(stored: str, gold: str) -> SpanMapper:
    """Stored-text spans to gold-text spans: unchanged when ingest left the text as it
    was, else through an `OffsetMap` of the two texts."""
    if stored == gold:
        return lambda start, end: (start, end)
    return OffsetMap(stored, gold).to_gold


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line) for each line of `text`."""
    lines = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    return lines


def _skeleton(start: int, line: str) -> tuple[str, list[int]]:
    """The letters and digits of a line, and the text offset of each."""
    offsets = [start + i for i, char in enumerate(line) if char.isalnum()]
    return "".join(line[offset - start] for offset in offsets), offsets


class OffsetMap:
    """Offsets of `stored` (the normalised text) mapped into `gold` (the original)."""

    def __init__(self, stored: str, gold: str) -> None:
        self._gold_length = len(gold)
        stored_lines = [_skeleton(*line) for line in _lines(stored)]
        gold_lines = [_skeleton(*line) for line in _lines(gold)]
        pairs: dict[int, int] = {}
        matcher = SequenceMatcher(
            None,
            [key for key, _ in stored_lines],
            [key for key, _ in gold_lines],
            autojunk=False,
        )
        for tag, s1, s2, g1, g2 in matcher.get_opcodes():
            if tag not in ("equal", "replace"):
                continue
            stored_offsets = [o for _, offsets in stored_lines[s1:s2] for o in offsets]
            gold_offsets = [o for _, offsets in gold_lines[g1:g2] for o in offsets]
            stored_key = "".join(key for key, _ in stored_lines[s1:s2])
            gold_key = "".join(key for key, _ in gold_lines[g1:g2])
            if stored_key == gold_key:
                pairs.update(zip(stored_offsets, gold_offsets, strict=True))
        self._stored = sorted(pairs)
        self._gold = [pairs[offset] for offset in self._stored]

    @property
    def mapped(self) -> int:
        """How many letters and digits of the stored text have a twin in the gold text."""
        return len(self._stored)

    def to_gold(self, start: int, end: int) -> tuple[int, int] | None:
        """The gold-text span of the stored span [start, end), or None when none of
        its letters or digits has a twin (a dropped line, an empty span).

        Punctuation and spaces at the span's edges keep their distance from the
        first and last mapped character."""
        first = bisect_left(self._stored, start)
        last = bisect_left(self._stored, end) - 1
        if first > last:
            return None
        gold_start = self._gold[first] - (self._stored[first] - start)
        gold_end = self._gold[last] + 1 + (end - self._stored[last] - 1)
        return max(0, gold_start), min(self._gold_length, max(gold_end, gold_start + 1))
