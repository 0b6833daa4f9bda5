"""Where a scan's time goes: characters analysed per second of each pipeline stage.

    .venv/bin/python benchmarks/bench_stages.py RESULTS.parquet [--cpu-s 123.4]

Reads a finished scan's results (e.g. the one bench_scan.py writes) and sums the per-document
stage timings the pipeline records (``timings``: extract, detect, classify, score, signature;
seconds of the worker's clock, so they include waiting for a shared core). Characters are the
``text_chars`` of analysed rows (status ok; duplicates are not analysed again). With
``--cpu-s`` (the process tree's CPU seconds that bench_scan.py prints) the rest of the tree's
time is shown as "engine and start-up" (listing, hashing, dispatch, journal, writing, model
loading). NER vs patterns inside "detect" come from bench_detect.py.
"""

from __future__ import annotations

import argparse
from collections import Counter

import pyarrow.parquet as pq

STAGES = ("extract", "detect", "classify", "score", "signature")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--cpu-s", type=float)
    args = ap.parse_args()
    table = pq.read_table(args.results, columns=["status", "text_chars", "ner_chars", "timings"])
    seconds: Counter[str] = Counter()
    chars = ner = 0
    for status, n, nc, timings in zip(*(table[c].to_pylist() for c in table.column_names)):
        for key, value in timings or ():
            if key in STAGES:
                seconds[key] += value
        if status == "ok":
            chars += n or 0
            ner += nc or 0
    total = sum(seconds.values())
    print(f"characters analysed: {chars:,} (NER cap covered {ner:,})")
    print("| stage | seconds | share | chars per stage-second |")
    print("|---|---:|---:|---:|")
    for stage in STAGES:
        s = seconds[stage]
        print(f"| {stage} | {s:.1f} | {s / total:.0%} | {chars / s:,.0f} |" if s else
              f"| {stage} | 0 | | |")
    print(f"| all stages | {total:.1f} | | {chars / total:,.0f} |")
    if args.cpu_s:
        rest = args.cpu_s - total
        print(f"| engine and start-up (tree CPU {args.cpu_s:.1f} s - stages) | {rest:.1f} | | "
              f"{chars / rest:,.0f} |" if rest > 0 else "| engine | (stages exceed CPU) | | |")


if __name__ == "__main__":
    main()
