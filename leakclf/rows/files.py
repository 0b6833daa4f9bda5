"""Stored rows from a results file: JSONL, CSV, a Parquet file or a Parquet dataset folder."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import Any

from leakclf.errors import ConfigError

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".csv": "csv"}


def format_of(path: str | Path) -> str:
    p = Path(path)
    if p.is_dir():
        return "parquet"  # a Parquet dataset folder (Dask engine)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ConfigError(
            f"unknown results format {p.suffix!r} for {str(p)!r}; use one of {sorted(FORMATS)}"
        )
    return fmt


def raw_rows(path: str | PathLike[str]) -> Iterator[dict[str, Any]]:
    """The rows as stored (``convert.from_row`` reads every one of these shapes)."""
    path = Path(path)
    if not path.exists():
        raise ConfigError(
            f"results {str(path)!r} not found; write them with `leakclf scan DIR -o {path.name}`"
        )
    fmt = format_of(path)
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    elif fmt == "csv":
        csv.field_size_limit(2**31 - 1)
        with open(path, encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)
    else:
        import pyarrow.dataset as ds  # load time: pyarrow only when a Parquet file is read

        for batch in ds.dataset(str(path), format="parquet").to_batches():
            yield from batch.to_pylist()
