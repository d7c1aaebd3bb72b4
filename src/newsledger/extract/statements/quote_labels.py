"""Sources written as labels around a quotation rather than as a clause with a cue verb.

News layouts name a speaker without a reporting clause the parser can read: a
label ending on a colon ("Pew Research: '...'", "Rep. Ames (R-Ohio): '...'",
"Pollsters agree - Carl Bialik: '...'", "From the report: '...'"), or a cue glued
to the opening mark ('Ryan said,“Look ...', which the tokenizer keeps as one
token, so no token is the cue), a capitalised headline opening the line of
a quoted excerpt in a news digest, or a name line signing a quotation inside
its marks. These helpers read such layouts in the
characters and return a speaker-only `CueFrame`; `quote_sources` decides when
to ask them.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left

from newsledger.extract.lexicon.statements import (
    CUE_VERBS,
    DESCRIPTION_NOUNS,
    DOCUMENT_NOUNS,
    IRREGULAR_CUE_FORMS,
    ORGANISATION_WORDS,
    PRONOUNS,
    TITLE_WORDS,
)
from newsledger.extract.statements.layout import Layout
from newsledger.extract.statements.reported import CueFrame, in_phrase, verb_frame

__all__ = [
    "colon_label_source",
    "glued_cue_source",
    "heading_source",
    "signature_source",
    "subject_before",
]

# A label before a colon has at most this many words; longer is a sentence.
MAX_LABEL_WORDS = 7
# A capitalised heading before a quotation on its line has this many words.
MIN_HEADING_WORDS = 2
MAX_HEADING_WORDS = 16
# A name line signing a quotation has at most this many words.
MAX_SIGNATURE_WORDS = 8
# Where a label starts: after a dash or the end of a sentence on its line.
LABEL_SEPARATORS = (" - ", " – ", " — ", " ― ", ". ", "? ", "! ")
# Entity labels that can name a source.
SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
# Marks between a glued cue and the opening mark ('said,“', 'Clinton:"').
GLUE_MARKS = frozenset(",:")
# How many tokens before a glued cue its speaker may start ("Rep. Paul Ryan said,“").
MAX_GLUED_SPEAKER_DISTANCE = 5


def _token_at(layout: Layout, char: int) -> int:
    """Index of the token holding character `char` (or the first one after it)."""
    doc = layout.doc
    index = bisect_left(layout.token_starts, char)
    if index > 0 and (index == len(doc) or doc[index].idx > char):
        previous = doc[index - 1]
        if previous.idx + len(previous.text) > char:
            return index - 1
    return index


def _mark_before(text: str, quote_start: int) -> int | None:
    """Position of the colon or comma right before an opening mark (spaces between are
    fine), or None."""
    position = quote_start
    while position > 0 and text[position - 1] in " \t\u00a0":
        position -= 1
    if position == 0 or text[position - 1] not in GLUE_MARKS:
        return None
    return position - 1


def _is_abbreviation(text: str, line_start: int, stop: int, lang: str = "en") -> bool:
    """Whether the word ending at the full stop `stop` is a title or an initial."""
    word_start = stop
    while word_start > line_start and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:stop]
    return len(word) == 1 or word.lower() in TITLE_WORDS[lang]


def _label_end(doc, first: int, last: int, colon: int) -> int:
    """End of a label's tokens: before a token that runs past the colon (glued to the
    quotation mark) and before a parenthesis left open by it ("Lind (D-Ore.):")."""
    end = last
    while end > first and doc[end - 1].idx + len(doc[end - 1].text) > colon:
        end -= 1
    opening = next((i for i in range(end - 1, first - 1, -1) if doc[i].text == "("), None)
    if opening is not None and not any(doc[i].text == ")" for i in range(opening, end)):
        end = opening
    while end > first and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # A label that is one glued token ('Lind:"We') keeps it.
    return end if end > first else last


def colon_label_source(layout: Layout, number: int) -> CueFrame | None:
    """A speaker frame for a short verbless label ending on the colon that opens quotation
    `number`; None when the words before the colon are a clause or too long."""
    text, doc = layout.text, layout.doc
    quote = layout.quotes[number]
    colon = _mark_before(text, quote.start)
    if colon is None or text[colon] != ":":
        return None
    line_start = text.rfind("\n", 0, colon) + 1
    start = line_start
    for separator in LABEL_SEPARATORS:
        found = text.rfind(separator, line_start, colon)
        while found >= 0 and separator == ". " and _is_abbreviation(text, line_start, found):
            # "Rep. Jo Lind:" - the full stop of a title does not end a sentence.
            found = text.rfind(separator, line_start, found)
        if found >= 0:
            start = max(start, found + len(separator))
    while start < colon and text[start] in " \t\u00a0\"“'‘":
        start += 1
    label = text[start:colon]
    if not label[:1].isupper() or not 1 <= len(label.split()) <= MAX_LABEL_WORDS:
        return None
    first = _token_at(layout, start)
    last = _token_at(layout, colon - 1) + 1
    if any(t.pos_ in ("VERB", "AUX") for t in doc[first:last]):
        return None
    tokens = [doc[i] for i in range(first, _label_end(doc, first, last, colon))]
    tokens = [t for t in tokens if not t.is_space]
    if not tokens or any(layout.quote_of_token[t.i] >= 0 for t in tokens):
        return None
    # "(More) from the report:" names the source after its preposition.
    preposition = next((i for i, t in enumerate(tokens[:2]) if t.pos_ == "ADP"), None)
    if preposition is not None:
        tokens = tokens[preposition + 1 :]
    nouns = [
        t
        for t in tokens
        if t.pos_ in ("PROPN", "NOUN") and (preposition is not None or not in_phrase(t))
    ]
    if not nouns:
        return None
    head = nouns[-1]
    return CueFrame(
        cue=(last - 1, last),
        lemma="say",
        stance="says",
        content=None,
        speaker=(tokens[0].i, tokens[-1].i + 1),
        speaker_head=head.i,
    )


def _is_cue_form(word: str, lang: str) -> bool:
    """Whether `word` is an inflected reporting verb ("said", "adds", "tweeted")."""
    word = word.lower()
    verbs = CUE_VERBS[lang]
    if word in verbs or IRREGULAR_CUE_FORMS[lang].get(word) in verbs:
        return True
    candidates = []
    if word.endswith("ed"):
        candidates += [word[:-2], word[:-1], word[:-3] + "y" if word.endswith("ied") else ""]
    if word.endswith("s"):
        candidates += [word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else ""]
    return any(candidate in verbs for candidate in candidates if candidate)


def glued_cue_source(layout: Layout, number: int, lang: str = "en") -> CueFrame | None:
    """A speaker frame for 'Ryan said,“...' where the cue, its comma or colon and the
    opening mark are one token: the name (or pronoun) just before the glued cue."""
    text, doc = layout.text, layout.doc
    quote = layout.quotes[number]
    mark = _mark_before(text, quote.start)
    if mark is None or mark == 0 or not text[mark - 1].isalpha():
        return None
    word_start = mark
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    if not _is_cue_form(text[word_start:mark], lang):
        return None
    glued = _token_at(layout, word_start)
    if glued >= len(doc) or doc[glued].idx + len(doc[glued].text) <= quote.start:
        # The tokenizer split the marks off: the parse reads this cue itself.
        return None
    low = max(doc[glued].sent.start, glued - MAX_GLUED_SPEAKER_DISTANCE)
    for index in range(glued - 1, low - 1, -1):
        token = doc[index]
        if layout.quote_of_token[index] >= 0 or "\n" in token.text:
            break
        named = token.ent_type_ in SOURCE_ENTITIES or token.pos_ == "PROPN"
        if (named and not in_phrase(token)) or token.pos_ == "PRON":
            start = index
            if token.ent_type_:
                ent = next(e for e in doc.ents if e.start <= index < e.end)
                start = max(low, ent.start)
            while start > low and doc[start - 1].pos_ == "PROPN":
                start -= 1
            return CueFrame(
                cue=(glued, glued + 1),
                lemma="say",
                stance="says",
                content=None,
                speaker=(start, index + 1),
                speaker_head=index,
            )
    return None


def heading_source(layout: Layout, number: int) -> CueFrame | None:
    """A speaker frame for a capitalised heading that opens the line of quotation `number`
    ("EBOLA SURVIVORS, THROUGH THE LENS '...' [Outlet.]"): news digests introduce a
    quoted excerpt with the headline of the story it comes from."""
    text, doc = layout.text, layout.doc
    quote = layout.quotes[number]
    line_start = text.rfind("\n", 0, quote.start) + 1
    heading = text[line_start : quote.start]
    # isupper(): some cased letter and no lower-case one.
    if not heading.isupper() or not MIN_HEADING_WORDS <= len(heading.split()) <= MAX_HEADING_WORDS:
        return None
    first = _token_at(layout, line_start)
    last = _token_at(layout, quote.start)
    tokens = [doc[i] for i in range(first, last) if not doc[i].is_space and not doc[i].is_punct]
    if not tokens or any(layout.quote_of_token[t.i] >= 0 for t in tokens):
        return None
    return CueFrame(
        cue=(tokens[-1].i, tokens[-1].i + 1),
        lemma="say",
        stance="says",
        content=None,
        speaker=(tokens[0].i, tokens[-1].i + 1),
        speaker_head=tokens[-1].i,
    )


def signature_source(layout: Layout, number: int) -> CueFrame | None:
    """A speaker frame for a quotation left open at its paragraph's end whose closing mark
    comes after a short name line under it ('"... the bomb.' then 'Donald Trump."'):
    the scraped layout of a signed quotation, the name inside the marks."""
    text, doc = layout.text, layout.doc
    quote = layout.quotes[number]
    if quote.closed or number + 1 >= len(layout.quotes):
        return None
    signature = layout.quotes[number + 1]
    if signature.opened or not signature.continues:
        return None
    inner = text[signature.inner_start : signature.inner_end].strip().rstrip(".")
    words = inner.split()
    if not words or len(words) > MAX_SIGNATURE_WORDS or not inner[:1].isupper():
        return None
    first, last = layout.quote_tokens[number + 1]
    tokens = [doc[i] for i in range(first, last) if not doc[i].is_space and not doc[i].is_punct]
    if not tokens or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in SOURCE_ENTITIES for t in tokens):
        return None
    names = [t for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in SOURCE_ENTITIES]
    return CueFrame(
        cue=(tokens[0].i, tokens[0].i + 1),
        lemma="say",
        stance="says",
        content=None,
        speaker=(tokens[0].i, tokens[-1].i + 1),
        speaker_head=names[0].i,
    )


def _can_speak(token, lang: str) -> bool:
    """Whether a subject can be the source of a quotation: a name, a personal pronoun,
    a title or description of a person, an organisation or a document ("Rain fell
    again." does not introduce what someone said)."""
    if token.ent_type_ in SOURCE_ENTITIES or token.pos_ == "PROPN":
        return True
    lower, lemma = token.lower_, token.lemma_.lower()
    pronoun = PRONOUNS[lang].get(lower)
    if pronoun is not None:
        return pronoun[0] in ("person", "group", "self")
    return any(
        lemma in table[lang]
        for table in (DESCRIPTION_NOUNS, DOCUMENT_NOUNS, ORGANISATION_WORDS, TITLE_WORDS)
    )


def subject_before(layout: Layout, number: int, lang: str = "en") -> CueFrame | None:
    """A speaker frame for a quotation no cue reports, from the sentence that leads into
    it: the subject of the sentence right before it ("Howard continued his remarks."
    then the quotation, in its paragraph or opening the next one), or of the clause
    its own sentence opens with ("Respondents are obliged to disclose: '...'")."""
    doc = layout.doc
    first = layout.quote_tokens[number][0]
    sentence = layout.sentence(first)
    quote_paragraph = layout.paragraph(layout.quotes[number].start)
    if layout.sentence_starts[sentence] < first:
        lead_start = layout.sentence_starts[sentence]
    elif sentence > 0:
        lead_start = layout.sentence_starts[sentence - 1]
        lead_paragraph = layout.paragraph(doc[lead_start].idx)
        if lead_paragraph != quote_paragraph and not _adjacent(layout, lead_start, number):
            return None
    else:
        return None
    root = doc[lead_start].sent.root
    if root.i >= first or layout.quote_of_token[root.i] >= 0:
        return None
    if layout.paragraph(root.idx) not in (quote_paragraph, layout.paragraph(doc[lead_start].idx)):
        return None
    frame = verb_frame(root)
    if frame is None or frame.speaker is None or not _can_speak(doc[frame.speaker_head], lang):
        return None
    start, end = frame.speaker
    if start < lead_start or any(layout.quote_of_token[i] >= 0 for i in range(start, end)):
        return None
    return dataclasses.replace(frame, content=None)


def _adjacent(layout: Layout, token: int, number: int) -> bool:
    """Whether the paragraph of `token` is the last non-empty one before quotation
    `number`, which opens its own paragraph."""
    text = layout.text
    quote = layout.quotes[number]
    line_start = text.rfind("\n", 0, quote.start) + 1
    if text[line_start : quote.start].strip():
        return False
    line_end = text.find("\n", layout.doc[token].idx)
    return 0 <= line_end < line_start and not text[line_end:line_start].strip()
