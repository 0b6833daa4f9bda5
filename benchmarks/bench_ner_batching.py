"""Does batching NER across files pay? ``detect_many`` over many files' texts vs one call per file.

    .venv/bin/python benchmarks/bench_ner_batching.py per-file batched per-file batched

Needs the bench_scan dump (``benchmarks/bench_scan.py --files 2000`` creates it). Texts of 400
files are extracted first; each mode then runs on a fresh ``DetectorSet`` warmed on 40 other
files (so the NER cache does not carry over), timed in CPU seconds of this process.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from leakclf.config import Config
from leakclf.detectors import DetectorSet
from leakclf.pipeline import Pipeline

KEY = b"k" * 64


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("modes", nargs="+", choices=("per-file", "batched"))
    ap.add_argument("--dump", default="/tmp/leakclf-bench/dump-2000")
    ap.add_argument("--files", type=int, default=400)
    args = ap.parse_args()
    files = sorted(p for p in Path(args.dump).rglob("*") if p.is_file())
    pipe = Pipeline(Config(key=KEY))

    def texts(paths: list[Path]) -> list[list[str]]:
        return [[d.text for d in pipe.extract(p) if d.text] for p in paths]

    warm, per_file = texts(files[-40:]), texts(files[: args.files])
    chars = sum(len(t) for f in per_file for t in f)
    for mode in args.modes:
        det = DetectorSet(Config(key=KEY))
        det.detect_many([t for f in warm for t in f])
        t0 = time.process_time()
        if mode == "per-file":
            for f in per_file:
                det.detect_many(f)
        else:
            det.detect_many([t for f in per_file for t in f])
        cpu = time.process_time() - t0
        print(
            f"{mode:9} files={len(per_file)} chars={chars} cpu_s={cpu:.2f} "
            f"chars/cpu_s={chars / cpu:,.0f}"
        )


if __name__ == "__main__":
    main()
