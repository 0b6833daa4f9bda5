"""A scan's life on the command line: the output lock, Ctrl-C, resume, "nothing to do", --reveal.

The scan runs in its own process (its own process group, as in a terminal) with the shipped
FakePipeline, whose ``SLOW`` files take 0.3 s each, so there is time to interrupt it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leakclf.cli import main
from leakclf.scan.lock import OutputLock

RUN = (
    "import sys\n"
    "import leakclf.scan.core as core\n"
    "from leakclf.scan.testing import FakePipeline\n"
    "core._default_factory = lambda: FakePipeline\n"
    "from leakclf.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
N = 40


def _dump(root: Path) -> Path:
    root.mkdir()
    for i in range(N):
        marker = b"CONFIDENTIAL" if i == 7 else b"plain"
        (root / f"f{i:02d}.txt").write_bytes(b"SLOW " + marker + f" {i}".encode())
    return root


def _cli(*argv: str, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RUN, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )  # type: ignore[call-overload]


def _wait_for_lines(path: Path, n: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} never reached {n} lines")


def test_lock_ctrl_c_resume_and_nothing_to_do(tmp_path: Path) -> None:
    root, out = _dump(tmp_path / "dump"), tmp_path / "r.jsonl"
    journal = tmp_path / "r.jsonl.partial.jsonl"
    args = ("scan", str(root), "-o", str(out), "--workers", "1", "--no-progress")
    first = _cli(*args, start_new_session=True)  # its own group, like a terminal's job
    try:
        _wait_for_lines(journal, 3)
        # 1. a second scan into the same output: one clear line naming the holder
        second = _cli(*args)
        _, err2 = second.communicate(timeout=60)
        assert second.returncode == 2, err2
        assert err2.strip().splitlines() == [err2.strip()], err2
        assert f"pid {first.pid} on {socket.gethostname()}" in err2 and "Traceback" not in err2
        # 2. Ctrl-C: SIGINT to the scan's process group
        os.killpg(first.pid, signal.SIGINT)
        _, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert first.returncode == 130, err
    hint = (
        f"leakclf: interrupted; finished files are kept, resume with: leakclf scan {root} "
        f"-o {out} --resume"
    )
    assert err.strip().splitlines() == [hint], err
    lines = journal.read_bytes().split(b"\n")
    assert lines[-1] == b"" and all(json.loads(line) for line in lines[:-1])  # whole lines only
    kept = len(lines) - 1
    assert 3 <= kept < N and not out.exists()
    assert not Path(f"{out}.lock").exists()
    # 3. resume finishes the rest: every file exactly once
    resumed = _cli(*args, "--resume")
    text, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["source"] for r in rows) == [f"dump/f{i:02d}.txt" for i in range(N)]
    assert f"Summary: {N} files" in text
    # 4. resume again: nothing to do, and the stored result's exit code
    for fail_on, code in ((), 0), (("--fail-on", "confidential"), 1):
        again = _cli(*args, "--resume", *fail_on)
        text, err = again.communicate(timeout=60)
        assert again.returncode == code, err
        assert text.strip() == f"nothing to do: {N} files already scanned; results in {out}"


def test_lock_names_its_holder_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import leakclf.scan.core
    from leakclf.scan.testing import FakePipeline

    monkeypatch.setattr(leakclf.scan.core, "_default_factory", lambda: FakePipeline)
    root, out = _dump(tmp_path / "dump"), tmp_path / "r.parquet"
    lock = OutputLock(out).acquire()
    try:
        rc = main(["scan", str(root), "-o", str(out), "--no-progress"])
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert rc == 2 and "Traceback" not in err
    assert f"is being written by another scan (pid {os.getpid()} on {socket.gethostname()}" in err
    assert not out.exists() and not Path(f"{out}.partial.jsonl").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_reveal_outputs_are_owner_only_and_warned(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import leakclf.scan.core
    from leakclf.scan.testing import FakePipeline

    monkeypatch.setattr(leakclf.scan.core, "_default_factory", lambda: FakePipeline)
    root = tmp_path / "dump"
    root.mkdir()
    (root / "a.txt").write_bytes(b"mail jane@contoso.example CONFIDENTIAL")
    out, report = tmp_path / f"r.{fmt}", tmp_path / "report.html"
    assert (
        main(["scan", str(root), "-o", str(out), "--workers", "1", "--no-progress", "--reveal"])
        == 0
    )
    err = capsys.readouterr().err
    assert err.count("warning: --reveal") == 1 and str(out) in err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["report", str(out), "-o", str(report), "--reveal"]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: --reveal") == 1
    page = report.read_text()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "This report contains raw values" in page and "jane@contoso.example" in page
    census = tmp_path / "census.json"
    assert main(["census", str(out), "-o", str(census), "--reveal"]) == 0
    assert capsys.readouterr().err.count("warning: --reveal") == 1
    assert stat.S_IMODE(census.stat().st_mode) == 0o600
    # without --reveal the same results give a masked report with the usual permissions
    assert main(["report", str(out), "-o", str(report)]) == 0
    page = report.read_text()
    assert "jane@contoso.example" not in page and "contains raw values" not in page
