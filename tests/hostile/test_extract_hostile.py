"""Each hostile input through ``Pipeline.process`` and ``leakclf.extract``: typed outcome, no crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import leakclf
from leakclf.config import Config, DetectConfig
from leakclf.errors import ExtractionError

from .builders import FILE_CASES, HOSTILE_LIMITS, SCAN_ONLY_CASES
from .conftest import ROOT, Suite, check_case, rows_for

CONFIG = Config(limits=HOSTILE_LIMITS, detect=DetectConfig(ner=False))


def _file_cases(suite: Suite) -> list[str]:
    return [c.name for c in suite.cases if not c.scan_only]


def test_names_cover_every_case(hostile: Suite) -> None:
    assert sorted(FILE_CASES) == sorted(_file_cases(hostile))
    assert sorted(FILE_CASES + SCAN_ONLY_CASES) == sorted(c.name for c in hostile.cases)
    assert len(hostile.cases) >= 30


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in FILE_CASES])
def test_process_gives_typed_rows(hostile: Suite, name: str) -> None:
    case = next(c for c in hostile.cases if c.name == name)
    t0 = time.monotonic()
    results = leakclf.Pipeline(CONFIG).process(hostile.root / name)
    elapsed = time.monotonic() - t0
    rows = [r.to_dict() for r in results]
    tops, kids = rows_for(rows, str(hostile.root), case)
    check_case(case, tops, kids)
    assert elapsed <= HOSTILE_LIMITS.time_budget_s + 1, f"{name} took {elapsed:.1f}s"


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in FILE_CASES])
def test_extract_raises_only_the_error_tree(hostile: Suite, name: str) -> None:
    try:
        docs = leakclf.extract(hostile.root / name, config=CONFIG)
    except ExtractionError as exc:
        assert str(exc), "an ExtractionError must say what went wrong"
        return
    assert docs and docs[0].parent is None
    case = next(c for c in hostile.cases if c.name == name)
    if case.text is not None:
        assert any(case.text in d.text for d in docs), f"{name}: no document holds {case.text!r}"
    known = {None, "CorruptFile", "EncryptedFile", "UnsupportedFormat", "LimitExceeded"}
    assert {d.error_kind for d in docs} <= known
    assert all(len(d.text) <= HOSTILE_LIMITS.max_chars for d in docs)


def test_extract_refuses_a_fifo_without_opening_it(tmp_path) -> None:
    """Opening a FIFO for reading blocks forever: extract must refuse it from its mode."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = (
        "import leakclf, sys\n"
        "try:\n    leakclf.extract(sys.argv[1])\n"
        "except leakclf.UnsupportedFormat:\n    sys.exit(0)\n"
        "except leakclf.ExtractionError as e:\n    print(type(e).__name__); sys.exit(3)\n"
        "sys.exit(4)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code, str(fifo)],
            env=env,
            timeout=60,
            check=False,
            capture_output=True,
            text=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("leakclf.extract opened a FIFO and blocked")
    assert proc.returncode == 0, (proc.returncode, proc.stdout, proc.stderr[-2000:])


@pytest.mark.skipif(os.geteuid() != 0, reason="dropping privileges needs root")
def test_unreadable_file_as_unprivileged_user() -> None:
    """Root reads any file; as ``nobody`` a mode-000 file must give an error row, not a crash."""
    with tempfile.TemporaryDirectory(prefix="leakclf-h8-") as tmp:  # /tmp: nobody may enter
        os.chmod(tmp, 0o755)
        Path(tmp, "warm.txt").write_text("warm-up text")
        target = Path(tmp, "locked.txt")
        target.write_text("locked text")
        target.chmod(0)
        _run_as_nobody(target)


def _run_as_nobody(target: Path) -> None:
    # Python's own files live under /root here: import and warm up first, then drop privileges
    code = (
        "import os, sys, json, leakclf\n"
        "pipe = leakclf.Pipeline()\n"
        "pipe.process(os.path.join(os.path.dirname(sys.argv[1]), 'warm.txt'))\n"
        "os.setgid(65534); os.setuid(65534)\n"
        "rows = pipe.process(sys.argv[1])\n"
        "print(json.dumps([[r.status, r.error_kind, r.error_message] for r in rows]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": "/tmp"}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        env=env,
        timeout=120,
        check=False,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    ((status, kind, message),) = json.loads(proc.stdout.splitlines()[-1])
    assert status == "error" and kind not in (None, "InternalError"), (status, kind, message)
    assert "permission" in message.lower(), message
