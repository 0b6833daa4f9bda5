"""Worker start-up: what a scan worker pays before its first result, in fresh processes.

    .venv/bin/python benchmarks/bench_startup.py [--runs 3]

Each run is a new Python that imports leakclf, builds the Pipeline (cheap: nothing loads) and
analyses one short text, which loads what a worker loads once: the spaCy NER model, the NER
gate's word lists, phone metadata, the doc-type model and the policy. Wall and CPU seconds of
each step and the RSS afterwards (the local engine and each Dask sandbox do this once per
worker process).

    .venv/bin/python benchmarks/bench_startup.py --workers 2 [--runs 3]

The scan's way (``leakclf.scan.zygote``) against one fresh process per worker, alternated in one
run: wall seconds until ``--workers`` workers are ready to take files, and the CPU seconds of
every process involved (``RUSAGE_CHILDREN`` once they have exited). "spawned" starts each worker
as its own Python that loads the pipeline; "forked" starts one zygote that loads it and forks
the workers.

    .venv/bin/python benchmarks/bench_startup.py --load [--runs 3] [--against <checkout>]

What a scan's zygote (and each Dask sandbox worker) does: ``Pipeline.load()`` in a fresh Python,
CPU seconds of each part (``time.process_time``): the extractors' libraries, the NER model
(importing spaCy included), the doc-type model, the rest of ``load()`` (its first text: the
patterns, the gate's word lists, the policy), and whether ``presidio_analyzer`` got imported;
then, in another fresh Python, ``load()`` in one call as a scan makes it (which imports spaCy
without ``spacy.cli``) and whether ``spacy.cli`` got imported.
``--against`` alternates each run with one whose ``PYTHONPATH`` is another checkout. The
children run from the temporary folder with ``PYTHONPATH`` set to their checkout, so a run
started from a repository root (which ``python -c`` would put first on ``sys.path``) still
compares the two checkouts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]  # this checkout

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

LOAD = r"""
import json, sys, time
c = time.process_time()
laps = {}
def lap(name):
    global c
    now = time.process_time()
    laps[name], c = now - c, now
from leakclf.config import Config
from leakclf.pipeline import Pipeline
lap("import")
p = Pipeline(Config(key=b"s" * 64))
lap("build")
from leakclf.extractors import warm
warm()
lap("libraries")
p.detectors.ner.nlp
lap("ner")
p.classifier.model
lap("doctypes")
p.load()
lap("rest")
laps["presidio"] = "presidio_analyzer" in sys.modules
print(json.dumps(laps))
"""
LOAD_PARTS = ("libraries", "ner", "doctypes", "rest")
# ``Pipeline.load()`` in one call, as a scan's zygote (or a Dask sandbox worker) calls it
WHOLE = r"""
import json, sys, time
from leakclf.config import Config
from leakclf.pipeline import Pipeline
p = Pipeline(Config(key=b"s" * 64))
c = time.process_time()
p.load()
print(json.dumps({"load": time.process_time() - c, "cli": "spacy.cli" in sys.modules}))
"""


def load_parts(runs: int, against: str | None) -> None:
    """``Pipeline.load()`` part by part in fresh Pythons (this code, alternating with
    ``against``)."""
    print(
        "| run | code | import | Pipeline() | extractors' libraries | NER model (spaCy import "
        "included) | doc-type model | rest of load() | load() CPU s | presidio_analyzer "
        "| load() in one call CPU s | spacy.cli |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|")
    ways: list[tuple[str, dict[str, str]]] = [("this", {**os.environ, "PYTHONPATH": str(ROOT)})]
    if against:
        ways.insert(0, (against, {**os.environ, "PYTHONPATH": against}))
    away = tempfile.gettempdir()  # not a checkout: ``-c`` puts the working folder first
    for i in range(runs):
        for label, env in ways:
            out = subprocess.run(
                [sys.executable, "-c", LOAD],
                capture_output=True, text=True, check=True, env=env, cwd=away,
            )  # fmt: skip
            r = json.loads(out.stdout.strip().splitlines()[-1])
            cells = " | ".join(f"{r[k]:.3f}" for k in ("import", "build", *LOAD_PARTS))
            total = sum(r[k] for k in LOAD_PARTS)
            imported = "imported" if r["presidio"] else "not imported"
            out = subprocess.run(
                [sys.executable, "-c", WHOLE],
                capture_output=True, text=True, check=True, env=env, cwd=away,
            )  # fmt: skip
            w = json.loads(out.stdout.strip().splitlines()[-1])
            cli = "imported" if w["cli"] else "not imported"
            print(
                f"| {i + 1} | {label} | {cells} | {total:.3f} | {imported} | {w['load']:.3f} "
                f"| {cli} |",
                flush=True,
            )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _ready(conn: Any) -> None:
    msg = conn.recv()
    if msg[0] != "ready":
        raise SystemExit(f"a worker failed: {msg}")


def engine_startup(workers: int, forked: bool) -> tuple[float, float]:
    """(wall s until every worker is ready, CPU s of all the processes) for one way."""
    from leakclf.config import Config
    from leakclf.pipeline import Pipeline
    from leakclf.scan.spawn import Worker
    from leakclf.scan.zygote import Zygote

    payload = (Pipeline, Config(key=b"s" * 64))
    cpu0, t0 = _children_cpu(), time.perf_counter()
    zygote = None
    if forked:
        zygote = Zygote(payload)
        _ready(zygote.conn)
        procs: list[Any] = [zygote.fork() for _ in range(workers)]
    else:
        procs = [Worker(payload) for _ in range(workers)]
    for proc in procs:
        _ready(proc.conn)
    wall = time.perf_counter() - t0
    for proc in procs:
        proc.conn.send(None)
        proc.join(10)
        proc.kill()
    if zygote is not None:
        zygote.close()
    return wall, _children_cpu() - cpu0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=0, help="compare spawned and forked workers")
    ap.add_argument("--load", action="store_true", help="Pipeline.load() part by part")
    ap.add_argument("--against", help="with --load: alternate with this checkout on PYTHONPATH")
    args = ap.parse_args()
    if args.load:
        load_parts(args.runs, args.against)
        return
    if args.workers:
        print(f"| run | way | wall s until {args.workers} workers are ready | CPU s |")
        print("|---|---|---:|---:|")
        for i in range(args.runs):
            for forked in (False, True):
                wall, cpu = engine_startup(args.workers, forked)
                way = "forked from a zygote" if forked else "spawned"
                print(f"| {i + 1} | {way} | {wall:.2f} | {cpu:.2f} |", flush=True)
        return
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
