"""Damaged copies of valid files (bytes flipped, cut short): a typed error or documents, never a crash."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

import leakclf
from leakclf.config import Config

from . import make

FAMILIES: dict[str, Callable[[], bytes]] = {
    "pdf": make.pdf_bytes,
    "docx": make.docx_bytes,
    "xlsx": make.xlsx_bytes,
    "pptx": make.pptx_bytes,
    "eml": lambda: make.eml_bytes(attachments=(("a.pdf", make.pdf_bytes(), "application/pdf"),)),
    "zip": lambda: make.zip_bytes({"a.txt": b"member text " * 50, "b.eml": make.eml_bytes()}),
    "tgz": lambda: make.tar_bytes({"a.txt": b"member text " * 50}, gz=True),
    "html": make.html_bytes,
    "rtf": make.rtf_bytes,
}


def _mutants(data: bytes, seed: int, count: int = 12) -> list[bytes]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        buf = bytearray(data)
        if n % 3 == 0:
            buf = buf[: rng.randrange(1, len(buf))]  # cut short
        else:
            for _ in range(rng.randint(1, 8)):  # flip bytes past the magic
                buf[rng.randrange(min(16, len(buf) - 1), len(buf))] = rng.randrange(256)
        out.append(bytes(buf))
    return out


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_damaged_copies_never_crash(family: str) -> None:
    for i, data in enumerate(_mutants(FAMILIES[family](), seed=len(family))):
        try:
            docs = leakclf.extract(data, name=f"m{i}.{family}", config=Config())
        except leakclf.ExtractionError as exc:
            assert str(exc).startswith(f"m{i}.{family}: ")
            continue
        assert docs and docs[0].source == f"m{i}.{family}"
        assert all(isinstance(d, leakclf.Document) for d in docs)
