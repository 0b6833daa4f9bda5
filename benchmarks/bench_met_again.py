"""Documents met again, off and on in one process: what a scan worker's Pipeline saves by not
extracting, classifying, scoring and signing the same document twice. Rounds alternated.

    .venv/bin/python benchmarks/bench_met_again.py [--dump /tmp/leakclf-bench/dump-2000]
        [--files 2000] [--rounds 3] [--check]

CPU seconds (``time.process_time``) of ``Pipeline.process_many`` over the dump's first
``--files`` files, ``scan.batch_files`` at a time (as a scan worker calls it), each round and
setting with a fresh Pipeline whose models are loaded before the clock starts. "off" extracts
every leaf document afresh (an ``extractors.Reuse`` that keeps nothing) and judges every
document afresh (``Pipeline._judge`` bypassed); "on" is the Pipeline as it is. Detection reuses
a text's detection either way (``SEEN_TEXTS``), as it did before. One process, so the machine's
load weighs on both settings alike; the order alternates from round to round. ``--check``
compares the rows of the last round's two settings, every column but the timings.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from leakclf.config import Config
from leakclf.extractors import Reuse
from leakclf.pipeline import Extractor, Pipeline

KEY = b"t" * 64
TIMINGS = "timings"


def _pipeline(config: Config, on: bool) -> Pipeline:
    pipe = Pipeline(config)
    if not on:  # before the pipeline's extractor is built (on its first file)
        pipe.__dict__["extractor"] = Extractor(config, pipe.scorer, Reuse(documents=0))
        afresh = pipe._judge_afresh
        pipe._judge = lambda doc, key, detection: afresh(doc, detection)  # type: ignore[method-assign]
    pipe.load()
    return pipe


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default="/tmp/leakclf-bench/dump-2000")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--check", action="store_true", help="compare the last round's rows")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    config = Config(key=KEY)
    files = sorted(p for p in Path(args.dump).rglob("*") if p.is_file())[: args.files]
    batch = config.scan.batch_files
    _pipeline(config, True).process_many([(p, None) for p in files[-40:]])  # warm-up
    print(f"{len(files)} files, {batch} per process_many call")
    print("| round | setting | rows | process_many CPU s |")
    print("|---|---|---:|---:|")
    last: dict[str, list[dict[str, Any]]] = {}
    for r in range(1, args.rounds + 1):
        for on in (False, True) if r % 2 else (True, False):
            pipe = _pipeline(config, on)
            c = time.process_time()
            rows = [
                row
                for i in range(0, len(files), batch)
                for rows in pipe.process_many([(p, None) for p in files[i : i + batch]])
                for row in rows
            ]
            cpu = time.process_time() - c
            print(f"| {r} | {'on' if on else 'off'} | {len(rows)} | {cpu:.2f} |", flush=True)
            if args.check and r == args.rounds:
                last["on" if on else "off"] = [
                    {k: v for k, v in row.to_dict().items() if k != TIMINGS} for row in rows
                ]
    if args.check:
        print(f"rows the same with and without: {last['on'] == last['off']}")


if __name__ == "__main__":
    main()
