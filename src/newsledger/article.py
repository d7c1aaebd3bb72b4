"""Building an Article from raw reader fields: the publication date (parsed to ISO,
raw value kept, relative or impossible dates flagged rather than guessed), the
canonical URL (tracking parameters, fragments and default ports dropped), the stable
article id (a short hash of the canonical URL, else of title + whitespace-collapsed
text, so one article read from two formats gets one id) and the outlet (registered
domain, else the record's own outlet field)."""

from __future__ import annotations

import email.utils
import fnmatch
import hashlib
import re
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import extract_domain, normalize_url

from newsledger.models import Article, Flag, Origin
from newsledger.quality.tables import load_table

__all__ = ["article_id", "canonical_url", "make_article", "outlet_of", "parse_date"]

# Publication years outside this window are typos or epoch placeholders, not dates.
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_COMPACT_DATE = re.compile(r"\d{8}")
_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"[a-z]+")


def _in_range(day: date) -> date | None:
    return day if _MIN_YEAR <= day.year <= _MAX_YEAR else None


def parse_date(raw: str | None) -> tuple[str | None, Flag | None]:
    """(ISO date or None, flag or None) for a raw publication date.

    Absolute dates only: YYYYMMDD, ISO date/datetime (the date as written, in its own
    time zone), RFC 2822, and written forms such as "March 3, 2022". Relative words
    ("yesterday", "3 hours ago") give `date_unparseable`, because the day they mean
    depends on when the page was fetched, which we do not know.
    """
    if raw is None or not raw.strip():
        return None, Flag("date_missing", "no publication date given")
    value = raw.strip()
    parsed = _parse_absolute(value)
    if parsed is None:
        return None, Flag("date_unparseable", f"publication date {value!r} is not a calendar date")
    return parsed.isoformat(), None


def _parse_absolute(value: str) -> date | None:
    if _COMPACT_DATE.fullmatch(value):
        try:
            return _in_range(datetime.strptime(value, "%Y%m%d").date())
        except ValueError:
            return None
    if _ISO_START.match(value):
        try:
            return _in_range(datetime.fromisoformat(value.replace("Z", "+00:00")).date())
        except ValueError:
            pass  # e.g. "2022-03-01T10:00:00.123456789Z": let dateparser try
    try:
        return _in_range(email.utils.parsedate_to_datetime(value).date())
    except (TypeError, ValueError, IndexError):
        pass
    words = set(_WORD.findall(value.lower()))
    if words & set(load_table("date_words.json")["relative_words"]):
        return None
    import dateparser  # slow to import; only free-form dates need it

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return _in_range(parsed.date()) if parsed is not None else None


def _tracking_patterns() -> list[str]:
    return load_table("url_tracking_params.json")["params"]


def canonical_url(url: str | None) -> str | None:
    """The URL an article is known by: lower-case scheme and host, no default port,
    no fragment, no tracking parameters, remaining parameters sorted. None when the
    value is not an http(s) URL."""
    if url is None or not url.strip():
        return None
    value = url.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    patterns = _tracking_patterns()
    kept = [
        (key, item)
        for key, item in parse_qsl(parts.query, keep_blank_values=True)
        if not any(fnmatch.fnmatchcase(key.lower(), pattern) for pattern in patterns)
    ]
    stripped = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), ""))
    try:
        normalised = normalize_url(stripped)
    except ValueError:
        return None
    return urlunsplit(urlsplit(normalised)._replace(fragment=""))


def outlet_of(url: str | None) -> str | None:
    """The registered domain of a URL without "www." ("theguardian.com", "mirror.co.uk")."""
    if not url:
        return None
    domain = extract_domain(url)
    return domain.removeprefix("www.") if domain else None


def article_id(url: str | None, title: str | None, text: str) -> str:
    """16 hex digits: a hash of the canonical URL, else of title and text with all
    whitespace collapsed (so the same article with other line breaks keeps its id)."""
    canonical = canonical_url(url)
    if canonical is not None:
        key = "url\0" + canonical
    else:
        key = "text\0" + " ".join((title or "").split()) + "\0" + " ".join(text.split())
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def make_article(
    *,
    title: str | None,
    date_raw: str | None,
    url: str | None,
    text: str,
    origin: Origin,
    outlet: str | None = None,
) -> Article:
    """An Article with id, parsed date, canonical URL and outlet; text as given
    (quality.check_article normalises it). Date problems become flags, never errors."""
    title = " ".join(title.split()) if title and title.strip() else None
    raw = date_raw.strip() if date_raw and date_raw.strip() else None
    published, date_flag = parse_date(raw)
    canonical = canonical_url(url)
    flags = [date_flag] if date_flag is not None else []
    return Article(
        id=article_id(url, title, text),
        url=canonical if canonical is not None else (url.strip() if url and url.strip() else None),
        title=title,
        published=published,
        published_raw=raw,
        outlet=outlet_of(canonical) or (outlet.strip() if outlet and outlet.strip() else None),
        text=text,
        origin=origin,
        flags=flags,
    )
