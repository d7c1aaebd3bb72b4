"""What a number counts: its category, unit of count and group, read from the parse.

Owns the dependency-parse walk around one number: finding its anchor token,
then the category (killed, injured, casualties, missing, displaced, evacuated,
detained, housing_destroyed, housing_damaged, other) from the governing verb,
noun or adjective nearest the number. What the number counts (its counted
noun, unit of count and group) is `figures.counted`'s. Words come from
`lexicon.figures`; this module only decides where to look and in what order.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsledger.extract.context import doc_tokens, sentence_of, span_text, span_tokens
from newsledger.extract.figures.counted import count_unit, counted_noun, counted_phrase, group_of
from newsledger.extract.lexicon.figures import (
    CHARGE_WORDS,
    CONDITION_STATES,
    CRIME_NOUNS,
    ELIDED_NOUNS,
    HARM_TAKING_VERBS,
    NEAR_MISS,
    REPORTING_STOP,
    SCALE_WORDS,
    tables,
)
from newsledger.extract.quantities.context import AGE_UNIT_SUFFIX

__all__ = ["Meaning", "anchor_token", "read_meaning"]

# How far up the parse a governing word may be: enough for "claimed to have
# killed 5,710 soldiers" (number -> soldiers -> killed), not so far that a
# word of the main clause colours every number below it.
MAX_HEAD_STEPS = 4
# Words the fallback scan may reach on either side of the number.
WINDOW = 5
# Category preference when a verb and its conjuncts disagree: "shot and killed"
# is killed, "shot and wounded" is injured.
SPECIFICITY = ("killed", "injured", "missing", "detained", "casualties", "displaced", "evacuated")
# A table-row label ("Damaged houses/shelter 91,808") has at most this many words.
LABEL_MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class Meaning:
    """The category, unit of count and group of one number."""

    category: str
    count_unit: str | None
    group: str | None
    noun: Token | None


def anchor_token(span: Span) -> Token:
    """The token that stands for the number: its last numeric token, else the span root."""
    numeric = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return numeric[-1] if numeric else span.root


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _alive_life(token: Token) -> bool:
    """ "life-threatening injuries", "fighting for his life": a survivor, not a death."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3].text.lower().replace(" ", "")
    return after.startswith(("-threatening", "threatening")) or (
        token.dep_ == "pobj" and token.head.lower_ == "for"
    )


def _is_charge(token: Token) -> bool:
    """ "charged with attempted murder", "two men facing murder charges": the name of a
    charge, not a death; "charged in the murders of two women" still counts (its "of")."""
    if _lemma(token) not in CRIME_NOUNS or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    ):
        return False
    if any(c.dep_ == "amod" and c.lower_ == "attempted" for c in token.children):
        return True
    head = token.head
    if head.dep_ == "prep" and head.lower_ in ("with", "of", "for", "in"):
        head = head.head
    return _lemma(head) in CHARGE_WORDS


def _category_of(token: Token, *, strong_only: bool = False) -> str | None:
    t = tables()
    if token.lower_ in ("life", "lives") and _alive_life(token):
        return "injured"
    for key in (_lemma(token), token.lower_):
        category = t.category_of_lemma.get(key)
        if category and not (strong_only and key in t.weak_lemmas):
            if category == "killed" and any(
                c.dep_ == "advmod" and c.lower_ in NEAR_MISS for c in token.children
            ):
                return "injured"  # "nearly killed": hurt, alive
            if category == "killed" and _is_charge(token):
                return None
            return category
    return None


def _most_specific(categories: list[str]) -> str | None:
    for category in SPECIFICITY:
        if category in categories:
            return category
    return categories[0] if categories else None


def _harm_noun_category(noun: Token) -> str | None:
    """The category a harm noun and its modifiers give: "gunshot wounds" -> injured,
    "fatal injuries" -> killed, "critical condition" -> injured."""
    if _lemma(noun) == "condition":
        if any(c.dep_ == "amod" and _lemma(c) in CONDITION_STATES for c in noun.children):
            return "injured"
        return None
    own = _category_of(noun)
    if own not in ("injured", "killed"):
        return None
    found = [own, *(_category_of(c) for c in noun.children if c.dep_ == "amod")]
    return _most_specific([c for c in found if c])


def _harm_taken(head: Token) -> str | None:
    """ "was in critical condition", "arrived with gunshot wounds", "suffered injuries":
    the state or harm the subject of `head` was left in, when `head` names one."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "with"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    category = _harm_noun_category(pobj)
                    if category:
                        return category
        elif child.dep_ == "dobj" and _lemma(head) in HARM_TAKING_VERBS:
            category = _harm_noun_category(child)
            if category:
                return category
    return None


def _verb_category(verb: Token, *, harm: bool = True) -> str | None:
    """A verb's category, refined by its conjuncts and manner: "shot and killed", "shot dead";
    with `harm`, also the harm its subject took ("was in critical condition")."""
    found = []
    own = _category_of(verb)
    if own:
        found.append(own)
    taken = _harm_taken(verb) if harm else None
    if taken:
        found.append(taken)
    for child in verb.children:
        has_own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        if child.dep_ == "conj" and child.pos_ in ("VERB", "ADJ") and not has_own_subject:
            category = _category_of(child)
            if category:
                found.append(category)
        elif child.dep_ in ("advmod", "acomp", "oprd", "xcomp", "dobj") and child.lower_ in (
            "fatally",
            "dead",
            "mortally",
        ):
            found.append("killed")
        elif (
            child.dep_ in ("xcomp", "oprd", "ccomp")
            and child.pos_ in ("VERB", "ADJ")
            # "Teen shot dies, two others wounded": a clause with its own subject
            # tells about someone else.
            and not (child.dep_ == "ccomp" and has_own_subject)
        ):
            # "found shot to death", "left two injured"
            # Not the harm of a clause's own subject: "teen suffers wound; two arrested".
            category = (
                _verb_category(child, harm=False) if child.pos_ == "VERB" else _category_of(child)
            )
            if category:
                found.append(category)
        elif (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(c.lower_ == "death" for c in child.children)
        ):
            found.append("killed")  # "shot to death"
    return _most_specific(found)


def _housing(noun: Token | None, anchor: Token, path: list[Token]) -> str | None:
    t = tables()
    if noun is None or _lemma(noun) not in t.housing_nouns:
        return _label_housing(anchor) if noun is None else None
    for token in [*noun.children, *path]:
        category = t.housing_verbs.get(_lemma(token)) or t.housing_verbs.get(token.lower_)
        if category:
            return category
    for token in span_tokens(sentence_of(noun)):
        if abs(token.i - anchor.i) <= WINDOW + 3:
            category = t.housing_verbs.get(_lemma(token))
            if category == "housing_destroyed":
                return category
    for token in span_tokens(sentence_of(noun)):
        category = t.housing_verbs.get(_lemma(token))
        if category and abs(token.i - anchor.i) <= WINDOW + 3:
            return category
    return None


def _label_housing(anchor: Token) -> str | None:
    """ "Completely destroyed housing: 146": a housing label names noun and verb."""
    t = tables()
    words = _label_words(anchor)
    if not any(_lemma(w) in t.housing_nouns or w.lower_ in t.housing_nouns for w in words):
        return None
    for word in words:
        category = t.housing_verbs.get(_lemma(word)) or t.housing_verbs.get(word.lower_)
        if category:
            return category
    return None


def _subject_category(verb: Token) -> str | None:
    """ "the death toll rose to 50": the category lies in the verb's subject phrase."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for token in child.subtree:
                if token.i - child.i > 4:
                    break
                category = _category_of(token)
                if category:
                    return category
    return None


def _phrase_category(anchor: Token) -> str | None:
    sentence = sentence_of(anchor)
    text = span_text(sentence).lower()
    offset = anchor.idx - sentence.start_char
    best: tuple[int, str] | None = None
    for phrase, category in tables().category_phrases:
        position = text.find(phrase)
        while position != -1:
            distance = abs(position - offset)
            if distance < 80 and (best is None or distance < best[0]):
                best = (distance, category)
            position = text.find(phrase, position + 1)
    return best[1] if best else None


def _is_descriptive(anchor: Token, noun: Token | None) -> bool:
    """ "alongside two other captured Russians": a description, not a count claim."""
    head = noun if noun is not None else anchor
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return True  # "shot by two masked men": the shooters, not the shot
    return head.dep_ == "pobj" and head.head.lower_ in tables().descriptive_prepositions


def _elided_verb_category(anchor: Token) -> str | None:
    """ "and 10 more were wounded": the verb right after an elided "more" / "others"
    and its auxiliaries, which the parser may hang elsewhere."""
    doc = anchor.doc
    i = anchor.i + 1
    if i >= len(doc) or doc[i].lower_ not in ELIDED_NOUNS:
        return None
    i += 1
    while i < min(len(doc), anchor.i + 6) and doc[i].pos_ in ("AUX", "ADV", "PART"):
        i += 1
    if i < len(doc) and doc[i].pos_ in ("VERB", "ADJ"):
        return _category_of(doc[i])
    return None


def _local_category(anchor: Token, noun: Token | None) -> str | None:
    """The counted noun and its modifiers: "500 civilian casualties", "300 houses destroyed",
    "1,000 wounded people", "82,000 displaced persons", "a woman who was shot"."""
    if noun is None:
        own = [_category_of(c) for c in anchor.children if c.dep_ in ("amod", "acl", "advmod")]
        # "One dead after weekend shooting", "50 dead": the word right after the number.
        if anchor.i + 1 < len(anchor.doc) and anchor.doc[anchor.i + 1].pos_ in ("ADJ", "VERB"):
            own.append(_category_of(anchor.doc[anchor.i + 1]))
        own.append(_elided_verb_category(anchor))
        return _most_specific([c for c in own if c])
    found = [_category_of(noun)]
    for child in [*noun.children, *anchor.children]:
        if child.i == anchor.i:
            continue
        if child.dep_ in ("acl", "relcl"):
            found.append(_verb_category(child))
        elif child.dep_ in ("amod", "compound", "advmod"):
            found.append(_category_of(child))
    return _most_specific([c for c in found if c])


def _governing_category(anchor: Token, noun: Token | None) -> tuple[str | None, list[Token]]:
    """The verb or noun above the number: "killed 5,710 soldiers", "the death toll rose to 50"."""
    path: list[Token] = []
    node = noun if noun is not None else anchor
    for _ in range(MAX_HEAD_STEPS):
        if node.head.i == node.i:
            break
        node = node.head
        path.append(node)
        if node.lower_ == "of" and node.head.pos_ in ("VERB", "AUX"):
            # "Of the 239,500 people affected, 12,100 were evacuated": the verb is
            # about the part, not about the whole the "of" phrase names.
            break
        if node.pos_ in ("VERB", "AUX"):
            category = _verb_category(node) or _subject_category(node)
            if category:
                return category, path
            if _lemma(node) in REPORTING_STOP:
                break
        elif node.pos_ in ("NOUN", "ADJ", "PROPN"):
            category = _category_of(node)
            if category:
                return category, path
    return None, path


def _nearby_category(anchor: Token) -> str | None:
    """A strong word close by in the same sentence, nearest first; then a cue phrase."""
    nearest: tuple[int, str] | None = None
    for token in span_tokens(sentence_of(anchor)):
        distance = abs(token.i - anchor.i)
        if 0 < distance <= WINDOW:
            category = _category_of(token, strong_only=True)
            if category and (nearest is None or distance < nearest[0]):
                nearest = (distance, category)
    if nearest:
        return nearest[1]
    return _phrase_category(anchor)


def _category(anchor: Token, noun: Token | None) -> tuple[str, list[Token]]:
    label = _key_label(anchor) if noun is None or _is_next_label(anchor, noun) else None
    if label:
        # "Deaths: 1 Cases: 6,305 In hospital: 459": in a run of "label: number"
        # pairs each number counts its own label, never the one beside it.
        return _most_specific([c for c in map(_category_of, label) if c]) or "other", []
    local = _local_category(anchor, noun)
    if local == "injured" and noun is not None and noun.dep_ in ("nsubj", "nsubjpass"):
        # "A woman who was wounded in the shooting has died": her own verb says more
        # than the clause describing her (not "a wounded man killed the gunman").
        verb = noun.head
        if (
            verb.pos_ in ("VERB", "AUX")
            and not any(c.dep_ == "dobj" for c in verb.children)
            and _verb_category(verb) == "killed"
        ):
            return "killed", [verb]
    if local and local != "casualties":
        return local, []
    governing, path = _governing_category(anchor, noun)
    # "a woman who was shot ... died": the modifier only says shot, the verb says more.
    if local == "casualties":
        if governing in ("killed", "injured"):
            return governing, path
        return local, path
    if governing:
        return governing, path
    return (_nearby_category(anchor) or _label_category(anchor) or "other"), path


def _key_label(anchor: Token) -> list[Token]:
    """The label of a "label: number" pair the number ends ("In hospital: 38 (with ...)",
    "Cases: 1,174 In hospital"), or [] when the number goes on into running text."""
    tokens = doc_tokens(anchor.doc)
    if anchor.i < 2 or tokens[anchor.i - 1].text != ":":
        return []
    following = tokens[anchor.i + 1] if anchor.i + 1 < len(tokens) else None
    if following is not None and not (
        following.is_punct or following.is_space or following.like_num or following.is_title
    ):
        return []
    label: list[Token] = []
    for token in reversed(tokens[max(0, anchor.i - 1 - LABEL_MAX_WORDS) : anchor.i - 1]):
        if not token.is_alpha:
            break
        label.insert(0, token)
    return label


def _is_next_label(anchor: Token, noun: Token) -> bool:
    """The parse took the next pair's label for the counted noun ("Deaths: 11 Cases: 6,862")."""
    tokens = doc_tokens(anchor.doc)
    return noun.i > anchor.i and noun.i + 1 < len(tokens) and tokens[noun.i + 1].text == ":"


def _label_words(anchor: Token) -> list[Token]:
    """The words of a table-row label before the number ("Evacuation total people: 3,614"),
    or [] when the number is inside running text."""
    before = [
        t for t in doc_tokens(anchor.doc)[sentence_of(anchor).start : anchor.i] if not t.is_space
    ]
    if not before or len(before) > LABEL_MAX_WORDS:
        return []
    if any(t.tag_ in ("VBZ", "VBP", "MD") or t.dep_ == "nsubj" for t in before):
        return []
    return before


def _label_category(anchor: Token) -> str | None:
    words = _label_words(anchor)
    found = [_category_of(t) for t in words]
    return _most_specific([c for c in found if c])


def _in_month_date(anchor: Token) -> bool:
    """Whether the number is a day of a month: next to a month name ("26 October",
    "October 26") or inside a date entity that names one ("26 and 30 October")."""
    doc = anchor.doc
    months = tables().month_words
    sentence = sentence_of(anchor)
    tokens = doc_tokens(doc)
    neighbours = [
        t for t in tokens[max(sentence.start, anchor.i - 3) : anchor.i + 4] if not t.is_space
    ]
    position = neighbours.index(anchor)
    for t in neighbours[max(0, position - 1) : position + 2]:
        if t.i != anchor.i and t.lower_.rstrip(".") in months:
            return True
    if anchor.ent_type_ not in ("DATE", "TIME"):
        return False
    start, end = anchor.i, anchor.i
    while start > sentence.start and tokens[start - 1].ent_type_ == anchor.ent_type_:
        start -= 1
    while end + 1 < sentence.end and tokens[end + 1].ent_type_ == anchor.ent_type_:
        end += 1
    return any(t.lower_.rstrip(".") in months for t in tokens[start : end + 1])


def _has_scale(anchor: Token) -> bool:
    following = anchor.doc[anchor.i + 1 : anchor.i + 2]
    return bool(following) and following[0].lower_ in SCALE_WORDS


def _counts_things(noun: Token | None) -> bool:
    """A count of things that are never people harmed: bombs, drones, vehicles, strikes."""
    t = tables()
    return noun is not None and (
        _lemma(noun) in t.not_counted_nouns or noun.lower_ in t.not_counted_nouns
    )


def _is_not_a_count(anchor: Token, noun: Token | None, text: str) -> bool:
    """Ages, addresses, frequencies and the like: "19-year-old", "Girl, 4,", "the 1600 block"."""
    t = tables()
    lowered = text.lower()
    if "year" in lowered or "month-old" in lowered or "-old" in lowered:
        return True
    # "between 17 October and 9 November": the day of a date, not a count.
    if _in_month_date(anchor):
        return True
    # "a magnitude 6.3 earthquake": a fraction of a person is a measurement.
    if "." in anchor.text and anchor.text.replace(".", "").isdigit() and not _has_scale(anchor):
        return True
    following = anchor.doc[anchor.i + 1 : anchor.i + 4]
    if following.text.lower().startswith(("-year", "year", "years old", "- year", "month")):
        return True
    if _counts_things(noun):
        return True
    if noun is None and anchor.i + 1 < len(anchor.doc):
        after = anchor.doc[anchor.i + 1]
        if (after.pos_ == "NOUN" and _lemma(after) in t.not_counted_nouns) or after.lower_ in (
            "block",
            "times",
        ):
            return True
    # "Avion Weaver, 4, with a gunshot wound": an age in apposition to a name.
    if anchor.i > 0 and anchor.doc[anchor.i - 1].text == "," and anchor.head.pos_ == "PROPN":
        return True
    # ... but "Evacuation total people: 3,614" is a table row, not an age.
    if anchor.i > 0 and anchor.doc[anchor.i - 1].text == ":":
        return False
    if anchor.dep_ == "appos" or (
        anchor.i > 0
        and anchor.doc[anchor.i - 1].pos_ == "PROPN"
        and anchor.doc[anchor.i - 1].text == ","
    ):
        return True
    return anchor.like_num and anchor.text.isdigit() and anchor.text.startswith("911")


def read_meaning(doc: Doc, span: Span, unit: str | None, anchor: Token | None = None) -> Meaning:
    """Category, count unit and group of the number in `span` (`anchor`: its token, if known).

    Measurements and money (a `unit` in the not-counted table), ages (a unit "... of
    age"), addresses and
    frequencies are always "other".
    """
    del doc  # the span knows its doc; kept for a uniform signature with the other readers
    t = tables()
    anchor = anchor if anchor is not None else anchor_token(span)
    noun = counted_noun(anchor)
    if unit is not None and (
        unit.lower() in t.not_counted_units
        or unit.lower().rstrip("s") in t.not_counted_units
        or unit.lower() in ("%", "fraction")
        or unit.endswith(AGE_UNIT_SUFFIX)  # "died at the age of 89", "aged 45"
    ):
        return Meaning("other", None, None, noun)
    if _is_not_a_count(anchor, noun, span.text if anchor.like_num else anchor.text):
        counted = counted_phrase(noun) if _counts_things(noun) and noun.is_alpha else None
        return Meaning("other", counted, None, noun)
    if _is_descriptive(anchor, noun):
        group = group_of(noun)
        return Meaning("other", count_unit("other", noun, group), group, noun)
    category, path = _category(anchor, noun)
    housing = _housing(noun, anchor, path)
    if housing:
        category = housing
    elif (
        noun is not None
        and _lemma(noun) in t.housing_nouns
        and category not in ("displaced", "evacuated")
    ):
        category = "other"
    group = group_of(noun)
    return Meaning(category, count_unit(category, noun, group), group, noun)
