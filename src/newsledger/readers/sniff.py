"""Choosing the reader for an input: by file suffix first, then by the first bytes
(gzip magic, "WARC/", "<" for HTML, "[" or "{" for JSON/JSONL, else the plain record
format). An explicit `format=` overrides both."""

from __future__ import annotations

import json
import zlib

from newsledger.errors import FormatError

__all__ = ["FORMATS", "format_for", "is_input_name", "sniff"]

FORMATS = ("record", "jsonl", "json", "csv", "tsv", "html", "warc")

_BY_SUFFIX = {
    ".txt": "record",
    ".record": "record",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
}
_GZIP_MAGIC = b"\x1f\x8b"


# Files that live beside articles in a directory but are never articles themselves.
_NOT_INPUT_SUFFIXES = (
    ".md",
    ".rst",
    ".pdf",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".svg",
    ".py",
    ".toml",
    ".yaml",
    ".yml",
    ".cfg",
    ".ini",
    ".log",
    ".db",
    ".sqlite",
    ".parquet",
    ".db-wal",
    ".db-shm",
)
_NOT_INPUT_STEMS = ("readme", "license", "licence", "attribution", "notice", "copying", "stats")


def is_input_name(name: str) -> bool:
    """Whether a file met while walking a directory may be an input: documentation,
    images and databases beside the articles (README.md, ATTRIBUTION.md...) are not.
    A file named on the command line is always read."""
    lowered = name.lower()
    stem = lowered.split(".", 1)[0]
    return not lowered.endswith(_NOT_INPUT_SUFFIXES) and stem not in _NOT_INPUT_STEMS


def _suffix_format(path: str) -> str | None:
    name = path.lower()
    for suffix in sorted(_BY_SUFFIX, key=len, reverse=True):
        if name.endswith(suffix):
            return _BY_SUFFIX[suffix]
    return None


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 4096)
    except zlib.error:
        return b""


def sniff(head: bytes) -> str:
    """The format the first bytes of an input look like."""
    if head.startswith(_GZIP_MAGIC):
        if _gunzip_head(head).startswith(b"WARC/"):
            return "warc"
        raise FormatError("gzip-compressed data that is not a WARC file")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return "warc"
    if text.startswith(b"<"):
        return "html"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"{"):
        first_line = text.split(b"\n", 1)[0]
        try:
            json.loads(first_line)
        except ValueError:
            return "json"  # one object spread over several lines
        return "jsonl"
    return "record"


def format_for(path: str, head: bytes, override: str | None = None) -> str:
    """The reader to use: `override`, else by suffix, else by content."""
    if override is not None:
        if override not in FORMATS:
            raise FormatError(f"unknown format {override!r}; use one of {', '.join(FORMATS)}")
        return override
    by_suffix = _suffix_format(path) if path != "-" else None
    return by_suffix or sniff(head)
