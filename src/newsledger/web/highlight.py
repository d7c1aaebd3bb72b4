"""Article text with its statements and figures marked up, built only from escaped segments.

The text is untrusted (it may contain `<script>` or attribute-breaking quotes),
so markup is never made by inserting raw text: the text is cut at every span
boundary, each piece is escaped on its own, and the `<mark>` tags around the
pieces are built here from fixed tag names, a class per kind, an anchor id and
an escaped title. Spans may nest (a figure inside a quotation) or cross; a
crossing span is closed and reopened around the other, so the output is always
well-formed HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from newsledger.api.limits import PAGE_TEXT_CHARS

__all__ = [
    "Highlight",
    "article_href",
    "figure_anchor",
    "figure_highlights",
    "highlight_text",
    "statement_anchor",
    "statement_highlights",
    "text_part_start",
]


@dataclass(frozen=True)
class Highlight:
    """One span to mark: `kind` becomes the CSS class, `title` the hover text."""

    start: int
    end: int
    kind: str
    title: str
    anchor: str | None = None


def figure_anchor(start: int, end: int) -> str:
    """The element id of a figure's mark: its offsets, which citations also carry."""
    return f"fig-{start}-{end}"


def statement_anchor(start: int) -> str:
    """The element id of a statement's mark: where its content starts."""
    return f"st-{start}"


def text_part_start(offset: int) -> int:
    """Where the article page's part holding character `offset` starts."""
    return offset - offset % PAGE_TEXT_CHARS


def article_href(article_id: Any, start: int, anchor: str) -> str:
    """The article page showing the part with character `start`, scrolled to `anchor`."""
    part = text_part_start(start)
    query = f"?text_offset={part}" if part else ""
    return f"/articles/{quote(str(article_id), safe='')}{query}#{anchor}"


def _fields_title(fields: Iterable[tuple[str, Any]]) -> str:
    return "\n".join(f"{name}: {value}" for name, value in fields if value not in (None, ""))


def statement_highlights(statements: Iterable[Mapping[str, Any]]) -> list[Highlight]:
    marks = []
    for statement in statements:
        title = _fields_title(
            (
                ("statement", statement.get("kind")),
                ("speaker", statement.get("speaker")),
                ("speaker kind", statement.get("speaker_kind")),
                ("cue", statement.get("cue")),
                ("stance", statement.get("stance")),
                ("confidence", statement.get("confidence")),
            )
        )
        marks.append(
            Highlight(
                statement["start"],
                statement["end"],
                "statement",
                title,
                statement_anchor(statement["start"]),
            )
        )
    return marks


def figure_highlights(figures: Iterable[Mapping[str, Any]]) -> list[Highlight]:
    """One mark per figure span; figures sharing a span share one mark and its title."""
    by_span: dict[tuple[int, int], list[str]] = {}
    for figure in figures:
        title = _fields_title(
            (
                ("figure", figure.get("category")),
                ("value", _value_text(figure.get("value_low"), figure.get("value_high"))),
                ("qualifier", figure.get("qualifier")),
                ("group", figure.get("group")),
                ("place", figure.get("place")),
                ("as of", figure.get("as_of")),
                ("source", figure.get("source")),
                ("status", figure.get("status")),
            )
        )
        by_span.setdefault((figure["start"], figure["end"]), []).append(title)
    return [
        Highlight(start, end, "figure", "\n--\n".join(titles), figure_anchor(start, end))
        for (start, end), titles in by_span.items()
    ]


def _value_text(low: Any, high: Any) -> str | None:
    def number(value: Any) -> str:
        return f"{value:,.0f}" if isinstance(value, float) and value.is_integer() else str(value)

    if low is None and high is None:
        return None
    if low is None or high is None or low == high:
        return number(low if low is not None else high)
    return f"{number(low)}–{number(high)}"


def _open_tag(mark: Highlight, first_piece: bool) -> str:
    # The id goes on the first piece only: a reopened piece must not repeat it.
    anchor = f' id="{escape(mark.anchor)}"' if first_piece and mark.anchor else ""
    return f'<mark class="{escape(mark.kind)}"{anchor} title="{escape(mark.title)}">'


def highlight_text(text: str, marks: Sequence[Highlight]) -> Markup:
    """`text` escaped, with each in-range mark wrapped in `<mark>`; out-of-range marks dropped."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    # Outer spans first at a shared start, so nesting follows containment.
    valid.sort(key=lambda m: (m.start, -m.end))
    boundaries = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    starting: dict[int, list[Highlight]] = {}
    for mark in valid:
        starting.setdefault(mark.start, []).append(mark)

    parts: list[str] = []
    open_marks: list[Highlight] = []
    for position, next_position in zip(boundaries, boundaries[1:], strict=False):
        ending = [m for m in open_marks if m.end == position]
        if ending:
            # Close down to the deepest ending mark, then reopen the survivors.
            depth = min(open_marks.index(m) for m in ending)
            survivors = [m for m in open_marks[depth:] if m.end != position]
            parts.append("</mark>" * (len(open_marks) - depth))
            open_marks = open_marks[:depth]
            for mark in survivors:
                parts.append(_open_tag(mark, first_piece=False))
                open_marks.append(mark)
        for mark in starting.get(position, []):
            parts.append(_open_tag(mark, first_piece=True))
            open_marks.append(mark)
        parts.append(str(escape(text[position:next_position])))
    parts.append("</mark>" * len(open_marks))
    return Markup("".join(parts))
