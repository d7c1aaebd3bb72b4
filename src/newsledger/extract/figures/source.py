"""Who states a figure, what kind of source that is, and the cue that gives its status.

Owns finding a figure's source, in this order: the speaker of the statement
whose content holds the figure; "according to X" in the sentence; the subject
of the reporting verb that governs the number ("Ukraine claimed to have killed
...", "a UN report showed", "the health minister reported that ..."); else any
reporting verb of the sentence with a subject. It also resolves the source
phrase ("a human rights monitoring team from the United Nations" -> "UN human
rights monitoring team") and classifies it as party, international, ngo, media
or unnamed from the known-bodies table and the kind words of `status_cues.json`.
A pronoun, number word or generic noun ("I", "five", "the country", "strikes";
`consolidate.name_cleaning.is_never_a_name`) is never a source: the statement's
resolved speaker is read instead, else the figure stays unnamed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from newsledger.consolidate.name_cleaning import is_never_a_name
from newsledger.extract.context import doc_ents, doc_text, sentence_of, span_tokens
from newsledger.extract.lexicon.figures import PRONOUNS, KnownBody, tables
from newsledger.models import Span, Statement

__all__ = ["SourceReading", "classify_source", "read_source"]

MAX_SOURCE_TOKENS = 10
# Parts of a subject phrase that do not name the source: "the minister, who spoke on TV".
DROPPED_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep_tail"})


@dataclass(frozen=True, slots=True)
class SourceReading:
    source: str | None
    mention: Span | None
    kind: str
    cue_lemma: str | None


@lru_cache(maxsize=8)
def _kind_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # One alternation per kind, compiled once: the same answer as searching each
    # word in turn (backtracking tries every alternative at every position).
    if not words:
        return re.compile(r"(?!)")  # matches nothing, as any() over no words
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\b")


@lru_cache(maxsize=4096)
def _known_body(text: str) -> KnownBody | None:
    # Cached: a source's name comes back for each of its figures.
    for body in tables().known_bodies:
        if body.pattern.search(text):
            return body
    return None


def classify_source(text: str | None, *, is_state: bool = False) -> str:
    """party, international, ngo, media or unnamed for a source phrase."""
    if not text:
        return "unnamed"
    lowered = text.lower()
    words = tables().source_kind_words
    # Kind words of a party outrank a body's alias: "Ukraine's health minister"
    # is a party even though "health" alone says nothing.
    body = _known_body(text)
    if body is not None and body.source_kind != "party":
        return body.source_kind
    for kind in ("party", "media", "ngo", "international"):
        if _kind_pattern(words[kind]).search(lowered):
            return kind
    if body is not None or is_state:
        return "party"
    return "unnamed"


def _phrase_tokens(head: Token) -> list[Token]:
    """The words naming a source: the head noun with its left modifiers and "of/from" parts."""
    keep = [head]
    for child in head.children:
        if child.dep_ in DROPPED_DEPS or child.dep_ == "det":
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of", "from", "at", "in", "for"):
            continue
        keep.extend(t for t in child.subtree if t.dep_ not in ("relcl", "appos", "punct"))
    tokens = sorted(set(keep), key=lambda t: t.i)
    # Leading determiners of nested phrases are kept ("the United Nations"), only the
    # phrase's own article goes ("a UN report" -> "UN report").
    return tokens[:MAX_SOURCE_TOKENS]


def _resolve_phrase(head: Token) -> tuple[str, int, int]:
    """Text and char offsets of the source phrase, with "X from <known body>" reordered."""
    tokens = _phrase_tokens(head)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "at"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                continue
            body_text = " ".join(t.text for t in objects[0].subtree)
            body = _known_body(body_text)
            if body is not None and body.source_kind != "party":
                short = next((a for a in body.aliases if a.isupper() and len(a) <= 6), body.name)
                left = [t.text for t in head.subtree if t.i < head.i and t.dep_ != "det"]
                return " ".join([short, *left, head.text]), start, end
    text = doc_text(head.doc)[start:end]
    return text, start, end


def _subject(verb: Token) -> Token | None:
    # Up the head chain, bounded by the doc's length, though a chain ends at its root.
    for _ in range(len(verb.doc)):
        for child in verb.children:
            # A passive subject is what was reported, never who reported it.
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        # "... to have killed": an xcomp borrows its subject from the verb it completes.
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _according_to(anchor: Token) -> Token | None:
    t = tables()
    best: tuple[int, Token] | None = None
    for token in span_tokens(sentence_of(anchor)):
        lowered = token.lower_
        if lowered == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if (
                to is None
                and token.i + 1 < len(token.doc)
                and token.doc[token.i + 1].lower_ == "to"
            ):
                to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        elif lowered in t.source_prepositions:
            objects = [c for c in token.children if c.dep_ in ("pobj", "dobj")]
        else:
            continue
        if objects:
            distance = abs(token.i - anchor.i)
            if best is None or distance < best[0]:
                best = (distance, objects[0])
    return best[1] if best else None


def _cue_verbs(anchor: Token) -> list[Token]:
    """Reporting verbs above the number, nearest first, then the rest of the sentence."""
    cues = tables().cue_status
    above = []
    node = anchor
    # A head chain ends at its root (its own head); bounded by the doc's length all the same.
    for _ in range(len(anchor.doc)):
        if node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in cues and node.pos_ in ("VERB", "AUX", "NOUN"):
            above.append(node)
    rest = sorted(
        (
            t
            for t in span_tokens(sentence_of(anchor))
            if t.lemma_.lower() in cues and t.pos_ == "VERB" and t not in above
        ),
        key=lambda t: abs(t.i - anchor.i),
    )
    return above + rest


def _antecedent(verb: Token) -> Token | None:
    """The named subject of a reporting verb above `verb`: who "it"/"they" stands for."""
    cues = tables().cue_status
    node = verb
    for _ in range(len(verb.doc)):
        if node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() not in cues or node.pos_ not in ("VERB", "AUX"):
            continue
        subject = _subject(node)
        if subject is not None and subject.lower_ not in PRONOUNS:
            return subject
    return None


def _refined_cue(verb: Token, anchor: Token) -> str:
    """The cue lemma for the number, more specific than a bare "said" when the sayer's
    earlier complement names one: in "X said it had confirmed 331 civilians had been
    killed and 675 injured" the parser hangs "injured" from "said", but "confirmed"
    still governs it."""
    cues = tables().cue_status
    lemma = verb.lemma_.lower()
    if cues.get(lemma) != "reported":
        return lemma
    for child in verb.children:
        child_lemma = child.lemma_.lower()
        if (
            child.dep_ in ("ccomp", "xcomp")
            and child.i < anchor.i
            and cues.get(child_lemma, "reported") != "reported"
            and not any(c.dep_ == "nsubj" and c.lower_ not in PRONOUNS for c in child.children)
            and anchor.i not in {t.i for t in child.subtree}
        ):
            return child_lemma
    return lemma


def _statement_for(anchor: Token, statements: list[Statement]) -> Statement | None:
    position = anchor.idx
    for statement in statements:
        if statement.content.start <= position < statement.content.end:
            return statement
    return None


def _is_state(token: Token) -> bool:
    return token.ent_type_ == "GPE"


def _statement_reading(anchor: Token, statement: Statement) -> SourceReading:
    name = statement.speaker or statement.speaker_mention.text  # type: ignore[union-attr]
    if is_never_a_name(name):
        return SourceReading(None, statement.speaker_mention, "unnamed", statement.cue_lemma)
    states = {e.text for e in doc_ents(anchor.doc) if e.label_ == "GPE"}
    kind = classify_source(name, is_state=name in states)
    return SourceReading(name, statement.speaker_mention, kind, statement.cue_lemma or "say")


def read_source(anchor: Token, statements: list[Statement]) -> SourceReading:
    """The source of the number at `anchor` (see the module docstring for the order).

    The parse's own reading is preferred when it names the source (it resolves
    "X from the United Nations"); a statement's speaker is used when the parse
    finds nobody or only a pronoun (the statements extractor resolves "he").
    """
    own = _parse_reading(anchor)
    if own.source is not None and is_never_a_name(own.source):
        # "I", "the country", "five", "strikes": the parse found a word, not a source.
        own = SourceReading(None, own.mention, "unnamed", own.cue_lemma)
    statement = _statement_for(anchor, statements)
    named = statement is not None and (statement.speaker or statement.speaker_mention)
    if named and own.source is None:
        reading = _statement_reading(anchor, statement)
        if own.cue_lemma is not None:
            return SourceReading(reading.source, reading.mention, reading.kind, own.cue_lemma)
        return reading
    return own


def _parse_reading(anchor: Token) -> SourceReading:
    according = _according_to(anchor)
    if according is not None:
        text, start, end = _resolve_phrase(according)
        # "The UN recorded 351 ..., according to X": the verb still says how sure it is.
        cues = tables().cue_status
        stronger = [v.lemma_.lower() for v in _cue_verbs(anchor) if cues.get(v.lemma_.lower())]
        stronger = [c for c in stronger if cues[c] != "reported"]
        return SourceReading(
            text,
            Span(start, end, text),
            classify_source(text, is_state=_is_state(according)),
            stronger[0] if stronger else "report",
        )
    for verb in _cue_verbs(anchor):
        subject = _subject(verb) if verb.pos_ != "NOUN" else None
        if subject is None or subject.i <= anchor.i <= subject.right_edge.i:
            continue
        cue = _refined_cue(verb, anchor)
        if subject.lower_ in PRONOUNS:
            # "The office said it had confirmed 331 ...": "it" is the sayer above.
            named = _antecedent(verb)
            if named is None:
                mention = Span(subject.idx, subject.idx + len(subject), subject.text)
                return SourceReading(None, mention, "unnamed", cue)
            subject = named
        text, start, end = _resolve_phrase(subject)
        mention = Span(start, end, doc_text(anchor.doc)[start:end])
        return SourceReading(text, mention, classify_source(text, is_state=_is_state(subject)), cue)
    return SourceReading(None, None, "unnamed", None)
