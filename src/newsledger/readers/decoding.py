"""Decoding the bytes of line-based inputs (the record format, JSON Lines, CSV/TSV) one
line at a time, so one bad line never changes how the others read. A line that is
valid UTF-8 is decoded as UTF-8, exactly, whatever the rest of the file holds. A line
that is not is either damaged UTF-8 (it also holds valid multi-byte UTF-8 characters:
the bad bytes become U+FFFD) or legacy text, decoded with the file's legacy charset
(detected once by charset-normalizer from the head's non-UTF-8 lines, or from the
first legacy line past the head, so a whole cp1252 or Latin-1 file reads as it always
did) or, failing that, the charset detected for the line itself. Each line decoded
any other way than plain UTF-8 carries a note saying what was done, which the readers
turn into an `encoding` flag (naming the lines when a record spans several)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from newsledger.readers.sources import HEAD_BYTES

__all__ = ["Decoded", "Decoder", "encoding_detail"]

# Legacy charsets of English-language news, most common first (charset-normalizer names).
_PREFERRED_CHARSETS = ("cp1252", "latin_1", "iso8859_15")
# One well-formed multi-byte UTF-8 character (RFC 3629 table 3-7).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Short Western text with a few accented letters fits big5, cp932 or johab too: a
# multi-byte charset is believed when it gives at least this many non-ASCII
# characters, making at least this share of the letters.
_MIN_MULTI_BYTE_CHARACTERS = 4
_MULTI_BYTE_SHARE = 0.3
_REPLACEMENT_BYTES = "\ufffd".encode()
# An encoding flag lists at most this many line numbers per note.
_MAX_LINES_IN_DETAIL = 10


@dataclass(frozen=True, slots=True)
class Decoded:
    """One line's text, and what was done to get it when it was not plain UTF-8."""

    text: str
    note: str | None = None


class Decoder:
    """Decodes the lines of one file; `charset` is the file's legacy charset: the one
    that fits the head's lines that are not UTF-8, else the first one detected for a
    legacy line past the head."""

    def __init__(self, head: bytes = b"") -> None:
        self.charset, self._mostly_legacy = _file_charset(head)

    def decode(self, data: bytes) -> Decoded:
        """The text of one line (never raises)."""
        try:
            return Decoded(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            pass
        if self._mostly_legacy:
            # In a file written in one legacy charset, byte pairs that happen to be
            # well-formed UTF-8 are that charset's characters too.
            legacy = self._legacy(data, self.charset)
            if legacy is not None:
                return legacy
        replaced = data.decode("utf-8-sig", errors="replace")
        invalid = replaced.count("\ufffd") - data.count(_REPLACEMENT_BYTES)
        valid = len(_UTF8_MULTIBYTE.findall(data))
        if valid and valid >= invalid:
            # UTF-8 text with a few broken bytes: a legacy charset would garble the
            # characters that are fine.
            return Decoded(replaced, _replaced_note(invalid))
        legacy = self._legacy(data, self.charset)
        if legacy is None and self.charset is None:
            # Detection costs milliseconds a line: a charset found past the head is
            # remembered for the file's later legacy lines, as a head's would be.
            self.charset = _detect(data)
            legacy = self._legacy(data, self.charset)
        elif legacy is None:
            legacy = self._legacy(data, _detect(data))
        return legacy or Decoded(replaced, _replaced_note(invalid))

    @staticmethod
    def _legacy(data: bytes, charset: str | None) -> Decoded | None:
        if charset is None:
            return None
        try:
            return Decoded(data.decode(charset), f"decoded as {charset}, not UTF-8")
        except (UnicodeDecodeError, LookupError):
            return None


def encoding_detail(notes: Iterable[tuple[int, str]]) -> str | None:
    """An encoding flag's detail from (line number, note) pairs, or None when there
    are none: "decoded as cp1252, not UTF-8 (lines 3, 7)"."""
    lines_by_note: dict[str, list[int]] = {}
    for number, note in notes:
        lines_by_note.setdefault(note, []).append(number)
    parts = []
    for note, numbers in lines_by_note.items():
        shown = ", ".join(str(number) for number in numbers[:_MAX_LINES_IN_DETAIL])
        more = len(numbers) - _MAX_LINES_IN_DETAIL
        label = "line" if len(numbers) == 1 else "lines"
        parts.append(f"{note} ({label} {shown}" + (f" and {more} more)" if more > 0 else ")"))
    return "; ".join(parts) or None


def _replaced_note(invalid: int) -> str:
    sequences = "sequence" if invalid == 1 else "sequences"
    return f"{invalid} invalid UTF-8 byte {sequences} replaced with U+FFFD"


def _file_charset(head: bytes) -> tuple[str | None, bool]:
    """(the legacy charset of the head's lines that are not UTF-8 or None, whether
    such lines outnumber the lines of non-ASCII UTF-8)."""
    lines = head.split(b"\n")
    if len(head) >= HEAD_BYTES:
        lines.pop()  # cut by the head boundary
    legacy: list[bytes] = []
    utf8 = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            legacy.append(line)
        else:
            utf8 += 1
    if not legacy:
        return None, False
    return _detect(b"\n".join(legacy)), len(legacy) > utf8


def _detect(data: bytes) -> str | None:
    """The charset charset-normalizer finds for `data`, with the legacy charsets of
    English-language news preferred among equals; None when none fits."""
    matches = list(from_bytes(data[:HEAD_BYTES]))
    if not matches:
        return None
    # Short Western text fits several code pages equally well; among the equally
    # clean candidates prefer the legacy encodings English-language news uses.
    cleanest = min(match.chaos for match in matches)
    tied = {match.encoding for match in matches if match.chaos == cleanest}
    preferred = next((name for name in _PREFERRED_CHARSETS if name in tied), None)
    if preferred:
        return preferred
    best = matches[0].encoding
    # charset-normalizer often ranks a Baltic or Central European code page first
    # for short Western text ("Zürich" -> "Z³rich"); Windows-1252 is the likelier
    # single-byte charset for the news this reads, so it wins when it decodes.
    if is_multi_byte_encoding(best) and _written_in(data, best):
        return best
    # The same goes for a multi-byte charset (big5, cp932...) ranked first for
    # Western text with a few accented letters ("S\xe3o" -> "S緌").
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return best
    return "cp1252"


def _written_in(data: bytes, charset: str) -> bool:
    """Whether text in a multi-byte charset is mostly that charset's characters, as
    Chinese, Japanese or Korean text is, rather than ASCII letters with a few
    others between them, as Western text misread is."""
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return False
    others = sum(1 for character in text if not character.isascii())
    letters = sum(1 for character in text if character.isascii() and character.isalpha())
    return others >= _MIN_MULTI_BYTE_CHARACTERS and others >= _MULTI_BYTE_SHARE * (others + letters)
