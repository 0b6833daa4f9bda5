"""Batch scanning: folders, archives and fsspec URLs; local process pool or Dask; resume; outputs.

scan(root, out=..., resume=..., engine="local"|"dask") -> Scan
read_results(path) -> Scan          (finished; .parquet, .jsonl, .csv or a Parquet dataset)
write_rows(rows, path)              (the writers, by extension)
"""

from typing import Any

from leakclf._modules import make_callable
from leakclf.rows import from_row
from leakclf.scan.core import Scan, read_results, scan
from leakclf.scan.writers import read_rows, write_rows

#: Names read from ``leakclf.rows.schema`` when first asked: it imports pyarrow (0.2 s), which
#: ``leakclf scan`` would otherwise pay before its workers start loading their models.
_SCHEMA_NAMES = ("SCHEMA", "SCHEMA_VERSION", "TIMING_COLUMNS", "to_table")


def __getattr__(name: str) -> Any:
    if name in _SCHEMA_NAMES:
        from leakclf.rows import schema  # load time: pyarrow only when asked

        return getattr(schema, name)
    raise AttributeError(f"module 'leakclf.scan' has no attribute {name!r}")


__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "TIMING_COLUMNS",
    "Scan",
    "from_row",
    "read_results",
    "read_rows",
    "scan",
    "to_table",
    "write_rows",
]


make_callable(__name__, scan)
