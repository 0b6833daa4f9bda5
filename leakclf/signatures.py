"""Document signatures for deduplication, computed once per document during the scan.

``text_signature`` returns the sha256 of the normalised text (exact text duplicates)
and a MinHash over word shingles (near duplicates, clustered later by the census).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from leakclf.config import CensusConfig

if TYPE_CHECKING:
    from datasketch import MinHash

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
    """datasketch's ``affine32`` permutations for ``SEED``: ``a`` odd, ``b`` any, 32 bits each,
    drawn as datasketch draws them (a test pins them to ``MinHash(...).permutations``)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


#: MurmurHash3's 32-bit finalizer, datasketch's pre-mix of every input hash in ``affine32``.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


def _hash_values(grams: list[bytes], num_perm: int) -> tuple[int, ...]:
    """``MinHash(num_perm, seed=SEED, scheme=SCHEME).update_batch(grams).hashvalues``, computed
    here with numpy: importing datasketch pulls in its LSH and scipy (0.5 CPU s per scan
    worker) for what is a few array operations. ``tests/test_signatures.py`` holds them equal."""
    sha1 = hashlib.sha1
    # sha1_hash32: the first 4 bytes of each SHA-1 (20 bytes), little-endian
    digests = np.frombuffer(b"".join([sha1(g).digest() for g in grams]), dtype="<u4")
    hv = digests[::5].astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s1)
    a, b = _permutations(num_perm)
    return tuple(int(v) for v in (hv * a + b).min(axis=0))  # uint32: wraps modulo 2**32


def minhash(values: tuple[int, ...] | list[int]) -> MinHash:
    """Rebuild a MinHash from a stored signature (for LSH and Jaccard estimates)."""
    from datasketch import MinHash  # load time: datasketch (and scipy) only for the census

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
    return text_sha, _hash_values(grams, config.num_perm)
