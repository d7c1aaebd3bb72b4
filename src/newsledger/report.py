"""The ledger summary: what `newsledger summary` and `make run` print.

`build_summary(store)` reads a Store and returns plain, JSON-ready data
(counts, quality flags by kind with an example each, top speakers, casualty
figures); `render_summary(summary)` turns that data into the text a person
reads. Keeping the two apart lets the CLI offer `--format json` and lets tests
check the numbers without parsing text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsledger.store import Store

__all__ = ["FLAG_MEANINGS", "build_summary", "next_steps", "render_summary"]

# What each quality flag kind means, for people reading the summary and the README.
FLAG_MEANINGS: dict[str, str] = {
    "normalised_text": "Unicode quotes, dashes or spaces were normalised",
    "glued_sentences": "sentences glued together without a space were split apart",
    "duplicate_lines": "lines repeated in the body were dropped",
    "date_missing": "no publication date was given",
    "date_unparseable": "the publication date could not be parsed",
    "date_inconsistent": "the body mentions dates after the stated publication date",
    "duplicate_of": "a near-duplicate of an article already in the ledger",
    "encoding": "a line was not UTF-8: decoded with a legacy charset, or bad bytes replaced",
}

# Figures whose category is "other" are counts of things (rockets, homes without a
# casualty meaning...), not of people harmed; the summary table lists the rest.
NON_CASUALTY_CATEGORY = "other"


def _count_value(count: Mapping[str, Any] | None) -> str | None:
    if not count:
        return None
    return _range_text(count.get("value_low"), count.get("value_high"))


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _range_text(low: Any, high: Any) -> str:
    if low is None:
        return ""
    if high is None or high == low:
        return _number(low)
    return f"{_number(low)}–{_number(high)}"


def _flag_examples(store: Store, kinds: set[str]) -> dict[str, dict[str, Any]]:
    """One example article per flag kind; stops reading once every kind has one."""
    examples: dict[str, dict[str, Any]] = {}
    for article in store.articles():
        for flag in article.get("flags") or []:
            kind = flag.get("kind")
            if kind and kind not in examples:
                examples[kind] = {
                    "article_id": article.get("id"),
                    "title": article.get("title"),
                    "published": article.get("published"),
                    "detail": flag.get("detail") or "",
                    "suggested": flag.get("suggested"),
                }
        if kinds and kinds <= examples.keys():
            break
    return examples


def build_summary(
    store: Store, *, top_speakers: int = 8, casualty_rows: int = 60, rows_per_article: int = 4
) -> dict[str, Any]:
    """Summarise the ledger: counts, flags with examples, speakers, casualty figures.

    `casualty_rows` caps the figure rows returned and `rows_per_article` the rows
    one article may fill (the totals are always given), so the table shows many
    articles and the summary of a million-article ledger stays readable.
    """
    counts = store.counts()
    flag_counts: dict[str, int] = dict(counts.get("flags") or {})
    examples = _flag_examples(store, set(flag_counts))
    flags = [
        {
            "kind": kind,
            "count": flag_counts.get(kind, 0),
            "meaning": FLAG_MEANINGS.get(kind, ""),
            "example": examples.get(kind),
        }
        for kind in sorted(set(flag_counts) | set(examples))
    ]

    speakers: Counter[str] = Counter()
    statement_total = 0
    for statement in store.statements():
        statement_total += 1
        if statement.get("speaker"):
            speakers[statement["speaker"]] += 1

    titles = {a["id"]: a.get("title") for a in store.articles()}
    casualty_total = 0
    figure_total = 0
    casualties: list[dict[str, Any]] = []
    shown_for_article: Counter[str | None] = Counter()
    for figure in store.figures():
        figure_total += 1
        if figure.get("category") in (None, NON_CASUALTY_CATEGORY):
            continue
        casualty_total += 1
        shown_for_article[figure.get("article_id")] += 1
        if (
            len(casualties) < casualty_rows
            and shown_for_article[figure.get("article_id")] <= rows_per_article
        ):
            casualties.append(
                {
                    "article_id": figure.get("article_id"),
                    "article": titles.get(figure.get("article_id")),
                    "value": _range_text(figure.get("value_low"), figure.get("value_high")),
                    "qualifier": figure.get("qualifier"),
                    "category": figure.get("category"),
                    "group": figure.get("group"),
                    "place": figure.get("place"),
                    "as_of": figure.get("as_of"),
                    "source": figure.get("source"),
                    "status": figure.get("status"),
                }
            )

    return {
        "articles": counts.get("articles", len(titles)),
        "rejects": counts.get("rejects", 0),
        "flags": flags,
        "statements": counts.get("statements", statement_total),
        "top_speakers": [
            {"speaker": name, "statements": n} for name, n in speakers.most_common(top_speakers)
        ],
        "figures": counts.get("figures", figure_total),
        "casualty_figures": casualty_total,
        "casualties": casualties,
    }


def _table(rows: list[list[str]], header: list[str]) -> list[str]:
    """A plain-text table; plain so it reads the same in a terminal, a log or a test."""
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()
    out = ["  " + line, "  " + "  ".join("-" * w for w in widths)]
    out += [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return out


def _short(text: Any, width: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def render_summary(summary: Mapping[str, Any]) -> str:
    """The summary as text for people, one section per part of the ledger."""
    lines = [
        f"Articles: {summary['articles']:,}   rejected records: {summary['rejects']:,}",
        "",
        "Quality flags:",
    ]
    if not summary["flags"]:
        lines.append("  none")
    for flag in summary["flags"]:
        lines.append(f"  {flag['kind']}: {flag['count']:,}  ({flag['meaning']})".replace(" ()", ""))
        example = flag.get("example")
        if example:
            where = f"{example['article_id']} “{_short(example['title'], 60)}”"
            if example.get("suggested"):
                where += f", suggested {example['suggested']}"
            lines.append(f"    e.g. {where}")
            if example["detail"]:
                lines.append(f"         {_short(example['detail'], 200)}")

    lines += ["", f"Statements: {summary['statements']:,}"]
    if not summary["statements"]:
        lines.append("  none yet")
    elif summary["top_speakers"]:
        lines.append("  top speakers:")
        lines += [f"    {s['statements']:>4}  {s['speaker']}" for s in summary["top_speakers"]]

    lines += [
        "",
        f"Figures: {summary['figures']:,} "
        f"({summary['casualty_figures']:,} casualty and related figures, shown by article)",
    ]
    if not summary["casualties"]:
        lines.append("  none yet")
    else:
        header = [
            "value",
            "qualifier",
            "category",
            "group",
            "place",
            "as of",
            "source",
            "status",
            "article",
        ]
        rows = [
            [
                f["value"],
                f["qualifier"] or "",
                f["category"] or "",
                _short(f["group"], 24),
                _short(f["place"], 18),
                f["as_of"] or "",
                _short(f["source"], 28),
                f["status"] or "",
                _short(f["article"] or f["article_id"], 36),
            ]
            for f in summary["casualties"]
        ]
        lines += _table(rows, header)
        hidden = summary["casualty_figures"] - len(summary["casualties"])
        if hidden > 0:
            lines.append(
                f"  … and {hidden:,} more (`newsledger show ID` lists an article's figures)"
            )
    return "\n".join(lines) + "\n"


def _find_article(store: Store, source_path: str | None) -> dict[str, Any] | None:
    """The article read from `source_path`, else the first flagged date_inconsistent, else any."""
    wanted = Path(source_path).resolve() if source_path else None
    flagged = first = None
    for article in store.articles():
        first = first or article
        path = (article.get("source") or {}).get("path")
        if wanted is not None and path and path != "-" and Path(path).resolve() == wanted:
            return article
        kinds = {f.get("kind") for f in article.get("flags") or []}
        if flagged is None and "date_inconsistent" in kinds:
            flagged = article
    return flagged or first


def next_steps(db_path: str, source_path: str | None = None) -> str:
    """The commands to try after `make run`, naming a real article id from the ledger.

    `source_path` picks the article to show (the seed record when present).
    """
    from newsledger.store import Store

    store = Store(db_path)
    try:
        article = _find_article(store, source_path)
    finally:
        store.close()
    lines = ["Next, try:", f"  newsledger articles --db {db_path}"]
    if article is not None:
        lines.append(f"  newsledger show {article['id']} --db {db_path} --format json")
    lines += [
        f"  newsledger rejects --db {db_path}",
        f"  newsledger summary --db {db_path} --format json",
        f"  newsledger serve --db {db_path}    then open http://127.0.0.1:8000/ (the dashboard)",
    ]
    return "\n".join(lines) + "\n"
