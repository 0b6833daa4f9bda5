"""The documented schema is the written schema; read-back converts each row once."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from leakclf import rows
from leakclf.config import Config
from leakclf.rows.schema import to_table
from leakclf.scan import SCHEMA, SCHEMA_VERSION, TIMING_COLUMNS, core, read_results, scan, writers
from leakclf.scan.testing import FakePipeline

from .conftest import KEY

DOC = Path(__file__).resolve().parents[2] / "docs" / "report-format.md"
_KIND = {
    "string": pa.types.is_string,
    "int64": pa.types.is_int64,
    "double": pa.types.is_float64,
    "bool": pa.types.is_boolean,
    "map": pa.types.is_map,
    "list": pa.types.is_list,
}


def _documented() -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Columns", 1)[1].split("\n## ", 1)[0]
    return [(m[1], m[2]) for m in re.finditer(r"^\| `(\w+)` \| ([^|]+) \|", section, re.MULTILINE)]


def _scan(root: Path, out: Path) -> None:
    scan(
        root,
        out=out,
        progress=False,
        pipeline_factory=FakePipeline,
        workers=1,
        config=Config(key=KEY),
    ).wait()


def test_documented_columns_are_the_written_parquet_schema(dump: Path, tmp_path: Path) -> None:
    assert DOC.read_text(encoding="utf-8").startswith(
        f"# Results format (schema version {SCHEMA_VERSION})"
    )
    out = tmp_path / "r.parquet"
    _scan(dump, out)
    written = pq.read_schema(out).remove_metadata()
    assert written.equals(SCHEMA)
    documented = _documented()
    assert [name for name, _ in documented] == written.names
    for name, kind in documented:
        head = re.split(r"[<, (]", kind.strip(), maxsplit=1)[0]
        assert _KIND[head](written.field(name).type), (name, kind, written.field(name).type)


@pytest.mark.parametrize(
    "ext",
    [
        pytest.param(".parquet", id="parquet"),
        pytest.param(".jsonl", id="jsonl"),
        pytest.param(".csv", id="csv"),
    ],
)
def test_read_back_converts_each_row_once(
    dump: Path, tmp_path: Path, ext: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / f"r{ext}"
    _scan(dump, out)
    calls: list[int] = []
    real = rows.from_row
    for module in (rows, core):  # every place that converts a row
        monkeypatch.setattr(module, "from_row", lambda row: calls.append(1) or real(row))
    results = list(read_results(out))
    assert len(results) == len(calls) == 10


def test_to_arrow_of_parquet_equals_the_row_path(dump: Path, tmp_path: Path) -> None:
    parquet, jsonl = tmp_path / "r.parquet", tmp_path / "r.jsonl"
    _scan(dump, parquet)
    _scan(dump, jsonl)
    direct = read_results(parquet).to_arrow()
    assert direct.schema.equals(SCHEMA)
    assert direct.equals(to_table(writers.read_rows(parquet)))
    keep = [c for c in SCHEMA.names if c not in (*TIMING_COLUMNS, "mtime")]
    assert (
        direct.select(keep)
        .sort_by("source")
        .equals(read_results(jsonl).to_arrow().select(keep).sort_by("source"))
    )


def test_findings_frame_dtypes(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    _scan(dump, out)
    s = read_results(out)
    f = s.findings_frame()
    dtypes = {
        c: str(f[c].dtype) for c in ("label", "level", "detector", "start", "end", "confidence")
    }
    assert dtypes == {
        "label": "category",
        "level": "category",
        "detector": "category",
        "start": "int64",
        "end": "int64",
        "confidence": "float64",
    }
    df = s.to_pandas()
    assert {c: str(df[c].dtype) for c in ("score", "size", "text_chars", "doc_type")} == {
        "score": "int64",
        "size": "int64",
        "text_chars": "int64",
        "doc_type": "category",
    }


def test_findings_frame_of_a_scan_without_findings_keeps_dtypes(tmp_path: Path) -> None:
    root = tmp_path / "dump"
    root.mkdir()
    (root / "a.txt").write_bytes(b"nothing to see")
    _scan(root, tmp_path / "r.jsonl")
    f = read_results(tmp_path / "r.jsonl").findings_frame()
    assert len(f) == 0
    assert [str(f[c].dtype) for c in ("start", "end", "confidence", "label")] == [
        "int64",
        "int64",
        "float64",
        "category",
    ]


def test_scan_logs_counts_not_values(
    dump: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="leakclf.scan")
    _scan(dump, tmp_path / "r.jsonl")
    messages = [r.getMessage() for r in caplog.records if r.name == "leakclf.scan.core"]
    assert messages[0].startswith("listed 6 files") and "0 already done" in messages[0]
    assert messages[-1] == f"wrote 10 rows to {tmp_path / 'r.jsonl'}"
    assert not [m for m in messages if "@" in m]  # no e-mail address from the dump
