"""Copies marked with the journal's own index are the rows marked by reading it twice."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from leakclf.scan.copies import mark_copies
from leakclf.scan.journal import Journal


def _group(top: str, sha: str, status: str = "ok", *members: tuple[str, str]) -> dict[str, Any]:
    rows = [{"source": top, "parent": None, "size": 10, "sha256": sha, "status": status}]
    rows += [
        {"source": f"{top}!/{m}", "parent": top, "size": 5, "sha256": s, "status": "ok"}
        for m, s in members
    ]
    return {"top": top, "size": 10, "mtime": 1.0, "sha256": sha, "original": True, "rows": rows}


GROUPS = [
    _group("d/long/name.txt", "a"),
    _group("d/box.zip", "z", "ok", ("name.txt", "a"), ("empty.txt", "")),
    _group("d/a.txt", "a", "duplicate"),
    _group("d/x.txt", "x", "error"),
    _group("d/y.txt", "x", "duplicate"),
]


def test_the_journal_index_marks_the_same_rows_as_two_readings(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.jsonl")
    journal.open(fresh=True)
    for g in GROUPS[:3]:
        journal.append(g)
    journal.close()
    reopened = Journal(tmp_path / "j.jsonl")  # a resumed run: the index is rebuilt on opening
    reopened.open(fresh=False)
    for g in GROUPS[3:]:
        reopened.append(g)
    reopened.close()
    twice = list(mark_copies(reopened.groups))
    once = list(mark_copies(reopened.groups, reopened.copies))
    assert once == twice
    marked = {r["source"]: (r["status"], r.get("duplicate_of"), r.get("copies")) for r in once}
    assert marked["d/a.txt"] == ("ok", None, ["d/long/name.txt", "d/box.zip!/name.txt"])
    assert marked["d/long/name.txt"] == ("duplicate", "d/a.txt", [])
    assert marked["d/x.txt"] == ("error", None, ["d/y.txt"])
    assert marked["d/box.zip!/empty.txt"] == ("ok", None, None)  # empty: never a copy


@pytest.mark.parametrize(
    "batch", [pytest.param(2000, id="one-table"), pytest.param(2, id="tables")]
)
def test_spooled_tables_are_marked_like_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    # A fresh scan writing Parquet marks copies on the Arrow tables it spooled, not on the
    # journal's rows: the same three columns for every row, in the same order.
    from leakclf.scan import spool as spool_module

    monkeypatch.setattr(spool_module, "BATCH", batch)
    journal = Journal(tmp_path / "j.jsonl")
    journal.open(fresh=True)
    spool = spool_module.Spool(tmp_path / "j.arrow")
    for g in GROUPS:
        spool.add(g["rows"])
        journal.append(g)
    journal.close()
    spool.close()
    assert stat.S_IMODE((tmp_path / "j.arrow").stat().st_mode) == 0o600
    cols = ("source", "status", "duplicate_of", "copies")
    got = [r for t in spool.tables(journal.copies) for r in t.select(cols).to_pylist()]
    want = [{c: r.get(c) for c in cols} for r in mark_copies(journal.groups, journal.copies)]
    assert got == want
    spool.unlink()
    assert not (tmp_path / "j.arrow").exists()
