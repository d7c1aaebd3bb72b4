"""Statements: every quotation and reported statement in a Doc, with its speaker.

`extract_statements(doc, title=...)` is the extractor the analysis runs. It
finds quoted stretches in the raw text (`quotes`), reporting cues with their
content and subject in the parse (`reported`), then pairs them: a quotation
takes the cue whose content clause contains it, else the nearest cue beside it
in its sentence, else a cue ending in a colon just before it or a source laid
out as "Name: '...'" or "'...' ― Name", else the speaker of the quotation it
continues (a paragraph that is one quotation, right after a paragraph quoting
someone, is that person's words and joins their statement), else the subject of
the sentence leading into it. A quotation right after a reported statement
joins it as its quoted part. Cues left over
with a content clause become indirect statements. Speakers are resolved to one
entity per person or organisation by `speakers`, which looks at the whole
article, not line order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsledger.extract.context import doc_text
from newsledger.extract.statements.layout import Layout
from newsledger.extract.statements.quote_labels import subject_before
from newsledger.extract.statements.quote_sources import (
    MIN_SPEECH_WORDS,
    cue_ending_sentence_before,
    frame_for_quote,
    is_fragment,
    names_object,
    outer_source,
    quote_word_count,
    sentence_lead,
    words_outside_quotes,
)
from newsledger.extract.statements.quotes import QuoteSpan, find_quotes
from newsledger.extract.statements.reported import (
    RELATIVE_PRONOUNS,
    CueFrame,
    cue_frame,
    find_cues,
    loose_speaker,
)
from newsledger.extract.statements.speakers import resolve_speakers
from newsledger.models import Span, Statement
from newsledger.quality.boilerplate import furniture_spans

__all__ = ["extract_statements"]

# A quotation with no cue becomes a statement only when it is at least this
# long: shorter ones are scare quotes and titles of works.
MIN_UNATTRIBUTED_QUOTE_WORDS = 4
# A content clause with at most this many words outside quotation marks is a
# direct quotation; more makes it mixed.
MAX_FRAME_WORDS_FOR_DIRECT = 1
# Words that open a colon-introduced clause spoken in the speaker's own voice.
SPEECH_PRONOUNS = frozenset({"i", "we", "my", "our", "you", "your", "me", "us"})
# Openers of a paragraph that can be the subject of a cue later in it.
OPENING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
SUBJECT_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
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


def _quote_draft(
    quote: QuoteSpan,
    frame: CueFrame | None,
    speaker: tuple[int, int] | None,
    speaker_head: int | None,
    anchor: int,
    confidence: float,
    paragraph: int,
    number: int,
) -> _Draft:
    """A direct statement of one quotation (number `number`) in the voice given, or none."""
    return _Draft(
        "direct", quote.start, quote.end, frame, speaker, speaker_head, anchor, confidence,
        paragraph, [number],
    )  # fmt: skip


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


def _looks_like_title(text: str, quote: QuoteSpan) -> bool:
    words = [w for w in text[quote.inner_start : quote.inner_end].split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 8


def _drafts_from_quotes(layout: Layout, frames: list[CueFrame]) -> tuple[list[_Draft], set[int]]:
    """Drafts of the quotations in text order, and the indices of the frames they took."""
    drafts: list[_Draft] = []
    draft_of_frame: dict[int, int] = {}
    previous: _Draft | None = None
    for number, quote in enumerate(layout.quotes):
        first, last = layout.quote_tokens[number]
        if quote.single or first >= last:
            continue
        attribution = _attribution(layout, number, frames)
        if attribution is None:
            continue
        index, how = attribution
        paragraph = layout.paragraph(quote.start)
        if index is not None and index in draft_of_frame:
            draft = drafts[draft_of_frame[index]]
            draft.start = min(draft.start, quote.start)
            draft.end = max(draft.end, quote.end)
            draft.quotes.append(number)
            previous = draft
            continue
        if index is not None:
            draft = _cued_draft(layout, number, frames[index], how, paragraph)
            draft_of_frame[index] = len(drafts)
        else:
            draft = _draft_without_cue(layout, number, frames, previous, paragraph)
            if draft is None:
                continue
        drafts.append(draft)
        previous = draft
    return drafts, set(draft_of_frame)


def _attribution(
    layout: Layout, number: int, frames: list[CueFrame]
) -> tuple[int | None, str] | None:
    """The frame reporting quotation `number` (None when no cue does) and how it was
    found; None when the quotation is not a statement at all."""
    first, last = layout.quote_tokens[number]
    index, how = frame_for_quote(layout, number, frames)
    if index is not None:
        index = outer_source(layout, number, frames, index)
    if how == "fragment" and index is None:
        return None
    if how == "verb" and quote_word_count(layout.text, layout.quotes[number]) < MIN_SPEECH_WORDS:
        # A short quotation after a verb that does not report speech ("wore a
        # 'Hillary for Prison' shirt") is a name or a slogan, not a statement.
        return None
    if (
        index is not None
        and frames[index].speaker is not None
        and (frames[index].speaker[0] < last and first < frames[index].speaker[1])
    ):
        # The quotation is the subject of the cue ("'as many as possible' know"),
        # not what was said.
        index = None
    return index, how


def _mixed_side(layout: Layout, frame: CueFrame, first: int, last: int) -> tuple[int, int] | None:
    """The tokens of the cue's content clause on the side of the quotation (tokens
    `first` to `last`) when they hold enough words outside quotation marks to make the
    statement mixed; else None."""
    if not (frame.content and frame.content[0] < last and first < frame.content[1]):
        return None
    # Only words on the quotation's side of the cue make it mixed:
    # '"A," he said, as the crowd cheered' is still a direct quotation.
    if first >= frame.cue[1]:
        side = (max(frame.content[0], frame.cue[1]), frame.content[1])
    else:
        side = (frame.content[0], min(frame.content[1], frame.cue[0]))
    outside = words_outside_quotes(layout, *side)
    if frame.speaker is not None:
        # The speaker inside the parse's content clause ("'...,' Gene
        # Sperling, an adviser, said") is not part of what was said.
        low, high = max(side[0], frame.speaker[0]), min(side[1], frame.speaker[1])
        if low < high:
            outside -= words_outside_quotes(layout, low, high)
    return side if outside > MAX_FRAME_WORDS_FOR_DIRECT else None


def _cued_draft(layout: Layout, number: int, frame: CueFrame, how: str, paragraph: int) -> _Draft:
    """The statement of quotation `number` reported by `frame`: direct, or mixed when
    words outside its marks are part of what was said."""
    text, quote = layout.text, layout.quotes[number]
    first, last = layout.quote_tokens[number]
    start, end = quote.start, quote.end
    kind = "direct"
    side = _mixed_side(layout, frame, first, last)
    if side is not None:
        kind = "mixed"
        start = min(start, layout.char_start(side[0]))
        end = max(end, layout.char_end(side[1]))
    if how in ("fragment", "verb") and is_fragment(text, quote):
        kind = "mixed"
        start = min(start, layout.char_end(frame.cue[1]) + 1)
    elif (
        how == "tight" and kind == "direct" and (lead := sentence_lead(layout, number)) is not None
    ):
        # "Comey cannot say that 'from his perspective,' Lewandowski added": the
        # words before the quotation in its sentence are part of what was said.
        kind = "mixed"
        start = layout.char_start(lead)
    elif how == "cue" and kind == "direct" and names_object(layout, frame, number):
        # "Clinton called half of his supporters 'deplorables.'": what was said
        # is the object with the quoted words, not the words alone.
        kind = "mixed"
        start = layout.char_end(frame.cue[1]) + 1
    return _Draft(
        kind, start, end, frame, frame.speaker, frame.speaker_head, frame.cue[0],
        CONFIDENCE["cue" if how in ("fragment", "tight") else how], paragraph, [number],
    )  # fmt: skip


def _run_on(previous: _Draft, quote: QuoteSpan, number: int, paragraph: int) -> None:
    """Extend `previous` over quotation `number`, which goes on with its words."""
    previous.end = max(previous.end, quote.end)
    previous.paragraph = paragraph
    previous.quotes.append(number)


def _draft_without_cue(
    layout: Layout,
    number: int,
    frames: list[CueFrame],
    previous: _Draft | None,
    paragraph: int,
) -> _Draft | None:
    """A new statement for quotation `number`, which no cue reports, in the voice of the
    quotation before it or of the sentence leading into it; None when it joins
    `previous` instead or is too short to be a statement."""
    text, quote = layout.text, layout.quotes[number]
    first = layout.quote_tokens[number][0]
    if (
        previous is not None
        and (quote.continues or previous.paragraph == paragraph)
        and previous.kind in ("direct", "mixed")
    ):
        if previous.paragraph == paragraph or _next_paragraph(text, previous, quote):
            # One quotation running over paragraphs is one statement.
            _run_on(previous, quote, number, paragraph)
            return None
        return _quote_draft(
            quote, previous.frame, previous.speaker, previous.speaker_head, first,
            CONFIDENCE["continued"], paragraph, number,
        )  # fmt: skip
    if (
        previous is not None
        and previous.speaker is not None
        and _continues_paragraph(text, previous, quote)
    ):
        # A paragraph that is one quotation right after a paragraph quoting
        # someone continues that person's words (the news convention).
        _run_on(previous, quote, number, paragraph)
        return None
    if quote_word_count(text, quote) < MIN_UNATTRIBUTED_QUOTE_WORDS or _looks_like_title(
        text, quote
    ):
        return None
    frame = cue_ending_sentence_before(layout, number, frames)
    if frame is not None:
        # "..., Schiff said. 'The other factor is ...'": a quotation opening a
        # sentence right after one that ends on its cue goes on in that voice.
        return _quote_draft(
            quote, frame, frame.speaker, frame.speaker_head, first, CONFIDENCE["continued"],
            paragraph, number,
        )  # fmt: skip
    # No cue at all: the subject of the sentence leading into the quotation is the
    # likeliest speaker ("Howard continued his remarks." then the quotation).
    frame = subject_before(layout, number)
    return _quote_draft(
        quote, None, frame.speaker if frame else None, frame.speaker_head if frame else None,
        first, CONFIDENCE["none"], paragraph, number,
    )  # fmt: skip


def _is_relative_mention(doc, frame: CueFrame) -> bool:
    """Whether the speaker as written is a relative pronoun whose antecedent is the head
    ("Weaver, who said"): the mention and the resolved head are then rightly apart."""
    start, end = frame.speaker
    return (
        end - start == 1
        and doc[start].lower_ in RELATIVE_PRONOUNS
        and (frame.speaker_head is not None and frame.speaker_head < start)
    )


def _paragraph_subject(layout: Layout, cue: int) -> tuple[int, int] | None:
    """The name or pronoun that opens the paragraph of token `cue` as a subject (followed
    by a comma or a verb), outside quotations and before the cue; else None."""
    doc = layout.doc
    paragraph = layout.paragraph(doc[cue].idx)
    start = cue
    while start > 0 and layout.paragraph(doc[start - 1].idx) == paragraph:
        start -= 1
    while start < cue and doc[start].is_space:
        start += 1
    if start >= cue or layout.quote_of_token[start] >= 0:
        return None
    token = doc[start]
    if token.lower_ in OPENING_PRONOUNS:
        end = start + 1
    elif token.ent_type_ in SUBJECT_ENTITIES and token.ent_iob_ == "B":
        end = start + 1
        while end < cue and doc[end].ent_iob_ == "I":
            end += 1
    elif token.pos_ == "PROPN":
        end = start + 1
        while end < cue and doc[end].pos_ == "PROPN":
            end += 1
    else:
        return None
    if end >= cue or not (doc[end].text == "," or doc[end].pos_ in ("VERB", "AUX")):
        return None
    return start, end


def _speech_like(token) -> bool:
    return token.lower_ in SPEECH_PRONOUNS


def _drafts_from_cues(
    layout: Layout, frames: list[CueFrame], used: set[int], inside: list[tuple[int, int]]
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
        kind = (
            "direct" if frame.colon and _speech_like(layout.doc[frame.content[0]]) else ("indirect")
        )
        drafts.append(
            _Draft(
                kind,
                start,
                end,
                frame,
                frame.speaker,
                frame.speaker_head,
                frame.cue[0],
                CONFIDENCE["indirect"],
                layout.paragraph(start),
            )
        )
    return drafts


def _right_after(text: str, previous: _Draft, quote: QuoteSpan) -> bool:
    """Whether `quote` opens the next sentence right after the end of `previous`, in its
    paragraph ("Sami recalled how the road was dark. 'I was like ...'")."""
    return quote.start >= previous.end and not text[previous.end : quote.start].strip(" .:;\u00a0")


def _join_reported_paragraphs(layout: Layout, drafts: list[_Draft]) -> list[_Draft]:
    """Drafts in text order, where a quotation with no cue of its own, opening the sentence
    right after a reported statement or a paragraph that is one quotation right after a
    paragraph ending in one ("Carter said that the region mattered." then the
    quotation), joins that statement as its quoted part: the news convention that the
    speaker named last goes on speaking."""
    drafts.sort(key=lambda draft: (draft.start, draft.end))
    text = layout.text
    kept: list[_Draft] = []
    for draft in drafts:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and draft.frame is None
            and len(draft.quotes) >= 1
            and previous.kind == "indirect"
            and previous.speaker is not None
            and layout.quotes[draft.quotes[0]].opened
            and (
                _right_after(text, previous, layout.quotes[draft.quotes[0]])
                or (
                    _next_paragraph(text, previous, layout.quotes[draft.quotes[0]])
                    and not text[previous.end : text.find("\n", previous.end)].strip(" .:,;\u00a0")
                )
            )
        ):
            previous.kind = "mixed"
            previous.end = draft.end
            previous.quotes.extend(draft.quotes)
            continue
        kept.append(draft)
    return kept


def _to_statement(layout: Layout, draft: _Draft, resolved: dict, text: str) -> Statement:
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


def _masked(text: str, furniture: list[tuple[int, int]]) -> str:
    """`text` with each stretch of page furniture blanked to a line break and spaces:
    the same length, so offsets hold, and a paragraph of its own, so no quotation,
    cue or speaker runs into it."""
    if not furniture:
        return text
    pieces = []
    position = 0
    for start, end in furniture:
        pieces.append(text[position:start])
        pieces.append("\n" + " " * (end - start - 1))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def extract_statements(doc, *, title: str | None = None, lang: str = "en") -> list[Statement]:
    """Every direct, indirect and mixed statement in `doc`, in text order.

    `title` (the article's headline) helps decide who an unnamed "he" is.
    Never raises on odd input: unbalanced quotation marks end at their paragraph.
    """
    if len(doc) == 0:
        return []
    # Captions, credits and live-blog headers (quality/boilerplate) are read as
    # blank paragraphs: never a statement, a cue or a speaker.
    text = _masked(doc_text(doc), furniture_spans(doc_text(doc)))
    layout = Layout(doc, find_quotes(text), text)
    excluded = [
        number >= 0 or (token.is_space is False and text[token.idx] in " \n")
        for number, token in zip(layout.quote_of_token, doc, strict=True)
    ]
    frames = [
        frame for token in find_cues(doc, excluded, lang) if (frame := cue_frame(token, lang))
    ]
    for frame in frames:
        frame.content = layout.clip(frame.content, frame.cue[0])
        speaker = layout.clip(frame.speaker, frame.cue[0])
        misplaced = speaker is None or (
            frame.speaker_head is not None and layout.quote_of_token[frame.speaker_head] >= 0
        )
        if (
            misplaced
            and frame.speaker is not None
            and frame.verb is not None
            and (layout.quote_of_token[frame.verb] < 0)
        ):
            # The parse ran the sentence on from the paragraph before, or took the cue
            # for a conjunct of the quoted clause ("'We were wrong,' Ramos told AFP"),
            # and found a subject there; read the speaker beside the cue instead.
            loose = loose_speaker(doc[frame.verb])
            if loose is not None and layout.clip(loose[0], frame.cue[0]) == loose[0]:
                speaker, frame.speaker_head = loose
            elif speaker is None:
                # "De Blasio, speaking on WOR710, called Trump a 'blowhard,' and said
                # ...": the subject the parse lost opens the cue's paragraph.
                opening = _paragraph_subject(layout, frame.cue[0])
                if opening is not None:
                    speaker, frame.speaker_head = opening, opening[1] - 1
        frame.speaker = speaker
        if frame.speaker is None:
            frame.speaker_head = None
        elif (
            frame.speaker_head is not None
            and not (frame.speaker[0] <= frame.speaker_head < frame.speaker[1])
            and not _is_relative_mention(doc, frame)
        ):
            frame.speaker_head = frame.speaker[1] - 1
    quote_drafts, used = _drafts_from_quotes(layout, frames)
    inside = [(d.start, d.end) for d in quote_drafts if d.kind == "direct"]
    drafts = _join_reported_paragraphs(
        layout, quote_drafts + _drafts_from_cues(layout, frames, used, inside)
    )
    heads = [draft.speaker_head for draft in drafts]
    resolved = resolve_speakers(doc, heads, title=title, lang=lang)
    original = doc_text(doc)
    return [_to_statement(layout, draft, resolved, original) for draft in drafts]
