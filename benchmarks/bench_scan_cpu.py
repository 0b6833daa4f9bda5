"""CPU of one in-process scan, split into the driver process and its workers.

    .venv/bin/python benchmarks/bench_scan_cpu.py DUMP OUT.parquet WORKERS [CONFIG.toml]

Runs ``leakclf.scan(DUMP, out=OUT, workers=WORKERS)`` in this process and prints wall seconds,
the driver's own CPU (``RUSAGE_SELF``: listing, hashing, journal, writing, the config check)
and the workers' (``RUSAGE_CHILDREN``), and the two stretches where at most one core works:
``head`` (wall seconds until the first file's rows: the config check, listing, the models
loading) and ``tail`` (after the last file's rows: writing OUT). A key file already beside OUT
is kept, so two runs (for example two checkouts on ``PYTHONPATH``) give rows with the same
digests to compare. CONFIG.toml (optional) is read with ``Config.from_toml``, for example to
try other ``[scan] batch_files``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

root, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
for f in [out, out + ".meta.json", out + ".partial.jsonl"]:
    if os.path.exists(f):
        os.unlink(f)
t0 = time.perf_counter()
import leakclf  # timed from before the import
from leakclf.config import Config

imp = resource.getrusage(resource.RUSAGE_SELF)
config = Config.from_toml(sys.argv[4]) if len(sys.argv) > 4 else None
s = leakclf.scan(root, out=out, workers=workers, progress=False, config=config)
first = last = 0.0
for _ in s:  # rows as files finish; the output is written after the last one
    last = time.perf_counter()
    first = first or last
end = time.perf_counter()
me = resource.getrusage(resource.RUSAGE_SELF)
ch = resource.getrusage(resource.RUSAGE_CHILDREN)
print(
    json.dumps(
        {
            "wall": round(end - t0, 2),
            "head": round(first - t0, 2),
            "tail": round(end - last, 2),
            "main_cpu": round(me.ru_utime + me.ru_stime, 2),
            "main_import_cpu": round(imp.ru_utime + imp.ru_stime, 2),
            "workers_cpu": round(ch.ru_utime + ch.ru_stime, 2),
            "counts": s.counts,
        }
    )
)
