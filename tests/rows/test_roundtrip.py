"""Every field of DocumentResult and Finding survives every stored shape through the one reader."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from leakclf.config import Config
from leakclf.model import DocumentResult, Finding
from leakclf.rows import load_results
from leakclf.rows.schema import COLUMNS, to_table
from leakclf.scan import frames, read_results
from leakclf.scan.writers import write_rows

FINDING = Finding(
    label="EMAIL_ADDRESS",
    start=4,
    end=24,
    confidence=0.8125,
    detector="pii.email/1",
    digest="d1g3st",
    preview="j***@contoso.com",
    evidence=("context:email", "checksum"),
    facets=(("domain", "contoso.com"), ("country", "GB"), ("org", "a1 b2")),  # not sorted
    value="jane@contoso.com",
)
OTHER = Finding(
    label="PERSON",
    start=30,
    end=38,
    confidence=0.5,
    detector="ner/1",
    digest="p3rs0n",
    preview="J*** D**",
    value="Jane Doe",
)

FULL = DocumentResult(
    source="dump/a.zip!/q3.pdf",
    parent="dump/a.zip",
    media_type="application/pdf",
    size=1234,
    sha256="ab" * 32,
    status="error",
    error_kind="CorruptFile",
    error_message="xref table broken",
    doc_type="invoice",
    doc_type_scores={"invoice": 0.75, "quote": 0.25},
    doc_type_evidence=("title:invoice", "total due"),
    signed=True,
    doc_type_confidence=0.75,
    doc_type_uncertain=False,
    score=72,
    level="restricted",
    reasons=(("doc_type:invoice", 20), ("EMAIL_ADDRESS x1", 52)),
    unread_reason="image-only",
    contents_level="confidential",
    contents_score=55,
    findings=(FINDING, OTHER),
    text_chars=900,
    ner_chars=800,
    limits_hit=("max_text_chars",),
    text_source="mixed",
    ocr_confidence=87.5,
    children_expected=3,
    children_emitted=2,
    children_failed=1,
    duplicate_of="dump/b.pdf",
    copies=("dump/c.pdf", "dump/d.pdf"),
    text_sha256="cd" * 32,
    minhash=(1, 2**32 - 1, 7),
    doc_date="2024-03-01",
    mtime=1700000000.5,
    timings={"extract": 0.25, "detect": 1.5},
)
#: A row with every optional field empty: None must come back as None, not "" or NaN.
SPARSE = DocumentResult(source="dump/empty.txt", signed=False, minhash=())
RESULTS = [FULL, SPARSE]


def _jsonl(tmp: Path) -> Any:
    return _written(tmp / "r.jsonl")


def _written(path: Path) -> Path:
    write_rows((r.to_dict() for r in RESULTS), path)
    return path


def _dataset(tmp: Path) -> Path:
    path = tmp / "r.parquet"
    write_rows((r.to_dict() for r in RESULTS), path, dataset=True)
    return path


SHAPES = [
    pytest.param(_jsonl, id="jsonl"),
    pytest.param(lambda tmp: _written(tmp / "r.parquet"), id="parquet"),
    pytest.param(_dataset, id="parquet-dataset"),
    pytest.param(lambda tmp: _written(tmp / "r.csv"), id="csv"),
    pytest.param(lambda tmp: pd.DataFrame([r.to_dict() for r in RESULTS]), id="dataframe"),
    pytest.param(
        lambda tmp: frames.documents(to_table(r.to_dict() for r in RESULTS)),
        id="scan-to-pandas-frame",
    ),
    pytest.param(
        lambda tmp: read_results(_written(tmp / "r.parquet")).to_pandas(), id="scan-to-pandas"
    ),
    pytest.param(lambda tmp: read_results(_written(tmp / "r.csv")), id="scan"),
    pytest.param(lambda tmp: [r.to_dict() for r in RESULTS], id="row-dicts"),
    pytest.param(
        lambda tmp: __import__("polars").read_parquet(_written(tmp / "r.parquet")), id="polars"
    ),
    pytest.param(
        lambda tmp: __import__("pandas").read_parquet(_written(tmp / "r.parquet")),
        id="pandas-read-parquet",
    ),
]


def test_the_sample_sets_every_field() -> None:
    """A field left at its default could be dropped by a reader unnoticed."""
    for cls, sample in ((DocumentResult, FULL), (Finding, FINDING)):
        names = [f.name for f in dataclasses.fields(cls)]
        assert [
            n
            for n in names
            if getattr(sample, n)
            == getattr(cls(source="x") if cls is DocumentResult else _bare(), n)
        ] == []
    assert [f.name for f in dataclasses.fields(DocumentResult)] == list(COLUMNS)


def _bare() -> Finding:
    return Finding(label="", start=0, end=0, confidence=0.0, detector="", digest="", preview="")


@pytest.mark.parametrize("shape", SHAPES)
def test_every_field_round_trips(shape, tmp_path: Path) -> None:
    loaded = load_results(shape(tmp_path), reveal=True)
    assert loaded == RESULTS
    for got, want in zip(loaded, RESULTS, strict=True):
        assert [f.value for f in got.findings] == [f.value for f in want.findings]
        assert json.loads(json.dumps(got.to_dict())) == want.to_dict()  # plain Python types
        for field in dataclasses.fields(DocumentResult):  # same types, not only equal values
            assert type(getattr(got, field.name)) is type(getattr(want, field.name)), field.name


@pytest.mark.parametrize("shape", SHAPES)
def test_raw_values_dropped_unless_asked(shape, tmp_path: Path) -> None:
    loaded = load_results(shape(tmp_path))
    assert loaded == RESULTS  # values are left out of equality
    assert [f.value for r in loaded for f in r.findings] == [None, None]


def test_census_and_report_use_the_scans_config(tmp_path: Path) -> None:
    from leakclf.census import census
    from leakclf.report import write_html
    from leakclf.scan import Scan

    config = Config().replace(census=dataclasses.replace(Config().census, k_threshold=7))
    path = _written(tmp_path / "r.jsonl")
    scan = Scan.from_file(path)
    scan.config = config  # a scan remembers the configuration it ran with
    assert census(scan).config is config
    page = write_html(scan, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "fewer than 7 files" in page


def test_missing_maps_are_empty_and_missing_fields_null() -> None:
    # rows from older journals or hand-made dicts: None maps are written as empty maps, a
    # finding without facets gets none and one without a value a null
    finding = {"label": "EMAIL", "start": 0, "end": 3, "facets": None}
    row = {"source": "a.txt", "timings": None, "doc_type_scores": None, "findings": [finding]}
    got = to_table([row]).to_pylist()[0]
    assert (got["timings"], got["doc_type_scores"]) == ([], [])
    assert (got["findings"][0]["facets"], got["findings"][0]["value"]) == ([], None)
    assert got["findings"][0]["label"] == "EMAIL" and got["status"] is None
    assert finding["facets"] is None  # the caller's row is left as it was
