"""The scan driver: list, skip what a resumed run finished, hash, reuse duplicates, dispatch, record.

It is engine-agnostic: an engine takes ``Task``s and yields ``(task, outcome)`` as files finish.
"""

from __future__ import annotations

import logging
from collections import OrderedDict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from leakclf.config import Config
from leakclf.model import DocumentResult
from leakclf.rows import from_row
from leakclf.scan.copies import rank
from leakclf.scan.journal import Done, Journal, key_of
from leakclf.scan.local import Failure, Outcome, Task
from leakclf.scan.progress import Progress
from leakclf.scan.sources import Entry, sha256_local
from leakclf.scan.spool import Spool
from leakclf.scoring import Scorer
from leakclf.scoring.unread import mark_unread

log = logging.getLogger(__name__)

#: Originals whose results are kept for their copies (they follow them closely: the copies of a
#: file are found together and wait for it).
ORIGINALS = 64


@dataclass
class Plan:
    """Everything a run needs, prepared by ``Scan``."""

    config: Config
    entries: list[Entry]
    journal: Journal
    done: Done
    engine: Any
    progress: Progress
    fs: Any = None  # fsspec filesystem for URL roots, None for local
    counts: dict[str, int] = field(default_factory=dict)
    spool: Spool | None = None  # the journaled rows as Arrow too (see ``spool``)


class Runner:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.ready: deque[tuple[str, Entry, str]] = deque()  # (kind, entry, sha or message)
        self.inflight: dict[str, Entry] = {}  # sha256 -> entry being analysed
        self.parked: dict[str, list[Entry]] = {}  # sha256 -> duplicates waiting for it
        self.by_tid: dict[int, tuple[Entry, str]] = {}
        self.scorer = Scorer(plan.config)  # unread rows the pipeline never saw score here
        # sha256 -> (results, journal rows) of the originals that have copies waiting: their
        # duplicates are derived from them, not read back from the journal and converted
        self.originals: OrderedDict[str, tuple[list[DocumentResult], list[dict[str, Any]]]] = (
            OrderedDict()
        )

    def run(self) -> Iterator[DocumentResult]:
        for task, outcome in self.plan.engine.run(self._tasks()):
            yield from self._drain()
            entry, sha = self.by_tid.pop(task.tid)
            yield from self._record(entry, sha, outcome)
            self.inflight.pop(sha, None)
            for dup in self.parked.pop(sha, []):
                self.ready.append(("dup", dup, sha))
            yield from self._drain()
        yield from self._drain()

    # -- producing tasks ----------------------------------------------------

    def _tasks(self) -> Iterator[Task]:
        """Tasks in listing order, except that files of one size are hashed together when the
        first of them comes up, so the canonical copy (``copies.rank``: shortest path, then
        lexical order) is the one analysed and its copies wait for it."""
        plan = self.plan
        groups = _size_groups(plan.entries, plan.config.limits.max_file_bytes)
        seen: set[int] = set()
        for tid, entry in enumerate(plan.entries):
            if tid in seen:
                continue
            members = groups.get(entry.size, [tid]) if entry.problem is None else [tid]
            seen.update(members)
            hashed = [
                (t, plan.entries[t], got)
                for t in members
                if (got := self._hash(plan.entries[t])) is not None
            ]
            hashed.sort(key=lambda h: rank(h[1].source))
            for t, e, (sha, data) in hashed:
                yield from self._dispatch(t, e, sha, data)

    def _hash(self, entry: Entry) -> tuple[str, str | bytes] | None:
        """(sha256, what the worker reads) for a file to analyse, or None when it is settled
        here (done by a resumed run, unreadable, too big, a problem entry)."""
        plan, max_bytes = self.plan, self.plan.config.limits.max_file_bytes
        if key_of(entry.source, entry.size, entry.mtime) in plan.done.by_key:
            plan.progress.skip(entry.size)
            return None
        if entry.problem is not None:
            self.ready.append(("problem", entry, ""))
            return None
        data: str | bytes = entry.location
        try:
            if entry.size > max_bytes:
                sha = ""  # never read: the pipeline records skipped_limit
            elif plan.fs is None:
                sha = sha256_local(entry.location)
            else:
                blob: bytes = plan.fs.cat_file(entry.location)
                data, sha = blob, _sha(blob)
        except OSError as exc:
            self.ready.append(("unreadable", entry, exc.strerror or type(exc).__name__))
            return None
        if plan.fs is not None and entry.size > max_bytes:
            self.ready.append(("too_big", entry, ""))
            return None
        if entry.size == 0:
            sha = ""  # empty files are all alike: analyse each, never mark duplicates
        if sha and plan.done.by_source.get(entry.source) == sha:
            plan.progress.skip(entry.size)  # touched but unchanged since the last run
            return None
        return sha, data

    def _dispatch(self, tid: int, entry: Entry, sha: str, data: str | bytes) -> Iterator[Task]:
        if sha and sha in self.plan.journal.offsets:
            self.ready.append(("dup", entry, sha))
            return
        if sha and sha in self.inflight:
            self.parked.setdefault(sha, []).append(entry)
            return
        if sha:
            self.inflight[sha] = entry
        self.by_tid[tid] = (entry, sha)
        yield Task(tid, entry.source, data)

    # -- recording ----------------------------------------------------------

    def _record(self, entry: Entry, sha: str, outcome: Outcome) -> list[DocumentResult]:
        if isinstance(outcome, Failure):  # unread here; a killed file still says how long it ran
            results = [
                mark_unread(
                    _error_result(entry, sha, "error", outcome.kind, outcome.message),
                    "",
                    self.scorer,
                ).replace(timings={"wall": round(outcome.elapsed_s, 6)})
            ]
        else:
            results = list(outcome) or [
                mark_unread(
                    _error_result(
                        entry, sha, "error", "InternalError", "the pipeline returned no rows"
                    ),
                    "",
                    self.scorer,
                )
            ]
            results[0] = results[0].replace(mtime=entry.mtime)
        copies = sorted(self.parked.get(sha, []), key=lambda e: rank(e.source)) if sha else []
        if copies:  # the canonical row lists its copies (its children, theirs)
            top = results[0].source
            results = [
                r.replace(copies=tuple(_rebase(r.source, top, e.source) for e in copies))
                for r in results
            ]
        rows = self._write(entry, sha, results, original=bool(sha))
        if copies:
            self.originals[sha] = (results, rows)
            while len(self.originals) > ORIGINALS:
                self.originals.popitem(last=False)
        return results

    def _write(
        self,
        entry: Entry,
        sha: str,
        results: list[DocumentResult],
        *,
        original: bool,
        rows: list[dict[str, Any]] | None = None,
    ) -> list[dict[str, Any]]:
        """Journal the rows of one file (``rows``: ``results`` already as dicts)."""
        rows = rows if rows is not None else [r.to_dict() for r in results]
        if self.plan.spool is not None:
            self.plan.spool.add(rows)
        self.plan.journal.append(
            {
                "top": entry.source,
                "size": entry.size,
                "mtime": entry.mtime,
                "sha256": sha,
                "original": original,
                "rows": rows,
            }
        )
        self.plan.progress.update(entry.size, results)
        for r in results:
            self.plan.counts[r.status] = self.plan.counts.get(r.status, 0) + 1
        return rows

    def _drain(self) -> Iterator[DocumentResult]:
        while self.ready:
            kind, entry, extra = self.ready.popleft()
            if kind == "dup":
                results, rows = self._duplicate(entry, extra)
                self._write(entry, extra, results, original=False, rows=rows)
                yield from results
                continue
            if kind == "problem":
                status, error_kind, message = entry.problem  # type: ignore[misc]
            elif kind == "too_big":
                status, error_kind = "skipped_limit", "LimitExceeded"
                message = f"{entry.source!r} is larger than limits.max_file_bytes; not read"
            else:
                status, error_kind = "error", "Unreadable"
                message = f"{entry.source!r} could not be read ({extra}); check permissions"
            result = _error_result(entry, "", status, error_kind, message)
            if kind == "too_big":
                result = result.replace(limits_hit=("max_file_bytes",))
            result = mark_unread(result, "", self.scorer)
            self._write(entry, "", [result], original=False)
            yield result

    def _duplicate(
        self, entry: Entry, sha: str
    ) -> tuple[list[DocumentResult], list[dict[str, Any]]]:
        """The rows of a copy of an analysed file: its original's, renamed and marked."""
        memo = self.originals.get(sha)
        originals, rows = (
            memo if memo else (None, self.plan.journal.rows_at(self.plan.journal.offsets[sha]))
        )
        top = rows[0]["source"]
        results, out = [], []
        for i, row in enumerate(rows):
            changes: dict[str, Any] = {
                "status": "duplicate",
                "duplicate_of": row["source"],
                "source": _rebase(row["source"], top, entry.source),
                "parent": _rebase(row["parent"], top, entry.source) if row["parent"] else None,
                "copies": [],
                "timings": {},
            }
            if row.get("error_message"):  # name this file, not the original
                changes["error_message"] = row["error_message"].replace(top, entry.source)
            if i == 0:
                changes["mtime"] = entry.mtime
            new = {**row, **changes}
            out.append(new)
            if originals is None:
                results.append(from_row(new))
            else:  # the same result without the round trip through a row
                results.append(originals[i].replace(**{**changes, "copies": ()}))
        return results, out


def _size_groups(entries: list[Entry], max_bytes: int) -> dict[int, list[int]]:
    """size -> indexes of the readable entries of that size, for sizes held by two or more."""
    by_size: dict[int, list[int]] = {}
    for i, e in enumerate(entries):
        if e.problem is None and 0 < e.size <= max_bytes:
            by_size.setdefault(e.size, []).append(i)
    return {size: ids for size, ids in by_size.items() if len(ids) > 1}


def _rebase(source: str, old_top: str, new_top: str) -> str:
    return new_top + source[len(old_top) :] if source.startswith(old_top) else source


def _sha(data: bytes) -> str:
    import hashlib  # load time: hashlib only when used

    return hashlib.sha256(data).hexdigest()


def _error_result(entry: Entry, sha: str, status: str, kind: str, message: str) -> DocumentResult:
    return DocumentResult(
        source=entry.source,
        size=entry.size,
        sha256=sha,
        status=status,
        error_kind=kind,
        error_message=message,
        mtime=entry.mtime,
    )
