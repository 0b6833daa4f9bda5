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


@pytest.mark.parametrize(
    "missing", [pytest.param("faker", id="faker"), pytest.param("fpdf", id="fpdf2")]
)
def test_demo_without_the_extra_says_how_to_install_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    missing: str,
) -> None:
    import sys

    for name in [m for m in sys.modules if m == "leakclf.demo" or m.startswith("leakclf.demo.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, missing, None)  # importing it now fails as if not installed
    assert main(["demo", str(tmp_path / "dump"), "--files", "1"]) == 2
    err = capsys.readouterr().err
    assert f"needs {missing}" in err and "pip install 'leakclf[demo]'" in err
    assert not (tmp_path / "dump").exists()
