"""Extract ahead: a scan's first files are read by another process while the models load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from leakclf.config import Config, Limits
from leakclf.model import DocumentResult
from leakclf.scan import TIMING_COLUMNS, scan
from leakclf.scan.local import LocalEngine
from leakclf.scan.testing import FakePipeline, SplitPipeline

from .conftest import KEY, write_dump


def _scan(root: Path, factory: type, limits: Limits | None = None) -> dict[str, DocumentResult]:
    config = Config(key=KEY, limits=limits or Limits())
    s = scan(root, config=config, workers=2, progress=False, pipeline_factory=factory)
    return {r.source: r for r in s}


def _plain(r: DocumentResult) -> dict[str, object]:
    return {k: v for k, v in r.to_dict().items() if k not in TIMING_COLUMNS}


def test_files_are_read_while_the_models_load_and_analysed_by_the_workers(
    tmp_path: Path,
) -> None:
    # The zygote loads for 2 s; meanwhile the extract-ahead process reads both batches
    # (24 files, then 16), which the forked workers then analyse: the same rows as a scan
    # that reads every file in its workers.
    files = {f"{i:02d}.txt": b"INTERNAL %d x%d@contoso.example" % (i, i) for i in range(40)}
    root = write_dump(tmp_path / "d", files)
    rows = _scan(root, SplitPipeline)
    assert len(rows) == 40
    read_in = {r.timings["read_in"] for r in rows.values()}
    made_in = {r.timings["pid"] for r in rows.values()}
    assert read_in.isdisjoint(made_in)  # every file was read ahead, none by a worker
    assert os.getpid() not in read_in | made_in
    plain = {k: _plain(r) for k, r in _scan(root, FakePipeline).items()}
    assert {k: _plain(r) for k, r in rows.items()} == plain


@pytest.mark.parametrize(
    ("bad", "kind"),
    [
        pytest.param(b"CRASH", "WorkerCrashed", id="crash"),
        pytest.param(b"HANG", "Timeout", id="hang"),
    ],
)
def test_a_file_that_breaks_the_extract_ahead_process_gets_its_own_row(
    tmp_path: Path, bad: bytes, kind: str
) -> None:
    # The batch fails in the extract-ahead process (killed past the budget, or dead): its
    # files are sent again one by one, the bad one fails alone (in a worker: that process is
    # not replaced) and gets its own error row, its neighbours theirs.
    files = {f"{i:02d}.txt": b"INTERNAL %d" % i for i in range(8)}
    files["03-bad.txt"] = bad
    root = write_dump(tmp_path / "d", files)
    rows = _scan(root, SplitPipeline, Limits(time_budget_s=1.0))
    assert len(rows) == 9
    assert rows["d/03-bad.txt"].error_kind == kind
    assert sum(r.status == "ok" for r in rows.values()) == 8


def test_without_a_zygote_or_an_extract_stage_nothing_is_read_ahead() -> None:
    from leakclf.scan.batch import Batched

    config = Config(key=KEY)
    assert LocalEngine(config, 1, Batched(FakePipeline))._extract_ahead() is None
    assert (
        LocalEngine(config, 1, Batched(SplitPipeline), zygote=True, extract=False)._extract_ahead()
        is None
    )
    ahead = LocalEngine(config, 1, Batched(SplitPipeline))._extract_ahead()
    assert ahead is not None
    ahead.kill()
