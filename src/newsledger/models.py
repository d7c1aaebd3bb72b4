"""The plain data that flows through newsledger.

Everything a reader, a quality check or an extractor produces is one of these
dataclasses: typed, serialisable with `to_dict`, and free of spaCy objects, so
an analysis can cross process and machine boundaries (multiprocessing, Dask,
Parquet) unchanged. Character offsets always index `Article.text`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CASUALTY_CATEGORIES",
    "CATEGORIES",
    "DISPLACEMENT_CATEGORIES",
    "FIGURE_CATEGORIES",
    "HARM_CATEGORIES",
    "Analysis",
    "Article",
    "Count",
    "Figure",
    "Flag",
    "IncidentSummary",
    "Origin",
    "Quantity",
    "Reject",
    "Span",
    "Statement",
    "to_dict",
]

# The one list of figure categories, in the order lists and menus show them.
# "casualties" is killed and injured together; "other" is a quantity that counts
# no one harmed (every quantity is a figure, so the ledger lists them all).
CATEGORIES = (
    "killed",
    "injured",
    "casualties",
    "missing",
    "displaced",
    "evacuated",
    "detained",
    "housing_destroyed",
    "housing_damaged",
)
FIGURE_CATEGORIES = (*CATEGORIES, "other")
# People harmed in body: killed, injured, or both without saying which.
HARM_CATEGORIES = frozenset({"killed", "injured", "casualties"})
# Every category that counts people harmed or held.
CASUALTY_CATEGORIES = frozenset({*HARM_CATEGORIES, "missing", "detained"})
# People driven from their homes, and the homes lost.
DISPLACEMENT_CATEGORIES = ("displaced", "evacuated", "housing_destroyed", "housing_damaged")


def to_dict(value: Any) -> Any:
    """Turn a model (or a list of them) into JSON-ready builtins."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_dict(item) for item in value]
    if isinstance(value, dict):
        return {key: to_dict(item) for key, item in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: the file (or "-" for stdin) and the record in it.

    `record` is human readable and stable across runs: "line 12", "record 3",
    "offset 40960" (WARC), "row 7" (CSV).
    """

    path: str
    record: str

    def __str__(self) -> str:
        return f"{self.path}, {self.record}"


@dataclass(frozen=True, slots=True)
class Flag:
    """A quality finding stored with an article.

    kinds in use: normalised_text, glued_sentences, duplicate_lines,
    date_missing, date_unparseable, date_inconsistent, duplicate_of.
    `suggested` carries a machine-readable suggestion (an ISO date for
    date_inconsistent, an article id for duplicate_of).
    """

    kind: str
    detail: str = ""
    suggested: str | None = None


@dataclass(slots=True)
class Article:
    """One news article as newsledger keeps it.

    `text` is the normalised body, one sentence or paragraph per line;
    `published` is an ISO date (YYYY-MM-DD) or None when the raw value was
    missing or unparseable; `published_raw` keeps what the source said.
    """

    id: str
    url: str | None
    title: str | None
    published: str | None
    published_raw: str | None
    outlet: str | None
    text: str
    origin: Origin
    flags: list[Flag] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def flag(self, kind: str) -> Flag | None:
        """The first flag of that kind, or None."""
        return next((f for f in self.flags if f.kind == kind), None)

    @property
    def reference_date(self) -> str | None:
        """The date relative expressions resolve against: the suggested date when
        the stated one is flagged inconsistent, else the stated one."""
        inconsistent = self.flag("date_inconsistent")
        if inconsistent is not None and inconsistent.suggested:
            return inconsistent.suggested
        return self.published


@dataclass(frozen=True, slots=True)
class Reject:
    """A record a reader or a check could not accept, kept with its reason."""

    origin: Origin
    reason: str
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of `Article.text`: [start, end) and the text it covers."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Statement:
    """A quotation or reported statement and who made it.

    kind: direct | indirect | mixed.
    speaker: the resolved name (one entity per article), None when unknown;
    speaker_kind: person | organisation | document | unnamed | None.
    stance: says, claims, confirms, denies, accuses, warns, reports...
    """

    kind: str
    content: Span
    cue: Span | None
    cue_lemma: str | None
    speaker_mention: Span | None
    speaker: str | None
    speaker_kind: str | None
    stance: str
    sentence_index: int
    confidence: float


@dataclass(slots=True)
class Quantity:
    """A number in the text with what it counts.

    qualifier: exact, at_least, more_than, at_most, fewer_than, about, range.
    change (for the NewsQuant scorer): "=", "~", "<", ">", "up", "down".
    unit: a unit of measure or currency (percent, dollar, km...) or None;
    noun: the counted noun ("civilians", "homes") or None.
    """

    value_low: float
    value_high: float
    qualifier: str
    unit: str | None
    noun: str | None
    span: Span
    change: str = "="
    vague: bool = False


@dataclass(slots=True)
class Figure:
    """A quantitative claim with its meaning: the ledger's other half.

    category: one of FIGURE_CATEGORIES (killed, injured, casualties, missing,
    displaced, evacuated, detained, housing_destroyed, housing_damaged, other).
    count_unit: people, households, families, homes... (None for non-counts).
    source_kind: party, international, ngo, media, unnamed.
    status: confirmed, claimed, reported, estimated, unverified, disputed.
    as_of: ISO date the figure refers to; period: "since 2022-02-24" style text;
    as_of_note: how as_of was resolved ("from suggested publication date").
    part_of: index (in the article's figure list) of the figure this one is part of.
    place: the most specific place the text gives, as written; place_name, place_region
    (first-level region), place_country (ISO 3166 alpha-2), place_lat, place_lon and
    place_precision (point, region, country): its gazetteer entry (None when unresolved).
    background: the figure counts a past event that is not the article's present story
    ("during the 1991 Hajj"); its period then names that event's time.
    """

    value_low: float
    value_high: float
    qualifier: str
    unit: str | None
    category: str
    count_unit: str | None
    group: str | None
    place: str | None
    as_of: str | None
    period: str | None
    as_of_note: str | None
    source: str | None
    source_mention: Span | None
    source_kind: str | None
    status: str
    span: Span
    sentence: str
    sentence_index: int
    part_of: int | None = None
    place_name: str | None = None
    place_region: str | None = None
    place_country: str | None = None
    place_lat: float | None = None
    place_lon: float | None = None
    place_precision: str | None = None
    background: bool = False


@dataclass(frozen=True, slots=True)
class Count:
    """A count as a range; both ends equal when exact."""

    value_low: float
    value_high: float


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    """The killed and injured counts an article gives for its main incident."""

    killed: Count | None
    injured: Count | None


@dataclass(slots=True)
class Analysis:
    """Everything extracted from one article."""

    article_id: str
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    summary: IncidentSummary | None = None
