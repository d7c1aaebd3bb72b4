"""quantulum3 as the peer of the figure scorers: its numbers, and simple baselines over them.

Owns running quantulum3 (an optional dependency, the `peers` extra) on a text
and the two baselines the displacement and casualties scorers compare against:
the largest dimensionless quantity of an excerpt, and the number nearest a
kill / injure word. quantulum3 finds numbers only, so these baselines show what
a number finder gives without the parse-based meaning newsledger adds.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from newsledger.errors import EvalError

__all__ = [
    "PeerNumber",
    "largest_count",
    "nearest_count",
    "quantulum_numbers",
    "quiet_classifier_load",
]

DIMENSIONLESS = frozenset({"dimensionless", "unk", ""})
# How far (characters) a cue word may be from a number for the nearest-word baseline.
NEAREST_CHARS = 60


@dataclass(frozen=True, slots=True)
class PeerNumber:
    value: float
    start: int
    end: int
    dimensionless: bool


@contextmanager
def quiet_classifier_load() -> Iterator[None]:
    """Silence scikit-learn's unpickling warnings while quantulum3 loads its classifier.

    quantulum3 tries its pickled unit classifier on first use; with another
    scikit-learn version that prints a screen of InconsistentVersionWarnings
    before failing or not. The scorers say in one note what happened instead.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Trying to unpickle estimator")
        yield


def quantulum_numbers(text: str) -> list[PeerNumber]:
    """quantulum3's quantities of `text` (raises EvalError when quantulum3 is not installed)."""
    try:
        from quantulum3 import parser
    except ImportError as exc:
        raise EvalError("--peers needs quantulum3 (pip install 'newsledger[peers]')") from exc
    numbers = []
    try:
        with quiet_classifier_load():
            parsed = parser.parse(text)
    except Exception:  # quantulum3 raises assorted errors on odd input; a peer miss, not ours
        return []
    for quantity in parsed:
        name = (quantity.unit.name or "").lower()
        start, end = quantity.span
        numbers.append(PeerNumber(float(quantity.value), start, end, name in DIMENSIONLESS))
    return numbers


def largest_count(numbers: list[PeerNumber]) -> float | None:
    """The largest whole dimensionless number (the displacement baseline)."""
    counts = [n.value for n in numbers if n.dimensionless and n.value >= 1 and n.value.is_integer()]
    return max(counts) if counts else None


def nearest_count(text: str, numbers: list[PeerNumber], cue: re.Pattern[str]) -> float | None:
    """The first whole number with a cue word within NEAREST_CHARS after or before it."""
    for number in numbers:
        if not (number.dimensionless and number.value >= 0 and number.value.is_integer()):
            continue
        after = text[number.end : number.end + NEAREST_CHARS]
        before = text[max(0, number.start - NEAREST_CHARS // 2) : number.start]
        if cue.search(after) or cue.search(before):
            return number.value
    return None
