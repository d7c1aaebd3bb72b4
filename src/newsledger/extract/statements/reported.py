"""Reporting cues in a parsed sentence: the cue, its content clause and its speaker.

Small pure functions over spaCy tokens. `find_cues` lists every token that can
introduce a statement ("said", "told", "according to"...); `cue_frame` turns
one into a `CueFrame`: the token range of the cue phrase, of what was said
(the clausal complement, "CLAUSE, X said" included) and of who said it (the
subject, found through participles, conjuncts and relative clauses).
Token ranges are [start, end) token indices; the caller turns them into
character spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.extract.context import token_indices
from newsledger.extract.lexicon.statements import (
    ACCORDING_TO,
    CONTENT_DEPS,
    CUE_VERBS,
    QUOTE_ONLY_CUES,
    SUBJECT_DEPS,
)

__all__ = [
    "RELATIVE_PRONOUNS",
    "CueFrame",
    "cue_frame",
    "find_cues",
    "in_phrase",
    "is_cue",
    "loose_speaker",
    "verb_frame",
]

# Speaker subtrees longer than this keep only their head and pre-modifiers:
# a subject with a long relative clause is still named by its head.
MAX_SPEAKER_TOKENS = 12
# Marks that may edge a speaker span in the parse but never belong to the name.
SPAN_EDGE_MARKS = frozenset({",", ";", ":"})
# How many heads to climb from a participle or conjunct to find its subject.
MAX_SUBJECT_CLIMB = 3
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "prep", "dobj"})
OBJECT_CONTENT_STANCES = frozenset({"accuses", "denies", "confirms", "claims", "reports"})
OBJECT_CONTENT_PREPS = frozenset({"of", "for", "over", "about", "that"})
DETACHED_DEPS = frozenset({"ccomp", "advcl", "parataxis", "punct"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Parts of speech of a noun a gerund cue may hang on as its doer.
NOUN_POS = frozenset({"PROPN", "NOUN", "PRON"})
GERUND_DOER_DEPS = frozenset({"ROOT", "nsubj", "appos"})
# Entity types that may name the speaker of a cue the parse left without a subject.
LOOSE_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(slots=True)
class CueFrame:
    """A reporting cue with its content and speaker as token ranges (None when absent)."""

    cue: tuple[int, int]
    lemma: str
    stance: str
    content: tuple[int, int] | None
    speaker: tuple[int, int] | None
    speaker_head: int | None
    colon: bool = False
    quote_only: bool = False
    passive: bool = False
    verb: int | None = None


def is_cue(token, lang: str = "en") -> bool:
    """Whether `token` can introduce a statement (reporting verb or 'according to')."""
    if token.lower_ in ACCORDING_TO[lang]:
        return any(child.lower_ == "to" for child in token.children)
    return token.pos_ == "VERB" and token.lemma_.lower() in CUE_VERBS[lang]


def find_cues(doc, excluded: Sequence[bool], lang: str = "en") -> list:
    """Cue tokens of `doc` outside the excluded (quoted) tokens, in order."""
    # Only a verb or "according" can be a cue: is_cue tests those, not every token.
    candidates = token_indices(doc, pos=("VERB",), lower=ACCORDING_TO[lang])
    return [doc[i] for i in candidates if not excluded[i] and is_cue(doc[i], lang)]


def _span_of(token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _is_edge_noise(token) -> bool:
    return token.is_space or (token.is_punct and not token.is_quote)


def _trim_punct(doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and _is_edge_noise(doc[start]):
        start += 1
    while end > start and _is_edge_noise(doc[end - 1]):
        end -= 1
    return (start, end) if end > start else None


def _speaker_span(token) -> tuple[int, int]:
    # A clause hanging off the subject is a misparse of the quotation it reports.
    lefts = [c.left_edge.i for c in token.lefts if c.dep_ not in DETACHED_DEPS]
    rights = [c.right_edge.i + 1 for c in token.rights if c.dep_ not in DETACHED_DEPS]
    start = min([token.i, *lefts])
    end = max([token.i + 1, *rights])
    if end - start > MAX_SPEAKER_TOKENS:
        end = token.i + 1
        for child in token.rights:
            if child.dep_ in ("compound", "flat", "appos") and child.i == end:
                end = child.right_edge.i + 1
    # A closing mark or comma the parse hung on the name ('," Party Chairman Ito') is
    # the edge of the quotation, not part of who spoke.
    doc = token.doc
    while start < token.i and (doc[start].is_quote or doc[start].text in SPAN_EDGE_MARKS):
        start += 1
    while end - 1 > token.i and (doc[end - 1].is_quote or doc[end - 1].text in SPAN_EDGE_MARKS):
        end -= 1
    return start, end


def _passive_agent(verb):
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


def _is_perfect_misparse(verb, lang: str) -> bool:
    """Whether a 'passive' is really the perfect "He's said that ...": a contracted 's
    (has) before the verb, and a clause reported after it, which no passive has."""
    return any(
        child.dep_ == "auxpass" and child.lower_ in ("'s", "’s") for child in verb.children
    ) and any(child.dep_ in CONTENT_DEPS[lang] and child.i > verb.i for child in verb.children)


def _subject_of(verb, lang: str) -> tuple[object | None, bool]:
    """The subject token of `verb` (climbing participles and conjuncts) and whether passive."""
    current = verb
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        passive = any(child.dep_ == "auxpass" for child in current.children)
        if passive and _is_perfect_misparse(current, lang):
            passive = False
        # Nearest subject first: a quotation before the verb may hold a stray one.
        subjects = sorted(
            (c for c in current.children if c.dep_ in SUBJECT_DEPS[lang]),
            key=lambda c: abs(c.i - current.i),
        )
        if subjects:
            subject = subjects[0]
            if passive or (subject.dep_ == "nsubjpass" and not _is_perfect_misparse(current, lang)):
                return _passive_agent(current), True
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head, False
            return subject, False
        if current.dep_ == "relcl":
            return current.head, False
        if (
            current.dep_ == "acl"
            and current.tag_ == "VBG"
            and current.head.pos_ in NOUN_POS
            and current.head.dep_ in GERUND_DOER_DEPS
        ):
            # "Brockovich, the lawyer, ..., saying she ...": a gerund hung on a noun that
            # no verb governs is what that noun does ("issued a statement saying" is not
            # what the statement does: there the climb reaches the issuer).
            return current.head, False
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return None, passive
        current = current.head
    return None, False


def _relative_mention(verb, subject, lang: str):
    """The relative pronoun standing for `subject` as the subject of `verb`'s clause
    ("Weaver, who said ..."): the speaker as written beside the cue, while the
    antecedent stays the head the name is resolved from. None when there is none."""
    current = verb
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        if current.dep_ == "relcl" and current.head.i == subject.i:
            return next(
                (
                    c
                    for c in current.children
                    if c.dep_ in SUBJECT_DEPS[lang] and c.lower_ in RELATIVE_PRONOUNS
                ),
                None,
            )
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _is_loose_name(token) -> bool:
    if token.ent_type_:
        return token.ent_type_ in LOOSE_SPEAKER_ENTITIES
    # The parser sometimes tags an unknown surname after "said" as an adverb.
    return token.pos_ == "PROPN" or (
        token.text[:1].isupper()
        and token.is_alpha
        and not token.is_sent_start
        and token.pos_ in ("ADV", "NOUN", "X")
    )


def in_phrase(token) -> bool:
    """Whether a name is the object of a preposition or a possessor ("to the Observer",
    "a Clinton adviser"): then it names someone else than the speaker."""
    # A head chain ends at its root (a token that is its own head); spaCy makes a
    # new Token object on every access, so tokens are compared by index, and the
    # walk is bounded by the sentence length all the same.
    for _ in range(len(token.sent)):
        if token.dep_ not in ("compound", "flat") or token.head.i == token.i:
            break
        token = token.head
    return token.dep_ in ("pobj", "poss")


def _loose_subject(verb) -> tuple[int, object] | None:
    """Start and head of the speaker of a cue the parser left without a subject,
    read from the words around it: "'...,' Gene Sperling, an adviser, said" (the
    first name between the closing mark and the cue), else "'...,' said Skelly"
    (the name right after the cue), else the whole phrase closing the clause after
    a cue right behind the closing mark ("'...,' opined the Ledger")."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ == "acl" and head.i == verb.i - 1:
        # "'...?' the 43-year-old asked": a past-tense cue parsed as a clause
        # modifying the noun right before it has that noun as its subject. A
        # participle ("the questions asked") only counts right after a quotation.
        opening = head.left_edge.i
        if verb.tag_ == "VBD" or (opening > 0 and doc[opening - 1].is_quote):
            return opening, head
    sent = verb.sent
    low = max(sent.start, verb.i - MAX_SPEAKER_TOKENS - 4)
    start = verb.i
    while start > low and not doc[start - 1].is_quote and "\n" not in doc[start - 1].text:
        start -= 1
    for index in range(start, verb.i):
        if _is_loose_name(doc[index]) and not in_phrase(doc[index]):
            head = doc[index]
            while head.i + 1 < verb.i and _is_loose_name(doc[head.i + 1]):
                head = doc[head.i + 1]
            return index, head
    after = verb.i + 1
    # Skip what stands before the name: "said retired neurosurgeon Ben Carson".
    while (
        after < sent.end
        and (doc[after].pos_ in ("DET", "ADJ") or doc[after].dep_ in ("amod", "compound"))
        and not _is_loose_name(doc[after])
        and after - verb.i <= 4
    ):
        after += 1
    if after < sent.end and (
        _is_loose_name(doc[after]) or (after > verb.i + 1 and doc[after].pos_ == "NOUN")
    ):
        head = doc[after]
        while (
            head.i + 1 < sent.end
            and doc[head.i + 1].pos_ == head.pos_
            and (doc[head.i + 1].ent_type_ == head.ent_type_)
        ):
            head = doc[head.i + 1]
        return verb.i + 1, head
    before = verb.i - 1
    while before >= sent.start and doc[before].is_space:
        before -= 1
    if before >= sent.start and doc[before].is_quote:
        # "'...,' added another Iowa Republican": right after the closing mark, the
        # noun phrase that follows an inverted cue is its speaker. The phrase must
        # close the clause ("..., opined the Ledger."): an object followed by more of
        # the sentence ("denounced her record and ...") is not a speaker.
        phrase = doc[verb.i + 1] if verb.i + 1 < sent.end else None
        for _ in range(len(sent)):
            if phrase is None or phrase.head.i <= verb.i or phrase.head.i == phrase.i:
                break
            phrase = phrase.head
        if (
            phrase is not None
            and phrase.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and phrase.left_edge.i == verb.i + 1
            and (phrase.right_edge.i + 1 >= sent.end or doc[phrase.right_edge.i + 1].is_punct)
        ):
            return verb.i + 1, phrase
    return None


def loose_speaker(verb) -> tuple[tuple[int, int], int] | None:
    """Speaker span and head of a cue verb read from the words around it, for when
    the parse gives no usable subject; None when no name stands beside the cue."""
    loose = _loose_subject(verb)
    if loose is None:
        return None
    return (loose[0], loose[1].i + 1), loose[1].i


def _according_frame(token, lang: str) -> CueFrame | None:
    to = next((child for child in token.children if child.lower_ == "to"), None)
    if to is None:
        return None
    source = next((child for child in to.children if child.dep_ in ("pobj", "pcomp")), None)
    if source is None:
        return None
    doc = token.doc
    # The source is the noun with its modifiers, not whatever the parser hung after a
    # comma ("According to X, the dam held" often makes "the dam" an apposition).
    speaker_end = source.i + 1
    for child in source.rights:
        if child.dep_ in ("compound", "flat", "prep", "nummod") and child.i == speaker_end:
            speaker_end = child.right_edge.i + 1
    speaker = (source.left_edge.i, speaker_end)
    sent = token.sent
    before = _trim_punct(doc, sent.start, token.i)
    after = _trim_punct(doc, speaker_end, sent.end)
    sizes = [(r[1] - r[0], r) for r in (before, after) if r]
    return CueFrame(
        cue=(token.i, to.i + 1),
        lemma="according to",
        stance="reports",
        content=max(sizes)[1] if sizes else None,
        speaker=speaker,
        speaker_head=source.i,
    )


def _content_of(verb, stance: str, lang: str) -> tuple[int, int] | None:
    doc = verb.doc
    clauses = [child for child in verb.children if child.dep_ in CONTENT_DEPS[lang]]
    if clauses:
        start = min(child.left_edge.i for child in clauses)
        end = max(child.right_edge.i + 1 for child in clauses)
        if start > verb.i:
            # "told a town hall that waterboarding is 'peanuts,' compared to ...": the
            # parse often hangs the clause's tail on the cue; what was said runs on
            # to the end of the sentence.
            stop = end
            while stop < verb.sent.end and not (
                doc[stop].pos_ == "VERB" and doc[stop].lemma_.lower() in CUE_VERBS[lang]
            ):
                stop += 1
            end = stop
        # "He said that ..." keeps the clause but not a marker before the verb.
        return _trim_punct(doc, start, end)
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The order was wrong, he said": the content is the head clause before the cue.
        head = verb.head
        return _trim_punct(doc, head.left_edge.i, verb.left_edge.i)
    if stance in OBJECT_CONTENT_STANCES:
        objects = [child for child in verb.children if child.dep_ in ("dobj", "attr")]
        preps = [
            child
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ in OBJECT_CONTENT_PREPS
        ]
        parts = objects + preps
        if parts:
            start = min(child.left_edge.i for child in parts)
            end = max(child.right_edge.i + 1 for child in parts)
            return _trim_punct(doc, start, end)
    return None


def _cue_phrase(verb) -> tuple[int, int]:
    """The cue as written: the verb with its auxiliaries, negation and particles."""
    start = end = verb.i
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt") and abs(child.i - verb.i) <= 3:
            start = min(start, child.i)
            end = max(end, child.i)
    return start, end + 1


def cue_frame(token, lang: str = "en") -> CueFrame | None:
    """The frame of the cue `token`, or None when it is not a usable cue."""
    if token.lower_ in ACCORDING_TO[lang]:
        return _according_frame(token, lang)
    lemma = token.lemma_.lower()
    stance = CUE_VERBS[lang].get(lemma)
    if stance is None:
        return None
    subject, passive = _subject_of(token, lang)
    speaker = _speaker_span(subject) if subject is not None else None
    if subject is not None and not passive:
        relative = _relative_mention(token, subject, lang)
        if relative is not None:
            speaker = (relative.i, relative.i + 1)
    if subject is None and not passive:
        loose = loose_speaker(token)
        if loose is not None:
            speaker, subject = loose[0], token.doc[loose[1]]
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    colon = following is not None and following.text == ":"
    return CueFrame(
        cue=_cue_phrase(token),
        lemma=lemma,
        stance=stance,
        content=_content_of(token, stance, lang),
        speaker=speaker,
        speaker_head=subject.i if subject is not None else None,
        colon=colon,
        quote_only=lemma in QUOTE_ONLY_CUES[lang],
        passive=passive,
        verb=token.i,
    )


def verb_frame(token, lang: str = "en") -> CueFrame | None:
    """A frame for any verb with a subject: the last resort for a quotation with no
    reporting cue ("Kaine has adopted the stance: '...'"), stance "says"."""
    subject, passive = _subject_of(token, lang)
    if subject is None or passive:
        return None
    relative = _relative_mention(token, subject, lang)
    return CueFrame(
        cue=_cue_phrase(token),
        lemma=token.lemma_.lower(),
        stance=CUE_VERBS[lang].get(token.lemma_.lower(), "says"),
        content=None,
        speaker=_speaker_span(subject) if relative is None else (relative.i, relative.i + 1),
        speaker_head=subject.i,
        verb=token.i,
    )
