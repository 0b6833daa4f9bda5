"""A scan's tail (after the last file: the output written and tallied), both ways, in one process.

    .venv/bin/python benchmarks/bench_scan_tail.py RESULTS.parquet [--rounds 5]

Rebuilds, from a finished Parquet output, what a scan holds after its last file: the journal
(one line per top-level file, as ``Runner`` appends them) and the spool of Arrow tables
(``scan.spool``). Then, rounds alternating the order, CPU seconds (``time.process_time``) of:

* ``journal``: what a scan did before the spool, and still does for a resumed run, JSONL, CSV
  or ``on_row``: ``write_rows(mark_copies(...))`` with every row tallied (the CLI's
  ``Tally.add_row``) as it is written;
* ``spool``: what a fresh scan to a Parquet file does now: ``write_tables`` of the spooled
  tables with the copies marked on them, then the CLI's ``Tally.add_output`` of the file;

and, once, ``spooling``: the CPU the spool adds during the run (``Spool.add`` of every row: the
Arrow conversion, in the part of the scan where the workers keep both cores busy).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from leakclf.rows import gc_paused
from leakclf.scan.console import Tally
from leakclf.scan.copies import mark_copies
from leakclf.scan.journal import Journal
from leakclf.scan.spool import Spool
from leakclf.scan.writers import groups_from_output, prepare_write, write_rows, write_tables


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="leakclf-tail-"))
    out = work / "out.parquet"
    prepare_write(out)  # a scan imports pyarrow and pandas during its head
    journal = Journal(work / "out.parquet.partial.jsonl")
    journal.open(fresh=True)
    groups = list(groups_from_output(args.results))
    spool = Spool(work / "out.parquet.partial.arrow")
    t0 = time.process_time()
    for group in groups:
        spool.add(group["rows"])
    spool.close()
    spooling = time.process_time() - t0
    for group in groups:
        journal.append(group)
    journal.close()
    del groups
    rows = sum(1 for _ in journal.groups() for _ in _["rows"])
    print(f"{rows} rows; spooling during the run: {spooling:.3f} CPU s")

    def by_journal() -> None:
        tally = Tally(20)

        def told():  # type: ignore[no-untyped-def]
            for row in mark_copies(journal.groups, journal.copies):
                tally.add_row(row)
                yield row

        write_rows(told(), out, meta={})

    def by_spool() -> None:
        with gc_paused():
            write_tables(spool.tables(journal.copies), out, meta={})
        Tally(20).add_output(out)

    for r in range(1, args.rounds + 1):
        ways = [("journal", by_journal), ("spool", by_spool)]
        if r % 2 == 0:
            ways.reverse()
        got = {}
        for name, way in ways:
            t0 = time.process_time()
            way()
            got[name] = time.process_time() - t0
        print(
            f"round {r}: journal {got['journal']:.3f}  spool {got['spool']:.3f} CPU s"
            f"  spool/journal {got['spool'] / got['journal']:.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
