"""Where quotations sit in a parsed doc: the token, sentence and paragraph geometry.

`Layout` maps the quotation spans of the raw text onto the parse (which tokens
each quotation holds, which sentence and paragraph a token or character is in).
`quote_sources` and `quote_labels` both read quotations through it; it reads
nothing from them, so the dependency goes one way.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsledger.extract.context import doc_sentences, token_starts
from newsledger.extract.statements.quotes import QuoteSpan

__all__ = ["Layout"]

_NEWLINE = re.compile("\n")


class Layout:
    """Character and token geometry of one doc: quotes, sentences, paragraphs."""

    def __init__(self, doc, quotes: list[QuoteSpan], text: str) -> None:
        self.doc = doc
        self.quotes = quotes
        # Doc.text joins every token anew on each access: read it once per doc.
        self.text = text
        self.newlines = [match.start() for match in _NEWLINE.finditer(text)]
        self.token_starts = token_starts(doc)
        sentences = doc_sentences(doc)
        self.sentence_starts = [sent.start for sent in sentences]
        self.sentence_ends = [sent.end for sent in sentences]
        self.quote_of_token: list[int] = [-1] * len(doc)
        self.quote_tokens: list[tuple[int, int]] = []
        starts = self.token_starts
        position = 0
        for number, quote in enumerate(quotes):
            while position < len(doc) and starts[position] < quote.start:
                position += 1
            first = position
            while position < len(doc) and starts[position] < quote.end:
                self.quote_of_token[position] = number
                position += 1
            self.quote_tokens.append((first, position))

    def clip(self, span: tuple[int, int] | None, anchor: int) -> tuple[int, int] | None:
        """The part of a token span inside the anchor token's paragraph: a parse may run
        a sentence on across lines, a statement never does."""
        if span is None:
            return None
        paragraph = self.paragraph(self.doc[anchor].idx)
        start, end = span
        while start < end and self.paragraph(self.doc[start].idx) < paragraph:
            start += 1
        while end > start and self.paragraph(self.doc[end - 1].idx) > paragraph:
            end -= 1
        while start < end and self.doc[start].is_space:
            start += 1
        while end > start and self.doc[end - 1].is_space:
            end -= 1
        return (start, end) if end > start else None

    def paragraph(self, char: int) -> int:
        return bisect_right(self.newlines, char - 1) if char > 0 else 0

    def sentence(self, token: int) -> int:
        return max(0, bisect_right(self.sentence_starts, token) - 1)

    def char_start(self, token: int) -> int:
        return self.doc[token].idx

    def char_end(self, token_end: int) -> int:
        last = self.doc[token_end - 1]
        return last.idx + len(last.text)
