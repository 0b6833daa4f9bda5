"""What hostile inputs cost a scan: the hostile suite against as many benign files, same run.

    .venv/bin/python benchmarks/bench_hostile.py [--workers 2]

Builds the hostile suite of tests/hostile/builders.py and a benign dump with the same number
of small text files, scans each with the CLI under the suite's limits (NER off), and prints
wall time and peak RSS of the whole process tree for both, and their ratio.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile.builders import build_all
from hostile.conftest import write_config


def measure(args: list[str], cwd: Path) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "leakclf", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            peak = max(peak, sum(p.memory_info().rss for p in [parent, *parent.children(True)]))
        except psutil.Error:
            pass
        time.sleep(0.05)
    if proc.returncode != 0:
        raise SystemExit(f"leakclf {' '.join(args)} exited {proc.returncode}")
    return time.monotonic() - t0, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        cases = build_all(base / "hostile", base / "outside")
        benign = base / "benign"
        benign.mkdir()
        for i in range(len(cases)):
            (benign / f"f{i:03d}.txt").write_text(f"note {i}: call the office about invoice {i}\n")
        config = write_config(base / "leakclf.toml")
        results = {}
        for name in ("benign", "hostile"):
            results[name] = measure(
                [
                    "scan",
                    str(base / name),
                    "-o",
                    str(base / f"{name}.jsonl"),
                    "--workers",
                    str(opts.workers),
                    "--config",
                    str(config),
                    "--no-progress",
                ],
                base,
            )
    (bt, br), (ht, hr) = results["benign"], results["hostile"]
    print(f"files per dump: {len(cases)}  workers: {opts.workers}")
    print(f"benign : {bt:6.1f} s  peak RSS {br / 2**20:6.0f} MiB")
    print(f"hostile: {ht:6.1f} s  peak RSS {hr / 2**20:6.0f} MiB")
    print(f"hostile / benign: time x{ht / bt:.2f}, peak RSS x{hr / br:.2f}")


if __name__ == "__main__":
    main()
