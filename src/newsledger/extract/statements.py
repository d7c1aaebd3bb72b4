"""Statements: every quotation and reported statement in a Doc, with its speaker.

`extract_statements(doc, title=...)` is the extractor the analysis runs. It
finds quoted stretches in the raw text (`quotes`), reporting cues with their
content and subject in the parse (`reported`), then pairs them: a quotation
takes the cue whose content clause contains it, else the nearest cue beside it
in its sentence, else a cue ending in a colon just before it or a source laid
out as "Name: '...'" or "'...' ― Name", else the speaker of the quotation it
continues (a paragraph that is one quotation, right after a paragraph quoting
someone, is that person's words and joins their statement). Cues left over
with a content clause become indirect statements. Speakers are resolved to one
entity per person or organisation by `speakers`, which looks at the whole
article, not line order.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from newsledger.extract.quotes import QuoteSpan, find_quotes
from newsledger.extract.reported import (
    CueFrame,
    cue_frame,
    find_cues,
    loose_speaker,
    verb_frame,
)
from newsledger.extract.speakers import resolve_speakers
from newsledger.models import Span, Statement

__all__ = ["extract_statements"]

# A quotation with no cue becomes a statement only when it is at least this
# long: shorter ones are scare quotes and titles of works.
MIN_UNATTRIBUTED_QUOTE_WORDS = 4
# A content clause with at most this many words outside quotation marks is a
# direct quotation; more makes it mixed.
MAX_FRAME_WORDS_FOR_DIRECT = 1
# A quotation inside running text with fewer words than this, and no closing
# punctuation of its own, is a quoted phrase rather than something said.
MIN_SPEECH_WORDS = 6
# How many tokens a cue may sit before the colon that opens its quotation.
MAX_COLON_DISTANCE = 12
# How far before a quotation a plain verb may be to lend it its subject.
MAX_VERB_DISTANCE = 6
# Entity labels that can name the source of a quotation laid out as "Name: '...'".
SOURCE_ENTITIES = frozenset({"PERSON", "ORG"})
# Words that open a colon-introduced clause spoken in the speaker's own voice.
SPEECH_PRONOUNS = frozenset({"i", "we", "my", "our", "you", "your", "me", "us"})
# Marks that put a source's name after a quotation ("'...' ― Name").
DASHES = frozenset({"—", "―", "–", "-", "--"})
CONFIDENCE = {"cue": 0.9, "colon": 0.8, "verb": 0.5, "continued": 0.7, "indirect": 0.7, "none": 0.4}


@dataclass(slots=True)
class _Draft:
    kind: str
    start: int
    end: int
    frame: CueFrame | None
    speaker: tuple[int, int] | None
    speaker_head: int | None
    anchor: int
    confidence: float
    paragraph: int
    quotes: list[int] = field(default_factory=list)


class _Layout:
    """Character and token geometry of one doc: quotes, sentences, paragraphs."""

    def __init__(self, doc, quotes: list[QuoteSpan], text: str) -> None:
        self.doc = doc
        self.quotes = quotes
        # Doc.text joins every token anew on each access: read it once per doc.
        self.text = text
        self.newlines = [index for index, char in enumerate(text) if char == "\n"]
        self.sentence_starts = [sent.start for sent in doc.sents]
        self.sentence_ends = [sent.end for sent in doc.sents]
        self.quote_of_token: list[int] = [-1] * len(doc)
        self.quote_tokens: list[tuple[int, int]] = []
        position = 0
        for number, quote in enumerate(quotes):
            while position < len(doc) and doc[position].idx < quote.start:
                position += 1
            first = position
            while position < len(doc) and doc[position].idx < quote.end:
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


def _words_outside_quotes(layout: _Layout, start: int, end: int) -> int:
    doc = layout.doc
    return sum(
        1
        for i in range(start, end)
        if layout.quote_of_token[i] < 0 and not doc[i].is_punct and not doc[i].is_space
    )


def _frame_for_quote(
    layout: _Layout, number: int, frames: list[CueFrame]
) -> tuple[int | None, str]:
    """Index of the frame a quotation belongs to and how it was found."""
    first, last = layout.quote_tokens[number]
    if first >= last:
        return None, "none"
    # 1. A cue whose content clause contains the quotation.
    for index, frame in enumerate(frames):
        if frame.content and frame.content[0] < last and first < frame.content[1]:
            return index, "cue"
    fragment = _is_fragment(layout.text, layout.quotes[number])
    # 2. The nearest cue beside it: from the start of the sentence before the
    #    opening mark to the end of the sentence after the closing mark, within
    #    the paragraph and with no other quotation in between. A cue with its own
    #    content clause elsewhere only counts inside the quotation's sentence.
    quote = layout.quotes[number]
    paragraph = layout.paragraph(quote.start)
    low = layout.sentence_starts[layout.sentence(max(first - 1, 0))]
    high = layout.sentence_ends[layout.sentence(min(last, len(layout.doc) - 1))]
    same_low = layout.sentence_starts[layout.sentence(first)]
    same_high = layout.sentence_ends[layout.sentence(last - 1)]
    if number > 0:
        low = max(low, layout.quote_tokens[number - 1][1])
    if number + 1 < len(layout.quotes):
        high = min(high, layout.quote_tokens[number + 1][0])
    best: tuple[int, int] | None = None
    for index, frame in enumerate(frames):
        cue = frame.cue[0]
        if not low <= cue < high or frame.speaker is None:
            continue
        if layout.paragraph(layout.char_start(cue)) != paragraph:
            continue
        if frame.content is not None and not same_low <= cue < same_high:
            continue
        if fragment and not (cue < first and same_low <= cue):
            # A phrase quoted in running text ("what he calls the 'cartel'") belongs
            # only to a cue before it in its own sentence, as a mixed statement.
            continue
        distance = first - cue if cue < first else cue - last
        if best is None or distance < best[0]:
            best = (distance, index)
    if best is not None:
        return best[1], "fragment" if fragment else "cue"
    if fragment:
        return None, "fragment"
    # 4. Any verb before it in its sentence with a subject outside quotations:
    #    "Trump also embraced 'X'", "The photo quotes 'X'".
    doc = layout.doc
    for token in range(first - 1, max(same_low, first - MAX_VERB_DISTANCE) - 1, -1):
        if layout.quote_of_token[token] >= 0 or doc[token].pos_ != "VERB":
            continue
        frame = verb_frame(doc[token])
        if frame is None or layout.quote_of_token[frame.speaker[0]] >= 0:
            continue
        frames.append(frame)
        return len(frames) - 1, "verb"

    # 3. "He said:" closing the sentence or paragraph before the quotation.
    before = first - 1
    while before >= 0 and layout.doc[before].is_space:
        before -= 1
    if before >= 0 and layout.doc[before].text == ":":
        for index, frame in enumerate(frames):
            usable = (
                frame.cue[1] <= before
                and before - frame.cue[1] <= MAX_COLON_DISTANCE
                and frame.speaker is not None
                and layout.quote_of_token[frame.cue[0]] < 0
            )
            if usable and (best is None or frame.cue[0] > frames[best[1]].cue[0]):
                best = (0, index)
        if best is not None:
            return best[1], "colon"
        frame = _colon_source(layout, before)
        if frame is not None:
            frames.append(frame)
            return len(frames) - 1, "colon"
    frame = _dash_source(layout, last)
    if frame is not None:
        frames.append(frame)
        return len(frames) - 1, "colon"
    return None, "none"


def _name_head(doc, start: int, end: int, layout: _Layout):
    """The head of the last person or organisation named in doc[start:end], outside quotes."""
    for ent in reversed(doc[start:end].ents):
        if ent.label_ in SOURCE_ENTITIES and layout.quote_of_token[ent.start] < 0:
            return ent.root
    # A name the entity tagger does not know is still a run of proper nouns.
    for index in range(end - 1, start - 1, -1):
        token = doc[index]
        if token.pos_ == "PROPN" and not token.ent_type_ and layout.quote_of_token[index] < 0:
            return token
    return None


def _colon_source(layout: _Layout, colon: int) -> CueFrame | None:
    """Who speaks in "Name: '...'" and "X affirms: '...'" layouts with no cue verb: the
    subject of the clause before the colon, else the last name right before it."""
    doc = layout.doc
    sent = doc[colon].sent
    start = max(sent.start, colon - MAX_COLON_DISTANCE)
    if layout.paragraph(doc[start].idx) != layout.paragraph(doc[colon].idx):
        return None
    head = None
    name = _name_head(doc, max(start, colon - 4), colon, layout)
    if name is not None and name.i >= colon - 4:
        head = name
    if head is None:
        root = sent.root
        if start <= root.i < colon and layout.quote_of_token[root.i] < 0:
            frame = verb_frame(root)
            if frame is not None and frame.speaker[0] >= start:
                frame.cue = (colon, colon + 1)
                return frame
        head = _name_head(doc, start, colon, layout)
    if head is None:
        return None
    return _source_frame(doc, head, (colon, colon + 1))


def _dash_source(layout: _Layout, after: int) -> CueFrame | None:
    """Who speaks in the "'...' ― Name" layout: a name after a dash closing the quotation."""
    doc = layout.doc
    index = after
    while index < len(doc) and doc[index].is_space and "\n" not in doc[index].text:
        index += 1
    if index >= len(doc) or doc[index].text not in DASHES:
        return None
    stop = min(len(doc), index + 6)
    head = _name_head(doc, index + 1, stop, layout)
    if head is None or layout.paragraph(doc[head.i].idx) != layout.paragraph(doc[index].idx):
        return None
    return _source_frame(doc, head, (index, index + 1))


def _source_frame(doc, head, cue: tuple[int, int]) -> CueFrame:
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    if ent is not None:
        speaker = (ent.start, ent.end)
    else:
        first = head.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_:
            first -= 1
        speaker = (first, head.i + 1)
    return CueFrame(cue=cue, lemma="say", stance="says", content=None, speaker=speaker,
                    speaker_head=head.i)


def _is_fragment(text: str, quote: QuoteSpan) -> bool:
    """A short quotation in running text that does not end a sentence or clause of its own."""
    if not quote.opened:
        return False
    before = text[: quote.start].rstrip(" \t")
    inner = text[quote.inner_start : quote.inner_end].rstrip()
    if not before or before[-1] in "\n:":
        return False
    if len(inner.split()) >= MIN_SPEECH_WORDS:
        return False
    return not inner or inner[-1] not in ".,?!…"


def _next_paragraph(text: str, previous: _Draft, quote: QuoteSpan) -> bool:
    """Whether `quote` opens the paragraph right after the one `previous` ends in
    (blank lines between are fine, a paragraph of other text is not)."""
    if quote.start < previous.end:
        return False
    line_start = text.rfind("\n", 0, quote.start) + 1
    if text[line_start : quote.start].strip():
        return False
    between = text[previous.end : line_start].split("\n")
    return len(between) >= 2 and not any(part.strip() for part in between[1:])


def _continues_paragraph(text: str, previous: _Draft, quote: QuoteSpan) -> bool:
    """Whether the closed quotation `quote` is a paragraph continuing `previous`."""
    return quote.closed and _next_paragraph(text, previous, quote)


def _quote_word_count(text: str, quote: QuoteSpan) -> int:
    return len(text[quote.inner_start : quote.inner_end].split())


def _looks_like_title(text: str, quote: QuoteSpan) -> bool:
    words = [w for w in text[quote.inner_start : quote.inner_end].split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 8


def _drafts_from_quotes(layout: _Layout, frames: list[CueFrame]) -> tuple[list[_Draft], set[int]]:
    text = layout.text
    drafts: list[_Draft] = []
    draft_of_frame: dict[int, int] = {}
    previous: _Draft | None = None
    for number, quote in enumerate(layout.quotes):
        if quote.single:
            continue
        first, last = layout.quote_tokens[number]
        if first >= last:
            continue
        paragraph = layout.paragraph(quote.start)
        index, how = _frame_for_quote(layout, number, frames)
        if how == "fragment" and index is None:
            continue
        if how == "verb" and _quote_word_count(text, quote) < MIN_SPEECH_WORDS:
            # A short quotation after a verb that does not report speech ("wore a
            # 'Hillary for Prison' shirt") is a name or a slogan, not a statement.
            continue
        if index is not None and frames[index].speaker is not None and (
            frames[index].speaker[0] < last and first < frames[index].speaker[1]
        ):
            # The quotation is the subject of the cue ("'as many as possible' know"),
            # not what was said.
            index = None
        if index is not None and index in draft_of_frame:
            draft = drafts[draft_of_frame[index]]
            draft.start = min(draft.start, quote.start)
            draft.end = max(draft.end, quote.end)
            draft.quotes.append(number)
            previous = draft
            continue
        if index is not None:
            frame = frames[index]
            start, end = quote.start, quote.end
            kind = "direct"
            if frame.content and frame.content[0] < last and first < frame.content[1]:
                # Only words on the quotation's side of the cue make it mixed:
                # '"A," he said, as the crowd cheered' is still a direct quotation.
                if first >= frame.cue[1]:
                    side = (max(frame.content[0], frame.cue[1]), frame.content[1])
                else:
                    side = (frame.content[0], min(frame.content[1], frame.cue[0]))
                outside = _words_outside_quotes(layout, *side)
                if frame.speaker is not None:
                    # The speaker inside the parse's content clause ("'...,' Gene
                    # Sperling, an adviser, said") is not part of what was said.
                    low, high = max(side[0], frame.speaker[0]), min(side[1], frame.speaker[1])
                    if low < high:
                        outside -= _words_outside_quotes(layout, low, high)
                if outside > MAX_FRAME_WORDS_FOR_DIRECT:
                    kind = "mixed"
                    start = min(start, layout.char_start(side[0]))
                    end = max(end, layout.char_end(side[1]))
            if how in ("fragment", "verb") and _is_fragment(text, quote):
                kind = "mixed"
                start = min(start, layout.char_end(frame.cue[1]) + 1)
            draft = _Draft(kind, start, end, frame, frame.speaker, frame.speaker_head,
                           frame.cue[0], CONFIDENCE["cue" if how == "fragment" else how],
                           paragraph, [number])
            draft_of_frame[index] = len(drafts)
            drafts.append(draft)
            previous = draft
            continue
        if previous is not None and (
            quote.continues or previous.paragraph == paragraph
        ) and previous.kind in ("direct", "mixed"):
            if previous.paragraph == paragraph or _next_paragraph(text, previous, quote):
                # One quotation running over paragraphs is one statement.
                previous.end = max(previous.end, quote.end)
                previous.paragraph = paragraph
                previous.quotes.append(number)
                continue
            draft = _Draft("direct", quote.start, quote.end, previous.frame, previous.speaker,
                           previous.speaker_head, first, CONFIDENCE["continued"], paragraph,
                           [number])
            drafts.append(draft)
            previous = draft
            continue
        if previous is not None and previous.speaker is not None and _continues_paragraph(
            text, previous, quote
        ):
            # A paragraph that is one quotation right after a paragraph quoting
            # someone continues that person's words (the news convention).
            previous.end = max(previous.end, quote.end)
            previous.quotes.append(number)
            previous.paragraph = paragraph
            continue
        if _quote_word_count(text, quote) < MIN_UNATTRIBUTED_QUOTE_WORDS or _looks_like_title(
            text, quote
        ):
            continue
        draft = _Draft("direct", quote.start, quote.end, None, None, None, first,
                       CONFIDENCE["none"], paragraph, [number])
        drafts.append(draft)
        previous = draft
    return drafts, set(draft_of_frame)


def _speech_like(token) -> bool:
    return token.lower_ in SPEECH_PRONOUNS


def _drafts_from_cues(
    layout: _Layout, frames: list[CueFrame], used: set[int], inside: list[tuple[int, int]]
) -> list[_Draft]:
    drafts = []
    for index, frame in enumerate(frames):
        if index in used or frame.content is None or frame.quote_only:
            continue
        if frame.speaker is None and not frame.passive:
            continue
        if any(span[0] <= layout.char_start(frame.cue[0]) < span[1] for span in inside):
            # A cue inside someone's quotation is part of what they said.
            continue
        start = layout.char_start(frame.content[0])
        end = layout.char_end(frame.content[1])
        # "He said: I cannot find the words" is speech whose marks were lost; after a
        # colon, anything not in the first or second person is a summary.
        kind = "direct" if frame.colon and _speech_like(layout.doc[frame.content[0]]) else (
            "indirect"
        )
        drafts.append(
            _Draft(kind, start, end, frame, frame.speaker, frame.speaker_head, frame.cue[0],
                   CONFIDENCE["indirect"], layout.paragraph(start))
        )
    return drafts


def _to_statement(layout: _Layout, draft: _Draft, resolved: dict) -> Statement:
    text = layout.text
    frame = draft.frame
    cue = None
    if frame is not None:
        cue_start = layout.char_start(frame.cue[0])
        cue_end = layout.char_end(frame.cue[1])
        cue = Span(cue_start, cue_end, text[cue_start:cue_end])
    mention = None
    speaker = speaker_kind = None
    if draft.speaker is not None:
        mention_start = layout.char_start(draft.speaker[0])
        mention_end = layout.char_end(draft.speaker[1])
        mention = Span(mention_start, mention_end, text[mention_start:mention_end])
    if draft.speaker_head is not None:
        speaker, speaker_kind = resolved.get(draft.speaker_head, (None, None))
    elif draft.kind != "indirect":
        speaker, speaker_kind = resolved.get(None, (None, None))
    return Statement(
        kind=draft.kind,
        content=Span(draft.start, draft.end, text[draft.start : draft.end]),
        cue=cue,
        cue_lemma=frame.lemma if frame is not None else None,
        speaker_mention=mention,
        speaker=speaker,
        speaker_kind=speaker_kind,
        stance=frame.stance if frame is not None else "says",
        sentence_index=layout.sentence(draft.anchor),
        confidence=draft.confidence,
    )


def extract_statements(doc, *, title: str | None = None, lang: str = "en") -> list[Statement]:
    """Every direct, indirect and mixed statement in `doc`, in text order.

    `title` (the article's headline) helps decide who an unnamed "he" is.
    Never raises on odd input: unbalanced quotation marks end at their paragraph.
    """
    if len(doc) == 0:
        return []
    text = doc.text
    layout = _Layout(doc, find_quotes(text), text)
    excluded = [number >= 0 for number in layout.quote_of_token]
    frames = [
        frame for token in find_cues(doc, excluded, lang) if (frame := cue_frame(token, lang))
    ]
    for frame in frames:
        frame.content = layout.clip(frame.content, frame.cue[0])
        speaker = layout.clip(frame.speaker, frame.cue[0])
        misplaced = speaker is None or (
            frame.speaker_head is not None and layout.quote_of_token[frame.speaker_head] >= 0
        )
        if misplaced and frame.speaker is not None and frame.verb is not None and (
            layout.quote_of_token[frame.verb] < 0
        ):
            # The parse ran the sentence on from the paragraph before, or took the cue
            # for a conjunct of the quoted clause ("'We were wrong,' Ramos told AFP"),
            # and found a subject there; read the speaker beside the cue instead.
            loose = loose_speaker(doc[frame.verb])
            if loose is not None and layout.clip(loose[0], frame.cue[0]) == loose[0]:
                speaker, frame.speaker_head = loose
        frame.speaker = speaker
        if frame.speaker is None:
            frame.speaker_head = None
        elif frame.speaker_head is not None and not (
            frame.speaker[0] <= frame.speaker_head < frame.speaker[1]
        ):
            frame.speaker_head = frame.speaker[1] - 1
    quote_drafts, used = _drafts_from_quotes(layout, frames)
    inside = [(d.start, d.end) for d in quote_drafts if d.kind == "direct"]
    drafts = quote_drafts + _drafts_from_cues(layout, frames, used, inside)
    drafts.sort(key=lambda draft: (draft.start, draft.end))
    heads = [draft.speaker_head for draft in drafts]
    resolved = resolve_speakers(doc, heads, title=title, lang=lang)
    return [_to_statement(layout, draft, resolved) for draft in drafts]
