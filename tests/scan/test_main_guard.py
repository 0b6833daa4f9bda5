"""leakclf.scan() from code with no ``if __name__ == "__main__":`` guard (issue 17).

multiprocessing's spawn re-runs the caller's main script in every worker; leakclf's workers
never import it. Each case runs a real scan (the real pipeline) in a fresh Python and must get
every row, run the caller's code once, and print no traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import write_dump

FILES = {
    "a.txt": b"Invoice for jane.doe@contoso.com, IBAN DE89 3704 0044 0532 0130 00",
    "b.txt": b"Internal memo: lunch on Friday.",
    "sub/c.txt": b"Call John Smith on +44 20 7946 0958.",
}

SCRIPT = """\
import leakclf
from pathlib import Path
with open("ran.txt", "a") as fh:
    fh.write("once\\n")
s = leakclf.scan("dump", out="results.jsonl", workers={workers}, progress=False{extra})
print("ROWS", len(list(s)))
"""


@pytest.mark.parametrize(
    ("how", "workers", "extra"),
    [
        pytest.param("script", 2, "", id="plain-script"),
        pytest.param("-c", 1, "", id="python-c"),
        pytest.param("stdin", 1, "", id="stdin-like-a-repl"),
        pytest.param("script", 2, ', engine="dask"', id="plain-script-dask-local-cluster"),
    ],
)
def test_scan_without_main_guard_gets_every_row(
    tmp_path: Path, how: str, workers: int, extra: str
) -> None:
    write_dump(tmp_path / "dump", FILES)
    code = SCRIPT.format(workers=workers, extra=extra)
    (tmp_path / "scan_it.py").write_text(code)
    argv = {
        "script": [sys.executable, "scan_it.py"],
        "-c": [sys.executable, "-c", code],
        "stdin": [sys.executable, "-"],
    }[how]
    done = subprocess.run(
        argv,
        check=False,
        cwd=tmp_path,
        input=code if how == "stdin" else None,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip() == "ROWS 3"
    assert (tmp_path / "ran.txt").read_text() == "once\n"  # workers never re-ran the caller
    rows = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert sorted(r["source"] for r in rows) == ["dump/a.txt", "dump/b.txt", "dump/sub/c.txt"]
    assert all(r["status"] == "ok" for r in rows)
    assert {f["label"] for r in rows for f in r["findings"]} >= {"EMAIL_ADDRESS", "IBAN_CODE"}
