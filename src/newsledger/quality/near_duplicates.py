"""Near-duplicate articles: MinHash signatures, LSH band hashes and the linker that flags them.

Syndicated copies of one story reach the ledger under different URLs with a
word changed here and there. Each article gets a MinHash signature (datasketch,
128 permutations) over three-word shingles of its casefolded text; the
signature is cut into bands whose hashes the store keeps, so an article finds
its candidates among every article stored before it, in this run or an earlier
one, with one indexed lookup. Candidates are confirmed by the estimated Jaccard
similarity of the full signatures. A confirmed near-duplicate is kept (it may
carry a different date or source) and flagged `duplicate_of` the most similar
earlier article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from datasketch import MinHash

from newsledger.models import Article, Flag

__all__ = [
    "BAND_ROWS",
    "DEFAULT_THRESHOLD",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "NearDuplicateLinker",
    "Signature",
    "article_signature",
    "text_signature",
]

NUM_PERM = 128
# 32 bands of 4 rows: a pair at Jaccard 0.8 shares a band with probability
# 1 - (1 - 0.8**4)**32 > 0.99999, while a pair at 0.2 shares one about 5% of the time.
BAND_ROWS = 4
SHINGLE_WORDS = 3
SEED = 1
# The MinHash scheme is part of the signature's meaning: sketches of another
# scheme are not comparable, so the scheme is mixed into every band hash and a
# change of scheme can never produce false candidates from old rows.
SCHEME = "affine32"
SCHEME_TAG = f"{SCHEME}/{NUM_PERM}/{SEED}/{SHINGLE_WORDS}w".encode()
DEFAULT_THRESHOLD = 0.8

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    # Generating the permutations costs as much as hashing a short article;
    # they depend only on the seed, so generate them once per process.
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@dataclass(frozen=True, slots=True)
class Signature:
    """The MinHash values of one text (uint32, NUM_PERM of them)."""

    hashvalues: np.ndarray

    def band_hashes(self) -> list[tuple[int, int]]:
        """(band number, signed 64-bit hash) for each band; the band number is in the hash."""
        bands = []
        for band, start in enumerate(range(0, NUM_PERM, BAND_ROWS)):
            digest = hashlib.blake2b(
                self.hashvalues[start : start + BAND_ROWS].tobytes(),
                digest_size=8,
                key=SCHEME_TAG,
                salt=band.to_bytes(16, "little"),
            ).digest()
            bands.append((band, int.from_bytes(digest, "little", signed=True)))
        return bands

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / NUM_PERM

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u4"))


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    return [
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    ]


def text_signature(text: str) -> Signature | None:
    """The signature of a text, or None when it has no words to compare."""
    shingles = _shingles(text)
    if not shingles:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch(shingles)
    return Signature(np.array(minhash.hashvalues, dtype=np.uint32))


def article_signature(article: Article) -> Signature | None:
    return text_signature(article.text)


class CandidateSource(Protocol):
    """What the linker needs from the store: earlier articles sharing a band hash."""

    def near_duplicate_candidates(self, hashes: Iterable[int]) -> list[tuple[int, str, bytes]]:
        """(ingest order, article id, signature bytes) of stored articles with any of the hashes."""
        ...


class NearDuplicateLinker:
    """Flags each article that nearly duplicates an earlier one, stored or earlier in the batch."""

    def __init__(self, store: CandidateSource, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold

    def link(self, articles: Sequence[Article]) -> dict[str, Signature]:
        """Add a `duplicate_of` flag where due; return each article's signature by id.

        Articles are taken in order: each is compared with everything stored and
        with the articles before it in `articles`, so the outcome is the same
        however the input is cut into batches.
        """
        signatures: dict[str, Signature] = {}
        batch_bands: dict[int, list[int]] = {}
        for position, article in enumerate(articles):
            signature = article_signature(article)
            if signature is None:
                continue
            bands = [band_hash for _, band_hash in signature.band_hashes()]
            best = self._best_match(article, signature, bands, articles, signatures, batch_bands)
            if best is not None:
                similarity, earlier_id = best
                article.flags = [
                    *article.flags,
                    Flag("duplicate_of", f"similarity {similarity:.2f}", earlier_id),
                ]
            signatures[article.id] = signature
            for band_hash in bands:
                batch_bands.setdefault(band_hash, []).append(position)
        return signatures

    def _best_match(
        self,
        article: Article,
        signature: Signature,
        bands: list[int],
        articles: Sequence[Article],
        signatures: dict[str, Signature],
        batch_bands: dict[int, list[int]],
    ) -> tuple[float, str] | None:
        # Ranked by similarity, then by age: stored articles (by ingest order)
        # come before the ones earlier in this batch (by position).
        matches: list[tuple[float, tuple[int, int], str]] = []
        for seq, earlier_id, data in self.store.near_duplicate_candidates(bands):
            if earlier_id == article.id:
                continue
            similarity = signature.similarity(Signature.from_bytes(data))
            if similarity >= self.threshold:
                matches.append((similarity, (0, seq), earlier_id))
        positions = sorted({p for band_hash in bands for p in batch_bands.get(band_hash, ())})
        for position in positions:
            earlier = articles[position]
            if earlier.id == article.id:
                continue
            similarity = signature.similarity(signatures[earlier.id])
            if similarity >= self.threshold:
                matches.append((similarity, (1, position), earlier.id))
        if not matches:
            return None
        similarity, _, earlier_id = min(matches, key=lambda match: (-match[0], match[1]))
        return similarity, earlier_id
