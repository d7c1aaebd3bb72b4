"""Which cue a quotation belongs to, read from where quotes, sentences and paragraphs sit.

`frame_for_quote` picks, for one quotation (placed in the parse by `layout`), the cue
frame that reports it and says how it was found: a cue right after a closing
comma ("'...,' she said"), a cue whose content clause holds it, the nearest cue
beside it, a name after a dash or a subject and verb after it, a verb before
it, a cue ending in a colon or a "Name: '...'" layout (labels, glued cues,
headlines and signatures are read by `quote_labels`). The other helpers read
the shape of a quotation in its sentence (a quoted phrase in running text, the
words before it that belong to what was said). `find` turns the result
into statements.
"""

from __future__ import annotations

import dataclasses

from newsledger.extract.statements.layout import Layout
from newsledger.extract.statements.quote_labels import (
    colon_label_source,
    glued_cue_source,
    heading_source,
    signature_source,
)
from newsledger.extract.statements.quotes import QuoteSpan
from newsledger.extract.statements.reported import (
    RELATIVE_PRONOUNS,
    CueFrame,
    in_phrase,
    verb_frame,
)

__all__ = [
    "MIN_SPEECH_WORDS",
    "cue_ending_sentence_before",
    "frame_for_quote",
    "is_fragment",
    "names_object",
    "outer_source",
    "quote_word_count",
    "sentence_lead",
    "words_outside_quotes",
]

# A quotation inside running text with fewer words than this, and no closing
# punctuation of its own, is a quoted phrase rather than something said.
MIN_SPEECH_WORDS = 6
# How many tokens a cue may sit before the colon that opens its quotation.
MAX_COLON_DISTANCE = 12
# How far after a quotation closing on a comma its cue may start ("'...,' the former
# senator said").
MAX_TIGHT_DISTANCE = 5
# How many words may follow a cue that ends a sentence ("Schiff said on Tuesday.").
MAX_CUE_TAIL = 3
# How far before a quotation a plain verb may be to lend it its subject.
MAX_VERB_DISTANCE = 6
# Entity labels that can name the source of a quotation laid out as "Name: '...'".
SOURCE_ENTITIES = frozenset({"PERSON", "ORG"})
# Marks that put a source's name after a quotation ("'...' ― Name").
DASHES = frozenset({"—", "―", "–", "-", "--"})
# A line opening on a dash right under a quotation that ends its paragraph signs it
# ("'...'" then "- Bernie Sanders."), when it is this short; longer is a list item.
MAX_SIGNATURE_WORDS = 8


def words_outside_quotes(layout: Layout, start: int, end: int) -> int:
    doc = layout.doc
    return sum(
        1
        for i in range(start, end)
        if layout.quote_of_token[i] < 0 and not doc[i].is_punct and not doc[i].is_space
    )


def frame_for_quote(layout: Layout, number: int, frames: list[CueFrame]) -> tuple[int | None, str]:
    """Index of the frame a quotation belongs to and how it was found: the first reading,
    from the tightest attribution to the loosest, that finds one. A source read from the
    layout rather than a cue is added to `frames`."""
    first, last = layout.quote_tokens[number]
    if first >= last:
        return None, "none"
    # 0. "'...,' she said" right after the closing mark: the tightest attribution there
    #    is, whatever cue before the quotation the parse also hung it on.
    tight = _tight_cue(layout, number, frames)
    if tight is not None:
        return tight, "tight"
    # 1. A cue ending on the colon that opens the quotation ("Ng said as a man
    #    yelled: '...'") is nearer than any clause the quotation is nested in; else
    #    a cue whose content clause contains the quotation.
    on_colon = _cue_on_opening_colon(layout, number, frames)
    if on_colon is not None:
        return on_colon, "cue"
    # A label or a glued cue right before the opening mark ("Pew Research: '...'",
    # 'Ryan said,“...') names the speaker more tightly than any clause around it.
    frame = glued_cue_source(layout, number) or colon_label_source(layout, number)
    if frame is not None:
        return _added(frames, frame), "colon"
    containing = _cue_containing(layout, number, frames)
    if containing is not None:
        return containing, "cue"
    fragment = is_fragment(layout.text, layout.quotes[number])
    nearest = _nearest_cue(layout, number, frames, fragment)
    if nearest is not None:
        return nearest, "fragment" if fragment else "cue"
    if fragment:
        return None, "fragment"
    return _source_without_cue(layout, number, frames)


def _added(frames: list[CueFrame], frame: CueFrame) -> int:
    """Index of `frame` once appended to `frames`."""
    frames.append(frame)
    return len(frames) - 1


def _opening_colon(layout: Layout, number: int) -> int | None:
    """The colon token right before quotation `number` (spaces between are fine), or None."""
    colon = layout.quote_tokens[number][0] - 1
    while colon >= 0 and layout.doc[colon].is_space:
        colon -= 1
    if colon >= 0 and layout.doc[colon].text == ":":
        return colon
    return None


def _cue_on_opening_colon(layout: Layout, number: int, frames: list[CueFrame]) -> int | None:
    """The first cue with a speaker that ends on the colon opening quotation `number`."""
    colon = _opening_colon(layout, number)
    if colon is None:
        return None
    for index, frame in enumerate(frames):
        if frame.cue[1] == colon and frame.speaker is not None:
            return index
    return None


def _cue_containing(layout: Layout, number: int, frames: list[CueFrame]) -> int | None:
    """The first cue whose content clause overlaps quotation `number`."""
    first, last = layout.quote_tokens[number]
    for index, frame in enumerate(frames):
        if frame.content and frame.content[0] < last and first < frame.content[1]:
            return index
    return None


def _nearest_cue(layout: Layout, number: int, frames: list[CueFrame], fragment: bool) -> int | None:
    """2. The nearest cue beside quotation `number`: from the start of the sentence before
    the opening mark to the end of the sentence after the closing mark, within the
    paragraph and with no other quotation in between. A cue with its own content clause
    elsewhere only counts inside the quotation's sentence."""
    first, last = layout.quote_tokens[number]
    paragraph = layout.paragraph(layout.quotes[number].start)
    low = layout.sentence_starts[layout.sentence(max(first - 1, 0))]
    high = layout.sentence_ends[layout.sentence(min(last, len(layout.doc) - 1))]
    same_low = layout.sentence_starts[layout.sentence(first)]
    same_high = layout.sentence_ends[layout.sentence(last - 1)]
    if number > 0:
        low = max(low, layout.quote_tokens[number - 1][1])
    if number + 1 < len(layout.quotes):
        high = min(high, layout.quote_tokens[number + 1][0])
    best: tuple[tuple[bool, int], int] | None = None
    for index, frame in enumerate(frames):
        cue = frame.cue[0]
        if not low <= cue < high or frame.speaker is None:
            continue
        if layout.paragraph(layout.char_start(cue)) != paragraph:
            continue
        if frame.content is not None and not same_low <= cue < same_high:
            continue
        if cue >= last and _opens_own_clause(layout, frame, number, frames):
            continue
        if cue < same_low and _relative_speaker(layout, frame):
            # "'A,' said Ito, who wrote a book. 'B.'": the relative clause describes
            # the speaker; it does not report the next sentence's quotation.
            continue
        if fragment and not (cue < first and same_low <= cue):
            # A phrase quoted in running text ("what he calls the 'cartel'") belongs
            # only to a cue before it in its own sentence, as a mixed statement.
            continue
        distance = first - cue if cue < first else cue - last
        # A cue in the quotation's own sentence beats a nearer one across a sentence
        # break ("X said ... that he had '...'. In a later vote, he warned ...").
        rank = (not same_low <= cue < same_high, distance)
        if best is None or rank < best[0]:
            best = (rank, index)
    return best[1] if best is not None else None


def _source_without_cue(
    layout: Layout, number: int, frames: list[CueFrame]
) -> tuple[int | None, str]:
    """The source of a quotation no cue beside it reports: one laid out around it, a cue
    ending in a colon before it, a headline, else a verb before it."""
    # A dash and a name right after the closing mark ("'...' ― Name") outrank any verb,
    # and so does "'...,' Name <verb>": any verb there reports the quotation
    # ("he went on", "Bennett shot back"), whether or not it is a known cue.
    frame = (
        _dash_source(layout, number)
        or signature_source(layout, number)
        or _subject_after(layout, number)
    )
    if frame is not None:
        return _added(frames, frame), "colon"
    # A name closing the clause right before the colon ("... surprised pollster Ana
    # Ruiz: '...'") is who speaks, whatever the verb before it.
    frame = _name_before_colon(layout, number)
    if frame is not None:
        return _added(frames, frame), "colon"
    # 3. "He said:" closing the sentence or paragraph before the quotation.
    colon = _opening_colon(layout, number)
    if colon is not None:
        index = _cue_before_colon(layout, colon, frames)
        if index is not None:
            return index, "colon"
        frame = _colon_source(layout, colon)
        if frame is not None:
            return _added(frames, frame), "colon"
    # A capitalised headline opening the quotation's line ("EBOLA SURVIVORS '...'").
    frame = heading_source(layout, number)
    if frame is not None:
        return _added(frames, frame), "colon"
    # 4. Any verb before it in its sentence with a subject outside quotations:
    #    "Trump also embraced 'X'", "The photo quotes 'X'".
    first = layout.quote_tokens[number][0]
    same_low = layout.sentence_starts[layout.sentence(first)]
    paragraph = layout.paragraph(layout.quotes[number].start)
    frame = _verb_before(layout, number, same_low, paragraph)
    if frame is not None:
        return _added(frames, frame), "verb"
    return None, "none"


def _cue_before_colon(layout: Layout, colon: int, frames: list[CueFrame]) -> int | None:
    """The last-starting cue with a speaker, outside quotations, that ends shortly before
    token `colon` in its paragraph."""
    best = None
    for index, frame in enumerate(frames):
        usable = (
            frame.cue[1] <= colon
            and colon - frame.cue[1] <= MAX_COLON_DISTANCE
            and frame.speaker is not None
            and layout.quote_of_token[frame.cue[0]] < 0
            and layout.paragraph(layout.char_start(frame.cue[0]))
            == layout.paragraph(layout.char_start(colon))
        )
        if usable and (best is None or frame.cue[0] > frames[best].cue[0]):
            best = index
    return best


def outer_source(layout: Layout, number: int, frames: list[CueFrame], index: int) -> int:
    """The "according to" frame that closes the sentence of quotation `number` and of its
    cue ("'...,' Obama said, according to a pool report"): the source the text gives for
    the whole report. Else `index`, the cue found for the quotation."""
    last = layout.quote_tokens[number][1]
    sentence = layout.sentence(max(frames[index].cue[0], last - 1))
    for other, frame in enumerate(frames):
        cue = frame.cue[0]
        if (
            frame.lemma == "according to"
            and frame.speaker is not None
            and (cue >= last and cue > frames[index].cue[0] and layout.sentence(cue) == sentence)
        ):
            return other
    return index


def _tight_cue(layout: Layout, number: int, frames: list[CueFrame]) -> int | None:
    """The cue of "'...,' she said" / "'...?' asked Ames": a cue within a few tokens after a
    quotation closing on a comma, question or exclamation mark, with its speaker after
    the closing mark too. None when there is no such cue."""
    quote = layout.quotes[number]
    if not quote.closed:
        return None
    text = layout.text
    inner = text[quote.inner_start : quote.inner_end].rstrip()
    if not inner or (inner[-1] not in ",?!" and not text.startswith(",", quote.end)):
        return None
    last = layout.quote_tokens[number][1]
    paragraph = layout.paragraph(quote.start)
    best = None
    for index, frame in enumerate(frames):
        cue = frame.cue[0]
        if frame.speaker is None or not last <= cue < last + MAX_TIGHT_DISTANCE:
            continue
        if frame.speaker[0] < last or layout.paragraph(layout.char_start(cue)) != paragraph:
            continue
        if _opens_own_clause(layout, frame, number, frames):
            continue
        if best is None or cue < frames[best].cue[0]:
            best = index
    return best


def _opens_own_clause(layout: Layout, frame: CueFrame, number: int, frames: list[CueFrame]) -> bool:
    """Whether a cue right after quotation `number` starts a clause of its own rather
    than reporting it: a conjunction joining clauses before its speaker ("'...,' but
    he also warned"), or, when a cue before the quotation in its sentence can take
    it, content of its own after it ("said that they had been '...,' he claimed
    they never met"). The quotation then belongs to the cue before it; a quotation
    with no cue before it ("On ABC's 'This Week,' Rubio said that ...") keeps the
    cue after it."""
    doc = layout.doc
    first, last = layout.quote_tokens[number]
    for index in range(last, min(frame.cue[0], frame.speaker[0])):
        token = doc[index]
        if token.dep_ == "cc" and token.head.pos_ in ("VERB", "AUX"):
            return True
    # A content clause that is itself the next quotation ("'A,' she said, 'B.'") is
    # the second half of the same quotation, not a clause of its own.
    if (
        frame.content is None
        or frame.content[0] <= frame.cue[0]
        or layout.quote_of_token[frame.content[0]] >= 0
    ):
        return False
    sentence = layout.sentence(first)
    return any(
        other.cue[0] < first
        and other.speaker is not None
        and layout.sentence(other.cue[0]) == sentence
        and layout.quote_of_token[other.cue[0]] < 0
        for other in frames
    )


def _relative_speaker(layout: Layout, frame: CueFrame) -> bool:
    """Whether the frame's speaker as written is a relative pronoun ("who wrote")."""
    start, end = frame.speaker
    return end - start == 1 and layout.doc[start].lower_ in RELATIVE_PRONOUNS


def cue_ending_sentence_before(
    layout: Layout, number: int, frames: list[CueFrame]
) -> CueFrame | None:
    """A speaker-only copy of the cue that ends the sentence right before quotation
    `number`, in its paragraph, when the quotation opens its own sentence."""
    first = layout.quote_tokens[number][0]
    doc = layout.doc
    if layout.sentence_starts[layout.sentence(first)] != first or first == 0:
        return None
    end = first
    while end > 0 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end == 0 or end == first or doc[end - 1].is_quote:
        return None
    paragraph = layout.paragraph(layout.quotes[number].start)
    for frame in reversed(frames):
        if frame.speaker is None or frame.cue[1] > end:
            continue
        if end - frame.cue[1] > MAX_CUE_TAIL or layout.quote_of_token[frame.cue[0]] >= 0:
            return None
        if layout.paragraph(layout.char_start(frame.cue[0])) != paragraph:
            return None
        if any(layout.quote_of_token[i] >= 0 for i in range(frame.cue[1], end)):
            return None
        return dataclasses.replace(frame, content=None)
    return None


def _verb_before(layout: Layout, number: int, low: int, paragraph: int) -> CueFrame | None:
    """A frame for the nearest verb shortly before quotation `number` (from token `low`
    on, in its paragraph) whose subject is outside quotations."""
    doc = layout.doc
    first = layout.quote_tokens[number][0]
    for token in range(first - 1, max(low, first - MAX_VERB_DISTANCE) - 1, -1):
        if layout.quote_of_token[token] >= 0 or doc[token].pos_ != "VERB":
            continue
        if layout.paragraph(doc[token].idx) != paragraph:
            continue
        frame = verb_frame(doc[token])
        if frame is None or layout.quote_of_token[frame.speaker[0]] >= 0:
            continue
        return frame
    return None


def _name_head(doc, start: int, end: int, layout: Layout):
    """The head of the last person or organisation named in doc[start:end], outside quotes."""
    for ent in reversed(doc[start:end].ents):
        if ent.label_ in SOURCE_ENTITIES and layout.quote_of_token[ent.start] < 0:
            return ent.root
    # A name the entity tagger does not know is still a run of proper nouns; so is one
    # in an entity that runs on before the range (the tagger may take a dash in).
    for index in range(end - 1, start - 1, -1):
        token = doc[index]
        if (
            token.pos_ == "PROPN"
            and (not token.ent_type_ or token.ent_type_ in SOURCE_ENTITIES)
            and layout.quote_of_token[index] < 0
        ):
            return token
    return None


def _colon_source(layout: Layout, colon: int) -> CueFrame | None:
    """Who speaks in "Name: '...'" and "X affirms: '...'" layouts with no cue verb: the
    subject of the clause before the colon, else the last name right before it."""
    doc = layout.doc
    sent = doc[colon].sent
    start = max(sent.start, colon - MAX_COLON_DISTANCE)
    if layout.paragraph(doc[start].idx) != layout.paragraph(doc[colon].idx):
        return None
    head = None
    name = _name_head(doc, max(start, colon - 4), colon, layout)
    if name is not None and name.i >= colon - 4 and not in_phrase(name):
        # "X delivered a message to Trump:" names the addressee, not the speaker.
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


def _name_before_colon(layout: Layout, number: int) -> CueFrame | None:
    """A source frame for the name that ends right before the colon opening quotation
    `number`, when that name is not the object of a preposition or a possessor."""
    doc = layout.doc
    colon = _opening_colon(layout, number)
    if colon is None or colon < 1:
        return None
    name = _name_head(doc, max(0, colon - 4), colon, layout)
    if name is None or name.i != colon - 1 or in_phrase(name):
        return None
    if layout.paragraph(name.idx) != layout.paragraph(layout.char_start(colon)):
        return None
    return _source_frame(doc, name, (colon, colon + 1))


def _dash_source(layout: Layout, number: int) -> CueFrame | None:
    """Who speaks in the "'...' ― Name" layout: a name after a dash closing the quotation,
    or opening a short line right under it.

    Read in the characters, not the tokens: the tokenizer may glue the dash to the
    closing mark ('”―' is one token), and then no token is a dash.
    """
    doc, text = layout.doc, layout.text
    position = layout.quotes[number].end
    while position < len(text) and text[position] in " \t\u00a0\n":
        position += 1
    if "\n" in text[layout.quotes[number].end : position]:
        line_end = text.find("\n", position)
        line = text[position : len(text) if line_end < 0 else line_end]
        if len(line.split()) > MAX_SIGNATURE_WORDS:
            return None
    dash = next(
        (d for d in sorted(DASHES, key=len, reverse=True) if text.startswith(d, position)), None
    )
    if dash is None:
        return None
    after = position + len(dash)
    index = layout.quote_tokens[number][1]
    while index < len(doc) and doc[index].idx + len(doc[index].text) <= position:
        index += 1
    if index >= len(doc):
        return None
    first = index if doc[index].idx >= after else index + 1
    # The name is on the dash's line: the next paragraph often opens on a name too.
    stop = first
    while stop < min(len(doc), first + 5) and "\n" not in doc[stop].text:
        stop += 1
    head = _name_head(doc, first, stop, layout)
    if head is None or layout.paragraph(doc[head.i].idx) != layout.paragraph(position):
        return None
    return _source_frame(doc, head, (index, index + 1))


def _subject_after(layout: Layout, number: int) -> CueFrame | None:
    """Who speaks in "'...,' Name <verb>": the subject, right after a quotation that
    ends on a comma, question or exclamation mark, of the first verb after it."""
    doc, text = layout.doc, layout.text
    quote = layout.quotes[number]
    if not quote.closed:
        return None
    inner = text[quote.inner_start : quote.inner_end].rstrip()
    if not inner or (inner[-1] not in ",?!" and not text.startswith(",", quote.end)):
        return None
    last = layout.quote_tokens[number][1]
    paragraph = layout.paragraph(quote.start)
    for index in range(last, min(len(doc), last + MAX_VERB_DISTANCE)):
        token = doc[index]
        if layout.quote_of_token[index] >= 0 or layout.paragraph(token.idx) != paragraph:
            return None
        if token.pos_ != "VERB":
            continue
        frame = verb_frame(token)
        if frame is None or not last <= frame.speaker[0] < index:
            return None
        return frame
    return None


def _source_frame(doc, head, cue: tuple[int, int]) -> CueFrame:
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    if ent is not None:
        start, end = ent.start, ent.end
        # The tagger may take a dash or a space before the name into the entity.
        while start < head.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        speaker = (start, end)
    else:
        first = head.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_:
            first -= 1
        speaker = (first, head.i + 1)
    return CueFrame(
        cue=cue, lemma="say", stance="says", content=None, speaker=speaker, speaker_head=head.i
    )


def is_fragment(text: str, quote: QuoteSpan) -> bool:
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


def sentence_lead(layout: Layout, number: int) -> int | None:
    """First token of the running words before quotation `number` in its sentence (after
    any earlier quotation there), or None when it opens its sentence or follows a colon."""
    first = layout.quote_tokens[number][0]
    doc = layout.doc
    low = layout.sentence_starts[layout.sentence(first)]
    if number > 0:
        low = max(low, layout.quote_tokens[number - 1][1])
    paragraph = layout.paragraph(layout.quotes[number].start)
    while low < first and (
        doc[low].is_punct or doc[low].is_space or layout.paragraph(doc[low].idx) != paragraph
    ):
        low += 1
    before = first - 1
    while before >= low and doc[before].is_space:
        before -= 1
    if low >= first or doc[before].text in (":", "—", "-"):
        return None
    if not any(doc[i].is_alpha for i in range(low, first)):
        return None
    return low


def names_object(layout: Layout, frame: CueFrame, number: int) -> bool:
    """Whether a short quotation follows its cue in the same sentence with the cue's
    object in between ("called the report 'a lie'"), rather than right after it."""
    first, last = layout.quote_tokens[number]
    cue_end = frame.cue[1]
    quote = layout.quotes[number]
    if not quote.opened or frame.content is not None or cue_end > first:
        return False
    if layout.sentence(cue_end - 1) != layout.sentence(first):
        return False
    between = layout.doc[cue_end:first]
    return any(t.pos_ in ("NOUN", "PROPN", "PRON", "ADP") for t in between) and not any(
        t.text in ":," for t in between
    )


def quote_word_count(text: str, quote: QuoteSpan) -> int:
    return len(text[quote.inner_start : quote.inner_end].split())
