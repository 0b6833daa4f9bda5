"""Batches of small files: the same rows as one file per task; a file that breaks a batch is
read again alone and gets its own error row, its neighbours theirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from leakclf.config import Config, Limits, ScanConfig
from leakclf.model import DocumentResult
from leakclf.scan import TIMING_COLUMNS, scan
from leakclf.scan.batch import _split
from leakclf.scan.testing import FakePipeline

from .conftest import FILES, KEY, write_dump


def _rows(results: Any) -> list[dict[str, Any]]:
    return sorted(
        (
            {k: v for k, v in r.to_dict().items() if k not in (*TIMING_COLUMNS, "mtime")}
            for r in results
        ),
        key=lambda r: r["source"],
    )


def _config(batch: int, **limits: Any) -> Config:
    return Config(key=KEY, limits=Limits(**limits), scan=ScanConfig(batch_files=batch))


BROKEN = {
    **FILES,
    "k1-crash.txt": b"CRASH",
    "k2-ok.txt": b"INTERNAL a@b.example",
    "k3-hang.txt": b"HANG",
    "k4-ok.txt": b"CONFIDENTIAL c@d.example",
    "k6-ok.txt": b"plain",
}


def test_a_file_that_breaks_a_batch_gets_its_own_row(tmp_path: Path) -> None:
    root = write_dump(tmp_path / "d", BROKEN)
    kw: dict[str, Any] = {"workers": 1, "progress": False, "pipeline_factory": FakePipeline}
    limits = {"time_budget_s": 2.0}
    batched = scan(root, config=_config(8, **limits), **kw).results()
    alone = scan(root, config=_config(1, **limits), **kw).results()
    kinds = {r.source.rsplit("/", 1)[-1]: (r.status, r.error_kind) for r in batched}
    assert kinds["k1-crash.txt"] == ("error", "WorkerCrashed")
    assert kinds["k3-hang.txt"] == ("error", "Timeout")
    assert all(kinds[f] == ("ok", None) for f in ("k2-ok.txt", "k4-ok.txt", "k6-ok.txt"))
    assert _rows(batched) == _rows(alone)
    assert len(batched) == len(alone) == len(BROKEN) + 4  # 2 zips x 2 members


def test_batched_real_pipeline_gives_the_same_rows(tmp_path: Path) -> None:
    from leakclf.demo import generate

    root = tmp_path / "demo"
    generate(root, files=16, seed=5)
    batched = scan(root, workers=1, config=_config(8), progress=False).results()
    alone = scan(root, workers=1, config=_config(1), progress=False).results()
    assert _rows(batched) == _rows(alone)
    assert any(r.findings for r in batched)


def _row(source: str, parent: str | None, **timings: float) -> DocumentResult:
    return DocumentResult(
        source=source, parent=parent, media_type="text/plain", size=1, sha256="", timings=timings
    )


@pytest.mark.parametrize(
    ("rows", "n", "expected"),
    [
        pytest.param([_row("a", None), _row("b", None)], 2, [["a"], ["b"]], id="two-files"),
        pytest.param(
            [_row("z", None), _row("z!/m", "z"), _row("y", None)],
            2,
            [["z", "z!/m"], ["y"]],
            id="children-stay-with-their-file",
        ),
        pytest.param([_row("a", None)], 2, None, id="a-file-missing"),
        pytest.param([_row("z!/m", "z"), _row("a", None)], 1, None, id="no-top-first"),
    ],
)
def test_split(rows: list[DocumentResult], n: int, expected: list[list[str]] | None) -> None:
    got = _split(rows, n)
    assert (None if got is None else [[r.source for r in part] for part in got]) == expected  # type: ignore[union-attr]


def test_split_shares_the_batch_wall_time() -> None:
    rows = [_row("a", None, extract=1.0, detect=2.0, wall=8.0), _row("b", None, detect=1.0)]
    parts = _split(rows, 2)
    assert parts is not None
    assert [p[0].timings["wall"] for p in parts] == [6.0, 2.0]  # type: ignore[index]
