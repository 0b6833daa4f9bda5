"""``import leakclf`` time: one checkout against a peer checkout (e.g. an older commit), same run.

    mkdir /tmp/leakclf-head /tmp/leakclf-c8bb718
    git archive HEAD | tar -x -C /tmp/leakclf-head
    git archive c8bb718 | tar -x -C /tmp/leakclf-c8bb718
    .venv/bin/python benchmarks/bench_import.py --this /tmp/leakclf-head \
        --peer /tmp/leakclf-c8bb718 --rounds 60

Compare two archives in the same folder: a working tree with more files beside the package
(tests, .git) measured 6% slower than an archive of the same commit.

Each round imports leakclf in a fresh interpreter from each checkout, alternating which goes
first, and reads the cumulative time of the ``leakclf`` entry from ``python -X importtime``.
Prints the medians, their ratio, and which heavy modules the import pulled in.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "presidio_analyzer", "pandas", "pyarrow", "numpy", "datasketch", "faker", "fpdf")
CODE = f"import sys, leakclf; print(','.join(m for m in {HEAVY!r} if m in sys.modules) or '-')"


def once(checkout: Path) -> tuple[float, str]:
    """(cumulative microseconds of ``import leakclf``, heavy modules loaded)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", CODE],
        cwd=checkout,
        env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    for line in out.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "leakclf":
            return float(parts[1]), out.stdout.strip()
    raise RuntimeError(f"no leakclf line in -X importtime output from {checkout}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--this", type=Path, default=ROOT, help="the checkout measured")
    parser.add_argument("--peer", type=Path, required=True, help="another leakclf checkout")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"this": [], "peer": []}
    heavy: dict[str, str] = {}
    for i in range(args.rounds):
        order = [("this", args.this), ("peer", args.peer)]
        for name, checkout in order if i % 2 else order[::-1]:
            us, loaded = once(checkout)
            times[name].append(us)
            heavy[name] = loaded
    for name in ("this", "peer"):
        med = statistics.median(times[name]) / 1000
        print(
            f"{name}: median {med:.1f} ms over {args.rounds} imports; heavy modules: {heavy[name]}"
        )
    ratio = statistics.median(times["this"]) / statistics.median(times["peer"])
    print(f"this / peer: {ratio:.2f}")


if __name__ == "__main__":
    main()
