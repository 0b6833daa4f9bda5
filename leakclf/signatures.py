"""Document signatures for deduplication, computed once per document during the scan.

``text_signature`` returns the sha256 of the normalised text (exact text duplicates)
and a MinHash over word shingles (near duplicates, clustered later by the census).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from leakclf.config import CensusConfig

#: The permutation scheme of every stored signature; the census rebuilds MinHash with it.
SCHEME = "affine32"
#: Fixed seed: signatures from different runs and processes are comparable.
SEED = 1

_WORD = re.compile(r"\w+")


def normalize_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: a PDF and its DOCX source compare equal."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def shingles(text: str, size: int) -> list[bytes]:
    """Word ``size``-grams of the normalised text (one shingle if the text is shorter)."""
    words = _WORD.findall(normalize_text(text))
    if not words:
        return []
    size = max(1, size)
    if len(words) <= size:
        return [" ".join(words).encode("utf-8", "surrogatepass")]
    return [
        " ".join(words[i : i + size]).encode("utf-8", "surrogatepass")
        for i in range(len(words) - size + 1)
    ]


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Generating permutations is the slow part of a MinHash; they depend only on num_perm."""
    a, b = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def minhash(values: tuple[int, ...] | list[int]) -> MinHash:
    """Rebuild a MinHash from a stored signature (for LSH and Jaccard estimates)."""
    return MinHash(
        hashvalues=np.asarray(values, dtype=np.uint32),
        scheme=SCHEME,
        seed=SEED,
        permutations=_permutations(len(values)),
    )


def text_signature(text: str, config: CensusConfig) -> tuple[str | None, tuple[int, ...] | None]:
    """(sha256 of the normalised text, MinHash hash values); (None, None) for empty text."""
    norm = normalize_text(text)
    if not norm:
        return None, None
    text_sha = hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()
    grams = shingles(norm, config.shingle_words)
    if not grams:  # only punctuation: exact-text dedup still works
        return text_sha, None
    mh = MinHash(
        num_perm=config.num_perm,
        seed=SEED,
        scheme=SCHEME,
        permutations=_permutations(config.num_perm),
    )
    mh.update_batch(grams)
    return text_sha, tuple(int(v) for v in mh.hashvalues)
