"""Worker start-up: what a scan worker pays before its first result, in fresh processes.

    .venv/bin/python benchmarks/bench_startup.py [--runs 3]

Each run is a new Python that imports leakclf, builds the Pipeline (cheap: nothing loads) and
analyses one short text, which loads what a worker loads once: the spaCy NER model, the NER
gate's word lists, phone metadata, the doc-type model and the policy. Wall and CPU seconds of
each step and the RSS afterwards (the local engine and each Dask sandbox do this once per
worker process).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, resource, time
w, c = time.perf_counter(), time.process_time()
def lap():
    global w, c
    out = (time.perf_counter() - w, time.process_time() - c)
    w, c = time.perf_counter(), time.process_time()
    return out
from leakclf.config import Config
from leakclf.pipeline import Pipeline
imp = lap()
p = Pipeline(Config(key=b"s" * 64))
build = lap()
p.analyze_text("Dear Jane Doe, Contoso Ltd of Leeds paid invoice 42 on 3 May 2024. Call +44 20 7946 0018.")
first = lap()
p.analyze_text("Kind regards, Maria Garcia, Northwind Traders GmbH, Berlin.")
second = lap()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import": imp, "build": build, "first": first, "second": second, "rss_mb": rss}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(
        "| run | import wall / CPU s | Pipeline() | first text (loads models) | second text | "
        "start-up total wall / CPU s | peak RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for i in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        total = [sum(r[k][j] for k in ("import", "build", "first")) for j in (0, 1)]
        cells = " | ".join(
            f"{r[k][0]:.2f} / {r[k][1]:.2f}" for k in ("import", "build", "first", "second")
        )
        print(f"| {i + 1} | {cells} | {total[0]:.2f} / {total[1]:.2f} | {r['rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
