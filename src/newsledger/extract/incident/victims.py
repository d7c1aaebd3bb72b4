"""Victim counting from the parsed article, beyond the extracted figures.

Owns the helpers the incident summary (`extract.summary`) uses to judge
figures and, when it has the spaCy doc, to read what figures miss:
- `is_incidental_number(figure, doc)`: a figure that is not a head count at
  all: an age ("Boy, 14, dies", "victims, ages 15 and 16", "dies at 96"), a
  street number ("900 Garden Way", "at 4439 Pease"), a photo-gallery counter
  ("Image 2 of 8", "1 / 10"), a measure ("about 15 yards"), a vague word
  ("several were shot"; "several injured" is still the injured side's range), a
  running total stated in its own sentence ("44 homicides
  this year"), a number inside a name ("the Three Feathers Preserve"), the
  attackers ("two shooters opened fire", "searching for three suspects wanted for
  the murder"), an age shorthand ("a 10 MO"), a video title in a playlist beside the
  article ("1:45 Witness describes shooting of two brothers"), or "no other injuries"
  (nobody else);
- `headline_victims(doc)`: when the article yields no casualty figure, the
  headline and lede still usually name one victim in words ("Teen shot outside
  club", "Boyle County man dies after accidental shooting"): a death cue there
  means one killed, a shooting / wounding cue alone means one injured;
- `lede_says_died(doc)`: the headline / lede says someone died, or names a
  fatal shooting / slaying (a victim counted only as "shot" is then the dead one);
- `lede_multiple(doc)`: the victims a "triple shooting" / "double murder" implies;
- `is_back_reference`, `states_number`, `victim_ordinal`: what a figure's own
  words say (a pronoun / "the victim"; an explicit number; "a fourth victim");
- what the lede says of the attacker (killed themself, killed by police, wounded
  themself) lives in `extract.attackers`;
- `coordinated_with`, `listed_before`: people listed with a figure's ("a woman
  and three men"; a headline's "man, 2 teens", "4 women, man"); `counts_others`:
  "three other people" (besides someone named); `same_person`: whether "the boy"
  can be the one named before;
- `person_token`, `sentence_from`, `clause_verb`: the noun a figure counts, its
  sentence from its words on, the verb of the clause its people are the subject of.
What the words around a count add to it, narrow in it or deny ("another person
injured", "was not injured") lives in `extract.more_victims`.
They read only the doc and the figure's character span and text; they never
change the figures themselves. The cue lists are English news wording.
"""

from __future__ import annotations

import re

from newsledger.extract.context import doc_sentences, doc_text, span_text
from newsledger.extract.lexicon.figures import tables
from newsledger.extract.lexicon.victims import (
    GUNSHOT_PART_VERBS,
    GUNSHOT_WORDS,
    NAME_WORDS_AFTER_NUMBER,
    SIDE_CATEGORIES,
    VAGUE_SIDE_COUNTS,
    alternation,
)
from newsledger.models import Figure

__all__ = [
    "headline_victims",
    "is_back_reference",
    "is_incidental_number",
    "lede_multiple",
    "states_number",
    "victim_ordinal",
    "lede_says_died",
    "lede_text",
    "same_person",
    "coordinated_with",
    "listed_before",
    "counts_others",
    "clause_partners",
    "is_part_count",
    "gunshot_part",
    "person_token",
    "sentence_from",
    "clause_verb",
]

# Words after a number that make it part of an address, not a count.
ADDRESS_WORDS = frozenset(
    re.findall(
        r"\S+",
        "way blvd boulevard street st avenue ave road rd freeway drive dr lane ln block "
        "highway hwy court ct place pl parkway pkwy circle terrace trail route interstate "
        "i- east west north south n s e w ne nw se sw",
    )
)
# Words after a number that make it a measure, not people ("about 15 yards").
MEASURE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "yards yard feet foot miles mile meters rounds shots times minutes hours days weeks "
        "months years percent caliber mm",
    )
)
VAGUE_WORDS = frozenset(
    {
        "several",
        "multiple",
        "numerous",
        "many",
        "some",
        "a few",
        "few",
        "dozens",
        "hundreds",
        "scores",
    }
)
AGE = re.compile(r"\b[\w]+[- ](?:year|month|week|day)s?(?:[- ]old)?\b", re.I)
NUMBER_WORDS = re.compile(
    r"\b(?:\d+|both|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|"
    r"thirteen|fourteen|fifteen|twenty|thirty|forty|fifty)\b",
    re.I,
)
AGE_WORDS = frozenset({"age", "ages", "aged"})
# Shorthand for an age after its number: "a 10 MO" (months old), "a 19 y/o".
AGE_SHORTHANDS = frozenset({"mo", "yo", "y/o", "m/o", "yr", "yrs"})
# Running totals named in the figure's own sentence ("44 homicides this year").
TOTAL_IN_SENTENCE = re.compile(
    r"\b(?:this year|so far|to date|since january|year to date|in 20\d\d)\b"
    # "Last year in Chicago, 4,368 people were shot" / "in the past year", not an
    # incident dated by its end ("left nine people hurt on Bourbon Street last year").
    r"|(?:^|[.\n\"“]\s*)last year\b|\b(?:in|during|over) the (?:last|past) year\b",
    re.I,
)
LEDE_SENTENCES = 4
DEATH_CUE = re.compile(
    r"\b(?:kill(?:ed|s|ing)?|dies|died|dead|death|deadly|fatal(?:ly)?|murder(?:ed|s)?|"
    r"slain|homicide|murder-suicide)\b",
    re.I,
)
DIED_CUE = re.compile(
    r"\b(?:died|dies|dead|(?<!nearly )(?<!almost )killed|kills|fatally|slain|succumbed|"
    r"shot to death|shooting death|death of|(?<!non-)(?<!non )fatal|"
    r"deadly (?:shooting|gunfire|attack)|slaying|murdered|murder of)\b",
    re.I,
)
WOUND_CUE = re.compile(
    r"\b(?:shot|shoots|shooting|wounded|injured|injures|hurt|critical condition|"
    r"hospitali[sz]ed|gunshot|struck|hit by (?:a )?(?:stray )?bullet)\b",
    re.I,
)


def lede_text(doc) -> str:
    """The headline and first sentences, where a report states its incident."""
    return " ".join(span_text(s) for s in doc_sentences(doc)[:LEDE_SENTENCES])


# Definite mentions that fit anyone: "the victim" may be "a boy" named before.
GENERIC_VICTIMS = frozenset({"victim", "person", "individual"})
PRONOUNS = frozenset(
    {"he", "she", "him", "her", "they", "them", "his", "hers", "himself", "herself"}
)


def is_back_reference(figure: Figure) -> bool:
    """True for a pronoun or definite mention ("she", "the victim"): someone already counted."""
    words = figure.span.text.strip().lower().split()
    # "her grandmother", "the second victim", "the other man" are someone new;
    # a bare "she" / "him" is not.
    if "other" in words or victim_ordinal(figure) >= 2:
        return False
    return bool(words) and (
        (words[0] in PRONOUNS and len(words) == 1) or (words[0] == "the" and len(words) <= 3)
    )


def states_number(figure: Figure) -> bool:
    """True when the figure's words give a number ("three", "4") rather than name a person."""
    return bool(NUMBER_WORDS.search(AGE.sub(" ", figure.span.text)))


ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
# Not "a 3rd grade girl", "a second-degree charge", "the 2nd floor": a rank of something else.
ORDINAL = re.compile(
    r"\b(?:(\d+)(?:st|nd|rd|th)|(" + "|".join(ORDINALS) + r"))\b"
    r"(?![- ](?:grade|grader|degree|floor|street|avenue|century|amendment|round|time))",
    re.I,
)


def victim_ordinal(figure: Figure) -> int:
    """N for "a fourth victim" / "the 3rd man": at least N victims; 0 without an ordinal."""
    match = ORDINAL.search(figure.span.text)
    if match is None:
        return 0
    return int(match.group(1)) if match.group(1) else ORDINALS[match.group(2).lower()]


MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE = re.compile(
    r"\b(" + "|".join(MULTIPLES) + r")[- ](shooting|homicide|murder|slaying|killing)s?\b", re.I
)


def lede_multiple(doc) -> tuple[int, int]:
    """(killed, shot) that the headline / lede's first "triple shooting" / "double murder"
    implies: at least that many were hit (a homicide / murder / slaying: killed)."""
    match = MULTIPLE.search(lede_text(doc))
    if match is None:
        return 0, 0
    number = MULTIPLES[match.group(1).lower()]
    return (0, number) if match.group(2).lower() == "shooting" else (number, number)


def sentence_from(figure: Figure) -> str | None:
    """The figure's sentence from the figure's own words on, or None when it is not there."""
    sentence = figure.sentence or ""
    start = sentence.find(figure.span.text)
    return sentence[start:] if start >= 0 else None


def same_person(mention: Figure, back_reference: Figure) -> bool:
    """Whether a later "she" / "the victim" / "the boy" can be the person `mention` named
    ("a 9-year-old boy"), not someone else ("his son" ... "the father")."""
    words = back_reference.span.text.strip().lower().split()
    if len(words) == 1 or words[-1] in GENERIC_VICTIMS:
        return True
    return words[-1] in mention.span.text.lower().split()


def lede_says_died(doc) -> bool:
    """True when the headline / lede says someone died (not just "deadly weapon")."""
    return bool(DIED_CUE.search(lede_text(doc)))


# "no other injuries", "no one else": says nobody more was hurt, not that nobody was.
OTHERS_ONLY = re.compile(r"\b(?:other|else)\b", re.I)
# Entities whose names may contain a number word that counts nobody.
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


# Nouns for the people who fired. Next to a bare "shot" ("three suspects in custody") or
# as the doers of a verb that names no harm ("two shooters opened fire") they are not
# victims, whatever harm word stands near; "two suspects were wounded" / "two gunmen
# died" still count.
ATTACKER_NOUNS = frozenset({"shooter", "gunman", "gunmen", "suspect", "attacker", "assailant"})


def _counts_attackers(figure: Figure, doc) -> bool:
    noun = person_token(figure, doc)
    if noun is None or noun.lemma_.lower() not in ATTACKER_NOUNS:
        return False
    if figure.category == "casualties":
        return True  # "three suspects in custody": near "shot", but not the shot
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        # "searching for three suspects wanted for the murder": sought, not harmed.
        return tables().category_of_lemma.get(noun.head.head.lemma_.lower()) is None
    if noun.dep_ != "nsubj":
        return False
    verb = noun.head
    return tables().category_of_lemma.get(verb.lemma_.lower()) is None and not any(
        tables().category_of_lemma.get(c.lemma_.lower()) in ("killed", "injured")
        for c in verb.children
        if c.dep_ in ("acomp", "oprd", "advmod", "conj")
    )


def _in_name(figure: Figure, doc) -> bool:
    """True when the figure's number is part of a name ("Three Feathers Preserve")."""
    token = _number_token(figure, doc)
    if token is None or token.ent_type_ not in NAME_LABELS:
        return False
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    # The name starts before the number ("the 5 Freeway"); one that starts with it is
    # mostly a title-case headline the tagger took for a name ("3 Others Injured").
    return entity is not None and entity.start < token.i


# A line that opens with a clip's running time ("1:45 Witness describes ..."): the title
# of a video in a playlist beside the article, not a time of day ("7:12 a.m.").
VIDEO_LINE = re.compile(r"\d{1,2}:\d\d\s+(?![ap]\.?m\b)\S", re.I)


def _in_video_list(figure: Figure, doc) -> bool:
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, figure.span.start) + 1
    return bool(VIDEO_LINE.match(text, line_start))


def _number_token(figure: Figure, doc):
    span = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    numerals = [t for t in span if t.like_num]
    return numerals[0] if numerals else None


def is_incidental_number(figure: Figure, doc) -> bool:
    """True when a numeral figure is an age, address, gallery counter or stated running total."""
    words = figure.span.text.strip().lower()
    # "several" / "multiple" commit to no number of the shot; "several injured" still
    # gives the injured side its range.
    if words in VAGUE_WORDS and not (
        words in VAGUE_SIDE_COUNTS and figure.category in SIDE_CATEGORIES
    ):
        return True
    if figure.sentence and TOTAL_IN_SENTENCE.search(figure.sentence):
        return True
    if figure.value_low == 0 and OTHERS_ONLY.search(figure.span.text):
        return True  # "no other injuries": nobody besides the victims already named
    if _counts_attackers(figure, doc):
        return True  # "when two shooters opened fire": the people who fired
    if _in_name(figure, doc):
        return True  # "the Three Feathers Hunting Preserve", "told 2 News"
    if _in_video_list(figure, doc):
        return True  # "1:45 Witness describes shooting of two brothers": another story
    if not any(ch.isdigit() for ch in figure.span.text):
        return False
    token = _number_token(figure, doc)
    if token is None:
        return False
    try:
        stated = float(token.text.replace(",", ""))
    except ValueError:
        return False
    if stated != figure.value_low:
        return False  # a mention carrying an age ("a 3-year-old boy") counts one person
    before = doc[max(0, token.i - 3) : token.i]
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and prev.lemma_.lower() == "turn":
        return True  # "would have turned 8"
    if prev is not None and prev.lower_ in {"/", "at"}:
        return True  # "1 / 10", "dies at 96", "shooting at 4439 Pease"
    if prev is not None and prev.lower_ == "of" and token.i >= 2 and doc[token.i - 2].like_num:
        return True  # "Image 2 of 8"; not "a total of 4 victims", "one of three people"
    if nxt is not None and nxt.text in {"/", "of"} and token.i + 2 < len(doc):
        return doc[token.i + 2].like_num  # "1 / 10", "2 of 8"
    if any(t.lower_ in AGE_WORDS for t in before):
        return True
    if nxt is not None and (
        nxt.lower_.startswith("-year") or nxt.lower_ in {"-", "year", "years", *AGE_SHORTHANDS}
    ):
        return True  # "a 10-year-old", "a 10 MO" (month-old), "a 19 y/o"
    if (
        prev is not None
        and prev.text == ","
        and token.i >= 2
        and doc[token.i - 2].is_alpha
        and (nxt is None or nxt.text in {",", ")"} or nxt.is_space)
    ):
        return True  # "Boy, 14, dies", "Justin Burns, 14"
    if nxt is not None and nxt.lower_ in MEASURE_WORDS:
        return True
    if nxt is not None and nxt.text in NAME_WORDS_AFTER_NUMBER:
        return True  # "told 13 News": a station's name
    return nxt is not None and nxt.lower_.rstrip(".") in ADDRESS_WORDS and nxt.is_title


def headline_victims(doc) -> tuple[int, int] | None:
    """(killed, injured) for one victim named in the headline / lede, or None without a cue."""
    lede = lede_text(doc)
    if DEATH_CUE.search(lede):
        return 1, 0
    if WOUND_CUE.search(lede):
        return 0, 1
    return None


def person_token(figure: Figure, doc):
    """The noun a figure counts: "men" for "three" in "three men", "woman" for "A woman"."""
    span = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    return token.head if token.dep_ in ("nummod", "quantmod") else token


def coordinated_with(figure: Figure, others: list[Figure], doc) -> list[Figure]:
    """The figures of `others` whose people are listed with `figure`'s in one noun phrase
    ("A woman ... and three men were hospitalized": 1 + 3): they add to its count."""
    noun = person_token(figure, doc)
    if noun is None:
        return []
    conjuncts = set(noun.conjuncts)
    found = []
    for other in others:
        if other is figure or other.sentence_index != figure.sentence_index:
            continue
        if other.span.start < figure.span.end and figure.span.start < other.span.end:
            continue  # "One" inside "One person": the same mention
        other_noun = person_token(other, doc)
        if other_noun is not None and other_noun in conjuncts:
            found.append(other)
    return found


# Words that may join a listed person to the count that follows: "man, 2 teens".
LIST_JOINERS = frozenset({",", "and", "&"})


def _is_person_word(token) -> bool:
    person_nouns = tables().person_nouns
    return token.lemma_.lower() in person_nouns or token.lower_ in person_nouns


def listed_before(figure: Figure, doc, counted: list[Figure] = ()) -> int:
    """The people a headline lists right next to the figure's count, 0 to 2
    ("Shooting leaves man, 2 teens wounded": the man is a third victim; "4 women, man
    shot": five; "5-year-old girl, woman shot": two).

    Headlines drop articles and verbs, so the parser rarely joins such a list;
    the words are read directly. The count must be a number or a bare person noun,
    not an age, and the person must not be a figure of `counted` already
    ("Father and two children")."""
    if figure.sentence_index != 0:
        return 0
    span = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    # A bare "Man" that already counts its list ("Man, woman and boy": 3) adds nobody.
    bare_person = len(span) == 1 and _is_person_word(span[0]) and figure.value_low == 1
    if not (states_number(figure) or bare_person):
        return 0

    def listed(joiner, person) -> int:
        if joiner.lower_ not in LIST_JOINERS or person.like_num or not _is_person_word(person):
            return 0
        # A person the headline names as a figure of its own ("Girl, woman shot") still
        # adds to the count; one counted within a larger figure does not.
        return int(
            not any(
                f.span.start <= person.idx < f.span.end
                and not (f.sentence_index == 0 and f.value_low == 1 and f is not figure)
                for f in counted
            )
        )

    found = 0
    if span.start >= 2:
        person = span.start - 2
        # "Boy, 2, and man killed": the person before may carry an age in commas.
        if (
            person >= 3
            and doc[person].text == ","
            and doc[person - 1].like_num
            and doc[person - 2].text == ","
        ):
            person -= 3
        found += listed(doc[span.start - 1], doc[person])
    noun = person_token(figure, doc)
    if noun is not None and noun.i + 2 < len(doc) and noun.sent == doc[noun.i + 2].sent:
        found += listed(doc[noun.i + 1], doc[noun.i + 2])
    return found


def counts_others(figure: Figure, doc) -> bool:
    """True for a count of people besides someone already named: "three other people",
    "two others", "the other three victims" (they add to that person, not include them)."""
    span = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = _number_token(figure, doc) or span.root
    noun = person_token(figure, doc)
    if noun is not None and noun.dep_ == "conj" and noun.head.pos_ == "PRON":
        return False  # "he and three others were shot": shot with him, who is counted here
    words = [token, *token.children]
    if noun is not None:
        words += [noun, *noun.children]
    if token.i + 1 < len(doc):
        words.append(doc[token.i + 1])
    return any(w.lower_ in ("other", "others") for w in words)


def clause_verb(figure: Figure, doc):
    """The verb of the clause whose subject the figure's people are, or None."""
    noun = person_token(figure, doc)
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return noun.head if noun.head.pos_ in ("VERB", "AUX") else None


def clause_partners(figure: Figure, others: list[Figure], doc) -> list[Figure]:
    """Counts of `others` that go on the figure's own: people split over joined clauses
    of one sentence ("two were listed in critical condition and three were treated for
    minor wounds": 5). Each clause has its own counted subject, joined by "and"; a count
    "of them" is a part of one already given, not more people."""
    verb = clause_verb(figure, doc)
    if verb is None or not states_number(figure):
        return []
    found = []
    for other in others:
        if other.sentence_index != figure.sentence_index or other.span.start <= figure.span.end:
            continue
        other_verb = clause_verb(other, doc)
        if other_verb is None or other_verb == verb or not states_number(other):
            continue
        token = _number_token(other, doc) or person_token(other, doc)
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "three of them were hospitalized"
        if other_verb.dep_ == "conj" and other_verb.head == verb:
            found.append(other)
            verb = other_verb  # "two ..., one ... and another ...": a chain of clauses
    return found


# Words that introduce a part of a toll named before: "hurt 11, including 3 children".
PART_WORDS = frozenset({"including"})
NUMBER_LEAD_WORDS = frozenset({"at", "least", "about", "nearly", "almost", "some", "up", "to"})


def is_part_count(figure: Figure, doc) -> bool:
    """True for a count that only names part of a toll ("..., including 3 children"),
    also when the parser found no figure for the whole (a title-case headline)."""
    span = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None or len(span) == 0 or not states_number(figure):
        return False
    i = span.start - 1
    while i >= span.sent.start and doc[i].lower_ in NUMBER_LEAD_WORDS:
        i -= 1
    if i < span.sent.start or doc[i].lower_ not in PART_WORDS:
        return False
    # The whole is counted before it ("Hurt 11, Including 3 Children"); "the victims,
    # including two boys who were wounded" gives the wounded no other count.
    return any(_number_value(t) > figure.value_low for t in doc[span.sent.start : i])


WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        re.findall(r"\S+", "zero one two three four five six seven eight nine ten eleven twelve")
    )
}


def _number_value(token) -> float:
    """The value of a number token ("11", "three"), or 0 for anything else."""
    if not token.like_num or token.ent_type_ in ("TIME", "MONEY", "PERCENT", "QUANTITY"):
        return 0.0
    try:
        value = float(token.text.replace(",", ""))
    except ValueError:
        return float(WORD_NUMBERS.get(token.lower_, 0))
    return 0.0 if len(token.text) == 4 and 1800 <= value <= 2100 else value  # "the 2013 attack"


_NUMBER = r"(\d+|" + "|".join(WORD_NUMBERS) + r")"
# "six injured, five with gunshot wounds"; "ten were hurt, including eight who had
# sustained gunshot wounds": the number of the hurt who were shot.
GUNSHOT_PART = re.compile(
    r"^[^.;]*?(?:,|\bincluding)\s+"
    + _NUMBER
    + r"\s+(?:of them\s+)?(?:who\s+(?:had\s+|were\s+|was\s+)?)?"
    + alternation(GUNSHOT_PART_VERBS)
    + r"\s+(?:(?:a|an|non-life-threatening|minor|serious)\s+)?"
    + alternation(GUNSHOT_WORDS)
    + r"\b",
    re.I,
)


def gunshot_part(figure: Figure) -> int | None:
    """How many of a count of the hurt were shot, when its own sentence says so right
    after it ("left six injured, five by gunfire": 5); None when it does not."""
    rest = sentence_from(figure)
    if rest is None:
        return None
    match = GUNSHOT_PART.search(rest[len(figure.span.text) :])
    if match is None:
        return None
    number = match.group(1).lower()
    return int(number) if number.isdigit() else WORD_NUMBERS[number]
