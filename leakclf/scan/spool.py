"""The Parquet output's rows as Arrow tables while the scan runs, so its tail only marks copies.

Writing a scan's Parquet output from the journal after the last file (decoding its JSON,
converting the rows to Arrow, marking copies, encoding Parquet) took about 0.5 s on one core
while the other idled. A fresh scan with a Parquet file output also converts each batch of
journaled rows (``writers.BATCH``) to an Arrow table as it goes, in the parallel part of the
scan, and keeps the tables in an Arrow IPC file beside the journal (0600, like the journal:
with ``reveal`` it holds raw values; one batch in memory at a time). After the last file it
reads them back (memory-mapped), sets the three columns that marking copies changes
(``status``, ``duplicate_of``, ``copies``: ``copies.mark_copies``' rule, from the journal's
``CopyIndex``) and writes the Parquet file. The journal stays the record a resume reads; a
resumed scan, another format and a caller that wants every row (``Scan.wait(on_row=...)``)
write from the journal as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from leakclf.privacy import create_private
from leakclf.scan.copies import CopyIndex
from leakclf.scan.writers import BATCH  # rows per table: the journal writer's row group

if TYPE_CHECKING:
    import pyarrow as pa


class Spool:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._rows: list[dict[str, Any]] = []
        self._fh: IO[bytes] | None = None
        self._writer: Any = None

    def add(self, rows: list[dict[str, Any]]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= BATCH:
            self._flush(self._rows[:BATCH])
            del self._rows[:BATCH]

    def _flush(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa  # load time: the driver imported it for the output already

        from leakclf.rows.schema import SCHEMA, to_table  # load time: pyarrow

        if self._writer is None:
            create_private(self.path)  # 0600 before the first byte, like the journal
            self._fh = open(self.path, "wb")  # noqa: SIM115 - held until close()
            self._writer = pa.ipc.new_stream(self._fh, SCHEMA)
        self._writer.write_table(to_table(rows))

    def close(self) -> None:
        """Write the rows still buffered and close the file (the scan has ended)."""
        if self._rows:
            self._flush(self._rows)
            self._rows = []
        if self._writer is not None:
            self._writer.close()
        if self._fh is not None:
            self._fh.close()
        self._writer = self._fh = None

    def tables(self, index: CopyIndex) -> Iterator[pa.Table]:
        """The spooled tables in order, copies marked by ``index`` (every row's sources)."""
        import pyarrow as pa  # load time: the driver imported it for the output already

        if not self.path.exists():
            return
        marks = Marks(index)
        with pa.memory_map(str(self.path)) as source:
            reader = pa.ipc.open_stream(source)
            for batch in reader:
                yield marks.apply(pa.Table.from_batches([batch]))

    def unlink(self) -> None:
        self.path.unlink(missing_ok=True)


class Marks:
    """``copies.mark_copies`` on Arrow tables: the same three columns for the same rows."""

    def __init__(self, index: CopyIndex) -> None:
        self.index = index
        self.canonical = index.canonical()

    def apply(self, table: pa.Table) -> pa.Table:
        import pyarrow as pa  # load time: the driver imported it for the output already

        canonical = self.canonical
        shas = table.column("sha256").to_pylist()
        sizes = table.column("size").to_pylist()
        hits = [
            i for i, (sha, size) in enumerate(zip(shas, sizes)) if size and sha and sha in canonical
        ]
        if not hits:
            return table
        sources = table.column("source").to_pylist()
        status = table.column("status").to_pylist()
        duplicate_of = table.column("duplicate_of").to_pylist()
        copies = table.column("copies").to_pylist()
        for i in hits:
            status[i], duplicate_of[i], copies[i] = self.index.marks(
                shas[i], canonical[shas[i]], sources[i], status[i]
            )
        schema = table.schema
        for name, values in (
            ("status", status),
            ("duplicate_of", duplicate_of),
            ("copies", copies),
        ):
            at = schema.get_field_index(name)
            table = table.set_column(at, schema.field(at), pa.array(values, schema.field(at).type))
        return table
