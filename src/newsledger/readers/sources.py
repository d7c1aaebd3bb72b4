"""Opening inputs for the readers: expanding paths (files, directories, globs, "-" for
stdin) in a stable order, opening each as a binary stream whose first bytes can be
inspected without consuming them, and reading lines in bounded chunks (a 50 MB line is
measured and skipped, never held). Decoding the bytes is `decoding.py`'s."""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsledger.readers.sniff import is_input_name

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "HEAD_BYTES",
    "Line",
    "PathProblem",
    "bounded_lines",
    "expand_paths",
    "looks_binary",
    "open_stream",
]

DEFAULT_MAX_RECORD_BYTES = 10 * 1024 * 1024
HEAD_BYTES = 64 * 1024
# Lines are read this much at a time so a huge line never sits in memory whole.
_CHUNK = 1024 * 1024
# Control characters that plain text does contain.
_TEXT_CONTROLS = {9, 10, 12, 13, 27, 8}
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A path that yields no file to read, with the reason."""

    path: str
    reason: str


def _visible(path: Path) -> bool:
    return not path.name.startswith(".")


def expand_paths(paths: list[str | os.PathLike[str]]) -> Iterator[str | PathProblem]:
    """Each input as a file path (or "-"), in the order given; directories recursively
    in sorted order without hidden files or files of other kinds (see
    `is_input_name`); globs sorted; problems in place."""
    for raw in paths:
        path = os.fspath(raw)
        if path == "-":
            yield path
        elif os.path.isdir(path):
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and is_input_name(name):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                yield PathProblem(path, "directory holds no readable files")
        elif os.path.exists(path):
            yield path
        elif _GLOB_CHARS & set(path):
            matches = sorted(m for m in glob.glob(path, recursive=True) if _visible(Path(m)))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                yield PathProblem(path, "no files match this pattern")
            yield from files
        else:
            yield PathProblem(path, "file not found")


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read from another stream (stdin cannot seek)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def open_stream(path: str) -> tuple[BinaryIO, bytes]:
    """(binary stream positioned at the start, its first HEAD_BYTES bytes).
    Raises OSError when the path cannot be opened or read."""
    if path == "-":
        source = sys.stdin.buffer
        head = source.read(HEAD_BYTES)
        return io.BufferedReader(_Prefixed(head, source), buffer_size=_CHUNK), head
    stream = open(path, "rb")  # noqa: SIM115 - the caller closes it when done
    try:
        head = stream.read(HEAD_BYTES)
        stream.seek(0)
    except OSError:
        stream.close()
        raise
    return stream, head


def looks_binary(head: bytes) -> bool:
    """True for data that is not text in any charset: NUL bytes or many control bytes."""
    if not head:
        return False
    if b"\x00" in head[:8192]:
        return True
    sample = head[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / len(sample) > 0.05


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a file: its number, its bytes (None when over the size limit)
    and its size in bytes."""

    number: int
    data: bytes | None
    size: int


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[Line]:
    """The lines of a binary stream, read in chunks; a line longer than `max_bytes` is
    consumed and measured but its bytes are dropped (data=None)."""
    number = 0
    while True:
        parts: list[bytes] = []
        size = 0
        too_long = False
        while True:
            chunk = stream.readline(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if not too_long:
                if size > max_bytes:
                    too_long = True
                    parts.clear()
                else:
                    parts.append(chunk)
            if chunk.endswith(b"\n"):
                break
        if size == 0:
            return
        number += 1
        yield Line(number, None if too_long else b"".join(parts), size)
