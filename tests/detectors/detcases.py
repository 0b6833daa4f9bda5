"""Helpers for the detector case tables."""

from __future__ import annotations

from typing import Any

import pytest

from leakclf.detectors import DetectorSet

#: The digest key every detector test uses.
KEY = b"k" * 32


def case(
    ident: str, detector: str, text: str, *expected: tuple[str, str], hit: bool | None = None
) -> Any:
    """A named case; ``hit`` says whether the detector under test must fire (default: expected)."""
    hit = bool(expected) if hit is None else hit
    return pytest.param(detector, text, list(expected), hit, id=f"{detector}:{ident}")


def check(
    det: DetectorSet, detector: str, text: str, expected: list[tuple[str, str]], hit: bool
) -> None:
    found = det.detect(text).findings
    assert [(f.label, f.value) for f in found] == expected
    assert any(f.detector.split("/")[0] == detector for f in found) == hit
    for f in found:
        assert (
            0.0 <= f.confidence <= 1.0
            and f.evidence
            and f.evidence[0].startswith(("pattern:", "ner:"))
        )


#: Names NER must keep reading: a signature block, capitals, other languages (the gate's and the
#: bundled model's tests).
NER_MUST_READ = [
    pytest.param(
        "Thanks for the update. Visit the portal for the full terms.\n\nKind regards,\n"
        "Łukasz Kowalczyk\nHead of Procurement\nNorthwind Traders GmbH, Wrocław\n",
        id="signature-block",
    ),
    pytest.param(
        "CURRICULUM VITAE\nMARIA GARCIA\nSenior engineer, Northwind Traders, Leeds\n",
        id="all-caps-header",
    ),
    pytest.param("Søren Ødegård met Ingrid Håkansson in Göteborg on Monday.", id="nordic"),
]
