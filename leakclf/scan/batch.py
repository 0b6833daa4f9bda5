"""Batches of small files: one worker message, one ``detect_many`` for several files.

``BatchingEngine`` wraps an engine (local or Dask). It groups consecutive small files
(at most ``scan.batch_files`` files and ``scan.batch_bytes`` bytes) into one task whose data
is a ``Bundle``; the worker's pipeline (wrapped by ``Batched``) extracts each file on its own
and analyses all their documents together, so NER reads them in one batch. The rows come back
split per file. A batch that fails as a whole (past the time budget, above the memory budget,
a crashed worker, an internal error) is sent again file by file, so the file that broke it
gets its own error row and its neighbours get theirs; a file alone has the usual budgets.

Extract ahead: while a scan's zygote loads the models (about 1.5 s on one core), the local
engine gives the first tasks to a process that only extracts (``ExtractAhead``: the pipeline's
``extractor_type`` alone, no models, ready in about 0.3 s); what it extracted (``Extracted``)
goes to a worker as the same task, whose pipeline only analyses it (``analyze_extracted``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from leakclf.config import Config
from leakclf.model import DocumentResult
from leakclf.scan.local import Failure, Outcome, Task


@dataclass(frozen=True, slots=True)
class Bundle:
    """The files of one batch: (source name, local path or bytes)."""

    files: tuple[tuple[str, str | bytes], ...]


@dataclass(frozen=True, slots=True)
class Extracted:
    """A task's files as the extract-ahead process left them: per file, its documents (or its
    error row) and the seconds extracting it took (``pipeline.Extraction``)."""

    files: tuple[Any, ...]


class BatchPipeline:
    """A pipeline that also takes a ``Bundle`` (rows of all its files, in file order)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def load(self) -> None:
        """Load the inner pipeline's models now (see ``worker_main``)."""
        load = getattr(self.inner, "load", None)
        if callable(load):
            load()

    def process(self, data: Any, *, name: str | None = None) -> list[DocumentResult]:
        if isinstance(data, Extracted):  # extracted ahead by another process: analyse only
            per_file = self.inner.analyze_extracted(list(data.files))
            return [row for rows in per_file for row in rows]
        if not isinstance(data, Bundle):
            return cast(list[DocumentResult], self.inner.process(data, name=name))
        many = getattr(self.inner, "process_many", None)  # a test double may not batch
        per_file = (
            many([(d, src) for src, d in data.files])
            if many is not None
            else [self.inner.process(d, name=src) for src, d in data.files]
        )
        return [row for rows in per_file for row in rows]


@dataclass(frozen=True)
class Batched:
    """A picklable pipeline factory: ``factory``'s pipeline, able to take a ``Bundle``."""

    factory: Callable[[Config], Any]

    def __call__(self, config: Config) -> BatchPipeline:
        return BatchPipeline(self.factory(config))

    def extract_ahead(self) -> ExtractAhead | None:
        """The factory of a scan's extract-ahead process, when ``factory``'s pipelines name
        the type of their extract stage (``extractor_type``) and so take ``Extracted``."""
        kind = getattr(self.factory, "extractor_type", None)
        return ExtractAhead(kind) if kind is not None else None


class AheadPipeline:
    """What the extract-ahead process runs: ``extractor.extract_many`` on a task's files."""

    def __init__(self, extractor: Any) -> None:
        self.extractor = extractor

    def load(self) -> None:
        """Import the extractors' libraries (see ``local.build``)."""
        load = getattr(self.extractor, "load", None)
        if callable(load):
            load()

    def process(self, data: Any, *, name: str | None = None) -> Extracted:
        files = [(d, src) for src, d in data.files] if isinstance(data, Bundle) else [(data, name)]
        return Extracted(tuple(self.extractor.extract_many(files)))


@dataclass(frozen=True)
class ExtractAhead:
    """A picklable factory of the extract-ahead process's pipeline."""

    extractor: Callable[[Config], Any]  # e.g. ``pipeline.Extractor``

    def __call__(self, config: Config) -> AheadPipeline:
        return AheadPipeline(self.extractor(config))


def _size(task: Task) -> int | None:
    if isinstance(task.data, bytes):
        return len(task.data)
    try:
        return os.stat(task.data).st_size
    except OSError:
        return None  # let the worker say why


class BatchingEngine:
    def __init__(self, inner: Any, config: Config) -> None:
        self.inner = inner
        self.max_files = config.scan.batch_files
        self.max_bytes = config.scan.batch_bytes

    @classmethod
    def wrap(
        cls,
        make: Callable[[Callable[[Config], Any]], Any],
        factory: Callable[[Config], Any],
        config: Config,
    ) -> Any:
        """``make(factory)`` (an engine), batching when ``scan.batch_files`` > 1."""
        if config.scan.batch_files <= 1 or getattr(factory, "__module__", None) == "__main__":
            return make(factory)  # the engine says why a factory in __main__ cannot work
        return cls(make(Batched(factory)), config)

    def start(self) -> None:
        if callable(start := getattr(self.inner, "start", None)):
            start()

    def stop(self) -> None:
        if callable(stop := getattr(self.inner, "stop", None)):
            stop()

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, Outcome]]:
        batches: dict[int, list[Task]] = {}  # batch tid -> its files
        retry: deque[Task] = deque()
        bid = -1  # batch ids are negative: file ids are >= 0

        def feed() -> Iterator[Task]:
            nonlocal bid
            pending: Task | None = None
            source = iter(tasks)
            while True:
                while retry:
                    yield retry.popleft()
                group: list[Task] = []
                size = 0
                while len(group) < self.max_files:
                    task = pending if pending is not None else next(source, None)
                    pending = None
                    if task is None:
                        break
                    n = _size(task)
                    if n is None or n > self.max_bytes or size + n > self.max_bytes:
                        if group:
                            pending = task  # starts the next group
                        else:
                            group.append(task)  # large or unknown: alone
                        break
                    group.append(task)
                    size += n
                if not group:
                    if retry:
                        continue
                    return
                if len(group) == 1:
                    yield group[0]
                    continue
                batches[bid] = group
                bundle = Bundle(tuple((t.source, t.data) for t in group))
                yield Task(
                    bid,
                    f"a batch of {len(group)} files ({group[0].source!r}, ...)",
                    cast(Any, bundle),
                )
                bid -= 1

        while True:
            for task, outcome in self.inner.run(feed()):
                group = batches.pop(task.tid, None)
                if group is None:
                    yield task, outcome
                    continue
                split = None if isinstance(outcome, Failure) else _split(outcome, len(group))
                if split is None:
                    retry.extend(group)  # read again one by one
                    continue
                yield from zip(group, split)
            if not retry:  # a batch that failed after the last file was handed out
                return


def _split(rows: list[DocumentResult], n: int) -> list[Outcome] | None:
    """Rows of a batch back per file: each file's rows start with its top row (no parent)."""
    starts = [i for i, row in enumerate(rows) if row.parent is None]
    if len(starts) != n or (starts and starts[0] != 0):
        return None
    parts = [rows[a:b] for a, b in zip(starts, [*starts[1:], len(rows)])]
    wall = rows[0].timings.get("wall") if rows else None
    if wall is None:
        return list(parts)
    # the engine timed the whole batch: share its wall time by each file's own stage time
    work = [sum(v for r in part for k, v in r.timings.items() if k != "wall") for part in parts]
    total = sum(work) or 1.0
    out: list[Outcome] = []
    for part, w in zip(parts, work):
        top = part[0]
        timings = {k: v for k, v in top.timings.items() if k != "wall"}
        out.append(
            [top.replace(timings={**timings, "wall": round(wall * w / total, 6)}), *part[1:]]
        )
    return out
