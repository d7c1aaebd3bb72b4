"""Figures: every quantity with its meaning, source, date, place and status.

Owns `extract_figures`, which turns each Quantity of an article into one
Figure (non-counts become category "other", so every quantity is listed) by
combining the readers of its sibling modules: `categories` (category, unit of
count, group), `sources` (source, source kind, cue), `times` (as-of date,
period), `status` (cue -> status, hedges). It adds what needs the whole
article: the place (`place.ArticlePlaces`: the sentence's most specific place,
else the paragraph's, else the lede's, resolved by the gazetteer),
the part-of links ("136 killed, including 13 children"), the group of an
elided count ("352 civilians killed and more than 1,000 wounded"), and the
victims counted without a digit ("A man was shot and killed" = 1 killed,
"both victims" = 2, "no one was injured" = 0 injured; not "a man who shot four
people", the attacker) that the main-incident summary needs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsledger.extract.context import (
    doc_sentences,
    doc_tokens,
    sentence_of,
    span_text,
    token_indices,
)
from newsledger.extract.figures.background import read_background
from newsledger.extract.figures.category import HARM_TAKING_VERBS, anchor_token, read_meaning
from newsledger.extract.figures.place import ArticlePlaces
from newsledger.extract.figures.source import read_source
from newsledger.extract.figures.status import apply_hedges, status_from_cue
from newsledger.extract.figures.time import TimeReading, read_time
from newsledger.extract.lexicon.figures import (
    ANAPHORIC_GROUP_NOUNS,
    DEFINITE_VICTIMS,
    NEW_PERSON_PRONOUNS,
    NOBODY,
    PART_OF_WORDS,
    POSSESSIVE_PRONOUNS,
    SINGLE_DETERMINERS,
    SPEAKING_VERBS,
    tables,
)
from newsledger.extract.lexicon.victims import REFLEXIVE_VICTIMS
from newsledger.models import (
    CASUALTY_CATEGORIES,
    HARM_CATEGORIES,
    Figure,
    Quantity,
    Span,
    Statement,
)

__all__ = ["extract_figures"]

VICTIM_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _token_span(doc: Doc, span: Span) -> SpacySpan | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sentence.start: index for index, sentence in enumerate(doc_sentences(doc))}


def _victim_value(token: Token, person_nouns: frozenset[str]) -> float | None:
    """1 for "a man" / "Man" (headline), 2 for "both victims", 0 for "no one", -1 for "he" /
    "the victim", else None."""
    # (label, form) of each child, read once: `token.children` makes new Tokens at each walk.
    children = [(c.dep_, c.lower_) for c in token.children]
    determiners = [form for label, form in children if label in ("det", "nummod")]
    lower, tag, dep = token.lower_, token.tag_, token.dep_
    is_person = tag in ("NN", "NNP") and (
        lower in person_nouns
        or token.lemma_.lower() in person_nouns
        or "year-old" in lower
        or lower == "old"
    )
    if (
        tag in ("NNS", "NNPS")
        and token.lemma_.lower() in person_nouns
        and any(label in ("det", "predet") and form == "both" for label, form in children)
    ):
        return 2.0  # "both victims were taken to a hospital"
    if dep != "dobj" and (lower in DEFINITE_VICTIMS or (determiners[:1] == ["the"] and is_person)):
        return -1.0
    if lower in NEW_PERSON_PRONOUNS and not any(
        label in ("prep", "pobj") for label, _form in children
    ):
        return 1.0  # "kills one child, critically injures another"; not "another of them"
    if lower == "nobody":
        return 0.0
    if lower in REFLEXIVE_VICTIMS and any(label == "conj" for label, _form in children):
        return 1.0  # "shot himself and his son": the shooter is one of those hit
    # Built only here: most candidates have returned above.
    text = token.doc[token.left_edge.i : token.i + 1].text.lower()
    if any(text.startswith(n) for n in NOBODY):
        return 0.0
    # "her grandmother was wounded": a possessive pronoun introduces one new person.
    owned = any(label == "poss" and form in POSSESSIVE_PRONOUNS for label, form in children)
    single = (bool(determiners) and determiners[0] in SINGLE_DETERMINERS) or owned
    headline = not determiners and dep != "dobj" and token.i == token.left_edge.i
    if is_person and (single or headline):
        return 1.0
    return None


def _introduces(token: Token) -> bool:
    """ "his daughter", "a neighbor": a phrase that brings in a new person."""
    return any(
        (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS)
        or (c.dep_ == "det" and c.lower_ in SINGLE_DETERMINERS)
        for c in token.children
    )


# Links from a verb to a clause it governs: "accused of shooting", "think (he) shot".
CLAUSE_LINKS = frozenset({"pcomp", "ccomp", "xcomp", "prep", "relcl", "acl"})


def _did_the_harm(token: Token) -> bool:
    """ "A man who police say shot four people", "a teen accused of shooting five": the
    clause describing the person has them do the harm to others (an object), so they
    are the attacker, not a victim."""
    category_of = tables().category_of_lemma
    stack = [c for c in token.children if c.dep_ in ("relcl", "acl")]
    seen = 0
    while stack and seen < 12:
        node = stack.pop()
        seen += 1
        if (
            node.pos_ == "VERB"
            and category_of.get(node.lemma_.lower()) in HARM_CATEGORIES
            and any(c.dep_ == "dobj" for c in node.children)
        ):
            return True
        stack.extend(c for c in node.children if c.dep_ in CLAUSE_LINKS)
    return False


def _implicit_victims(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[SpacySpan, float]]:
    """Noun phrases that count victims without a digit: "A man was shot" -> 1, "no one" -> 0.

    A definite victim ("he", "the victim") counts one only: no people listed beside it.
    """
    found = []
    person_nouns = tables().person_nouns
    tokens = doc_tokens(doc)
    covered = {offset for start, end in taken for offset in range(start, end)}
    for index in token_indices(doc, dep=VICTIM_DEPS):
        token = tokens[index]
        if token.dep_ not in VICTIM_DEPS or token.idx in covered:
            continue
        if token.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if (
            token.dep_ == "nsubj"
            and any(c.dep_ == "dobj" for c in token.head.children)
            and token.head.lemma_.lower() not in HARM_TAKING_VERBS
        ):
            # "the officer killed his son": the subject did it, the object died
            # ("a guard suffered injuries": the subject took the harm).
            continue
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEAKING_VERBS:
            continue  # "said the father": the speaker, not someone counted as hurt
        value = _victim_value(token, person_nouns)
        if value is None or _did_the_harm(token):
            continue
        if value > 0:
            # "an Army soldier and his 11-year-old daughter were found dead" -> 2
            # "killed his son, his daughter and himself": listed people count too.
            # ("the innocent victim" in apposition is the same person described again).
            listed = [c for c in token.children if c.dep_ == "appos" and _introduces(c)]
            listed += [c for a in listed for c in a.conjuncts]
            value += sum(
                1
                for c in {*token.conjuncts, *listed}
                if c.i > token.i
                and (
                    (c.tag_ in ("NN", "NNP") and c.lemma_.lower() in person_nouns)
                    or c.lower_ in REFLEXIVE_VICTIMS
                )
            )
        found.append((doc[token.left_edge.i : token.i + 1], abs(value)))
    return found


def _part_of(figures: list[Figure], anchors: list[Token]) -> None:
    for index, anchor in enumerate(anchors):
        node = anchor.head if anchor.dep_ in ("nummod", "quantmod") else anchor
        # "including 13 children": the number's phrase hangs from "including".
        for _ in range(len(anchor.doc)):  # bounded, though a head chain ends at its root
            if node.dep_ not in ("nummod", "amod", "compound") or node.head.i == node.i:
                break
            node = node.head
        if node.dep_ != "pobj" or node.head.lower_ not in PART_OF_WORDS:
            continue
        container = node.head.head
        candidates = [
            other
            for other, other_anchor in enumerate(anchors)
            if other != index
            and figures[other].sentence_index == figures[index].sentence_index
            and other_anchor.i < anchor.i
            and figures[other].value_low >= figures[index].value_high
        ]
        if not candidates:
            continue
        attached = [
            other
            for other in candidates
            if anchors[other].head.i == container.i
            or anchors[other] == container
            or anchors[other].head.head.i == container.i
        ]
        parent = (attached or candidates)[-1]
        figures[index].part_of = parent
        if figures[index].category == "other":
            figures[index].category = figures[parent].category


def _inherit_groups(figures: list[Figure], nouns: list[Token | None]) -> None:
    """ "352 Ukrainian civilians have been killed ... and more than 1,000 wounded".

    An elided count ("1,000 wounded") or one counting "others" takes the group of
    the latest head figure before it in the sentence; a part-of figure ("including
    19 children") names a subset, so it never donates its group.
    """
    for index, figure in enumerate(figures):
        noun = nouns[index]
        elided = noun is None or noun.lower_ in ANAPHORIC_GROUP_NOUNS
        if not elided or figure.part_of is not None or figure.category not in CASUALTY_CATEGORIES:
            continue
        if figure.group and figure.group.lower() not in ANAPHORIC_GROUP_NOUNS:
            continue
        donors = [
            other
            for other in figures[:index]
            if other.sentence_index == figure.sentence_index
            and other.part_of is None
            and other.group
            and other.group.lower() not in ANAPHORIC_GROUP_NOUNS
            and other.category in CASUALTY_CATEGORIES
        ]
        if donors:
            figure.group = donors[-1].group


def _figure(
    doc: Doc,
    tokens: SpacySpan,
    anchor: Token,
    quantity: Quantity,
    statements: list[Statement],
    context: dict,
) -> tuple[Figure, Token | None]:
    meaning = read_meaning(doc, tokens, quantity.unit, anchor)
    source = read_source(anchor, statements)
    when = read_time(anchor, context["reference_date"], context["reference_is_suggested"])
    past = read_background(anchor, context["reference_date"])
    if past is not None:
        when = TimeReading(past.as_of, past.period, past.note)
    sentence = sentence_of(anchor)
    place = context["places"].of(anchor)
    resolved = place.resolved
    figure = Figure(
        value_low=quantity.value_low,
        value_high=quantity.value_high,
        qualifier=quantity.qualifier,
        unit=quantity.unit,
        category=meaning.category,
        count_unit=meaning.count_unit,
        group=meaning.group,
        place=place.written,
        as_of=when.as_of,
        period=when.period,
        as_of_note=when.as_of_note,
        source=source.source,
        source_mention=source.mention,
        source_kind=source.kind,
        status=status_from_cue(source.cue_lemma, anchor),
        span=quantity.span,
        sentence=span_text(sentence),
        sentence_index=context["sentence_index"][sentence.start],
        place_name=resolved.name if resolved else None,
        place_region=resolved.region if resolved else None,
        place_country=resolved.country if resolved else None,
        place_lat=resolved.lat if resolved else None,
        place_lon=resolved.lon if resolved else None,
        place_precision=resolved.precision if resolved else None,
        background=past is not None,
    )
    return figure, meaning.noun


def extract_figures(
    doc: Doc,
    quantities: list[Quantity],
    statements: list[Statement],
    *,
    reference_date: str | None = None,
    reference_is_suggested: bool = False,
    outlet: str | None = None,
) -> list[Figure]:
    """One Figure per Quantity (in text order), plus digit-less victims, with links resolved.

    `reference_date` (ISO) is what relative dates resolve against; pass the
    article's `reference_date` and whether it is only the suggested date; `outlet`
    (the article's outlet domain) helps resolve an ambiguous place name.
    """
    context = {
        "reference_date": reference_date,
        "reference_is_suggested": reference_is_suggested,
        "places": ArticlePlaces(doc, outlet=outlet),
        "sentence_index": _sentence_index(doc),
    }
    items: list[tuple[Figure, Token, Token | None]] = []
    for quantity in sorted(quantities, key=lambda q: q.span.start):
        tokens = _token_span(doc, quantity.span)
        if tokens is None or len(tokens) == 0:
            continue
        anchor = anchor_token(tokens)
        figure, noun = _figure(doc, tokens, anchor, quantity, statements, context)
        items.append((figure, anchor, noun))
    # Ages and other non-counts do not hide a victim: "a 14-year-old was shot" is one.
    taken = [(f.span.start, f.span.end) for f, _, _ in items if f.category != "other"]
    for tokens, value in _implicit_victims(doc, taken):
        quantity = Quantity(
            value,
            value,
            "exact",
            None,
            tokens.root.text,
            Span(tokens.start_char, tokens.end_char, tokens.text),
        )
        figure, noun = _figure(doc, tokens, tokens.root, quantity, statements, context)
        if figure.category in HARM_CATEGORIES:
            items.append((figure, tokens.root, noun))
    items.sort(key=lambda item: item[0].span.start)
    figures = [item[0] for item in items]
    _part_of(figures, [item[1] for item in items])
    _inherit_groups(figures, [item[2] for item in items])
    apply_hedges(doc, figures)
    return figures
