"""``leakclf demo DIR --files N --seed S``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leakclf.cli import main


@pytest.mark.parametrize(
    ("files", "seed"),
    [pytest.param(3, 1, id="three-files"), pytest.param(17, 2, id="one-of-every-slot")],
)
def test_demo_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: int, seed: int
) -> None:
    assert main(["demo", str(tmp_path / "dump"), "--files", str(files), "--seed", str(seed)]) == 0
    truth = json.loads((tmp_path / "dump.truth.json").read_text(encoding="utf-8"))
    assert truth["seed"] == seed and truth["files"] == files
    assert sum(1 for p in (tmp_path / "dump").rglob("*") if p.is_file()) == files
    assert "dump.truth.json" in capsys.readouterr().out


def test_demo_rejects_zero_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(tmp_path / "dump"), "--files", "0"]) == 2
    assert "--files must be at least 1" in capsys.readouterr().err
