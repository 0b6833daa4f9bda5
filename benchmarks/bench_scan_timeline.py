"""Where a scan's wall time goes: how many worker tasks were in flight, second by second.

    .venv/bin/python benchmarks/bench_scan_timeline.py DUMP OUT.parquet WORKERS [CONFIG.toml]

Runs ``leakclf.scan(DUMP, out=OUT, workers=WORKERS)`` in this process, as
``bench_scan_cpu.py`` does, and watches the engine from the driver: when each task (a batch or
a file) is handed to a worker and when its rows come back. It prints one JSON line: wall
seconds; ``head`` (until the first task was handed out: the config check, listing, the
models loading), ``first_rows``; the seconds with 0, 1, ... tasks in flight between the first
hand-out and the last result; ``end_idle`` (core-seconds of workers idle between the moment the
last task was handed out and the last result: the end-game imbalance); ``tail`` (after the last
result: writing OUT); the idle worker-seconds in total (``WORKERS * wall`` minus busy
worker-seconds); the driver's and the workers' CPU. The busy time is the driver's view (hand-out
to result), so it includes messaging.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from typing import Any

root, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
for f in [out, out + ".meta.json", out + ".partial.jsonl"]:
    if os.path.exists(f):
        os.unlink(f)
t0 = time.perf_counter()
import leakclf  # timed from before the import
from leakclf.config import Config
from leakclf.scan import core

events: list[tuple[float, int, Any]] = []  # (time, +1 handed out / -1 came back, tid)


class Watched:
    """An engine whose ``run`` records each hand-out and each result."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def start(self) -> None:
        self.inner.start()

    def stop(self) -> None:
        self.inner.stop()

    def run(self, tasks: Iterator[Any]) -> Iterator[Any]:
        seen: set[int] = set()

        def fed() -> Iterator[Any]:
            for task in tasks:
                events.append((time.perf_counter(), +1, task.tid))
                yield task

        inner_run = self.inner.run
        # BatchingEngine: watch its inner engine, which sees the batches as they are sent
        if hasattr(self.inner, "inner"):
            engine = self.inner.inner
            real = engine.run

            def watched(ts: Iterator[Any]) -> Iterator[Any]:
                def fed2() -> Iterator[Any]:
                    for task in ts:
                        events.append((time.perf_counter(), +1, task.tid))
                        yield task

                for task, outcome in real(fed2()):
                    events.append((time.perf_counter(), -1, task.tid))
                    yield task, outcome

            engine.run = watched
            yield from inner_run(tasks)
            return
        for task, outcome in inner_run(fed()):
            if task.tid not in seen:
                seen.add(task.tid)
                events.append((time.perf_counter(), -1, task.tid))
            yield task, outcome


real_engine = core.Scan._engine
core.Scan._engine = lambda self, config, factory: Watched(real_engine(self, config, factory))

config = Config.from_toml(sys.argv[4]) if len(sys.argv) > 4 else None
s = leakclf.scan(root, out=out, workers=workers, progress=False, config=config)
first = last = 0.0
for _ in s:
    last = time.perf_counter()
    first = first or last
end = time.perf_counter()
me = resource.getrusage(resource.RUSAGE_SELF)
ch = resource.getrusage(resource.RUSAGE_CHILDREN)

events.sort(key=lambda e: e[0])
in_flight: dict[int, float] = {}
at = {}  # seconds with n tasks in flight
busy = 0.0
prev, n = events[0][0], 0
last_out = max(t for t, d, _ in events if d > 0)
end_idle = 0.0
for t, d, _ in events:
    at[n] = at.get(n, 0.0) + t - prev
    busy += n * (t - prev)
    if prev >= last_out:
        end_idle += (workers - n) * (t - prev)
    prev = t
    n += d
result_end = events[-1][0]
print(
    json.dumps(
        {
            "wall": round(end - t0, 2),
            "head": round(events[0][0] - t0, 2),
            "first_rows": round(first - t0, 2),
            "in_flight_s": {k: round(v, 2) for k, v in sorted(at.items())},
            "tasks": sum(1 for _, d, _ in events if d > 0),
            "last_handout_to_end": round(result_end - last_out, 2),
            "end_idle": round(end_idle, 2),
            "tail": round(end - result_end, 2),
            "idle_worker_s": round(workers * (end - t0) - busy, 2),
            "main_cpu": round(me.ru_utime + me.ru_stime, 2),
            "workers_cpu": round(ch.ru_utime + ch.ru_stime, 2),
            "counts": s.counts,
        }
    )
)
