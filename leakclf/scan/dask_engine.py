"""The Dask engine: the same per-file pipeline on a ``dask.distributed`` cluster.

The driver (listing, hashing, duplicates, resume, writing) is the one the local engine
uses; only the analysis runs on the cluster, in partitions of ``PARTITION`` files, with at
most ``max(2 x workers, scan.queue_size / PARTITION)`` partitions in flight. Memory per
worker is bounded by Dask itself (``memory_limit``; the nanny restarts a worker above it),
see docs/scaling.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

from leakclf.config import Config
from leakclf.errors import ConfigError
from leakclf.scan.local import Failure, Outcome, Task

log = logging.getLogger(__name__)
PARTITION = 16
CONNECT_TIMEOUT_S = 10  # seconds to reach a --scheduler address


@lru_cache(maxsize=4)
def _pipeline(factory: Callable[[Config], Any], config: Config) -> Any:
    """One pipeline per worker process and config: models load once per worker."""
    return factory(config)


def process_partition(factory: Callable[[Config], Any], config: Config,
                      tasks: list[Task]) -> list[tuple[int, Outcome]]:
    pipeline = _pipeline(factory, config)
    out: list[tuple[int, Outcome]] = []
    for task in tasks:
        try:
            out.append((task.tid, pipeline.process(task.data, name=task.source)))
        except Exception as exc:  # noqa: BLE001 - the pipeline must not raise; record it and go on
            out.append((task.tid, Failure("InternalError", f"{type(exc).__name__} while "
                                          f"analysing {task.source!r}")))
    return out


class DaskEngine:
    def __init__(self, config: Config, factory: Callable[[Config], Any], *,
                 scheduler: Any = None, workers: int = 2) -> None:
        self.config, self.factory = config, factory
        self.scheduler, self.workers = scheduler, workers

    def _client(self) -> tuple[Any, Any]:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("engine='dask' needs dask.distributed: pip install 'leakclf[dask]'")
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            return Client(cluster), cluster
        if isinstance(self.scheduler, Client):
            return self.scheduler, None
        try:
            return Client(self.scheduler, timeout=CONNECT_TIMEOUT_S), None
        except (OSError, TimeoutError) as exc:  # unreachable address, refused, timed out
            raise ConfigError(f"cannot reach the Dask scheduler at {str(self.scheduler)!r} "
                              f"({type(exc).__name__}); check --scheduler and that it is "
                              "running") from None

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, Outcome]]:
        from distributed import as_completed

        client, cluster = self._client()
        owned = cluster is not None or client is not self.scheduler
        try:
            by_tid: dict[int, Task] = {}
            n = max(self.workers, len(client.scheduler_info().get("workers", {})), 1)
            window = max(2 * n, self.config.scan.queue_size // PARTITION)  # partitions in flight

            parts: dict[str, list[int]] = {}

            def submit() -> Any:
                part = list(islice(tasks, PARTITION))
                if not part:
                    return None
                by_tid.update((t.tid, t) for t in part)
                fut = client.submit(process_partition, self.factory, self.config, part,
                                    pure=False)
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
                    log.warning("a partition failed on the cluster: %s", type(exc).__name__)
                    done = [(tid, Failure("WorkerCrashed", f"the Dask worker analysing "
                             f"{by_tid[tid].source!r} failed ({type(exc).__name__}); its "
                             "partition gets error rows")) for tid in tids]
                for tid, outcome in done:
                    yield by_tid.pop(tid), outcome
                fut.release()
                nxt = submit()
                if nxt is not None:
                    futures.add(nxt)
        finally:
            if owned:
                client.close()
            if cluster is not None:
                cluster.close()
