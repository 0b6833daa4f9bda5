"""``Scan``: a scan that runs as you iterate it, and the results afterwards.

    >>> s = leakclf.scan("dump/", out="results.parquet")
    >>> for result in s: ...           # streams DocumentResults as files finish
    >>> s.to_pandas()                  # runs to the end first if needed

Nothing runs until the scan is iterated or a result method (``to_pandas``, ``summary``,
``wait``, ...) is called; ``leakclf scan`` on the command line does this for you.

Copies of the same bytes are marked once the scan has finished (``scan.copies``): the
shortest path is the original, the others are ``duplicate``. Rows streamed while the scan
runs carry the marks known so far; the finished results (the output file, ``to_pandas()``,
``summary()``, iterating a finished Scan) carry the final ones.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import secrets
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf._version import __version__
from leakclf.config import Config
from leakclf.counts import Counts
from leakclf.display import summary_html
from leakclf.errors import ConfigError
from leakclf.model import DocumentResult
from leakclf.privacy import load_or_create_key
from leakclf.rows import format_of, from_row, read_results_iter
from leakclf.scan import frames
from leakclf.scan.copies import mark_copies
from leakclf.scan.journal import Done, Journal, done_from_groups
from leakclf.scan.lock import OutputLock
from leakclf.scan.progress import Progress
from leakclf.scan.runner import Plan, Runner
from leakclf.scan.sources import Entry, is_url, list_local, list_url, open_fs
from leakclf.scan.spool import Spool
from leakclf.scan.writers import (
    done_from_output,
    groups_from_output,
    prepare_write,
    read_rows,
    read_table,
    write_meta,
    write_rows,
    write_tables,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

log = logging.getLogger(__name__)

# what a scan writes beside ``<out>``: key, lock, run header, journal, spool, and their temporaries
OWN_SUFFIXES = (
    "",
    ".key",
    ".lock",
    ".tmp",
    ".meta.json",
    ".meta.json.tmp",
    ".partial.jsonl",
    ".partial.arrow",
)


class Scan:
    def __init__(
        self,
        root: str | Path | None,
        *,
        workers: int | None = None,
        resume: str | Path | None = None,
        out: str | Path | None = None,
        engine: str | None = None,
        config: Config | None = None,
        progress: bool = True,
        storage_options: dict[str, Any] | None = None,
        scheduler: Any = None,
        pipeline_factory: Callable[[Config], Any] | None = None,
    ) -> None:
        out = out if out is not None else resume
        if out is not None:
            format_of(out)  # fail now on an unknown extension
        self.root, self.out = root, (Path(out) if out is not None else None)
        config = config or Config()
        given: dict[str, Any] = {
            k: v for k, v in (("engine", engine), ("workers", workers)) if v is not None
        }
        if given:  # arguments win over the config; checked like any setting
            config = config.replace(scan=dataclasses.replace(config.scan, **given))
        self.config = config
        self.resume, self.engine = resume is not None, config.scan.engine
        self.workers = config.scan.workers or os.cpu_count() or 1
        self.already_done: int | None = None  # set when a resume found nothing left to do
        self.progress_enabled = progress
        self.storage_options, self.scheduler = storage_options, scheduler
        self.pipeline_factory = pipeline_factory
        self.counts: dict[str, int] = {}
        self.started: str | None = None
        self.finished: str | None = None
        self._journal: Path | None = None
        self._done = root is None  # read_results: already finished
        self._resumed_run = False
        self._on_row: Callable[[dict[str, Any]], None] | None = None  # see ``wait``
        self._told = False  # ``_on_row`` has seen every finished row

    @classmethod
    def from_file(cls, path: str | Path) -> Scan:
        scan = cls(None, out=path)
        if not Path(path).exists():
            raise ConfigError(f"results {str(path)!r} not found; run `leakclf scan ... -o` first")
        return scan

    # -- running ------------------------------------------------------------

    def __iter__(self) -> Iterator[DocumentResult]:
        if self._done:
            if self.out is not None and self.out.exists():
                yield from read_results_iter(self.out)  # one conversion per row
            else:
                for row in self._rows():
                    yield from_row(row)
            return
        yield from self._run()

    def wait(self, on_row: Callable[[dict[str, Any]], None] | None = None) -> Scan:
        """Run the scan to the end (if it has not run yet) and return it.

        ``on_row`` is called with every finished row (``DocumentResult.to_dict``'s shape,
        copies marked) once the scan is over: as the output is written, when this call runs
        the scan, so nothing is read back for it; else from the output or the journal.
        """
        told = False
        if not self._done:
            self._on_row = on_row
            try:
                for _ in self._run():
                    pass
            finally:
                told, self._on_row = self._told, None
        if on_row is not None and not told:
            for row in self._rows():
                on_row(row)
        return self

    def _key_config(self) -> Config:
        config = self.config
        if config.key is None:
            key = (
                load_or_create_key(str(self.out) + ".key")
                if self.out
                else secrets.token_hex(32).encode()
            )
            config = config.replace(key=key)
        return config

    def _run(self) -> Iterator[DocumentResult]:
        lock = OutputLock(self.out).acquire() if self.out is not None else None
        try:
            yield from self._run_locked()
        finally:
            if lock is not None:
                lock.release()

    def _run_locked(self) -> Iterator[DocumentResult]:
        config = self._key_config()
        self._resumed_run = self.resume
        factory = self.pipeline_factory or _default_factory()
        engine = self._engine(config, factory)
        try:
            yield from self._run_with(config, factory, engine)
        finally:
            if callable(stop := getattr(engine, "stop", None)):
                stop()  # a start the run never took over (an error before it, Ctrl-C)

    def _run_with(
        self, config: Config, factory: Callable[[Config], Any], engine: Any
    ) -> Iterator[DocumentResult]:
        start = getattr(engine, "start", None)
        if callable(start) and not self.resume:
            start()  # the workers' models load while this process checks, lists and prepares
        factory(config)  # fail fast (unknown detector ids, bad policy) before any work
        fs = None
        if is_url(str(self.root)):
            fs, path = open_fs(str(self.root), self.storage_options)
            entries = list(list_url(fs, path, config.scan))
        else:
            listed = list_local(self.root, config.scan)  # type: ignore[arg-type]
            entries = self._without_own_files(list(listed))
        journal_path = self._journal_path()
        done = self._prepare(journal_path)
        self.started = datetime.now(UTC).isoformat()
        total = [e for e in entries if e.problem is None]
        log.info(
            "listed %d files (%.1f MB); %d already done (resume); engine %s, %d workers",
            len(entries),
            sum(e.size for e in total) / 1e6,
            len(done.by_key),
            self.engine,
            self.workers,
        )
        progress = Progress(len(entries), sum(e.size for e in total), enabled=self.progress_enabled)
        if (
            self.resume
            and self.out is not None
            and self.out.exists()
            and not journal_path.exists()
            and _all_done(entries, done)
        ):
            self._finish_meta(config, __version__, resumed_noop=True)
            self.already_done = len(entries)
            self._done = True
            return
        if callable(start):
            start()  # a resumed run has work to do after all (once started, this does nothing)
        if self.out is not None:
            prepare_write(self.out)
        journal = Journal(journal_path)
        fresh = not (self.resume and journal_path.exists())
        journal.open(fresh=fresh)
        if self.resume:
            self._merge_output(journal, done)
        spool = self._spool(journal_path, fresh=fresh and not self.resume)
        plan = Plan(
            config=config,
            entries=entries,
            journal=journal,
            done=done,
            engine=engine,
            progress=progress,
            fs=fs,
            counts=self.counts,
            spool=spool,
        )
        try:
            yield from Runner(plan).run()
        finally:
            journal.close()
            progress.close()
            if spool is not None:
                spool.close()
            self.resume = True  # stopped early (break, Ctrl-C)? running again picks up here
        if self.out is not None:
            self.counts.clear()  # count every row written, resumed ones included
            if spool is not None:
                write_tables(
                    self._counted_tables(spool.tables(journal.copies)),
                    self.out,
                    meta=self._meta(config, __version__),
                    private=config.reveal,
                )
                spool.unlink()
            else:
                write_rows(
                    self._counted(journal),
                    self.out,
                    dataset=self.engine == "dask" and format_of(self.out) == "parquet",
                    meta=self._meta(config, __version__),
                    private=config.reveal,
                )
            self._finish_meta(config, __version__)
            self._told = True
            journal_path.unlink()
            log.info("wrote %d rows to %s", sum(self.counts.values()), self.out)
        self._done = True

    def _without_own_files(self, entries: list[Entry]) -> list[Entry]:
        """``entries`` less this scan's own files when the output is written inside the scanned
        folder: ``<out>`` and the files beside it (``OWN_SUFFIXES``), or what is inside them
        when they are folders (the Dask engine's Parquet dataset). They are not part of the
        dump, and the key file holds the digest key."""
        if self.out is None:
            return entries
        out = self.out.resolve()
        owned = {out.with_name(out.name + suffix) for suffix in OWN_SUFFIXES}
        names = {p.name for p in owned}

        def own(e: Entry) -> bool:
            path = Path(e.location)
            if names.isdisjoint(path.parts):  # cheap: most entries stop here
                return False
            path = path.resolve()
            return path in owned or not owned.isdisjoint(path.parents)

        kept: list[Entry] = []
        left_out: list[Entry] = []
        for e in entries:
            (left_out if own(e) else kept).append(e)
        if left_out:
            log.warning(
                "left out %d file(s) this scan writes inside the scanned folder: %s",
                len(left_out),
                ", ".join(e.source for e in left_out),
            )
        return kept

    def _spool(self, journal_path: Path, *, fresh: bool) -> Spool | None:
        """The output's rows spooled as Arrow during the run (``spool``), for a fresh scan
        writing one Parquet file whose rows no ``on_row`` wants; None otherwise."""
        if self.out is None:
            return None
        spool = Spool(journal_path.with_name(self.out.name + ".partial.arrow"))
        spool.unlink()  # left by a scan stopped early: its rows are in the journal
        if (
            not fresh
            or self._on_row is not None
            or self.engine == "dask"
            or format_of(self.out) != "parquet"
        ):
            return None
        return spool

    def _counted_tables(self, tables: Iterator[pa.Table]) -> Iterator[pa.Table]:
        for table in tables:
            for status in table.column("status").to_pylist():
                self.counts[status] = self.counts.get(status, 0) + 1
            yield table

    def _counted(self, journal: Journal) -> Iterator[dict[str, Any]]:
        # the canonical copy by rule, not by finish; the journal's index: one reading
        for row in mark_copies(journal.groups, journal.copies):
            self.counts[row["status"]] = self.counts.get(row["status"], 0) + 1
            if self._on_row is not None:
                self._on_row(row)
            yield row

    def _journal_path(self) -> Path:
        if self.out is not None:
            return self.out.with_name(self.out.name + ".partial.jsonl")
        tmp = tempfile.mkdtemp(prefix="leakclf-scan-")  # results of a scan without ``out``
        weakref.finalize(self, shutil.rmtree, tmp, ignore_errors=True)
        self._journal = Path(tmp) / "results.jsonl"
        return self._journal

    def _prepare(self, journal_path: Path) -> Done:
        if not self.resume:
            return Done()
        done = Done()
        if self.out is not None and self.out.exists():
            done = done_from_output(self.out)
        if journal_path.exists():
            for top, size, mtime in done_from_groups(Journal(journal_path).groups()).by_key:
                done.by_key.add((top, size, mtime))
            extra = done_from_groups(Journal(journal_path).groups())
            done.by_source.update(extra.by_source)
            done.tops |= extra.tops
        return done

    def _merge_output(self, journal: Journal, done: Done) -> None:
        """Copy the finished output's files into the journal (those it does not hold yet)."""
        if self.out is None or not self.out.exists():
            return
        have = {g["top"] for g in journal.groups()}
        for group in groups_from_output(self.out):
            if group["top"] not in have:
                journal.append(group)

    def _engine(self, config: Config, factory: Callable[[Config], Any]) -> Any:
        from leakclf.scan.batch import BatchingEngine  # load time: the scan engine only when used

        if self.engine == "dask":
            # load time: the scan engine only when used
            from leakclf.scan.dask_engine import DaskEngine

            def make(f: Callable[[Config], Any]) -> Any:
                return DaskEngine(config, f, scheduler=self.scheduler, workers=self.workers)
        else:
            from leakclf.scan.local import LocalEngine  # load time: the scan engine only when used

            def make(f: Callable[[Config], Any]) -> Any:
                return LocalEngine(config, self.workers, f)

        return BatchingEngine.wrap(make, factory, config)

    def _meta(self, config: Config, version: str) -> dict[str, Any]:
        # load time: pyarrow, which the schema module needs, not before the workers start
        from leakclf.rows.schema import SCHEMA_VERSION

        return {
            "leakclf_version": version,
            "schema_version": SCHEMA_VERSION,
            "root": str(self.root),
            "engine": self.engine,
            "workers": self.workers,
            "config": config.to_dict(),
            "policy": config.score.policy or "bundled default",
            "run_start": self.started,
            "run_end": datetime.now(UTC).isoformat(),
            "resumed": self._resumed_run,
            "counts": dict(self.counts),
        }

    def _finish_meta(self, config: Config, version: str, *, resumed_noop: bool = False) -> None:
        if self.out is None:
            return
        self.finished = datetime.now(UTC).isoformat()
        meta = self._meta(config, version)
        meta["run_end"] = self.finished
        path = Path(str(self.out) + ".meta.json")
        if resumed_noop and path.exists():  # keep the header of the run that wrote the rows
            meta = {
                **json.loads(path.read_text(encoding="utf-8")),
                "last_resume": self.finished,
                "note": "resumed: every file was already done; results left unchanged",
            }
        write_meta(self.out, meta)

    # -- results ------------------------------------------------------------

    def _rows(self) -> Iterator[dict[str, Any]]:
        if self.out is not None and self.out.exists():
            yield from read_rows(self.out)
        elif self._journal is not None and self._journal.exists():
            yield from mark_copies(Journal(self._journal).groups)

    def results(self) -> list[DocumentResult]:
        return list(self.wait())

    def to_arrow(self) -> pa.Table:
        from leakclf.rows.schema import to_table  # load time: pyarrow only when asked

        self.wait()
        if self.out is not None and self.out.exists() and format_of(self.out) == "parquet":
            return read_table(self.out)  # already in SCHEMA: no per-row round trip
        return to_table(self._rows())

    def to_pandas(self) -> pd.DataFrame:
        """One row per document; categoricals for labels, levels, status; mtime as timestamps."""
        return frames.documents(self.wait().to_arrow())

    def findings_frame(self) -> pd.DataFrame:
        """One row per finding, with its document's source, doc_type and level."""
        return frames.findings(self.wait()._rows())

    def summary(self) -> dict[str, Any]:
        """Counts with one definition everywhere (``leakclf.counts``), over the finished rows."""
        return Counts.of(self.wait()).as_dict()

    def __repr__(self) -> str:
        state = "finished" if self._done else "not run"
        return f"Scan(root={str(self.root)!r}, out={str(self.out)!r}, {state})"

    def _repr_html_(self) -> str:
        if not self._done:
            return f"<code>{escape(repr(self))}</code>"
        return summary_html(self.results())  # the same view as leakclf.report.scan_html


def _all_done(entries: list[Any], done: Done) -> bool:
    from leakclf.scan.journal import key_of  # load time: the scan engine only when used

    return all(key_of(e.source, e.size, e.mtime) in done.by_key for e in entries)


def _default_factory() -> Callable[[Config], Any]:
    # load time: spaCy, the extractors and the models only when used
    from leakclf.pipeline import Pipeline

    return Pipeline


def scan(
    root: str | Path,
    *,
    workers: int | None = None,
    resume: str | Path | None = None,
    out: str | Path | None = None,
    engine: str | None = None,
    config: Config | None = None,
    progress: bool = True,
    **options: Any,
) -> Scan:
    """Scan a folder, an archive or an fsspec URL. See the module docstring."""
    return Scan(
        root,
        workers=workers,
        resume=resume,
        out=out,
        engine=engine,
        config=config,
        progress=progress,
        **options,
    )


def read_results(path: str | Path) -> Scan:
    """A finished Scan read back from a .parquet / .jsonl / .csv results file or dataset."""
    return Scan.from_file(path)
