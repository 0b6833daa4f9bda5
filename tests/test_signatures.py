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


@pytest.mark.parametrize(
    ("text", "num_perm"),
    [
        pytest.param(BASE, 128, id="long-128"),
        pytest.param("Grüße aus Köln, Ünal Şahin — ﬁnal report", 128, id="unicode"),
        pytest.param("one two", 64, id="shorter-than-a-shingle"),
        pytest.param(BASE[:400], 32, id="short-32"),
    ],
)
def test_minhash_equals_datasketch(text: str, num_perm: int) -> None:
    from datasketch import MinHash

    from leakclf.signatures import SCHEME, SEED, _permutations

    cfg = CensusConfig(num_perm=num_perm)
    reference = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    a, b = reference.permutations
    assert (a == _permutations(num_perm)[0]).all() and (b == _permutations(num_perm)[1]).all()
    reference.update_batch(shingles(text, cfg.shingle_words))
    assert text_signature(text, cfg)[1] == tuple(int(v) for v in reference.hashvalues)


def test_the_scan_signature_does_not_import_datasketch() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from leakclf.config import CensusConfig\n"
        "from leakclf.signatures import text_signature\n"
        "assert text_signature('a b c d e f g', CensusConfig())[1]\n"
        "print('datasketch' in sys.modules, 'scipy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
