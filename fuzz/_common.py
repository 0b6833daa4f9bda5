"""Shared body of the atheris targets: bytes in, only the ExtractionError tree may come out."""

from __future__ import annotations

import sys
import warnings

import atheris

import leakclf
import leakclf.extractors
from leakclf.config import Config, DetectConfig, Limits
from leakclf.errors import ExtractionError

CONFIG = Config(
    limits=Limits(max_file_bytes=1 << 20, time_budget_s=5.0), detect=DetectConfig(ner=False)
)
KINDS = {None, "CorruptFile", "EncryptedFile", "UnsupportedFormat", "LimitExceeded"}


def check(payload: bytes, ext: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            docs = leakclf.extract(payload, name=f"fuzz.{ext}", config=CONFIG)
        except ExtractionError:
            return
    assert docs and docs[0].parent is None, docs
    assert {d.error_kind for d in docs} <= KINDS, [d.error_kind for d in docs]
    assert all(len(d.text) <= CONFIG.limits.max_chars for d in docs)


def main(exts: tuple[str, ...]) -> None:
    """Fuzz ``leakclf.extract`` with inputs named with one of ``exts`` (first byte chooses)."""

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        ext = exts[fdp.ConsumeIntInRange(0, len(exts) - 1)]
        check(fdp.ConsumeBytes(fdp.remaining_bytes()), ext)

    atheris.instrument_all()
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
