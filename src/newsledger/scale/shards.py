"""Cutting inputs into shards for the Dask batch, and reading one shard.

The inputs expand exactly as `ingest` expands them (directories in sorted
order, globs, problems in place). A plain UTF-8 JSON Lines file is cut into
ranges of `shard_size` lines (by byte offset, so a worker reads only its
range, and with the file's real line numbers in every Origin); other files
are grouped, `shard_size` files a shard, except WARC, CSV and JSON files,
which are one shard each. Reading a shard gives the same records, checked by
the same quality checks, as `read_inputs` gives for that stretch of input.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsledger.errors import FormatError
from newsledger.models import Article, Origin, Reject
from newsledger.quality import check_article
from newsledger.readers import read_inputs
from newsledger.readers.base import ReadContext, ReadStats
from newsledger.readers.jsonl import read_jsonl
from newsledger.readers.sniff import format_for
from newsledger.readers.sources import HEAD_BYTES, PathProblem, expand_paths, looks_binary

__all__ = ["DEFAULT_SHARD_SIZE", "Shard", "plan_shards", "read_shard"]

DEFAULT_SHARD_SIZE = 500
# Formats whose files are a shard each: one file holds many records, and these
# readers cannot start in the middle of one.
_WHOLE_FILE_FORMATS = frozenset({"warc", "csv", "tsv", "json"})
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of work: whole files, or lines first_line.. of one JSONL file.

    For a line range, byte_start/byte_end delimit it in the file.
    """

    index: int
    paths: tuple[str, ...]
    first_line: int = 0
    byte_start: int = 0
    byte_end: int = 0

    @property
    def is_line_range(self) -> bool:
        return self.first_line > 0

    @property
    def key(self) -> str:
        """A short digest of what the shard covers: its file names are built from it."""
        spec = json.dumps(dataclasses.asdict(self), sort_keys=True)
        return hashlib.sha1(spec.encode("utf-8")).hexdigest()[:10]

    @property
    def name(self) -> str:
        return f"shard-{self.index:05d}-{self.key}"

    def describe(self) -> str:
        if self.is_line_range:
            return f"{self.paths[0]} from line {self.first_line}"
        return ", ".join(self.paths)


def _line_ranges(path: str, shard_size: int) -> list[tuple[int, int, int]] | None:
    """(first line, byte start, byte end) per range, or None when the file must stay whole."""
    ranges: list[tuple[int, int, int]] = []
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
        if head.startswith(_GZIP_MAGIC) or not head.strip() or looks_binary(head):
            return None  # the file's reader rejects it (or unpacks it) as a whole
        stream.seek(0)
        line_number = 0
        start = 0
        offset = 0
        for line in stream:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                # The JSONL decoder switches charset for the rest of the file
                # after a non-UTF-8 line: only a whole-file read matches ingest.
                return None
            if line_number % shard_size == 0 and line_number:
                ranges.append((line_number - shard_size + 1, start, offset))
                start = offset
            offset += len(line)
            line_number += 1
        if offset > start:
            first = (line_number - 1) // shard_size * shard_size + 1
            ranges.append((first, start, offset))
    return ranges or None


def _format_of(path: str, format_override: str | None) -> str | None:
    try:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
        return format_for(path, head, format_override)
    except (OSError, FormatError):
        return None  # read_inputs turns it into a Reject inside the shard


def plan_shards(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    shard_size: int = DEFAULT_SHARD_SIZE,
    format: str | None = None,  # noqa: A002 - the ingest keyword
) -> list[Shard]:
    """The shards of `inputs`, in input order."""
    if shard_size < 1:
        raise ValueError(f"shard_size must be at least 1, not {shard_size}")
    shards: list[Shard] = []
    group: list[str] = []

    def close_group() -> None:
        if group:
            shards.append(Shard(len(shards), tuple(group)))
            group.clear()

    for item in expand_paths(list(inputs)):
        # A problem (no such file...) is re-found and rejected by the shard's reader.
        path = item.path if isinstance(item, PathProblem) else item
        if path == "-":
            raise FormatError("the Dask batch reads files, not stdin")
        chosen = None if isinstance(item, PathProblem) else _format_of(path, format)
        ranges = _line_ranges(path, shard_size) if chosen == "jsonl" else None
        if ranges is not None:
            close_group()
            for first_line, byte_start, byte_end in ranges:
                shards.append(Shard(len(shards), (path,), first_line, byte_start, byte_end))
        elif chosen in _WHOLE_FILE_FORMATS or chosen == "jsonl":
            close_group()
            shards.append(Shard(len(shards), (path,)))
        else:
            group.append(path)
            if len(group) >= shard_size:
                close_group()
    close_group()
    return shards


def read_shard(
    shard: Shard,
    *,
    format: str | None = None,  # noqa: A002 - the ingest keyword
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    """The checked Articles and Rejects of one shard, as `read_inputs` would give them."""
    if not shard.is_line_range:
        yield from read_inputs(list(shard.paths), format=format, fields=fields)
        return
    path = shard.paths[0]
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
        stream.seek(shard.byte_start)
        data = stream.read(shard.byte_end - shard.byte_start)
    context = ReadContext(stats=ReadStats(), fields=fields)
    shift = shard.first_line - 1
    for record in read_jsonl(io.BytesIO(data), head, path, context):
        number = int(record.origin.record.removeprefix("line ")) + shift
        origin = Origin(path, f"line {number}")
        if isinstance(record, Reject):
            yield dataclasses.replace(record, origin=origin)
            continue
        record.origin = origin
        try:
            yield check_article(record)
        except Exception as exc:  # noqa: BLE001 - as read_inputs: one record must not stop a batch
            yield Reject(origin, f"quality check failed: {exc}")
