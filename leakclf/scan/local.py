"""The local engine: worker processes, each building its pipeline once, with per-file budgets.

The parent hands one file at a time to an idle worker (so at most ``workers`` files are
in flight, one more while the models load: see ``batch.ExtractAhead``) and watches each busy
worker: past ``limits.time_budget_s`` or above
``limits.memory_budget_mb`` RSS it is killed and replaced, and its file gets an error row.
Every file's top row records ``timings["wall"]``: the seconds from hand-over to result (or
to the kill), as the parent's clock saw them. Workers are started by ``spawn.Worker``, which
never re-imports the caller's ``__main__``.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, cast

import psutil

from leakclf.config import Config
from leakclf.errors import ConfigError, LeakclfError
from leakclf.model import DocumentResult
from leakclf.scan.spawn import Worker
from leakclf.scan.zygote import Forked, Zygote

log = logging.getLogger(__name__)
POLL_S = 0.2
START_S = 60.0  # a worker must be ready (Python started, pipeline built) within this
#: The cyclic collector's first threshold in a worker (Python's is 700 allocations): a batch
#: makes hundreds of thousands of short-lived objects, nearly all freed by reference counting,
#: and at 700 the collector walked the survivors about 350 times per worker on the bench dump
#: (0.16 CPU s; 0.08 at 20,000)
GC_THRESHOLD = 20_000


@dataclass(frozen=True, slots=True)
class Task:
    tid: int
    source: str  # virtual name
    data: str | bytes  # local path, or the file's bytes (fsspec sources)
    spent: float = 0.0  # wall seconds of its time budget already used (extracted ahead)


@dataclass(frozen=True, slots=True)
class Failure:
    """A file the engine could not analyse: the worker hung, blew its memory or died."""

    kind: str  # Timeout | MemoryLimit | WorkerCrashed | InternalError
    message: str
    elapsed_s: float = 0.0  # wall time the file had before the failure was seen


Outcome = list[DocumentResult] | Failure


def build(conn: Connection, factory: Callable[[Config], Any], config: Config) -> Any:
    """The pipeline with its models loaded, or None after telling the parent why not."""
    try:
        pipeline = factory(config)
        load = getattr(pipeline, "load", None)  # models load before the first file's budget
        if callable(load):
            load()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the scan
        conn.send(("fatal", f"{type(exc).__name__}: {exc}"))
        return None
    return pipeline


def settle() -> None:
    """After the pipeline loaded: the models are never walked again by the garbage collector
    (``gc.freeze``; in a zygote, by its children neither), and it runs less often."""
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, middle, oldest)


def worker_main(conn: Connection, factory: Callable[[Config], Any], config: Config) -> None:
    """The loop of one worker process started on its own (``spawn.Worker``)."""
    pipeline = build(conn, factory, config)
    if pipeline is not None:
        settle()
        serve(conn, pipeline)


def serve(conn: Connection, pipeline: Any) -> None:
    """Report ready, then analyse tasks until the parent says stop (a worker's whole life)."""
    # The time budget starts now, not while Python starts up. CLOCK_MONOTONIC is one clock for
    # every process, so the parent can use this instant even if it reads the message late.
    conn.send(("ready", time.monotonic()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            outcome: Outcome = pipeline.process(task.data, name=task.source)
        except Exception as exc:  # noqa: BLE001 - the pipeline must not raise; record it and go on
            outcome = Failure(
                "InternalError",
                f"{type(exc).__name__} while analysing "
                f"{task.source!r}; please report it with -vv output",
            )
        try:
            conn.send(("done", task.tid, outcome))
        except OSError:  # the parent is gone (killed): nobody to tell, stop without a traceback
            return


def _cpu(slot: _Slot) -> float:
    try:
        times = slot.ps.cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


def _not_built(why: str) -> LeakclfError:
    return LeakclfError(f"a scan worker could not build its pipeline: {why}")


def _exited_early(code: int | None) -> LeakclfError:
    return LeakclfError(
        f"a scan worker exited (code {code}) before it was ready: leakclf or the pipeline "
        "factory could not be imported in a fresh Python; see the error above"
    )


def _too_slow() -> LeakclfError:
    return LeakclfError(
        f"a scan worker did not start within {START_S:g}s (a stuck import or an overloaded "
        "machine); rerun with --resume when it is fixed"
    )


class _Slot:
    def __init__(self, proc: Worker | Forked) -> None:
        self.proc = proc
        self.conn = self.proc.conn
        self.ps = psutil.Process(self.proc.pid)
        self.task: Task | None = None
        self.started = time.monotonic()
        self.ready = False

    def kill(self) -> None:
        self.proc.kill()


class LocalEngine:
    """``workers`` processes; with ``zygote`` (the default) they are forked from one process
    that has loaded the pipeline, else each loads its own (one worker gains nothing from a
    zygote but a quicker replacement, and costs one idle process more).

    With ``ahead`` (the default) a worker that finishes gets its next task before ``run``
    yields the finished one, so it does not wait while the caller records those rows; a caller
    that queues the next task only after each result (a Dask sandbox) sets it False.

    With a zygote and ``extract`` (the defaults), a factory with ``extract_ahead``
    (``batch.Batched``) also gets a process that extracts the first tasks while the zygote
    loads; a task it extracted goes to the first free worker, with the seconds its extraction
    took counted in the task's time budget. A task that fails there (time, memory, a crash)
    has that failure as its outcome, as in a worker, and the process is not replaced."""

    def __init__(
        self,
        config: Config,
        workers: int,
        factory: Callable[[Config], Any],
        *,
        zygote: bool = True,
        ahead: bool = True,
        extract: bool = True,
    ) -> None:
        if getattr(factory, "__module__", None) == "__main__":
            raise ConfigError(
                f"pipeline_factory {getattr(factory, '__qualname__', factory)!r} is defined in "
                "__main__, which scan workers never import; define it in a module and import it"
            )
        self.config = config
        self.workers = max(1, workers)
        self.factory = factory
        self.zygote = zygote
        self.ahead = ahead
        self.extract = extract
        self._early: Zygote | None = None  # started by ``start``, taken over by ``run``
        self._ahead: Worker | None = None  # the extract-ahead process, the same way

    def start(self) -> None:
        """Start loading the pipeline now, before ``run``: the driver prepares its outputs
        meanwhile. ``stop`` ends it if ``run`` never comes."""
        if self.zygote and self._early is None:
            self._early = Zygote((self.factory, self.config))
            self._ahead = self._extract_ahead()

    def stop(self) -> None:
        early, self._early = self._early, None
        ahead, self._ahead = self._ahead, None
        if early is not None:
            early.proc.kill()
        if ahead is not None:
            ahead.kill()

    def _extract_ahead(self) -> Worker | None:
        """A process that extracts the first tasks while the zygote loads the models, when
        the factory's pipelines can analyse files extracted elsewhere (``Batched``)."""
        ahead = getattr(self.factory, "extract_ahead", None)
        factory = ahead() if self.extract and callable(ahead) else None
        return Worker((factory, self.config)) if factory is not None else None

    def _check(self, slot: _Slot, now: float) -> Failure | None:
        limits = self.config.limits
        if not slot.ready and now - slot.started > START_S:
            raise _too_slow()
        if slot.ready and now - slot.started > limits.time_budget_s:
            return Failure(
                "Timeout",
                f"{slot.task.source!r} took longer than "  # type: ignore[union-attr]
                f"limits.time_budget_s={limits.time_budget_s:g}s; worker replaced",
                now - slot.started,
            )
        try:
            rss = slot.ps.memory_info().rss
        except psutil.Error:
            return None
        if rss > limits.memory_budget_mb * 1024 * 1024:
            return Failure(
                "MemoryLimit",
                f"{slot.task.source!r} made the worker exceed "  # type: ignore[union-attr]
                f"limits.memory_budget_mb={limits.memory_budget_mb}; worker replaced",
                now - slot.started,
            )
        return None

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, Outcome]]:
        zygote: Zygote | None = None
        ahead: Worker | None = None
        if self.zygote:
            zygote = self._early or Zygote((self.factory, self.config))
            ahead = self._ahead if self._early is not None else self._extract_ahead()
            self._early = self._ahead = None
        ready = zygote is None
        slots: list[_Slot] = []
        early = _Slot(ahead) if zygote is not None and ahead is not None else None
        retired: list[_Slot] = []  # the extract-ahead process once the workers run
        extracted: deque[Task] = deque()  # tasks it extracted, for the next free workers
        ahead_done = 0
        more = True

        def fresh() -> Task | None:
            nonlocal more
            task = next(tasks, None) if more else None
            more = task is not None
            return task

        def give(slot: _Slot, task: Task) -> None:
            slot.task = task
            if slot.ready:
                slot.started = time.monotonic() - task.spent
            slot.conn.send(task)

        def hand_out() -> None:
            for slot in slots:
                if slot.task is None:
                    task = extracted.popleft() if extracted else fresh()
                    if task is None:
                        break
                    give(slot, task)
            if not ready and early is not None and early.task is None:
                task = fresh()
                if task is not None:
                    give(early, task)

        try:
            if ready:
                slots.extend(_Slot(self._worker(None)) for _ in range(self.workers))
            while True:
                hand_out()
                busy = [s for s in slots if s.task is not None]
                if early is not None and early.task is not None:
                    busy.append(early)
                if ready and not busy:
                    return
                loading = [zygote.conn] if zygote is not None and not ready else []
                wait([s.conn for s in busy] + loading, timeout=POLL_S)  # a dead worker reads EOF
                if zygote is not None and not ready and self._loaded(zygote):
                    ready = True
                    slots.extend(_Slot(self._worker(zygote)) for _ in range(self.workers))
                now = time.monotonic()
                finished: list[tuple[Task, Outcome]] = []
                if early is not None and early.task is not None:
                    task, got = early.task, self._poll(early, now)
                    if isinstance(got, Failure):
                        finished.append((task, self._failed(early, got)))
                        early.task = None
                        if got.kind != "InternalError":
                            early = None  # killed; the workers take everything from here
                    elif got is not None:
                        early.task = None
                        spent = now - early.started
                        extracted.append(Task(task.tid, task.source, cast(Any, got), spent))
                        ahead_done += 1
                if ready and early is not None and early.task is None:
                    log.debug(
                        "%d tasks extracted while the models loaded, in %.2f CPU s",
                        ahead_done,
                        _cpu(early),
                    )
                    try:  # done: it exits now (its memory with it), reaped at the end
                        early.conn.send(None)
                    except OSError:
                        pass
                    retired.append(early)
                    early = None
                for i, slot in enumerate(slots):
                    if slot.task is None:
                        continue
                    task, outcome = slot.task, self._poll(slot, now)
                    if outcome is None:
                        continue
                    if not isinstance(outcome, Failure) and outcome:
                        top = outcome[0]
                        outcome = [
                            top.replace(
                                timings={**top.timings, "wall": round(now - slot.started, 6)}
                            ),
                            *outcome[1:],
                        ]
                    if isinstance(outcome, Failure) and outcome.kind != "InternalError":
                        self._failed(slot, outcome)
                        slots[i] = _Slot(self._worker(zygote))
                    else:
                        slot.task = None
                    finished.append((task, outcome))
                # Idle workers get their next task before the caller records these rows (a
                # batch's 24 files: the worker would wait for that), unless one failed: the
                # caller may want to send its files again, and should not find the tasks ended
                if self.ahead and not any(isinstance(o, Failure) for _, o in finished):
                    hand_out()
                yield from finished
        except BaseException:  # Ctrl-C or an error: no file is finishing for anyone, stop now
            for slot in [*slots, *retired, *([early] if early is not None else [])]:
                slot.kill()
            if zygote is not None and not ready:
                zygote.proc.kill()  # still loading: it would not hear a request to stop
            raise
        finally:
            ending = [*slots, *retired, *([early] if early is not None else [])]
            for slot in ending:
                try:
                    slot.conn.send(None)
                except OSError:
                    pass
            deadline = time.monotonic() + 5
            for slot in ending:
                slot.proc.join(max(0.0, deadline - time.monotonic()))
                slot.kill()
            if zygote is not None:
                zygote.close()

    def _failed(self, slot: _Slot, failure: Failure) -> Failure:
        """A task's failure: the process is killed unless the pipeline itself raised."""
        if failure.kind != "InternalError":
            log.warning("%s: %s", failure.kind, failure.message)
            slot.kill()
        return failure

    def _loaded(self, zygote: Zygote) -> bool:
        """Whether the zygote has loaded the pipeline (it says so once); raises if it cannot."""
        try:
            msg: Any = None
            if zygote.conn.poll():
                try:
                    msg = zygote.conn.recv()
                except (EOFError, OSError):
                    zygote.proc.join(5)  # it exited: say with which code
            if msg is not None and msg[0] == "ready":
                return True
            if msg is not None and msg[0] == "fatal":
                raise _not_built(msg[1])
            if not zygote.proc.is_alive():
                raise _exited_early(zygote.proc.exitcode)
            if time.monotonic() - zygote.started > START_S:
                raise _too_slow()
        except BaseException:
            zygote.proc.kill()
            raise
        return False

    def _worker(self, zygote: Zygote | None) -> Forked | Worker:
        """A worker forked from the zygote; a worker of its own without one or if it is gone."""
        if zygote is None:
            return Worker((self.factory, self.config))
        try:
            return zygote.fork()
        except (EOFError, OSError) as exc:
            log.warning("the scan's zygote process is gone (%s); starting a fresh worker", exc)
            return Worker((self.factory, self.config))

    def _poll(self, slot: _Slot, now: float) -> Outcome | None:
        assert slot.task is not None
        closed = False
        try:
            while slot.conn.poll():
                msg = slot.conn.recv()
                if msg[0] == "fatal":
                    raise _not_built(msg[1])
                if msg[0] == "ready":
                    slot.ready, slot.started = True, min(msg[1], now) - slot.task.spent
                    continue
                return msg[2]
        except (EOFError, OSError):
            closed = True
        # A worker holds its end of the socket until it exits (nothing it starts inherits it),
        # so while the socket is open it runs: only then ask whether it is alive, which for a
        # forked worker is a round trip to the zygote, on every wake-up of this loop
        if closed and not slot.proc.is_alive():
            if not slot.ready:
                raise _exited_early(slot.proc.exitcode)
            return Failure(
                "WorkerCrashed",
                f"the worker died (exit code {slot.proc.exitcode}) "
                f"while analysing {slot.task.source!r}; worker replaced",
                now - slot.started,
            )
        return self._check(slot, now)
