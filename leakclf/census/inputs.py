"""Results in any shape -> a list of DocumentResult, keeping signatures (and values, if present).

Accepted: a Scan (``.results`` or iterable), a list/iterable of DocumentResult or row dicts,
a pandas DataFrame of result rows, or a results file (.parquet, .jsonl, .csv).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from leakclf.errors import ConfigError
from leakclf.model import DocumentResult


def load_results(source: Any) -> list[DocumentResult]:
    if isinstance(source, (str, Path)):
        return _read_file(Path(source))
    if isinstance(source, DocumentResult):
        return [source]
    if hasattr(source, "columns") and hasattr(source, "to_dict"):  # a pandas DataFrame
        return [_from_dict(row) for row in source.to_dict("records")]
    results = getattr(source, "results", None)
    if results is not None and not callable(results):
        return load_results(results)
    if isinstance(source, Iterable):
        return [r if isinstance(r, DocumentResult) else _from_dict(r) for r in source]
    raise ConfigError(
        f"cannot read results from a {type(source).__name__}; pass a Scan, a results file "
        "(.parquet, .jsonl, .csv), a DataFrame or a list of DocumentResult"
    )


def _read_file(path: Path) -> list[DocumentResult]:
    if not path.exists():
        raise ConfigError(
            f"results {str(path)!r} not found; write them with `leakclf scan DIR -o {path.name}`"
        )
    try:  # the scan engine's reader knows its own format best
        from leakclf.scan import read_results  # type: ignore[attr-defined]
    except ImportError:
        from leakclf.scan.writers import read_rows

        return [_from_dict(row) for row in read_rows(path)]
    return load_results(read_results(path))


def _from_dict(row: Any) -> DocumentResult:
    from leakclf.scan.rows import from_row

    if not isinstance(row, dict):
        raise ConfigError(f"a result row must be a mapping, found {type(row).__name__}")
    return from_row({k: _plain(v) for k, v in row.items()})


def _plain(value: Any) -> Any:
    """numpy arrays (pandas from Parquet) -> lists, NaN -> None, recursively for findings."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
