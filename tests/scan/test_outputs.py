"""Outputs, read-back, resume after SIGKILL, the key file and privacy of every written byte."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from leakclf.config import Config
from leakclf.rows import from_row
from leakclf.scan import SCHEMA_VERSION, TIMING_COLUMNS, read_results, scan
from leakclf.scan.testing import FakePipeline

from .conftest import FILES, KEY, write_dump

RAW = (b"jane.doe@contoso.example", b"x.y@fabrikam.example")


def _dicts(results: Any) -> list[dict[str, Any]]:
    rows = [{k: v for k, v in r.to_dict().items() if k not in TIMING_COLUMNS} for r in results]
    return sorted(rows, key=lambda r: r["source"])


def _scan(root: Path, out: Path | None, **kw: Any) -> Any:
    kw.setdefault("config", Config(key=KEY))
    return scan(root, out=out, progress=False, pipeline_factory=FakePipeline, workers=2, **kw)


@pytest.mark.parametrize(
    "ext",
    [
        pytest.param(".parquet", id="parquet"),
        pytest.param(".jsonl", id="jsonl"),
        pytest.param(".csv", id="csv"),
    ],
)
def test_formats_round_trip(dump: Path, tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"results{ext}"
    live = _dicts(_scan(dump, out))
    assert _dicts(read_results(out)) == live
    assert len(live) == 10
    meta = json.loads(Path(f"{out}.meta.json").read_text())
    assert meta["schema_version"] == SCHEMA_VERSION and "key" not in meta["config"]
    assert meta["counts"] == {"ok": 6, "duplicate": 4}


def test_pandas_types(dump: Path, tmp_path: Path) -> None:
    s = _scan(dump, tmp_path / "r.parquet")
    df = s.to_pandas()
    assert (len(df), str(df["level"].dtype), str(df["status"].dtype)) == (
        10,
        "category",
        "category",
    )
    assert str(df["mtime"].dtype).startswith("datetime64") and str(df["size"].dtype) == "int64"
    f = s.findings_frame()
    assert len(f) == sum(len(x) for x in df["findings"]) > 0
    assert set(f["source"]) == {
        "dump/a.txt",
        "dump/box.zip",
        "dump/box.zip!/m1.txt",
        "dump/box-copy.zip",
        "dump/box-copy.zip!/m1.txt",
    }
    assert all(p[0] in "jx" and "***" in p for p in f["preview"]) and "value" not in f
    assert s.summary()["by_status"]["duplicate"] == 4


def test_key_file_and_no_raw_values(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    first = _dicts(_scan(dump, out, config=Config()))
    key_file = Path(f"{out}.key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    second = _dicts(_scan(dump, out, config=Config()))
    assert [f["digest"] for r in first for f in r["findings"]] == [
        f["digest"] for r in second for f in r["findings"]
    ]  # same case key, same digests
    key = key_file.read_bytes()
    for path in tmp_path.iterdir():
        if path != key_file and path.is_file():
            data = path.read_bytes()
            assert key not in data and not any(raw in data for raw in RAW), path.name


def test_reveal_puts_values_in(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    _scan(dump, out, config=Config(key=KEY, reveal=True)).wait()
    assert RAW[0] in out.read_bytes()


def test_resume_of_finished_scan_changes_nothing(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    _scan(dump, out).wait()
    before = out.read_bytes()
    assert list(_scan(dump, None, resume=out)) == []
    assert out.read_bytes() == before


def test_resume_picks_up_new_and_touched_files(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    _scan(dump, out).wait()
    (dump / "new.txt").write_bytes(b"RESTRICTED new")
    os.utime(dump / "a.txt", (1, 1))  # touched, same content: skipped by hash
    new = [r.source for r in _scan(dump, None, resume=out)]
    assert new == ["dump/new.txt"]
    rows = _dicts(read_results(out))
    assert sorted(r["source"] for r in rows if r["parent"] is None) == sorted(
        ["dump/" + p for p in FILES] + ["dump/new.txt"]
    )


def test_resume_gives_a_new_copy_of_a_done_file_its_own_duplicate_row(
    dump: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.jsonl"
    _scan(dump, out).wait()
    (dump / "a-again.txt").write_bytes(FILES["a.txt"])  # new path, same hash as a done file
    new = [(r.source, r.status, r.duplicate_of) for r in _scan(dump, None, resume=out)]
    assert new == [("dump/a-again.txt", "duplicate", "dump/a.txt")]
    tops = [r["source"] for r in _dicts(read_results(out)) if r["parent"] is None]
    assert len(tops) == len(set(tops)) == len(FILES) + 1


SCRIPT = """
import sys
import leakclf.scan.core as core
from leakclf.scan.testing import FakePipeline
core._default_factory = lambda: FakePipeline
from leakclf.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_sigkill_then_resume_has_one_row_per_file(tmp_path: Path) -> None:
    files = {f"f{i:02d}.txt": b"SLOW INTERNAL %d" % i for i in range(24)}
    files["dup.txt"] = files["f03.txt"]
    root = write_dump(tmp_path / "d", files)
    out = tmp_path / "r.parquet"
    journal = Path(f"{out}.partial.jsonl")
    # batches of 2: rows reach the journal a few at a time, so the kill lands mid-scan (a batch
    # of the default 24 brings every row at once, and the scan can finish before the kill)
    config = tmp_path / "leakclf.toml"
    config.write_text("[scan]\nbatch_files = 2\n")
    args = [
        sys.executable,
        "-c",
        SCRIPT,
        "scan",
        str(root),
        "-o",
        str(out),
        "--workers",
        "2",
        "--no-progress",
        "--config",
        str(config),
    ]
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
        not journal.exists() or journal.read_bytes().count(b"\n") < 4
    ):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists() and journal.read_bytes().count(b"\n") >= 4
    done = subprocess.run([*args, "--resume"], check=False, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    rows = _dicts(read_results(out))
    assert sorted(r["source"] for r in rows) == sorted(f"d/{n}" for n in files)
    assert not journal.exists()
    fresh = _dicts(
        _scan(
            root,
            tmp_path / "fresh.parquet",
            resume=None,
            config=Config(key=Path(f"{out}.key").read_bytes()),
        )
    )
    strip = [{**r, "mtime": None, "duplicate_of": None, "status": "x"} for r in rows]
    assert strip == [{**r, "mtime": None, "duplicate_of": None, "status": "x"} for r in fresh]


def test_stopping_early_then_waiting_resumes(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    s = _scan(dump, out)
    for _ in s:
        break  # the journal keeps what finished
    s.wait()
    tops = [r["source"] for r in _dicts(read_results(out)) if r["parent"] is None]
    assert sorted(tops) == sorted("dump/" + p for p in FILES)
    html = s._repr_html_()
    assert "<b>10</b> documents" in html and not any(raw.decode() in html for raw in RAW)


@pytest.mark.parametrize(
    "ext",
    [
        pytest.param(".parquet", id="parquet"),
        pytest.param(".csv", id="csv"),
        pytest.param(None, id="no-output"),
    ],
)
def test_wait_on_row_sees_every_finished_row_without_reading_back(
    dump: Path, tmp_path: Path, ext: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / f"results{ext}" if ext else None
    s = _scan(dump, out)
    seen: list[dict[str, Any]] = []
    if out is not None:  # rows written: the output is never read back for on_row
        monkeypatch.setattr("leakclf.scan.core.read_rows", _not_called)
    s.wait(on_row=seen.append)
    monkeypatch.undo()
    assert _dicts(map(from_row, seen)) == _dicts(s)  # copies marked, as the finished rows
    assert sum(r["status"] == "duplicate" for r in seen) == 4
    again: list[dict[str, Any]] = []
    s.wait(on_row=again.append)  # a finished scan reads its rows back for on_row
    assert _dicts(map(from_row, again)) == _dicts(map(from_row, seen))


def _not_called(*_: Any) -> Any:
    raise AssertionError("the output was read back")


def test_output_inside_the_scanned_folder_is_not_scanned(
    dump: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = dump / "results.parquet"  # the user writes the results into the dump itself
    (dump / "results.parquet.notes.txt").write_bytes(b"INTERNAL notes")  # the user's: scanned
    first = {r["source"] for r in _dicts(_scan(dump, out, config=Config()))}
    assert {s for s in first if s.startswith("dump/results")} == {"dump/results.parquet.notes.txt"}
    assert "left out 2 file(s)" in caplog.text  # the key and the lock, made before the listing
    again = {r["source"] for r in _dicts(_scan(dump, out, config=Config()))}
    assert again == first and "left out 4 file(s)" in caplog.text  # and the results, the header
    other = {r["source"] for r in _dicts(_scan(dump, dump.parent / "r.parquet"))}
    assert {"dump/results.parquet", "dump/results.parquet.key"} <= other  # not this scan's
