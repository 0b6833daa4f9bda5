"""The CLI's top table: a container that holds more than its own level says so."""

from __future__ import annotations

import io

from leakclf.model import DocumentResult
from leakclf.scan.console import Tally


def test_a_container_shows_what_it_holds() -> None:
    tally = Tally(limit=5)
    tally.add(
        DocumentResult(
            source="dump/a.zip",
            level="public",
            score=1,
            contents_level="restricted",
            contents_score=90,
        )
    )
    tally.add(
        DocumentResult(
            source="dump/b.zip",
            level="internal",
            score=20,
            contents_level="internal",
            contents_score=20,
        )
    )
    tally.add(DocumentResult(source="dump/c.txt", level="confidential", score=50))
    out = io.StringIO()
    tally.print(out)
    lines = {line.split()[0]: line for line in out.getvalue().splitlines() if "dump/" in line}
    assert "public, holds restricted" in lines["dump/a.zip"]
    assert "holds" not in lines["dump/b.zip"]  # holds nothing above its own level
    assert "holds" not in lines["dump/c.txt"]
