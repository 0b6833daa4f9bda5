"""A CLI scan of the whole hostile suite: it finishes, one right row per input, bounded time and
memory, and nothing is written anywhere but the output folder."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from .builders import EVIL_NAMES, FILE_CASES, HOSTILE_LIMITS, OUTSIDE_MARKER, SCAN_ONLY_CASES
from .conftest import (
    LEAKCLF,
    ROOT,
    Suite,
    check_case,
    read_rows,
    rows_for,
    top_source,
    write_config,
)

WORKERS = 2
MiB = 1024 * 1024


def snapshot(base: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of everything under ``base`` except ``skip``; links not followed."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(base):
        if Path(dirpath) == skip:
            dirnames[:] = []
            continue
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            if Path(path) != skip:
                st = os.lstat(path)
                out[path] = (st.st_size, st.st_mtime_ns)
    return out


def run_measured(args: list[str], cwd: Path, timeout: float) -> dict[str, Any]:
    """Run the CLI, sampling the RSS of its whole process tree; kill the tree on timeout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [*LEAKCLF, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    peak, t0 = 0, time.monotonic()
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        if time.monotonic() - t0 > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            pytest.fail(f"scan of the hostile suite did not finish in {timeout}s")
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = proc.communicate()
    return {
        "rc": proc.returncode,
        "stdout": out,
        "stderr": err,
        "wall": time.monotonic() - t0,
        "peak_rss": peak,
    }


@pytest.fixture(scope="module")
def scanned(hostile: Suite) -> dict[str, Any]:
    out_dir, cwd = hostile.base / "out", hostile.base / "cwd"
    out_dir.mkdir()
    cwd.mkdir()
    config = write_config(out_dir / "leakclf.toml")
    before = snapshot(hostile.base, out_dir)
    out = out_dir / "results.jsonl"
    run = run_measured(
        [
            "scan",
            str(hostile.root),
            "-o",
            str(out),
            "--workers",
            str(WORKERS),
            "--config",
            str(config),
            "--no-progress",
        ],
        cwd,
        timeout=240,
    )
    run["rows"] = read_rows(out) if out.exists() else []
    run["before"], run["after"] = before, snapshot(hostile.base, out_dir)
    run["out_dir"], run["cwd"] = out_dir, cwd
    return run


def test_scan_finishes(scanned: dict[str, Any]) -> None:
    assert scanned["rc"] == 0, scanned["stderr"][-3000:]
    assert "Traceback" not in scanned["stderr"], scanned["stderr"][-3000:]


def test_one_row_per_input(hostile: Suite, scanned: dict[str, Any]) -> None:
    rows = scanned["rows"]
    tops = [r["source"] for r in rows if "!/" not in r["source"]]
    assert len(tops) == len(set(tops)), "a top-level file has more than one row"
    assert len(tops) == len(hostile.cases), sorted(tops)
    sources = [r["source"] for r in rows]
    assert len(sources) == len(set(sources)), "a member or attachment has more than one row"
    assert all(top_source(s) in tops for s in sources), "a child row without its file's row"


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in FILE_CASES + SCAN_ONLY_CASES])
def test_each_input_gets_its_status(hostile: Suite, scanned: dict[str, Any], name: str) -> None:
    case = next(c for c in hostile.cases if c.name == name)
    tops, kids = rows_for(scanned["rows"], "root", case)
    check_case(case, tops, kids, scanned["rows"])


def test_every_source_is_valid_utf8(scanned: dict[str, Any]) -> None:
    for row in scanned["rows"]:
        row["source"].encode("utf-8")  # raises on lone surrogates


def test_time_budget_per_file(scanned: dict[str, Any]) -> None:
    # The parent's wall clock per top-level file (timings["wall"]), killed files included.
    tops = [row for row in scanned["rows"] if row.get("parent") is None]
    wall = {
        r["source"]: float(r["timings"]["wall"]) for r in tops if "wall" in (r.get("timings") or {})
    }
    analysed = {
        r["source"]
        for r in tops
        if r["status"] == "ok" or r.get("error_kind") in ("Timeout", "MemoryLimit", "WorkerCrashed")
    }
    assert analysed and analysed <= set(wall), sorted(analysed - set(wall))
    slow = {k: round(v, 2) for k, v in wall.items() if v > HOSTILE_LIMITS.time_budget_s + 1}
    assert not slow, f"files over their time budget + 1 s: {slow}"


def test_peak_rss_within_documented_bound(scanned: dict[str, Any]) -> None:
    # docs/security.md: a scan holds at most (workers + 1) x limits.memory_budget_mb
    bound = (WORKERS + 1) * HOSTILE_LIMITS.memory_budget_mb * MiB
    assert 0 < scanned["peak_rss"] <= bound, f"peak RSS {scanned['peak_rss'] / MiB:.0f} MiB"


def test_nothing_written_outside_the_output(hostile: Suite, scanned: dict[str, Any]) -> None:
    before, after = scanned["before"], scanned["after"]
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"the scan changed files outside its output folder: {changed[:10]}"
    assert not any(scanned["cwd"].iterdir()), "the scan wrote into its working directory"
    for evil in EVIL_NAMES:
        name = evil.replace("\\", "/").rsplit("/", 1)[-1]
        for place in (Path("/tmp"), Path("/"), hostile.base, hostile.base.parent, ROOT):
            assert not (place / name).exists(), (
                f"a ../ or absolute member escaped to {place / name}"
            )


def test_outside_target_never_read(scanned: dict[str, Any]) -> None:
    texts = " ".join(str(r) for r in scanned["rows"])
    assert "outside/secret.txt" not in texts
    assert all(r["status"] != "ok" for r in scanned["rows"] if "outside" in r["source"])
    previews = [f["preview"] for r in scanned["rows"] for f in (r.get("findings") or [])]
    assert not any(OUTSIDE_MARKER.split("@")[1] in p for p in previews), previews
