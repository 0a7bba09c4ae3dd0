"""Near-duplicate detection: MinHash signatures over word 5-gram shingles, with an LSH band index.

The same wire story reprinted by two outlets, lightly edited, shares most of its word 5-grams.
`signature(text)` is a MinHash of those shingles (128 hash functions, a fixed seed, so the same
text gets the same signature in every process and run); the fraction of equal positions between
two signatures estimates the Jaccard similarity of the two shingle sets (standard error about
0.035 near 0.8). `NearDuplicateIndex` splits each signature into 32 bands of 4 rows: documents
sharing a band become candidates (a pair at Jaccard 0.8 is found with probability > 0.999), and a
candidate counts as a near-duplicate when its estimated Jaccard is >= `THRESHOLD` (0.8).

Text is normalised (lower case, words only) before shingling, so punctuation and case edits do
not count. Texts shorter than five words are shingled as one short shingle.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.8
SEED = 20241105
_CHUNK = 2048

Signature = npt.NDArray[np.uint32]

_WORD = re.compile(r"\w+", re.UNICODE)
_rng = np.random.default_rng(SEED)
# Multiply-shift hashing: h(x) = (a * x + b) mod 2**64, top 32 bits; a odd.
_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_EMPTY: Signature = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _shingle_hashes(items: Iterable[str]) -> npt.NDArray[np.uint64]:
    raw = b"".join(
        hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in sorted(items)
    )
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64)


def signature(text: str) -> Signature:
    """The MinHash signature of the text's word 5-gram shingles (NUM_PERM uint32 values)."""
    found = shingles(text)
    if not found:
        return _EMPTY.copy()
    x = _shingle_hashes(found)
    out = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    # In chunks, so a long text never needs a NUM_PERM x len(text) matrix at once.
    for i in range(0, len(x), _CHUNK):
        part = x[i : i + _CHUNK]
        with np.errstate(over="ignore"):
            hashed = (_A[:, None] * part[None, :] + _B[:, None]) >> np.uint64(32)
        np.minimum(out, hashed.min(axis=1), out=out)
    return out.astype(np.uint32)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def band_keys(sig: Signature) -> list[bytes]:
    """The signature's LSH band keys: two documents sharing one are candidate near-copies. An
    empty text's signature has none (it is nobody's near-copy)."""
    if np.array_equal(sig, _EMPTY):
        return []
    return [bytes([i]) + sig[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]


def stored_band_keys(blob: bytes) -> list[bytes]:
    """The band keys of a signature as the store keeps it; none for bytes that are not a
    signature of this module's size."""
    sig = from_stored(blob)
    return band_keys(sig) if sig is not None else []


def from_stored(blob: bytes) -> Signature | None:
    """A signature as the store keeps it (its uint32 values' bytes) back as an array; None
    for bytes of another size (written by something else: nobody's near-copy)."""
    if len(blob) != NUM_PERM * 4:
        return None
    return np.frombuffer(blob, dtype=np.uint32).copy()


def best_match(
    sig: Signature, candidates: Iterable[tuple[str, Signature]], threshold: float = THRESHOLD
) -> tuple[str, float] | None:
    """The candidate most similar to `sig` at or above the threshold (the first in id order
    among equals), with its similarity."""
    best: tuple[str, float] | None = None
    for doc_id, other in sorted(candidates, key=lambda c: c[0]):
        sim = similarity(sig, other)
        if sim >= threshold and (best is None or sim > best[1]):
            best = (doc_id, sim)
    return best


class NearDuplicateIndex:
    """In-memory LSH index of signatures: about 0.7 KB per document (signature + band keys)."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._signatures: dict[str, Signature] = {}
        self._buckets: dict[bytes, list[str]] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def add(self, doc_id: str, sig: Signature) -> None:
        if doc_id in self._signatures:
            return
        self._signatures[doc_id] = sig
        for key in band_keys(sig):
            self._buckets.setdefault(key, []).append(doc_id)

    def query(self, sig: Signature) -> tuple[str, float] | None:
        """The most similar indexed document at or above the threshold, with its similarity."""
        candidates: set[str] = set()
        for key in band_keys(sig):
            candidates.update(self._buckets.get(key, ()))
        return best_match(sig, ((d, self._signatures[d]) for d in candidates), self.threshold)
