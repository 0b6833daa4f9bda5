"""The CLI's top table: a container that holds more than its own level says so; a Parquet
output tallied from its columns prints what its rows do."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from leakclf.config import Config
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


@pytest.mark.parametrize("limit", [0, 2, 100])
def test_a_parquet_output_tallies_as_its_rows(tmp_path: Path, limit: int) -> None:
    # ``leakclf scan -o x.parquet`` tallies the written file from its columns: the same counts
    # and the same printed table as every row read back, in order, through ``add_row``.
    from leakclf.scan import scan
    from leakclf.scan.testing import FakePipeline
    from leakclf.scan.writers import read_rows

    from .conftest import KEY, write_dump

    out = tmp_path / "r.parquet"
    config = Config(key=KEY)
    scan(write_dump(tmp_path / "d"), out=out, config=config, progress=False,
         pipeline_factory=FakePipeline, workers=1).wait()  # fmt: skip
    assert not list(tmp_path.glob("*.arrow"))  # the spool is gone with the scan
    rows, columns = Tally(limit), Tally(limit)
    for row in read_rows(out):
        rows.add_row(row)
    columns.add_output(out)
    assert columns.counts == rows.counts
    printed = [io.StringIO(), io.StringIO()]
    rows.print(printed[0])
    columns.print(printed[1])
    assert printed[0].getvalue() == printed[1].getvalue()
