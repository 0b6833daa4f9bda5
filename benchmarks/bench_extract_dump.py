"""Extraction CPU per file extension over a dump, in one process; optionally, the documents.

    .venv/bin/python benchmarks/bench_extract_dump.py /tmp/leakclf-bench/dump-2000
    PYTHONPATH=<before> .venv/bin/python benchmarks/bench_extract_dump.py DIR... --save before.pkl
    .venv/bin/python benchmarks/bench_extract_dump.py DIR... --same-as before.pkl

``Pipeline.extract`` on every file under the folders (warmed up on the last 20 first),
``time.process_time`` per file, summed by extension; prints the total, the characters of every
readable document, and the CPU seconds per extension. Run it with another checkout first on
``PYTHONPATH`` to compare. ``--save`` pickles every file's documents (``dataclasses.asdict``
of each, or the error a file raised); ``--same-as`` compares this run's with such a pickle
field by field, prints how many files differ, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import logging
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from leakclf.config import Config
from leakclf.errors import LeakclfError
from leakclf.pipeline import Pipeline

logging.disable(logging.WARNING)
ap = argparse.ArgumentParser()
ap.add_argument("dirs", nargs="+")
ap.add_argument("--save")
ap.add_argument("--same-as")
args = ap.parse_args()
files = sorted(p for d in args.dirs for p in Path(d).rglob("*") if p.is_file())
pipe = Pipeline(Config(key=b"k" * 64))
for p in files[-20:]:
    try:
        pipe.extract(p)
    except LeakclfError:
        pass
cpu: collections.Counter[str] = collections.Counter()
docs: dict[str, Any] = {}
chars = 0
c0 = time.process_time()
for p in files:
    c = time.process_time()
    try:
        got = pipe.extract(p)
    except LeakclfError as exc:
        got = []
        docs[str(p)] = ("error", type(exc).__name__, str(exc))
    cpu[p.name.split(".", 1)[-1]] += time.process_time() - c
    chars += sum(len(d.text) for d in got if d.status == "ok" or d.text)
    if got:
        docs[str(p)] = [dataclasses.asdict(d) for d in got]
tot = time.process_time() - c0
print(f"total {tot:.2f} chars {chars} " + " ".join(f"{k}={v:.2f}" for k, v in cpu.most_common()))
if args.save:
    with open(args.save, "wb") as fh:
        pickle.dump(docs, fh)
if args.same_as:
    with open(args.same_as, "rb") as fh:
        before = pickle.load(fh)
    differ = sorted(k for k in docs.keys() | before.keys() if docs.get(k) != before.get(k))
    print(f"{len(docs)} files, {len(differ)} with other documents than {args.same_as}")
    for k in differ[:20]:
        print("  differs:", k)
    sys.exit(1 if differ else 0)
