"""Fixtures for the hostile suite: the inputs (built once per session) and CLI helpers."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leakclf.config import Limits

from .builders import HOSTILE_LIMITS, Case, build_all

ROOT = Path(__file__).resolve().parents[2]
LEAKCLF = [sys.executable, "-m", "leakclf"]


@dataclasses.dataclass(frozen=True)
class Suite:
    base: Path  # holds root/, outside/ and anything a test adds
    root: Path
    outside: Path
    cases: list[Case]


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Suite:
    base = tmp_path_factory.mktemp("hostile")
    cases = build_all(base / "root", base / "outside")
    return Suite(base, base / "root", base / "outside", cases)


def write_config(
    path: Path, limits: Limits = HOSTILE_LIMITS, ner: bool = False, **scan: Any
) -> Path:
    """A leakclf.toml with these limits (NER off by default: the suite is about extraction)."""
    lines = ["[limits]"]
    lines += [f"{f.name} = {getattr(limits, f.name)!r}" for f in dataclasses.fields(limits)]
    lines += ["[detect]", f"ner = {'true' if ner else 'false'}"]
    if scan:
        lines += ["[scan]"] + [f"{k} = {json.dumps(v)}" for k, v in scan.items()]
    path.write_text("\n".join(lines) + "\n")
    return path


def run_cli(
    args: list[str],
    *,
    cwd: Path,
    timeout: float = 300,
    path: list[Path] = (),  # type: ignore[assignment]
    **kw: Any,
) -> subprocess.CompletedProcess[str]:
    """``python -m leakclf ARGS``; ``path`` goes before the project on PYTHONPATH."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in [*path, ROOT])}
    return subprocess.run(
        [*LEAKCLF, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kw,
    )


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Result rows from a .jsonl, .parquet or .csv output (header/sidecar lines skipped)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
    elif path.suffix == ".csv":
        import csv

        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    else:
        rows = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    return [r for r in rows if isinstance(r, dict) and "source" in r and "status" in r]


def top_source(source: str) -> str:
    """The top-level file a row belongs to (``dump/a.zip!/b.txt`` -> ``dump/a.zip``)."""
    return source.split("!/", 1)[0]


def rows_for(
    rows: list[dict[str, Any]], label: str, case: Case
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(top-level rows, child rows) of one case; ``label`` is the root's name in sources."""
    want = f"{label}/{case.name}"
    mine = [
        r
        for r in rows
        if (
            top_source(r["source"]).startswith(want)
            if case.prefix
            else top_source(r["source"]) == want
        )
    ]
    return [r for r in mine if "!/" not in r["source"]], [r for r in mine if "!/" in r["source"]]


def check_case(
    case: Case,
    tops: list[dict[str, Any]],
    kids: list[dict[str, Any]],
    everything: list[dict[str, Any]] | None = None,
) -> None:
    assert len(tops) == 1, f"{case.name}: expected exactly one top-level row, got {len(tops)}"
    top = tops[0]
    if top["status"] == "duplicate" and everything is not None:
        # an exact duplicate (e.g. every zero-byte file) is judged by the row it duplicates
        first = [r for r in everything if r["source"] == top["duplicate_of"]]
        assert len(first) == 1 and first[0]["sha256"] == top["sha256"], (
            case.name,
            top["duplicate_of"],
        )
        top = first[0]
    got = (top["status"], top["error_kind"])
    assert top["status"] in case.statuses and top["error_kind"] in case.kinds, (
        f"{case.name}: got status/error_kind {got}, expected one of {case.statuses} / {case.kinds}; "
        f"message: {top.get('error_message')!r}"
    )
    for limit in case.limits:
        assert limit in (top["limits_hit"] or []), (
            f"{case.name}: {limit} not in {top['limits_hit']}"
        )
    if case.check is not None:
        case.check(top, kids)
    elif case.statuses != ("ok",) or case.scan_only:
        assert not kids, f"{case.name}: unexpected children {[k['source'] for k in kids]}"
