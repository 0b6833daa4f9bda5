"""Is the census near-linear? Time per document at two sizes, in one run, in memory.

    .venv/bin/python benchmarks/bench_census_scaling.py [--sizes 2000 8000]

Synthetic results built in code: 400 base texts, each document one of them plus a short or long
tail (so exact, near and distinct texts all occur), one email and one person finding drawn from
pools that grow with the size. ``--template`` instead makes every document a fill of one
300-word template (3 words differ): the worst case for near-duplicate clustering. The ratio of
ms/doc between the sizes is the figure to read: near 1 means linear, 4 (for a 4x size) would
mean quadratic.
"""

from __future__ import annotations

import argparse
import random
import time

from leakclf.census import census
from leakclf.config import CensusConfig
from leakclf.model import DocumentResult, Finding
from leakclf.privacy import digest
from leakclf.signatures import text_signature

KEY = b"b" * 32


def _finding(label: str, value: str) -> Finding:
    facets = (("domain", value.rsplit("@", 1)[1]),) if "@" in value else ()
    return Finding(label, 0, 1, 0.9, "bench", digest(KEY, label, value), "*", facets=facets)


def make(n: int, rng: random.Random, template: bool = False) -> list[DocumentResult]:
    words = [f"w{i}" for i in range(3000)]
    if template:
        one = " ".join(rng.choices(words, k=300))
        return [_doc(i, f"{one} {' '.join(rng.choices(words, k=3))}", ()) for i in range(n)]
    base = [" ".join(rng.choices(words, k=120)) for _ in range(400)]
    out = []
    for i in range(n):
        text = base[i % 400] + " " + " ".join(rng.choices(words, k=rng.choice((2, 60))))
        found = (
            _finding("EMAIL_ADDRESS", f"u{rng.randrange(n)}@org{rng.randrange(n // 20 + 1)}.com"),
            _finding("PERSON", f"p{rng.randrange(n)} q"),
        )
        out.append(_doc(i, text, found))
    return out


def _doc(i: int, text: str, found: tuple[Finding, ...]) -> DocumentResult:
    sha, mh = text_signature(text, CensusConfig())
    return DocumentResult(
        source=f"d/{i}.txt", sha256=str(i), text_sha256=sha, minhash=mh, findings=found
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument("--template", action="store_true", help="every document fills one template")
    args = parser.parse_args()
    rng = random.Random(1)
    rates = []
    for n in args.sizes:
        results = make(n, rng, args.template)
        start = time.perf_counter()
        census(results)
        seconds = time.perf_counter() - start
        rates.append(seconds / n * 1e3)
        print(f"{n:>7} documents: census {seconds:.2f}s = {rates[-1]:.3f} ms/doc")
    print(
        f"ms/doc ratio, largest / smallest size: {rates[-1] / rates[0]:.2f} "
        f"(size ratio {args.sizes[-1] / args.sizes[0]:.0f}x)"
    )


if __name__ == "__main__":
    main()
