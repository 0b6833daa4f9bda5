"""Census time on 20,000 result rows versus the scan time of the same rows.

    .venv/bin/python benchmarks/bench_census.py [--rows 20000] [--files 60] [--workers 2]

1. Write a demo dump (``leakclf.demo.generate``) and scan it; the scan's wall time gives a
   measured seconds-per-result-row rate on this machine, in this run.
2. Build ``--rows`` synthetic rows from the scanned ones: each copy gets its own source, bytes
   hash, text hash and entity digests (1 copy in 3 keeps the original digests, so values repeat
   as in a real dump), and a fresh MinHash except every 5th row, which keeps its original
   signature (a near duplicate that LSH must find).
3. Write them to Parquet, then time ``leakclf.census(path)`` (reading included).

It also prints the census of the scanned demo dump next to the generator's ground truth.

Goal (issue 7): census time < 10% of the estimated scan time of the same rows.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import tempfile
import time
from pathlib import Path

import leakclf
from leakclf.demo import generate
from leakclf.model import DocumentResult
from leakclf.scan import write_rows


def synthetic(base: list[DocumentResult], rows: int, seed: int = 1) -> list[DocumentResult]:
    rng = random.Random(seed)
    out = []
    for i in range(rows):
        r = base[i % len(base)]
        copy = i // len(base)
        findings = tuple(
            dataclasses.replace(f, digest=f"{f.digest}-{copy % 3 and copy}") for f in r.findings
        )
        minhash = r.minhash
        if minhash is not None and i % 5:
            minhash = tuple(rng.getrandbits(32) for _ in minhash)
        out.append(
            r.replace(
                source=f"synthetic/{copy}/{r.source}",
                sha256=f"{r.sha256}-{copy}",
                text_sha256=f"{r.text_sha256}-{copy}" if r.text_sha256 else None,
                findings=findings,
                minhash=minhash,
            )
        )
    return out


def accuracy(census: object, truth: dict) -> None:
    """The demo dump's census next to its ground truth (markdown table)."""
    got = census.summary()["entities"]  # type: ignore[attr-defined]
    print("| entity | unique (truth) | unique (census) | mentions (truth) | mentions (census) |")
    print("|---|---|---|---|---|")
    for kind, want in truth["unique"].items():
        mentions = truth["mentions"].get(kind, "-")
        print(f"| {kind} | {want} | {got[kind]['unique']} | {mentions} | {got[kind]['mentions']} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--files", type=int, default=60)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dump = generate(Path(tmp) / "dump", files=args.files, seed=7)
        t0 = time.perf_counter()
        scanned = list(leakclf.scan(dump, workers=args.workers, progress=False))
        scan_s = time.perf_counter() - t0
        per_row = scan_s / len(scanned)
        truth = json.loads((dump.parent / (dump.name + ".truth.json")).read_text(encoding="utf-8"))
        accuracy(leakclf.census(scanned), truth)
        rows = synthetic(scanned, args.rows)
        path = Path(tmp) / "results.parquet"
        write_rows([r.to_dict() for r in rows], path)
        t0 = time.perf_counter()
        census = leakclf.census(path)
        census_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        leakclf.census(rows)
        memory_s = time.perf_counter() - t0
    # Two estimates of the scan time of ``rows`` rows: the wall-clock rate of this scan (worker
    # start-up and model loading included), and the conservative one: only the per-document
    # stage timings the pipeline records, spread over the workers (no start-up at all).
    wall = per_row * args.rows
    stages = sum(sum(r.timings.values()) for r in scanned) / len(scanned) / args.workers
    lean = stages * args.rows
    summary = census.summary()
    print(
        f"scan: {len(scanned)} rows ({args.files} files), {args.workers} workers: {scan_s:.1f}s "
        f"wall = {per_row * 1000:.1f} ms/row; stage timings = {stages * 1000:.1f} ms/row"
    )
    print(
        f"estimated scan of {args.rows:,} rows: {wall:.0f}s (wall rate), {lean:.0f}s (stage rate)"
    )
    print(
        f"census of {args.rows:,} rows from Parquet: {census_s:.1f}s = {census_s / wall:.1%} "
        f"(wall) / {census_s / lean:.1%} (stage) of the scan; from memory: {memory_s:.1f}s "
        f"= {memory_s / lean:.1%} (stage)"
    )
    print(f"documents: {summary['documents']}")
    print({k: (v["mentions"], v["unique"]) for k, v in summary["entities"].items()})


if __name__ == "__main__":
    main()
