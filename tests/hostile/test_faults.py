"""Faults: a worker killed mid-file, the whole scan SIGKILLed, the output disk full.

Each ends in a clear error (an error row, or exit 2 with an OutputError), and ``--resume``
then finishes with exactly one row per file: none duplicated, none lost.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from leakclf.config import Limits

from .conftest import LEAKCLF, ROOT, read_rows, run_cli, top_source, write_config

WORDS = [
    "invoice",
    "project",
    "delivery",
    "contract",
    "meeting",
    "schedule",
    "budget",
    "review",
    "customer",
    "account",
    "status",
    "report",
    "north",
    "office",
    "phone",
    "team",
    "plan",
    "quarter",
]


def make_dump(root: Path, files: int, words: int, seed: int = 1) -> list[str]:
    """``files`` distinct text files of ``words`` words with a contact line; their row names."""
    rng = random.Random(seed)
    root.mkdir(parents=True)
    for i in range(files):
        # capitalised words in short lines, so NER has to read every line (it skips lines
        # with no capitalised word): that is what makes a long file slow
        picks = [rng.choice(WORDS).capitalize() for _ in range(words)]
        body = "\n".join(" ".join(picks[j : j + 12]) for j in range(0, words, 12))
        (root / f"f{i:04d}.txt").write_text(f"note {i}: write to person{i}@example.com\n{body}\n")
    return [f"{root.name}/f{i:04d}.txt" for i in range(files)]


def assert_one_row_per_file(out: Path, expected: list[str]) -> list[dict[str, Any]]:
    rows = read_rows(out)
    counts = Counter(r["source"] for r in rows)
    dup = {s: n for s, n in counts.items() if n > 1}
    assert not dup, f"rows duplicated: {dup}"
    tops = sorted(top_source(r["source"]) for r in rows if "!/" not in r["source"])
    missing, extra = set(expected) - set(tops), set(tops) - set(expected)
    assert not missing and not extra, (
        f"lost: {sorted(missing)[:5]}, unexpected: {sorted(extra)[:5]}"
    )
    return rows


def scan_argv(
    tmp_path: Path, out: Path, config: Path, *, workers: int, extra: str = ""
) -> list[str]:
    """``leakclf scan`` of ``tmp_path/dump`` into ``out`` with ``config``, no progress line."""
    argv = ["scan", str(tmp_path / "dump"), "-o", str(out), "--workers", str(workers)]
    return [*argv, "--config", str(config), "--no-progress", *([extra] if extra else [])]


def start_scan(
    args: list[str],
    cwd: Path,
    path: list[Path] = (),
    **kw: Any,  # type: ignore[assignment]
) -> subprocess.Popen[str]:
    """Start ``python -m leakclf ARGS`` in its own session (so its workers can be killed with it)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in [*path, ROOT])}
    return subprocess.Popen(
        [*LEAKCLF, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kw,
    )


def wait_for(cond: Any, timeout: float, what: str, proc: subprocess.Popen[str]) -> None:
    t0 = time.monotonic()
    while not cond():
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"scan ended (rc={proc.returncode}) before {what}: {err[-2000:]}")
        if time.monotonic() - t0 > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def journal_lines(out: Path) -> int:
    journal = out.with_name(out.name + ".partial.jsonl")
    try:
        return journal.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def descendants(pid: int) -> list[psutil.Process]:
    """The live processes under ``pid`` but multiprocessing's resource tracker. A child that has
    exited and waits for its parent to reap it (a zombie) has no command line: left out."""
    out = []
    for p in psutil.Process(pid).children(recursive=True):
        try:
            if "resource_tracker" not in " ".join(p.cmdline()):
                out.append(p)
        except (psutil.ZombieProcess, psutil.NoSuchProcess):
            continue
    return out


def workers_of(pid: int) -> list[psutil.Process]:
    """The scan's processes that analyse files: not the zygote, which only forks them."""
    kids = descendants(pid)
    parents = {p.ppid() for p in kids}
    return [p for p in kids if p.pid not in parents]


def finish(proc: subprocess.Popen[str], timeout: float = 180) -> tuple[int, str]:
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the scan did not finish")
    return proc.returncode, err


def test_worker_killed_mid_file(tmp_path: Path) -> None:
    expected = make_dump(tmp_path / "dump", files=5, words=10_000)  # NER makes each take seconds
    # one file per task, so the killed worker holds exactly one file (batches: tests/scan/test_batch.py)
    config = write_config(tmp_path / "c.toml", Limits(), ner=True, batch_files=1)
    out = tmp_path / "out" / "r.jsonl"
    proc = start_scan(
        scan_argv(tmp_path, out, config, workers=2),
        tmp_path,
    )
    wait_for(lambda: journal_lines(out) >= 1, 120, "the first file to finish", proc)
    # both workers now hold a file for seconds (three are left): kill one of them
    workers_of(proc.pid)[0].send_signal(signal.SIGKILL)
    rc, err = finish(proc)
    assert rc == 0, err[-3000:]
    rows = assert_one_row_per_file(out, expected)
    crashed = [r for r in rows if r["status"] == "error"]
    assert len(crashed) == 1, [(r["source"], r["status"], r["error_kind"]) for r in rows]
    assert crashed[0]["error_kind"] == "WorkerCrashed", crashed[0]
    assert crashed[0]["source"] in crashed[0]["error_message"], crashed[0]["error_message"]
    rerun = run_cli(
        scan_argv(tmp_path, out, config, workers=1, extra="--resume"),
        cwd=tmp_path,
    )
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert_one_row_per_file(out, expected)


def test_time_budget_kills_a_slow_file(tmp_path: Path) -> None:
    expected = make_dump(tmp_path / "dump", files=2, words=60_000)
    config = write_config(tmp_path / "c.toml", Limits(time_budget_s=1.0), ner=True)
    out = tmp_path / "r.jsonl"
    t0 = time.monotonic()
    proc = run_cli(
        scan_argv(tmp_path, out, config, workers=2),
        cwd=tmp_path,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = assert_one_row_per_file(out, expected)
    got = [(r["status"], r["error_kind"], r["error_message"]) for r in rows]
    assert all(r["status"] in ("error", "skipped_limit") for r in rows), got
    assert all(r["error_kind"] in ("Timeout", "LimitExceeded") for r in rows), got
    # each file's wall time, as the parent measured it up to the kill (issue 17): the budget
    # plus one poll and a loaded machine's lag; the whole run also pays for starting workers
    walls = [r["timings"]["wall"] for r in rows]
    assert all(w <= 1.0 + 2.0 for w in walls), walls
    assert time.monotonic() - t0 < 60, "a 1 s budget must not let two files run for a minute"


def test_worker_start_up_is_not_charged_to_a_file(tmp_path: Path) -> None:
    """A worker that takes 8 s to start (a loaded machine) must not time out a 5 s-budget file.

    (Models load before the worker reports ready, so no file pays for them either.)"""
    expected = make_dump(tmp_path / "dump", files=4, words=10)
    slow = tmp_path / "slow"
    slow.mkdir()
    (slow / "sitecustomize.py").write_text(
        # a worker is `python -c BOOT fd` (leakclf.scan.spawn); the scan itself is `python -m`
        "import sys, time\nif sys.argv[:1] == ['-c']:\n    time.sleep(8)\n"
    )
    config = write_config(tmp_path / "c.toml", Limits(time_budget_s=5.0), ner=False)
    out = tmp_path / "r.jsonl"
    proc = run_cli(
        scan_argv(tmp_path, out, config, workers=2),
        cwd=tmp_path,
        path=[slow],
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = assert_one_row_per_file(out, expected)
    assert [r["status"] for r in rows] == ["ok"] * len(expected), [
        (r["source"], r["error_kind"]) for r in rows
    ]


def test_worker_that_never_starts_does_not_hang_the_scan(tmp_path: Path) -> None:
    """Workers stuck in start-up (a hung import, a dead NFS mount) end in a clear error, never a hang."""
    make_dump(tmp_path / "dump", files=3, words=10)
    stuck = tmp_path / "stuck"
    stuck.mkdir()
    (stuck / "sitecustomize.py").write_text(
        # a worker is `python -c BOOT fd` (leakclf.scan.spawn); the scan itself is `python -m`
        "import sys, time\nif sys.argv[:1] == ['-c']:\n    time.sleep(3600)\n"
    )
    config = write_config(tmp_path / "c.toml", Limits(time_budget_s=2.0), ner=False)
    out = tmp_path / "r.jsonl"
    args = scan_argv(tmp_path, out, config, workers=1)
    proc = start_scan(args, tmp_path, path=[stuck])
    try:
        _, err = proc.communicate(timeout=100)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the scan and its stuck workers: one session
        proc.communicate()
        pytest.fail("a scan whose worker never starts hung for 100 s")
    if _group_alive(proc.pid):  # workers left behind by a scan that gave up on them
        os.killpg(proc.pid, signal.SIGKILL)
    assert "Traceback" not in err, err[-3000:]
    if proc.returncode == 0:
        rows = read_rows(out)
        assert rows and all(r["status"] == "error" for r in rows), rows
    else:
        assert proc.returncode == 2 and "worker" in err.lower(), err[-3000:]


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigkill_scan_then_resume(tmp_path: Path) -> None:
    expected = make_dump(tmp_path / "dump", files=80, words=30)
    # batches of 2: rows reach the journal a few at a time and the kill lands mid-scan (with the
    # default 24 files per batch, 80 small files can all be done before the kill)
    config = write_config(tmp_path / "c.toml", Limits(), ner=False, batch_files=2)
    out = tmp_path / "out" / "r.parquet"  # the journal is the same for every format
    args = scan_argv(tmp_path, out, config, workers=2)
    proc = start_scan(args, tmp_path)
    wait_for(lambda: journal_lines(out) >= 10, 120, "10 finished files", proc)
    workers = descendants(proc.pid)  # the workers and the zygote they are forked from
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, as the OOM killer would
    proc.communicate()
    _, alive = psutil.wait_procs(workers, timeout=20)
    for p in alive:
        p.kill()
    assert not alive, "workers outlived their killed scan by 20 s"
    assert journal_lines(out) < len(expected), "the scan finished before it was killed"
    rerun = run_cli([*args, "--resume"], cwd=tmp_path, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    rows = assert_one_row_per_file(out, expected)
    assert all(r["status"] == "ok" for r in rows), Counter(r["status"] for r in rows)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 64 KiB tmpfs (root only), or None where mounting is not allowed."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    ok = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
            check=False,
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield mnt if ok else None
    finally:
        if ok:
            subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_then_resume(tmp_path: Path, small_disk: Path | None) -> None:
    expected = make_dump(tmp_path / "dump", files=120, words=30)
    config = write_config(tmp_path / "c.toml", Limits(), ner=False)
    if small_disk is None:  # not root: a file-size limit plays the full disk
        out = tmp_path / "out" / "r.jsonl"
        limit = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
    else:
        out, limit = small_disk / "r.jsonl", None
    args = scan_argv(tmp_path, out, config, workers=2)
    full = run_cli(args, cwd=tmp_path, preexec_fn=limit, timeout=300)
    assert full.returncode == 2, (full.returncode, full.stderr[-3000:])
    assert "OutputError" in full.stderr and "Traceback" not in full.stderr, full.stderr[-3000:]
    if small_disk is not None:
        subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    rerun = run_cli([*args, "--resume"], cwd=tmp_path, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    rows = assert_one_row_per_file(out, expected)
    assert all(r["status"] == "ok" for r in rows), Counter(r["status"] for r in rows)
