"""An attribute ruler that gives spaCy's results with an index instead of a Matcher pass.

en_core_web_sm's `attribute_ruler` maps tags to coarse POS and morphology with
179 Matcher patterns, almost all of one token ("TAG" = NN, or "TAG" + "LOWER").
spaCy's Matcher tries every pattern at every token, which costs as much as the
tagger on short texts (about 12% of `nlp.pipe` on one-sentence news items).
`IndexedAttributeRuler` answers the one-token patterns from a table keyed by a
token's (tag, lower, dep, is_space), cached per distinct key, and leaves only
the 8 multi-token patterns to a Matcher, run only on docs holding a token that
can start one (the Matcher evaluates every predicate at every token). The
matches it produces, and the order in which it applies them (by pattern number,
later rules win), are those of `spacy.pipeline.AttributeRuler`, so POS,
morphology and lemmas are identical; `tests/nlp/test_attribute_ruler.py` checks
that on real text.
`load_pipeline` swaps it in for the stock component, keeping the name.
"""

# No `from __future__ import annotations` here: spaCy up to 3.8.7 validates a
# factory's arguments from its annotations and cannot resolve string ones.
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

__all__ = ["FACTORY", "IndexedAttributeRuler", "index_attribute_ruler"]

FACTORY = "newsledger_attribute_ruler"
# The token attributes a one-token pattern may test and still be answered by the
# table; anything else (operators, other attributes, REGEX...) goes to the Matcher.
INDEXED_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Distinct (tag, lower, dep, is_space) keys are bounded by the vocabulary; the
# cache is cleared past this size so a long-running process cannot grow it forever.
CACHE_LIMIT = 200_000

TokenKey = tuple[str, str, str, bool]


@dataclass(frozen=True, slots=True)
class _TokenTest:
    """A one-token pattern as data (picklable): each field of the key must equal or be in."""

    equal: tuple[tuple[int, str | bool], ...]
    among: tuple[tuple[int, frozenset[str]], ...]
    excluded: tuple[tuple[int, frozenset[str]], ...] = ()
    searched: tuple[tuple[int, re.Pattern[str]], ...] = ()

    def __call__(self, key: TokenKey) -> bool:
        return (
            all(key[position] == value for position, value in self.equal)
            and all(key[position] in allowed for position, allowed in self.among)
            and all(key[position] not in barred for position, barred in self.excluded)
            and all(pattern.search(key[position]) for position, pattern in self.searched)
        )


def _token_test(pattern: list[dict]) -> _TokenTest | None:
    """The test for a one-token pattern whose conditions are all indexable, else None."""
    if len(pattern) != 1:
        return None
    equal: list[tuple[int, str | bool]] = []
    among: list[tuple[int, frozenset[str]]] = []
    excluded: list[tuple[int, frozenset[str]]] = []
    searched: list[tuple[int, re.Pattern[str]]] = []
    for attribute, value in pattern[0].items():
        if attribute not in INDEXED_ATTRIBUTES:
            return None
        position = INDEXED_ATTRIBUTES.index(attribute)
        is_flag = attribute == "IS_SPACE"
        if isinstance(value, bool) if is_flag else isinstance(value, str):
            equal.append((position, value))
        elif (
            not is_flag
            and isinstance(value, dict)
            and list(value) in (["IN"], ["NOT_IN"])
            and all(isinstance(item, str) for item in next(iter(value.values())))
        ):
            operator, items = next(iter(value.items()))
            (among if operator == "IN" else excluded).append((position, frozenset(items)))
        elif not is_flag and isinstance(value, dict) and list(value) == ["REGEX"]:
            # The Matcher's REGEX predicate is re.search on the attribute's string.
            searched.append((position, re.compile(value["REGEX"])))
        else:
            return None
    return _TokenTest(tuple(equal), tuple(among), tuple(excluded), tuple(searched))


class IndexedAttributeRuler(AttributeRuler):
    """`AttributeRuler` whose one-token patterns are answered from a cached table."""

    def __init__(self, vocab, name: str = "attribute_ruler", **kwargs) -> None:
        self._indexed: list[tuple[int, _TokenTest]] = []
        self._rest = Matcher(vocab)
        # First-token tests of the Matcher's patterns: a doc with no token passing
        # one cannot match any of them, so the Matcher (which evaluates every
        # predicate at every token) is skipped. None: some first token is untestable.
        self._rest_starts: list[_TokenTest] | None = []
        self._cache: dict[TokenKey, tuple[tuple[int, ...], bool]] = {}
        super().__init__(vocab, name, **kwargs)

    def clear(self) -> None:
        super().clear()
        self._indexed = []
        self._rest = Matcher(self.vocab, validate=self.validate)
        self._rest_starts = []
        self._cache = {}

    def add(self, patterns: Iterable[list[dict]], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        rest = []
        for pattern in patterns:
            test = _token_test(pattern)
            if test is None:
                rest.append(pattern)
            else:
                self._indexed.append((rule, test))
        if rest:
            self._rest.add(self.vocab.strings[str(rule)], rest)
            for pattern in rest:
                start = _token_test(pattern[:1]) if "OP" not in pattern[0] else None
                if start is None or self._rest_starts is None:
                    self._rest_starts = None
                else:
                    self._rest_starts.append(start)
        self._cache = {}

    def _rules_for(self, key: TokenKey) -> tuple[tuple[int, ...], bool]:
        """The indexed rules a token matches, and whether a Matcher pattern may start there."""
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache = {}
            rules = tuple(rule for rule, test in self._indexed if test(key))
            starts = self._rest_starts is None or any(test(key) for test in self._rest_starts)
            found = self._cache[key] = (rules, starts)
        return found

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches `AttributeRuler.match` returns: (rule, match id, start, end), sorted."""
        strings = self.vocab.strings
        matches = []
        may_start = False
        token: Token
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            rules, starts = self._rules_for(key)
            may_start = may_start or starts
            for rule in rules:
                matches.append((rule, strings[str(rule)], token.i, token.i + 1))
        if may_start and len(self._rest) > 0:
            for match_id, start, end in self._rest(doc, allow_missing=True, as_spans=False):
                matches.append((int(strings[match_id]), match_id, start, end))
        matches.sort()
        return matches


@Language.factory(FACTORY, default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language) -> None:
    """Replace a stock `attribute_ruler` by an `IndexedAttributeRuler` with its patterns."""
    if "attribute_ruler" not in nlp.component_names:
        return
    stock = nlp.get_pipe("attribute_ruler")
    if type(stock) is not AttributeRuler:
        return
    patterns = stock.patterns
    indexed = nlp.replace_pipe("attribute_ruler", FACTORY)
    indexed.add_patterns(patterns)
