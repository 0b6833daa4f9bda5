"""Digests are stable per case: a resumed scan, and a fresh scan given the case key in config,
give the same census; the key is kept beside the output, owner-only (issue 7, Privacy)."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path
from typing import Any

import pytest

from leakclf.census import census
from leakclf.config import Config
from leakclf.scan import scan
from leakclf.scan.testing import FakePipeline

FILES = {
    "a1.txt": "from jane.doe@contoso.com to bob@fabrikam.de",
    "a2.txt": "cc jane.doe@contoso.com",
    "b1.txt": "bob@fabrikam.de and eve@northwind.fr",
    "b2.txt": "nobody here",
}


def _scan(root: Path, config: Config, **kw: Any) -> list:
    return list(
        scan(root, workers=1, progress=False, config=config, pipeline_factory=FakePipeline, **kw)
    )


def _emails(path: Path) -> list[tuple[str, int, int]]:
    frame = census(path).entities("emails")
    return sorted(zip(frame["key"], frame["mentions"], frame["documents"], strict=True))


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("case")
    root = tmp / "dump"
    root.mkdir()
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    config = Config()
    first = Config(scan=dataclasses.replace(config.scan, exclude=("b*",)))
    resumed = tmp / "resumed.parquet"
    assert len(_scan(root, first, out=resumed)) == 2  # stopped half way, so to speak
    assert len(_scan(root, config, resume=resumed)) == 2  # the rest
    key = Path(f"{resumed}.key").read_bytes()
    given = tmp / "given.parquet"
    _scan(root, config.replace(key=key), out=given)
    other = tmp / "other.parquet"
    _scan(root, config, out=other)
    return {"resumed": resumed, "given": given, "other": other}


def test_key_file_is_owner_only(scans: dict[str, Path]) -> None:
    mode = stat.S_IMODE(Path(f"{scans['resumed']}.key").stat().st_mode)
    assert mode == 0o600


def test_resumed_scan_and_key_in_config_give_the_same_census(scans: dict[str, Path]) -> None:
    got = _emails(scans["resumed"])
    assert sorted((m, d) for _, m, d in got) == [(1, 1), (2, 2), (2, 2)]
    assert got == _emails(scans["given"])


def test_another_case_key_gives_other_digests(scans: dict[str, Path]) -> None:
    mine = {k for k, _, _ in _emails(scans["resumed"])}
    theirs = {k for k, _, _ in _emails(scans["other"])}
    assert len(theirs) == 3 and not mine & theirs
