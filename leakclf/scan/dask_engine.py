"""The Dask engine: the same per-file pipeline on a ``dask.distributed`` cluster.

The driver (listing, hashing, duplicates, resume, writing) is the one the local engine
uses; only the analysis runs on the cluster, in partitions of ``PARTITION`` files, with at
most ``max(2 x workers, scan.queue_size / PARTITION)`` partitions in flight.

On each Dask worker (per worker thread) a ``Sandbox`` keeps one local-engine worker process
(no zygote) alive across partitions: the pipeline and its models load once, and every file gets the
local engine's per-file budgets (``limits.time_budget_s``, ``limits.memory_budget_mb``: the
process is killed and replaced, the file gets a ``Timeout`` / ``MemoryLimit`` row, its
neighbours their own rows). A partition whose Dask worker dies anyway (the nanny's
``memory_limit``) is retried file by file, so only the file that kills a worker gets an
error row. See docs/scaling.md.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

from leakclf.config import Config
from leakclf.errors import ConfigError
from leakclf.scan.local import Failure, LocalEngine, Outcome, Task

log = logging.getLogger(__name__)
PARTITION = 16
CONNECT_TIMEOUT_S = 10  # seconds to reach a --scheduler address


class Sandbox:
    """One local-engine worker process kept across partitions (per Dask worker thread)."""

    def __init__(self, factory: Callable[[Config], Any], config: Config) -> None:
        self._next: deque[Task] = deque()
        # the engine asks for a task only when its one slot is idle and it has yielded the last
        # result (not ``ahead``): exactly after ``process`` queued one, so the queue is never
        # read empty. No zygote: it would only keep a second copy of the loaded pipeline beside
        # the one worker, to replace it a little faster.
        engine = LocalEngine(config, 1, factory, zygote=False, ahead=False)
        self._results = engine.run(iter(self._next.popleft, None))

    def process(self, task: Task) -> Outcome:
        self._next.append(task)
        _, outcome = next(self._results)
        return outcome


@lru_cache(maxsize=16)
def _sandbox(factory: Callable[[Config], Any], config: Config, thread: int) -> Sandbox:
    """One sandbox per worker process, thread and config: models load once per worker."""
    return Sandbox(factory, config)


def process_partition(
    factory: Callable[[Config], Any], config: Config, tasks: list[Task]
) -> list[tuple[int, Outcome]]:
    sandbox = _sandbox(factory, config, threading.get_ident())
    return [(task.tid, sandbox.process(task)) for task in tasks]


class DaskEngine:
    def __init__(
        self,
        config: Config,
        factory: Callable[[Config], Any],
        *,
        scheduler: Any = None,
        workers: int = 2,
    ) -> None:
        LocalEngine(config, 1, factory)  # the same checks as the sandboxes will make, now
        self.config, self.factory = config, factory
        self.scheduler, self.workers = scheduler, workers

    def _client(self) -> tuple[Any, Any]:
        try:
            from distributed import Client, LocalCluster  # load time: distributed only when used
        except ImportError:
            raise ConfigError("engine='dask' needs dask.distributed: pip install 'leakclf[dask]'")
        if self.scheduler is None:
            # Thread workers: each one's Sandbox is already its own process, started by a
            # bootstrap that never imports __main__, so a script without a main guard works.
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=False,
                dashboard_address=None,
            )
            return Client(cluster), cluster
        if isinstance(self.scheduler, Client):
            return self.scheduler, None
        try:
            return Client(self.scheduler, timeout=CONNECT_TIMEOUT_S), None
        except (OSError, TimeoutError) as exc:  # unreachable address, refused, timed out
            raise ConfigError(
                f"cannot reach the Dask scheduler at {str(self.scheduler)!r} "
                f"({type(exc).__name__}); check --scheduler and that it is "
                "running"
            ) from None

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, Outcome]]:
        from distributed import as_completed  # load time: distributed only when used

        client, cluster = self._client()
        owned = cluster is not None or client is not self.scheduler
        try:
            by_tid: dict[int, Task] = {}
            n = max(self.workers, len(client.scheduler_info().get("workers", {})), 1)
            window = max(2 * n, self.config.scan.queue_size // PARTITION)  # partitions in flight

            parts: dict[str, list[int]] = {}
            retry: deque[Task] = deque()  # files of a failed partition, to run one by one

            def submit() -> Any:
                part = [retry.popleft()] if retry else list(islice(tasks, PARTITION))
                if not part:
                    return None
                by_tid.update((t.tid, t) for t in part)
                fut = client.submit(process_partition, self.factory, self.config, part, pure=False)
                parts[fut.key] = [t.tid for t in part]
                return fut

            futures = as_completed()
            for _ in range(window):
                fut = submit()
                if fut is None:
                    break
                futures.add(fut)
            for fut in futures:
                tids = parts.pop(fut.key)
                try:
                    done: list[tuple[int, Outcome]] = fut.result()
                except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: the nanny hit memory_limit
                    log.warning(
                        "a partition of %d files failed on the cluster: %s",
                        len(tids),
                        type(exc).__name__,
                    )
                    if len(tids) > 1:  # retry alone: only the file that kills a worker fails
                        retry.extend(by_tid.pop(tid) for tid in tids)
                        done = []
                    else:
                        done = [
                            (
                                tids[0],
                                Failure(
                                    "WorkerCrashed",
                                    f"the Dask worker analysing "
                                    f"{by_tid[tids[0]].source!r} failed ({type(exc).__name__}), "
                                    "also when retried alone",
                                ),
                            )
                        ]
                for tid, outcome in done:
                    yield by_tid.pop(tid), outcome
                fut.release()
                for _ in range(1 + (len(tids) - 1) * (not done)):  # refill the window
                    nxt = submit()
                    if nxt is None:
                        break
                    futures.add(nxt)
        finally:
            if owned:
                client.close()
            if cluster is not None:
                cluster.close()
