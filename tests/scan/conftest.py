"""Dumps built in code for the scan tests, and a fixed key so digests compare across runs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from leakclf.config import Config

KEY = b"k" * 64


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


#: relative path -> content; duplicates: b.txt == sub/b-copy.txt, box.zip == box-copy.zip
FILES: dict[str, bytes] = {
    "a.txt": b"hello jane.doe@contoso.example CONFIDENTIAL",
    "b.txt": b"INTERNAL memo",
    "sub/b-copy.txt": b"INTERNAL memo",
    "box.zip": _zip({"m1.txt": b"RESTRICTED x.y@fabrikam.example", "m2.txt": b"plain"}),
    "box-copy.zip": _zip({"m1.txt": b"RESTRICTED x.y@fabrikam.example", "m2.txt": b"plain"}),
    "sub/deep/c.txt": b"nothing here",
}


def write_dump(root: Path, files: dict[str, bytes] = FILES) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    return write_dump(tmp_path / "dump")


@pytest.fixture
def config() -> Config:
    return Config(key=KEY)
