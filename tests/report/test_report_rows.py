"""load_results: every input shape gives the same masked DocumentResults."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from leakclf.errors import ConfigError
from leakclf.model import DocumentResult
from leakclf.rows import load_results


def _essentials(results: list[DocumentResult]) -> list[tuple[object, ...]]:
    return [
        (
            r.source,
            r.parent,
            r.status,
            r.doc_type,
            r.level,
            r.score,
            r.reasons,
            tuple((f.label, f.digest, f.preview, f.facets, f.value) for f in r.findings),
        )
        for r in results
    ]


def _write_jsonl(results: list[DocumentResult], path: Path) -> Path:
    path = path / "results.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in results), encoding="utf-8")
    return path


def _write_scan_format(results: list[DocumentResult], path: Path, suffix: str) -> Path:
    from leakclf.scan.writers import write_rows

    out = path / f"results{suffix}"
    write_rows((r.to_dict() for r in results), out)
    return out


def _read_scan(results: list[DocumentResult], path: Path) -> object:
    from leakclf.scan import read_results

    return read_results(_write_scan_format(results, path, ".parquet"))


SHAPES = [
    pytest.param(lambda rs, tmp: rs, id="list"),
    pytest.param(lambda rs, tmp: pd.DataFrame([r.to_dict() for r in rs]), id="dataframe"),
    pytest.param(_write_jsonl, id="jsonl-file"),
    pytest.param(lambda rs, tmp: str(_write_jsonl(rs, tmp)), id="jsonl-str"),
    pytest.param(lambda rs, tmp: _write_scan_format(rs, tmp, ".parquet"), id="parquet"),
    pytest.param(lambda rs, tmp: _write_scan_format(rs, tmp, ".csv"), id="csv"),
    pytest.param(lambda rs, tmp: _read_scan(rs, tmp), id="scan"),
    pytest.param(lambda rs, tmp: _read_scan(rs, tmp).to_pandas(), id="scan-to-pandas"),
]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_loads_the_same_masked_rows(shape, results, tmp_path, secret) -> None:
    loaded = load_results(shape(results, tmp_path))
    expected = [
        r.replace(findings=tuple(f.__class__(**{**_fields(f), "value": None}) for f in r.findings))
        for r in results
    ]
    assert _essentials(loaded) == _essentials(expected)
    assert all(f.value is None for r in loaded for f in r.findings)
    assert secret not in repr([r.to_dict() for r in loaded])


def _fields(f: object) -> dict[str, object]:
    return {name: getattr(f, name) for name in f.__slots__}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param("no/such/results.parquet", "not found", id="missing-file"),
        pytest.param(42, "cannot read results from a int", id="wrong-type"),
    ],
)
def test_bad_sources_say_what_to_do(source: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_results(source)


@pytest.mark.parametrize(
    "reader",
    [
        pytest.param(lambda p: pd.read_parquet(p).to_dict("records"), id="pandas"),
        pytest.param(lambda p: __import__("polars").read_parquet(p).to_dicts(), id="polars"),
        pytest.param(
            lambda p: __import__("duckdb").sql(f"SELECT * FROM '{p}'").df().to_dict("records"),
            id="duckdb",
        ),
    ],
)
def test_parquet_loads_without_glue(reader, results, tmp_path) -> None:
    path = _write_scan_format(results, tmp_path, ".parquet")
    rows = reader(str(path))
    assert [(r["source"], r["level"], int(r["score"])) for r in rows] == [
        (r.source, r.level, r.score) for r in results
    ]
    first = list(rows[0]["findings"])  # nested findings come back as records, no decoding
    assert [f["label"] for f in first] == [f.label for f in results[0].findings]


def test_duckdb_query_from_the_docs(results, tmp_path) -> None:
    import duckdb

    path = _write_scan_format(results, tmp_path, ".parquet")
    got = duckdb.sql(
        f"SELECT level, count(*) AS n FROM '{path}' GROUP BY level ORDER BY level"
    ).df()
    want = pd.Series([r.level for r in results]).value_counts().sort_index()
    assert dict(zip(got["level"], got["n"], strict=True)) == want.to_dict()
