"""Output files: JSONL, Parquet (file or dataset folder) and CSV, chosen by extension.

All are written from the journal in a streaming pass (bounded memory) to a temporary
name and renamed into place, so a reader never sees half a file. ``<out>.meta.json``
is the run header (leakclf version, schema version, config without key, run times, counts).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf.errors import OutputError
from leakclf.privacy import create_private
from leakclf.rows import format_of, gc_paused, read_results_iter
from leakclf.scan.journal import Done

if TYPE_CHECKING:
    import pyarrow as pa

BATCH = 2000


def write_rows(
    rows: Iterable[dict[str, Any]],
    out: str | Path,
    *,
    dataset: bool = False,
    meta: dict[str, Any] | None = None,
    private: bool = False,
) -> int:
    """Write rows to ``out`` atomically; returns the row count.

    ``private`` (rows with raw values): the file is created 0600 (a dataset folder 0700)
    before the first byte is written.
    """
    out = Path(out)
    fmt = format_of(out) if not dataset else "parquet"
    tmp = out.with_name(out.name + ".tmp")
    # the rows are acyclic dicts made and dropped in batches: the cyclic collector's passes
    # over them were a fifth of writing a scan's output (0.12 of 0.6 CPU s, bench dump)
    with gc_paused():
        return _write(rows, out, tmp, fmt, dataset=dataset, meta=meta, private=private)


def write_tables(
    tables: Iterable[pa.Table],
    out: str | Path,
    *,
    meta: dict[str, Any] | None = None,
    private: bool = False,
) -> int:
    """``write_rows`` for a Parquet file from Arrow tables in ``SCHEMA`` (``spool.Spool``)."""
    out = Path(out)
    return _write(
        tables, out, out.with_name(out.name + ".tmp"), "tables", meta=meta, private=private
    )


def _write(
    rows: Iterable[Any],
    out: Path,
    tmp: Path,
    fmt: str,
    *,
    dataset: bool = False,
    meta: dict[str, Any] | None,
    private: bool,
) -> int:
    try:
        if dataset:  # a fresh folder: no part left over from an interrupted write
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True, mode=0o700 if private else 0o777)
        elif private:
            create_private(tmp)
        if fmt == "jsonl":
            n = _jsonl(rows, tmp)
        elif fmt == "csv":
            n = _csv(rows, tmp)
        elif fmt == "tables":
            n = _parquet_tables(rows, tmp, meta)
        elif dataset:
            n = _dataset(rows, tmp, meta)
        else:
            n = _parquet(rows, tmp, meta)
        if out.is_dir() and not out.is_symlink():
            shutil.rmtree(out)
        os.replace(tmp, out)
    except OSError as exc:
        raise OutputError(f"cannot write results to {str(out)!r}: {exc.strerror or exc}")
    return n


def prepare_write(out: str | Path) -> None:
    """Import now what writing ``out`` will need: for Parquet, pyarrow and the pandas that
    ``pa.array`` imports on its first call (about 0.4 CPU s). A scan does it while its
    workers load their models, instead of after the last file."""
    if format_of(Path(out)) == "parquet":
        from leakclf.rows.schema import to_table  # load time: pyarrow (see above)

        to_table([])


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=True) + "\n")
            n += 1
    return n


def _csv(rows: Iterable[dict[str, Any]], path: Path) -> int:
    from leakclf.rows.schema import COLUMNS, csv_row  # load time: pyarrow only when writing

    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow(csv_row(row))
            n += 1
    return n


def _schema(meta: dict[str, Any] | None) -> Any:
    from leakclf.rows.schema import SCHEMA, SCHEMA_VERSION  # load time: pyarrow when writing

    return SCHEMA.with_metadata({"leakclf": json.dumps(meta or {"schema": SCHEMA_VERSION})})


def _parquet(rows: Iterable[dict[str, Any]], path: Path, meta: dict[str, Any] | None) -> int:
    from leakclf.rows.schema import to_table  # load time: pyarrow only when used

    return _parquet_tables((to_table(batch) for batch in _batches(rows)), path, meta)


def _parquet_tables(tables: Iterable[pa.Table], path: Path, meta: dict[str, Any] | None) -> int:
    import pyarrow.parquet as pq  # load time: pyarrow only when used

    from leakclf.rows.schema import to_table  # load time: pyarrow only when used

    n = 0
    with pq.ParquetWriter(path, _schema(meta)) as writer:
        for table in tables:
            writer.write_table(table.replace_schema_metadata(_schema(meta).metadata))
            n += table.num_rows
    if n == 0:  # an empty scan still has the schema
        pq.write_table(to_table([]).replace_schema_metadata(_schema(meta).metadata), path)
    return n


def _dataset(rows: Iterable[dict[str, Any]], path: Path, meta: dict[str, Any] | None) -> int:
    import pyarrow.parquet as pq  # load time: pyarrow only when used

    from leakclf.rows.schema import to_table  # load time: pyarrow only when used

    n = 0
    for i, batch in enumerate(_batches(rows)):
        table = to_table(batch).replace_schema_metadata(_schema(meta).metadata)
        pq.write_table(table, path / f"part-{i:05d}.parquet")
        n += len(batch)
    return n


def read_rows(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream row dicts from a results file or Parquet dataset folder."""
    for result in read_results_iter(path):
        yield result.to_dict()  # one shape (``DocumentResult.to_dict``) for every format


def read_table(path: str | Path) -> pa.Table:
    """A Parquet output as an Arrow table with ``SCHEMA``, read directly (no row round trip)."""
    import pyarrow.dataset as ds  # load time: pyarrow only when used

    from leakclf.rows.schema import COLUMNS, SCHEMA  # load time: pyarrow only when used

    return (
        ds.dataset(str(path), format="parquet")
        .to_table()
        .select(list(COLUMNS))
        .cast(SCHEMA)
        .replace_schema_metadata(None)
    )


def done_from_output(path: str | Path) -> Done:
    """Keys of the files a finished output holds (reads only the key columns of Parquet)."""
    done = Done()
    path = Path(path)
    if format_of(path) == "parquet":
        import pyarrow.dataset as ds  # load time: pyarrow only when used

        cols = ["source", "parent", "size", "mtime", "sha256"]
        table = ds.dataset(str(path), format="parquet").to_table(columns=cols)
        for row in table.to_pylist():
            if row["parent"] is None:
                done.add(row["source"], int(row["size"] or 0), row["mtime"], row["sha256"] or "")
        return done
    for row in read_rows(path):
        if row.get("parent") is None:
            done.add(
                row["source"], int(row.get("size") or 0), row.get("mtime"), row.get("sha256") or ""
            )
    return done


def groups_from_output(path: str | Path) -> Iterator[dict[str, Any]]:
    """Regroup a finished output's rows per top-level file (rows of one file are adjacent)."""
    group: dict[str, Any] | None = None
    for row in read_rows(path):
        if row.get("parent") is None:
            if group is not None:
                yield group
            group = {
                "top": row["source"],
                "size": row.get("size"),
                "mtime": row.get("mtime"),
                "sha256": row.get("sha256") or "",
                "original": row.get("status") != "duplicate",
                "rows": [row],
            }
        elif group is not None:
            group["rows"].append(row)
    if group is not None:
        yield group


def write_meta(out: str | Path, meta: dict[str, Any]) -> None:
    path = Path(str(out) + ".meta.json")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True, default=str), encoding="utf-8")
    os.replace(tmp, path)
