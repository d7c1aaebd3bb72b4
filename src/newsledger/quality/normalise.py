"""Unicode and whitespace normalisation of an article body, and dropping repeated
lines. Mojibake and odd code points are fixed with ftfy, with curly quotes kept as
written (quote detection downstream reads both kinds); every space-like character
becomes one ordinary space; lines are stripped and empty ones dropped. Each helper
returns the new text and a short account of what changed, so the caller can flag it."""

from __future__ import annotations

import re

import ftfy

__all__ = ["drop_duplicate_lines", "normalise_text"]

# ftfy's defaults, except that typographic quotes are content, not damage.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
# Zero-width characters carry no text; BOMs show up when files are concatenated.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every horizontal space-like character (NBSP, thin, narrow, ideographic, tabs...).
_SPACES = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# ftfy fixes a text line by line. A line of printable ASCII (tabs allowed) without
# "&" (an HTML entity) holds nothing any of its fixes changes: mojibake, odd widths
# and ligatures are non-ASCII, control characters are left out. Nor do news's own
# typographic marks, curly quotes, en and em dashes, the ellipsis and the no-break
# space (SAFE_MARKS): in every single-byte encoding ftfy tries, they all become UTF-8
# continuation bytes (windows-125x) or all lead bytes (MacRoman), so no run of them
# decodes as UTF-8, and no other fixer touches them. Most lines of news are such
# lines (88% plain ASCII, 7% more with these marks), and ftfy's badness test on
# each costs more than the rest of the quality checks.
SAFE_MARKS = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"
_FTFY_CAN_CHANGE = re.compile(f"[^\t\n\x20-\x25\x27-\x7e{SAFE_MARKS}]")
# ftfy's segments: each line with its newline, and the rest after the last newline.
_SEGMENTS = re.compile(r"[^\n]*\n|[^\n]+")


def normalise_text(text: str) -> tuple[str, list[str]]:
    """(normalised text, list of changes made) — the list is empty when nothing changed."""
    changes: list[str] = []
    fixed = _fix_text(text)
    if fixed != text:
        changes.append("fixed mojibake or odd characters")
    unified = _LINE_BREAKS.sub("\n", fixed)
    invisible = len(_INVISIBLE.findall(unified))
    if invisible:
        changes.append(f"removed {invisible} invisible characters")
        unified = _INVISIBLE.sub("", unified)
    runs = _SPACES.findall(unified)
    odd_spaces = len(runs) - runs.count(" ")
    if odd_spaces:
        changes.append(f"collapsed {odd_spaces} runs of unusual or repeated spaces")
    # Leading and trailing newlines are file framing, not empty lines worth reporting.
    lines = [_SPACES.sub(" ", line).strip() for line in unified.strip("\n").split("\n")]
    empty = sum(1 for line in lines if not line)
    kept = [line for line in lines if line]
    if empty and kept:
        changes.append(f"dropped {empty} empty lines")
    result = "\n".join(kept)
    if result != text and not changes:
        changes.append("stripped surrounding whitespace")
    return result, changes


def _fix_text(text: str) -> str:
    """`ftfy.fix_text(text, config=_FTFY_CONFIG)`, skipping the lines it cannot change.

    The same loop as ftfy's own, segment by segment, including its one piece of
    state: from the first segment holding "<" on, HTML entities are left alone.
    """
    if not _FTFY_CAN_CHANGE.search(text):
        return text
    config = _FTFY_CONFIG
    if len(text) > config.max_decode_length:
        return ftfy.fix_text(text, config=config)  # ftfy also cuts long lines: let it
    fixed = []
    for segment in _SEGMENTS.findall(text):
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        if _FTFY_CAN_CHANGE.search(segment):
            segment = ftfy.fix_and_explain(segment, config).text
        fixed.append(segment)
    return "".join(fixed)


def drop_duplicate_lines(text: str) -> tuple[str, int]:
    """(text without exact repeats of earlier lines, how many were dropped)."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in text.split("\n"):
        if line in seen:
            continue
        seen.add(line)
        kept.append(line)
    return "\n".join(kept), len(text.split("\n")) - len(kept)
