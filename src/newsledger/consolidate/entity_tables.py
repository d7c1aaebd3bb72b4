"""Word tables for normalising names, groups and places before they are compared.

Data, not code: the honorific titles stripped in front of a person's name, the
demonyms that become country names ("Ukrainian" -> "Ukraine"), the spelling
variants folded together ("defense" -> "defence"), the groups of people whose
nationality is really a place ("Ukrainian civilians" counted in Ukraine), the
singular -> plural forms of group nouns and the place spellings that name the
same place ("Kiev" -> "Kyiv"). The alias table of whole names is
`newsledger/data/aliases.tsv`.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ARTICLES",
    "COUNTRY_NAMES",
    "CIVILIAN_GROUPS",
    "DEMONYMS",
    "GROUP_PLURALS",
    "OFFICE_HOLDERS",
    "ORGANISATION_WORDS",
    "PERSON_TITLES",
    "PLACE_SPELLINGS",
    "SPELLINGS",
]

ARTICLES = frozenset({"the", "a", "an"})

# Stripped only in front of a name ("President Volodymyr Zelensky" -> "volodymyr zelensky"),
# never when nothing would be left ("the president" stays a source of its own).
_TITLE_WORDS = """
    president vice prime minister foreign defence interior secretary general
    secretary-general chancellor mr mrs ms dr sir dame lt lieutenant col colonel gen major maj
    captain capt sgt sergeant spokesman spokeswoman spokesperson mayor governor senator sen
    rep ambassador commissioner high chief deputy adviser advisor king queen pope prince
    princess professor prof health country un us uk eu ukraine russia belarus
    nato former acting then press affairs state of
    """
PERSON_TITLES = frozenset(_TITLE_WORDS.split())

# Words that make a name a body's, never a person's ("Security Council", "Azov Regiment").
_ORGANISATION_WORDS = """
    ministry office council agency forces force army military government committee department
    service services police regiment brigade mission team commission organisation union
    authorities authority officials command staff administration court parliament assembly
    bank fund programme program institute centre center university group network company
    media news press television agency's kremlin pentagon
    """
ORGANISATION_WORDS = frozenset(_ORGANISATION_WORDS.split())

# Words naming a person who holds an office, never the body itself: "the foreign
# minister" and "the foreign ministry" are two sources, however alike they are spelt.
_OFFICE_HOLDER_WORDS = """
    minister secretary commissioner president governor mayor ambassador director
    spokesman spokeswoman spokesperson chief head chairman chairwoman chair
    """
OFFICE_HOLDERS = frozenset(_OFFICE_HOLDER_WORDS.split())

DEMONYMS: Mapping[str, str] = {
    "ukrainian": "ukraine",
    "ukrainians": "ukraine",
    "russian": "russia",
    "russians": "russia",
    "belarusian": "belarus",
    "american": "us",
    "u.s.": "us",
    "british": "uk",
    "polish": "poland",
    "moldovan": "moldova",
    "german": "germany",
    "french": "france",
    "chinese": "china",
    "syrian": "syria",
    "israeli": "israel",
    "palestinian": "palestine",
    "afghan": "afghanistan",
    "iraqi": "iraq",
    "yemeni": "yemen",
    "sudanese": "sudan",
    "ethiopian": "ethiopia",
}

# Country names as the ledger shows them (keys are DEMONYMS values).
COUNTRY_NAMES: Mapping[str, str] = {
    "ukraine": "Ukraine",
    "russia": "Russia",
    "belarus": "Belarus",
    "us": "US",
    "uk": "UK",
    "poland": "Poland",
    "moldova": "Moldova",
    "germany": "Germany",
    "france": "France",
    "china": "China",
    "syria": "Syria",
    "israel": "Israel",
    "palestine": "Palestine",
    "afghanistan": "Afghanistan",
    "iraq": "Iraq",
    "yemen": "Yemen",
    "sudan": "Sudan",
    "ethiopia": "Ethiopia",
}

SPELLINGS: Mapping[str, str] = {
    "defense": "defence",
    "organization": "organisation",
    "u.n.": "un",
    "un's": "un",
}

# Groups whose nationality says where they were counted: "Ukrainian civilians" with no
# place (or with place Ukraine) is the count of civilians in Ukraine. Soldiers are not in
# this set: "Russian soldiers" are counted where they fight, so their nationality stays.
CIVILIAN_GROUPS = frozenset(
    {"civilians", "people", "children", "residents", "women", "men", "persons", "adults"}
)

GROUP_PLURALS: Mapping[str, str] = {
    "civilian": "civilians",
    "child": "children",
    "person": "people",
    "persons": "people",
    "resident": "residents",
    "soldier": "soldiers",
    "servicemen": "soldiers",
    "serviceman": "soldiers",
    "troops": "soldiers",
    "woman": "women",
    "man": "men",
    "kid": "children",
    "kids": "children",
}

PLACE_SPELLINGS: Mapping[str, str] = {
    "kiev": "Kyiv",
    "kharkov": "Kharkiv",
    "odessa": "Odesa",
    "nikolaev": "Mykolaiv",
    "nikolayev": "Mykolaiv",
    "zaporozhye": "Zaporizhzhia",
    "zaporizhia": "Zaporizhzhia",
    "lugansk": "Luhansk",
    "chernigov": "Chernihiv",
    "the ukraine": "Ukraine",
    "ukrainian": "Ukraine",
}
