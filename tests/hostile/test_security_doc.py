"""docs/security.md lists every limit with its current default (the doc cannot drift)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from leakclf.config import Limits

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"


@pytest.mark.parametrize("field", [pytest.param(f, id=f.name) for f in dataclasses.fields(Limits)])
def test_every_limit_is_documented_with_its_default(field: dataclasses.Field) -> None:
    rows = [
        line
        for line in DOC.read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| `{field.name}` |")
    ]
    assert len(rows) == 1, f"docs/security.md has no table row for limits.{field.name}"
    assert f"| `{field.default!r}`" in rows[0], (
        f"{field.name}: the default {field.default!r} is not in {rows[0]!r}"
    )


@pytest.mark.parametrize(
    "heading",
    [
        pytest.param("## What leakclf protects, and against whom", id="protects"),
        pytest.param("## What leakclf deliberately does not do", id="does-not"),
        pytest.param("## Limits and their defaults", id="limits"),
        pytest.param("## Reporting a vulnerability", id="report"),
    ],
)
def test_threat_model_sections(heading: str) -> None:
    assert heading in DOC.read_text(encoding="utf-8").splitlines()
