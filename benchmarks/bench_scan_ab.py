"""``leakclf scan`` from two checkouts, alternated: wall and CPU seconds of each, same machine.

    .venv/bin/python benchmarks/bench_scan_ab.py DUMP --before <checkout> --after <checkout> \
        [--rounds 3] [--workers 2] [--dir /tmp/leakclf-ab]

Each round runs ``python -m leakclf scan DUMP -o <dir>/<name>-<round>.parquet --workers N
--no-progress`` once with each checkout first on ``PYTHONPATH`` (the order alternates between
rounds), as ``bench_scan.py`` runs it: a subprocess, the printed table included. It prints one
line per run (wall seconds, CPU seconds of the whole process tree from ``RUSAGE_CHILDREN``,
the machine's load average) and the ratio after/before of each round's wall and CPU. The key
file of the first output is copied beside the others, so every run's rows carry the same
digests and can be compared.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path


def run(checkout: str, dump: str, out: Path, workers: int) -> tuple[float, float]:
    for f in (out, Path(f"{out}.meta.json")):
        f.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": checkout}
    cmd = [sys.executable, "-m", "leakclf", "scan", dump, "-o", str(out)]
    cmd += ["--workers", str(workers), "--no-progress"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dir", default="/tmp/leakclf-ab")
    args = ap.parse_args()
    base = Path(args.dir)
    base.mkdir(parents=True, exist_ok=True)
    key = None
    for r in range(1, args.rounds + 1):
        order = [("before", args.before), ("after", args.after)]
        if r % 2 == 0:
            order.reverse()
        got = {}
        for name, checkout in order:
            out = base / f"{name}-{r}.parquet"
            if key is not None:
                shutil.copy(key, f"{out}.key")
            wall, cpu = run(checkout, args.dump, out, args.workers)
            key = key or Path(f"{out}.key")
            got[name] = (wall, cpu)
            load = os.getloadavg()[0]
            print(f"round {r} {name:6} wall {wall:6.2f} s  cpu {cpu:6.2f} s  load {load:.1f}")
        (bw, bc), (aw, ac) = got["before"], got["after"]
        print(f"round {r} after/before: wall {aw / bw:.3f}  cpu {ac / bc:.3f}", flush=True)


if __name__ == "__main__":
    main()
