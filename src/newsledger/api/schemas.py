"""The shapes the HTTP API accepts and returns, as pydantic models.

They mirror the dicts the Store returns (DEVELOPERS.md, "The store API") key
for key, so the OpenAPI spec at /openapi.json documents exactly what a client
gets; routes return Store dicts and FastAPI checks them against these models.
`ArticleIn` is the one request body: what `POST /api/articles` takes.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "BODY_TAGS",
    "MAX_ARTICLES_PER_POST",
    "Article",
    "ArticleDetail",
    "ArticleIn",
    "Citation",
    "Conflict",
    "Entity",
    "ErrorOut",
    "Figure",
    "Health",
    "IngestResult",
    "LedgerEntry",
    "Page",
    "PostedArticle",
    "PostedReject",
    "Stats",
    "Statement",
    "article_part",
]

# One POST analyses every article it carries before answering; more than this
# belongs in `newsledger ingest`, not in one HTTP request.
MAX_ARTICLES_PER_POST = 100
# The two forms of a POST body; pydantic puts the tag in error locations, and
# the error messages leave it out again ("body.text", "body[1].text").
BODY_TAGS = ("article", "articles")
MAX_TEXT_CHARS = 1_000_000
MAX_FIELD_CHARS = 2_000

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of a listing; `next_offset` is null on the last page."""

    items: list[Item]
    limit: int
    offset: int
    next_offset: int | None


class ErrorOut(BaseModel):
    detail: str


class Health(BaseModel):
    status: Literal["ok"]
    schema_version: int
    allow_ingest: bool


class Flag(BaseModel):
    kind: str
    detail: str
    suggested: str | None


class Origin(BaseModel):
    path: str
    record: str


class CountRange(BaseModel):
    value_low: float
    value_high: float


class Summary(BaseModel):
    killed: CountRange | None
    injured: CountRange | None


class Article(BaseModel):
    id: str
    url: str | None
    title: str | None
    published: str | None = Field(description="ISO date, null when unknown")
    published_raw: str | None
    outlet: str | None
    source: Origin
    flags: list[Flag]
    summary: Summary | None


class Statement(BaseModel):
    article_id: str
    kind: str = Field(description="direct, indirect or mixed")
    content: str
    cue: str | None
    cue_lemma: str | None
    speaker: str | None
    speaker_mention: str | None
    speaker_kind: str | None
    stance: str
    start: int
    end: int
    sentence_index: int
    confidence: float


class Figure(BaseModel):
    article_id: str
    index: int
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
    source_kind: str | None
    status: str
    text: str
    start: int
    end: int
    sentence: str
    sentence_index: int
    part_of: int | None
    place_name: str | None = None
    place_region: str | None = None
    place_country: str | None = Field(None, description="ISO 3166 alpha-2 country code")
    place_lat: float | None = None
    place_lon: float | None = None
    place_precision: str | None = Field(None, description="point, region or country")
    background: bool = Field(False, description="a count of a past event, not current news")


class ArticleDetail(Article):
    """One article with a part of its text and a page of its statements and of its figures.

    Offsets in statements and figures count from the start of the whole text,
    whichever part `text` is.
    """

    text: str = Field(description="the text from text_offset, at most text_limit characters")
    text_offset: int = Field(description="where `text` starts in the whole text")
    text_length: int = Field(description="characters in the whole text")
    text_truncated: bool = Field(description="`text` is not the whole text")
    text_next_offset: int | None = Field(description="text_offset of the next part, or null")
    statements: list[Statement]
    statements_total: int
    statements_next_offset: int | None = Field(description="statements_offset of the next page")
    figures: list[Figure]
    figures_total: int
    figures_next_offset: int | None = Field(description="figures_offset of the next page")


class Citation(BaseModel):
    article_id: str
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None
    start: int
    end: int
    text: str


class LedgerEntry(BaseModel):
    entry_id: int | str
    source: str | None
    source_kind: str | None
    category: str
    group: str | None
    place: str | None
    as_of: str | None
    value_low: float
    value_high: float
    qualifier: str
    status: str
    grade: str
    outlets: int
    source_kinds: list[str]
    report_low: float | None
    report_high: float | None
    citations: list[Citation]
    place_region: str | None = None
    place_country: str | None = Field(None, description="ISO 3166 alpha-2 country code")


class Conflict(BaseModel):
    conflict_id: int | str
    kind: str
    category: str
    group: str | None
    place: str | None
    as_of: str | None
    entries: list[LedgerEntry]
    detail: str


class Entity(BaseModel):
    entity_id: int | str
    name: str
    kind: str | None
    aliases: list[str]
    mentions: int


class Stats(BaseModel):
    # Other counts the store adds later (ledger entries, conflicts...) pass through.
    model_config = ConfigDict(extra="allow")

    articles: int
    statements: int
    figures: int
    rejects: int
    flags: dict[str, int]


class ArticleIn(BaseModel):
    """One article to ingest: the same fields a JSONL record has."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, max_length=MAX_FIELD_CHARS)
    date: str | None = Field(
        default=None,
        max_length=100,
        description="publication date as written (YYYYMMDD, ISO, RFC 2822, 'March 3, 2022')",
    )
    url: str | None = Field(default=None, max_length=MAX_FIELD_CHARS)
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    outlet: str | None = Field(default=None, max_length=MAX_FIELD_CHARS)

    @field_validator("text")
    @classmethod
    def _text_has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value


class PostedArticle(BaseModel):
    id: str
    title: str | None
    status: Literal["accepted", "already_stored", "duplicate_in_request", "rejected"]


class PostedReject(BaseModel):
    record: str
    reason: str


class IngestResult(BaseModel):
    accepted: int
    already_stored: int
    duplicates_in_request: int
    rejected: int
    articles: list[PostedArticle]
    rejects: list[PostedReject]


def _window(total: int, offset: int, limit: int) -> tuple[int, int, int | None]:
    end = min(total, offset + limit)
    return min(offset, total), end, end if end < total else None


def article_part(
    article: dict[str, Any],
    *,
    text_offset: int = 0,
    text_limit: int,
    statements_offset: int = 0,
    statements_limit: int,
    figures_offset: int = 0,
    figures_limit: int,
) -> dict[str, Any]:
    """A Store article cut to the asked part of its text and pages of its lists (ArticleDetail)."""
    text = article.get("text") or ""
    start, end, next_text = _window(len(text), text_offset, text_limit)
    part = {key: value for key, value in article.items() if key not in _CUT_KEYS}
    part |= {
        "text": text[start:end],
        "text_offset": text_offset,
        "text_length": len(text),
        "text_truncated": (start, end) != (0, len(text)),
        "text_next_offset": next_text,
    }
    for name, offset, limit in (
        ("statements", statements_offset, statements_limit),
        ("figures", figures_offset, figures_limit),
    ):
        items = article.get(name) or []
        first, last, next_offset = _window(len(items), offset, limit)
        part |= {
            name: items[first:last],
            f"{name}_total": len(items),
            f"{name}_next_offset": next_offset,
        }
    return part


_CUT_KEYS = ("text", "statements", "figures")


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page from `limit + 1` fetched rows: the extra row only says there is a next page."""
    more = len(items) > limit
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }
