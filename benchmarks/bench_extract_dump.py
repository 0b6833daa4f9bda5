"""Extraction CPU per file extension over a dump, in one process.

    .venv/bin/python benchmarks/bench_extract_dump.py /tmp/leakclf-bench/dump-2000

``Pipeline.extract`` on every file (warmed up on the last 20 first), ``time.process_time`` per
file, summed by extension; prints the total, the characters of every readable document, and
the CPU seconds per extension. Run it with another checkout first on ``PYTHONPATH`` to compare.
"""

from __future__ import annotations

import collections
import logging
import sys
import time
from pathlib import Path

from leakclf.config import Config
from leakclf.pipeline import Pipeline

logging.disable(logging.WARNING)
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file())
pipe = Pipeline(Config(key=b"k" * 64))
for p in files[-20:]:
    pipe.extract(p)
cpu: collections.Counter[str] = collections.Counter()
chars = 0
c0 = time.process_time()
for p in files:
    c = time.process_time()
    docs = pipe.extract(p)
    cpu[p.name.split(".", 1)[-1]] += time.process_time() - c
    chars += sum(len(d.text) for d in docs if d.status == "ok" or d.text)
tot = time.process_time() - c0
print(f"total {tot:.2f} chars {chars} " + " ".join(f"{k}={v:.2f}" for k, v in cpu.most_common()))
