"""The cues a learned figure decision weighs, computed from what the rules read.

One figure candidate (a `Figure` from `extract.figures`, still in parsed-doc
offsets) becomes a dict of named features: what the rules decided (category,
counted unit, group, source, status, qualifier, part-of), the number's size
and shape, and the words the parse puts around it (its dependency, the word it
hangs on, the counted noun, the words just before and after, how many numbers
its sentence holds). The names are the model's vocabulary
(`learned.linear.LinearModel`).
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Span

from newsledger.models import Figure

__all__ = ["figure_features"]

# A sentence with more numbers than this reads as a table row or a statistics list.
TABLE_NUMBERS = 6


def _bucket(value: float) -> str:
    if value <= 0:
        return "0"
    if value == 1:
        return "1"
    return str(min(7, int(math.log10(value)) + 1))


def _rule_features(figure: Figure) -> dict[str, float]:
    value = float(figure.value_low)
    features = {
        f"rule={figure.category}": 1.0,
        f"count_unit={figure.count_unit or 'none'}": 1.0,
        f"unit={'none' if figure.unit is None else 'some'}": 1.0,
        f"qualifier={figure.qualifier}": 1.0,
        f"status={figure.status}": 1.0,
        f"source_kind={figure.source_kind or 'none'}": 1.0,
        f"magnitude={_bucket(value)}": 1.0,
        "has_group": float(figure.group is not None),
        "has_source": float(figure.source is not None),
        "has_place": float(figure.place is not None),
        "part_of": float(figure.part_of is not None),
        "range": float(figure.value_high != figure.value_low),
        "yearlike": float(value.is_integer() and 1900 <= value <= 2100 and figure.unit is None),
    }
    return features


def _span_of(doc: Doc, figure: Figure) -> Span | None:
    return doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")


def _word(token) -> str:
    return token.lemma_.lower() if token.is_alpha else token.shape_


def _parse_features(doc: Doc, span: Span) -> dict[str, float]:
    root = span.root
    features = {
        f"dep={root.dep_}": 1.0,
        f"head={_word(root.head)}": 1.0,
        f"head_pos={root.head.pos_}": 1.0,
        f"root_pos={root.pos_}": 1.0,
        "span_pronoun": float(any(token.pos_ == "PRON" for token in span)),
        "span_digit": float(any(token.like_num and not token.is_alpha for token in span)),
        "span_determiner": float(span[0].lower_ in ("a", "an", "one", "another")),
    }
    nouns = [token for token in span if token.pos_ in ("NOUN", "PROPN")]
    counted = nouns[-1] if nouns else (root.head if root.dep_ == "nummod" else None)
    features[f"noun={_word(counted) if counted is not None else 'none'}"] = 1.0
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    features[f"before={_word(before) if before is not None else 'START'}"] = 1.0
    features[f"after={_word(after) if after is not None else 'END'}"] = 1.0
    sentence = span.sent
    numbers = sum(1 for token in sentence if token.like_num)
    features["table_like"] = float(numbers > TABLE_NUMBERS)
    features["quoted"] = float(any(token.is_quote for token in sentence))
    return features


def figure_features(doc: Doc, figure: Figure) -> dict[str, float]:
    """The named features of one figure candidate of `doc` (see the module text)."""
    features = _rule_features(figure)
    span = _span_of(doc, figure)
    if span is not None and len(span):
        features.update(_parse_features(doc, span))
    else:
        features["no_span"] = 1.0
    return features
