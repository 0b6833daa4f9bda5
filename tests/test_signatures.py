from __future__ import annotations

import pytest

from leakclf.config import CensusConfig
from leakclf.signatures import minhash, normalize_text, shingles, text_signature

CFG = CensusConfig()
BASE = " ".join(f"word{i} alpha beta gamma" for i in range(120))


@pytest.mark.parametrize(
    ("a", "b", "same_text"),
    [
        pytest.param("Hello  World\n", "hello world", True, id="case-and-whitespace"),
        pytest.param("ﬁle report", "file report", True, id="nfkc-ligature"),
        pytest.param("hello world", "hello world!", False, id="punctuation-is-text"),
    ],
)
def test_text_sha_normalises(a: str, b: str, same_text: bool) -> None:
    assert (text_signature(a, CFG)[0] == text_signature(b, CFG)[0]) is same_text


@pytest.mark.parametrize("text", [pytest.param("", id="empty"), pytest.param(" \n\t ", id="blank")])
def test_empty_text_has_no_signature(text: str) -> None:
    assert text_signature(text, CFG) == (None, None)


def test_signature_is_deterministic_and_sized() -> None:
    sha, sig = text_signature(BASE, CFG)
    assert sig is not None and len(sig) == CFG.num_perm
    assert text_signature(BASE, CFG) == (sha, sig)
    assert len(text_signature(BASE, CensusConfig(num_perm=32))[1] or ()) == 32


@pytest.mark.parametrize(
    ("other", "low", "high"),
    [
        pytest.param(BASE + " one small revision at the end", 0.85, 1.0, id="revision"),
        pytest.param(
            " ".join(f"other{i} text here now" for i in range(120)), 0.0, 0.1, id="unrelated"
        ),
    ],
)
def test_minhash_estimates_jaccard(other: str, low: float, high: float) -> None:
    a = minhash(text_signature(BASE, CFG)[1] or ())
    b = minhash(text_signature(other, CFG)[1] or ())
    assert low <= a.jaccard(b) <= high


def test_shingles() -> None:
    assert shingles("A b, C d", 3) == [b"a b c", b"b c d"]
    assert shingles("short", 5) == [b"short"]
    assert normalize_text("  A\u00a0B ") == "a b"
