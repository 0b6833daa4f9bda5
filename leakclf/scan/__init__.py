"""Batch scanning: folders, archives and fsspec URLs; local process pool or Dask; resume; outputs.

scan(root, out=..., resume=..., engine="local"|"dask") -> Scan
read_results(path) -> Scan          (finished; .parquet, .jsonl, .csv or a Parquet dataset)
write_rows(rows, path)              (the writers, by extension)
"""

from leakclf._modules import make_callable
from leakclf.rows import from_row
from leakclf.rows.schema import SCHEMA, SCHEMA_VERSION, TIMING_COLUMNS, to_table
from leakclf.scan.core import Scan, read_results, scan
from leakclf.scan.writers import read_rows, write_rows

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
