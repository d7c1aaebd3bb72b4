"""Data tables for statement extraction: cue words with their stance, titles, descriptions.

Everything language-specific that the statement extractor consults lives here as
plain data keyed by language ("en"), so a new cue verb or title is a one-line
change and never a new branch in code (textacy keeps its reporting verbs the
same way in `constants.py`).
"""

from __future__ import annotations

__all__ = [
    "ACCORDING_TO",
    "CONTENT_DEPS",
    "CUE_VERBS",
    "DESCRIPTION_NOUNS",
    "DOCUMENT_NOUNS",
    "GENDER_BY_TITLE",
    "IRREGULAR_CUE_FORMS",
    "KNOWN_ORGANISATIONS",
    "MILITARY_TITLES",
    "ORGANISATION_WORDS",
    "PRONOUNS",
    "QUOTE_ONLY_CUES",
    "SUBJECT_DEPS",
    "TITLE_ABBREVIATIONS",
    "TITLE_CONTINUATIONS",
    "TITLE_WORDS",
]

# The tables are laid out by hand, several short entries a line, to read as tables.
# fmt: off

# Reporting verbs (lemma) -> stance. Verbs of cognition and evaluation are in the
# table too: annotated news corpora (PARC, PolNeAR) count "believes that X" and
# "thinks X" as attributions, and a ledger of claims wants them.
CUE_VERBS: dict[str, dict[str, str]] = {
    "en": {
        "say": "says", "tell": "says", "state": "says", "speak": "says", "talk": "says",
        "write": "says", "tweet": "says", "post": "says", "explain": "says", "describe": "says",
        "recall": "says", "comment": "says", "remark": "says", "reply": "says",
        "respond": "says", "answer": "says", "continue": "says", "declare": "says",
        "mention": "says", "quip": "says", "joke": "says", "testify": "says",
        "ask": "asks", "question": "asks", "wonder": "asks",
        "add": "adds",
        "claim": "claims", "allege": "claims", "assert": "claims", "maintain": "claims",
        "contend": "claims", "argue": "argues", "insist": "claims", "boast": "claims",
        "confirm": "confirms", "acknowledge": "confirms", "admit": "confirms",
        "concede": "confirms", "verify": "confirms", "agree": "confirms",
        "deny": "denies", "dismiss": "denies", "reject": "denies", "dispute": "denies",
        "refute": "denies", "disagree": "denies",
        "accuse": "accuses", "blame": "accuses", "criticize": "accuses",
        "criticise": "accuses", "condemn": "accuses", "charge": "accuses", "attack": "accuses",
        "warn": "warns", "caution": "warns", "threaten": "warns",
        "report": "reports", "announce": "reports", "show": "reports", "find": "reports",
        "reveal": "reports", "indicate": "reports", "estimate": "reports",
        "disclose": "reports", "note": "reports", "observe": "reports", "cite": "reports",
        "suggest": "suggests", "propose": "suggests", "recommend": "suggests",
        "urge": "suggests", "predict": "suggests", "hint": "suggests", "imply": "suggests",
        "believe": "believes", "think": "believes", "feel": "believes", "expect": "believes",
        "hope": "believes", "fear": "believes", "worry": "believes", "doubt": "believes",
        "know": "believes", "conclude": "believes", "assume": "believes",
        "promise": "promises", "pledge": "promises", "vow": "promises", "swear": "promises",
        "call": "says", "demand": "demands", "plead": "demands", "beg": "demands",
        "complain": "accuses", "protest": "accuses", "lament": "says",
        "exclaim": "says", "confess": "confirms", "point": "says", "stress": "says",
        "emphasize": "says", "emphasise": "says", "affirm": "confirms", "bark": "says",
        "boom": "says", "snap": "says", "scoff": "says", "mock": "accuses", "muse": "says",
        "ponder": "asks", "lecture": "says", "tout": "claims", "shout": "says",
        "yell": "says", "chant": "says", "read": "says", "quote": "says", "sing": "says",
        "decry": "accuses", "bemoan": "accuses", "slam": "accuses", "lambaste": "accuses",
        "blast": "accuses", "denounce": "accuses", "praise": "says", "hail": "says",
        "echo": "says", "thank": "says", "dub": "says", "label": "says", "brand": "accuses",
        "term": "says", "repeat": "says",
        "retort": "says", "counter": "says", "interject": "says", "shoot": "says",
        "fire": "says", "rail": "accuses", "gush": "says", "scold": "accuses",
        "chide": "accuses", "rant": "accuses", "vent": "says", "opine": "says", "sniff": "says",
        "marvel": "says", "recount": "says", "reiterate": "says", "proclaim": "says",
        "whisper": "says", "scream": "says", "groan": "says", "sigh": "says", "mutter": "says",
        "concur": "confirms", "taunt": "accuses", "tease": "says", "react": "says",
        "exhort": "demands", "relate": "says", "elaborate": "says",
    }
}

# Irregular inflections of cue verbs -> lemma, for reading a cue in raw characters
# where the tokenizer glued it to a quotation mark ('said,“'); regular ones
# ("added", "tweets") are found by stripping the ending.
IRREGULAR_CUE_FORMS: dict[str, dict[str, str]] = {
    "en": {
        "said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
        "spoken": "speak", "thought": "think", "felt": "feel", "knew": "know", "known": "know",
        "swore": "swear", "sworn": "swear", "shot": "shoot", "sang": "sing", "sung": "sing",
        "found": "find", "shown": "show", "read": "read",
    }
}

# Cue verbs that only count when a quotation is attached (they are too common
# with other meanings to take a bare clause: "continue", "call", "add" a thing).
QUOTE_ONLY_CUES: dict[str, frozenset[str]] = {
    "en": frozenset(
        {"continue", "call", "speak", "talk", "post", "comment", "describe", "answer",
         "reply", "respond", "attack", "charge", "beg", "plead", "quip", "joke", "question",
         "point", "bark", "boom", "snap", "scoff", "mock", "muse", "ponder", "lecture", "tout",
         "shout", "yell", "chant", "read", "quote", "sing", "stress", "emphasize", "emphasise",
         "echo", "thank", "dub", "label", "brand", "term", "repeat",
         "retort", "counter", "interject", "shoot", "fire", "rail", "gush", "scold", "chide",
         "rant", "vent", "opine", "sniff", "marvel", "recount", "reiterate", "proclaim",
         "whisper", "scream", "groan", "sigh", "mutter", "concur", "taunt", "tease", "react",
         "exhort", "relate", "elaborate"}
    )
}

# "according to X" and its kin: a preposition-like cue whose object is the source.
ACCORDING_TO: dict[str, tuple[str, ...]] = {"en": ("according",)}

# Dependency labels that carry the reported content of a cue verb.
CONTENT_DEPS: dict[str, frozenset[str]] = {"en": frozenset({"ccomp", "xcomp"})}

# Dependency labels of a cue verb's speaker.
SUBJECT_DEPS: dict[str, frozenset[str]] = {"en": frozenset({"nsubj", "nsubjpass", "csubj"})}

# Titles and honorifics, lower case without the final full stop. Multi-word titles
# are matched word by word, so "lieutenant" and "colonel" are both listed.
TITLE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {
            # military
            "general", "lieutenant", "colonel", "major", "captain", "sergeant", "corporal",
            "private", "admiral", "commander", "brigadier", "marshal", "commodore", "ensign",
            "lt", "col", "gen", "maj", "capt", "sgt", "cpl", "adm", "cmdr", "brig", "pte",
            "lance", "staff", "warrant", "officer",
            # civil and political
            "president", "vice", "prime", "minister", "secretary", "senator", "sen",
            "representative", "rep", "congressman", "congresswoman", "governor", "gov",
            "mayor", "judge", "justice", "chancellor", "ambassador", "speaker", "king",
            "queen", "prince", "princess", "pope", "archbishop", "bishop", "rev", "reverend",
            "father", "sheikh", "chief", "commissioner", "director", "spokesman",
            "spokeswoman", "spokesperson", "deputy", "attorney", "councillor", "councilman",
            "councilwoman", "chairman", "chairwoman", "leader", "foreign", "defence", "defense",
            "health", "interior", "home", "state", "assistant", "high",
            # honorifics
            "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "madam", "mx",
        }
    )
}

# Words that may only continue a title, never start one ("state" in "Secretary of
# State" is fine, "State" alone before a name is not a title).
TITLE_CONTINUATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"state", "home", "foreign", "defence", "defense", "health", "interior",
                     "high", "staff", "warrant", "officer", "assistant", "lance", "vice"})
}

# Abbreviated title words and what they stand for ("The Lt Col" = "the Lieutenant Colonel").
TITLE_ABBREVIATIONS: dict[str, dict[str, str]] = {
    "en": {
        "lt": "lieutenant", "col": "colonel", "gen": "general", "maj": "major",
        "capt": "captain", "sgt": "sergeant", "cpl": "corporal", "adm": "admiral",
        "cmdr": "commander", "brig": "brigadier", "pte": "private", "sen": "senator",
        "rep": "representative", "gov": "governor", "prof": "professor", "rev": "reverend",
        "dr": "doctor",
    }
}

# Gender a title or honorific implies; pronoun resolution uses it when known.
GENDER_BY_TITLE: dict[str, dict[str, str]] = {
    "en": {
        "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
        "congressman": "m", "councilman": "m", "chairman": "m", "spokesman": "m",
        "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "madam": "f",
        "queen": "f", "princess": "f", "congresswoman": "f", "councilwoman": "f",
        "chairwoman": "f", "spokeswoman": "f",
    }
}

# Descriptions that stand for a person already named ("the POW", "the commander"):
# description head -> the class of title it fits. "military" fits any military
# title; "*" fits the most salient person.
DESCRIPTION_NOUNS: dict[str, dict[str, str]] = {
    "en": {
        "pow": "military", "prisoner": "military", "soldier": "military",
        "commander": "military", "officer": "military", "captive": "military",
        "serviceman": "military", "colonel": "military", "general": "military",
        "lieutenant": "military", "major": "military", "captain": "military",
        "sergeant": "military",
        "president": "president", "minister": "minister", "secretary": "secretary",
        "senator": "senator", "governor": "governor", "mayor": "mayor", "judge": "judge",
        "ambassador": "ambassador", "chancellor": "chancellor", "spokesman": "spokesman",
        "spokeswoman": "spokesman", "spokesperson": "spokesman",
        "candidate": "*", "man": "*", "woman": "*", "official": "*", "businessman": "*",
        "billionaire": "*", "nominee": "*", "frontrunner": "*", "congressman": "*",
        "congresswoman": "*",
    }
}

MILITARY_TITLES: dict[str, frozenset[str]] = {
    "en": frozenset({"general", "lieutenant", "colonel", "major", "captain", "sergeant",
                     "corporal", "private", "admiral", "commander", "brigadier", "marshal",
                     "commodore", "ensign"})
}

# Pronouns a speaker may be written as -> (kind it can refer to, gender or None).
PRONOUNS: dict[str, dict[str, tuple[str, str | None]]] = {
    "en": {
        "he": ("person", "m"), "him": ("person", "m"), "she": ("person", "f"),
        "her": ("person", "f"), "they": ("group", None), "them": ("group", None),
        "it": ("organisation", None), "i": ("self", None), "we": ("self", None),
        "you": ("self", None), "who": ("relative", None), "which": ("relative", None),
        "that": ("relative", None),
    }
}

# Nouns that make a source a document rather than a speaker ("a UN report showed").
DOCUMENT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {"report", "statement", "study", "survey", "poll", "document", "letter", "memo",
         "analysis", "findings", "data", "figures", "ad", "advertisement", "book", "article",
         "video", "tweet", "release", "filing", "complaint", "lawsuit", "suit", "ruling",
         "indictment", "assessment", "review", "investigation", "research", "paper",
         "editorial", "column", "op-ed", "post", "message", "email", "e-mail", "transcript",
         "footage", "record", "records", "documents", "census", "estimate", "estimates"}
    )
}

# Words inside a capitalised name that mark it as an organisation, not a person.
ORGANISATION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {"ministry", "council", "department", "office", "agency", "committee", "commission",
         "government", "party", "campaign", "news", "times", "post", "journal", "press",
         "association", "union", "nations", "institute", "university", "company", "inc",
         "corp", "corporation", "bank", "court", "police", "army", "military", "forces",
         "service", "services", "foundation", "center", "centre", "group", "network",
         "organization", "organisation", "house", "administration", "senate", "congress",
         "parliament", "assembly", "board", "bureau", "fund", "reuters", "cnn", "fox",
         "nbc", "cbs", "abc", "bbc", "msnbc", "kremlin", "pentagon", "tribune", "herald",
         "guardian", "telegraph", "mirror", "gazette", "magazine", "daily", "weekly",
         "club", "team", "league", "federation", "alliance", "coalition", "movement",
         "project", "watch", "monitor", "airlines", "ltd", "llc", "co", "staff",
         "republicans", "democrats", "gop"}
    )
}

# Short or ambiguous names of bodies that are never people.
KNOWN_ORGANISATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {"un", "nato", "eu", "who", "imf", "unicef", "unhcr", "icrc", "ohchr", "kremlin",
         "pentagon", "fbi", "cia", "nsa", "gop", "dnc", "rnc", "aclu", "nra", "ap", "afp",
         "reuters", "tass", "ria", "interfax", "ukrinform", "breitbart", "politico",
         "gallup", "pew", "isis", "isil", "hamas", "hezbollah", "taliban", "moscow", "kyiv",
         "kiev", "washington", "london", "beijing", "ukraine", "russia"}
    )
}

# fmt: on
