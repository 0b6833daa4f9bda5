"""The one row reader: results in any shape -> ``DocumentResult``s.

    >>> from leakclf.rows import load_results
    >>> load_results("results.parquet")        # or .jsonl, .csv, a dataset folder,
    ...                                        # a Scan, a Census, a DataFrame, a list

The census, the rollups and the report all read results through ``load_results``; the scan
engine reads its own files back through ``from_row``. Raw values are dropped unless the
caller asks (``reveal=True``). The Arrow schema of the written files is ``rows.schema.SCHEMA``.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from os import PathLike
from typing import Any

from leakclf.config import Config
from leakclf.errors import ConfigError
from leakclf.model import DocumentResult
from leakclf.rows.convert import from_row
from leakclf.rows.files import FORMATS, format_of, raw_rows


def load_results(source: Any, *, reveal: bool = False) -> list[DocumentResult]:
    """DocumentResults from a results file, a Scan, a Census, a pandas or polars DataFrame or
    an iterable of DocumentResults or row dicts; raw values dropped unless ``reveal``."""
    if isinstance(source, (str, PathLike)):
        with gc_paused():  # reading rows only; a Scan that still has to run keeps the GC
            results = [from_row(row) for row in raw_rows(source)]
    elif isinstance(source, DocumentResult):
        results = [source]
    elif hasattr(source, "columns") and hasattr(source, "to_dicts"):  # a polars DataFrame
        with gc_paused():
            results = [from_row(row) for row in source.to_dicts()]
    elif hasattr(source, "columns") and hasattr(source, "to_dict"):  # a pandas DataFrame
        with gc_paused():
            results = [from_row(row) for row in source.to_dict("records")]
    else:
        held = getattr(source, "results", None)  # a Census holds its results
        if held is not None and not callable(held):
            source = held
        if not isinstance(source, Iterable) or isinstance(source, (str, bytes, Mapping)):
            raise ConfigError(
                f"cannot read results from a {type(source).__name__}; pass a results file "
                "(.parquet, .jsonl, .csv), a Scan, a DataFrame or a list of DocumentResult"
            )
        # a list, or a Scan (iterating runs it to the end)
        results = [r if isinstance(r, DocumentResult) else from_row(r) for r in source]
    return results if reveal else [masked(r) for r in results]


def config_of(source: Any, config: Config | None = None) -> Config:
    """``config`` if given, else the configuration the results were made with (a Scan or a
    Census knows it: own domains, k-threshold), else the defaults."""
    if config is not None:
        return config
    found = getattr(source, "config", None)
    return found if isinstance(found, Config) else Config()


def masked(result: DocumentResult) -> DocumentResult:
    """``result`` without raw values (``Finding.value``)."""
    if any(f.value is not None for f in result.findings):
        return result.replace(
            findings=tuple(dataclasses.replace(f, value=None) for f in result.findings)
        )
    return result


def read_results_iter(path: str | PathLike[str]) -> Iterator[DocumentResult]:
    """Stream DocumentResults from a results file or dataset; each row is converted once."""
    for row in raw_rows(path):
        yield from_row(row)


@contextmanager
def gc_paused() -> Iterator[None]:
    """A bulk load makes millions of small acyclic objects; the cyclic collector's passes over
    them cost more than the load itself (2.4x on 20,000 rows). Restores the previous state."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = [
    "FORMATS",
    "config_of",
    "format_of",
    "from_row",
    "gc_paused",
    "load_results",
    "masked",
    "raw_rows",
    "read_results_iter",
]
