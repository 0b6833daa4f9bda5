"""The journal: one JSON line per top-level file with all its rows, flushed as each file ends.

A SIGKILL can only cut the last line, which is ignored on read, so a file is either
fully recorded or not at all. The final output (JSONL, Parquet, CSV) is written from the
journal at the end; ``resume`` reads the journal, or the final output if the run finished.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from leakclf.errors import OutputError
from leakclf.privacy import create_private
from leakclf.scan.copies import CopyIndex


@dataclass
class Done:
    """What a previous run finished: keys to skip, and where to find rows for reuse."""

    by_key: set[tuple[str, int, float | None]] = field(default_factory=set)
    by_source: dict[str, str] = field(default_factory=dict)  # top source -> sha256
    tops: set[str] = field(default_factory=set)

    def add(self, top: str, size: int, mtime: float | None, sha256: str) -> None:
        self.by_key.add((top, size, _round(mtime)))
        self.by_source[top] = sha256
        self.tops.add(top)


def _round(mtime: float | None) -> float | None:
    return None if mtime is None else round(float(mtime), 3)


def key_of(source: str, size: int, mtime: float | None) -> tuple[str, int, float | None]:
    return (source, size, _round(mtime))


class Journal:
    """Append-only group log. ``offsets`` maps a sha256 to the line of its analysed original."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.offsets: dict[str, int] = {}
        self.copies = CopyIndex()  # of every row appended or found on opening
        self._fh: IO[bytes] | None = None

    def open(self, *, fresh: bool) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if fresh or not self.path.exists():
                create_private(self.path)  # 0600: with reveal it holds raw values
                self._fh = open(self.path, "wb")  # noqa: SIM115 - held for the run, closed by close()
                return
            good = 0
            for offset, end, group in _groups(self.path):
                good = end
                self.copies.add(group["rows"])
                if group.get("original"):
                    self.offsets.setdefault(group["sha256"], offset)
            self._fh = open(self.path, "r+b")  # noqa: SIM115 - as above
            self._fh.truncate(good)  # drop a line cut by a kill
            self._fh.seek(good)
        except OSError as exc:
            raise OutputError(f"cannot write the scan journal {str(self.path)!r}: {exc.strerror}")

    def append(self, group: dict[str, Any]) -> None:
        assert self._fh is not None
        offset = self._fh.tell()
        line = json.dumps(group, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"
        try:
            self._fh.write(line)
            self._fh.flush()
        except OSError as exc:
            raise OutputError(f"cannot write the scan journal {str(self.path)!r}: {exc.strerror}")
        if group.get("original") and group.get("sha256"):
            self.offsets.setdefault(group["sha256"], offset)
        self.copies.add(group["rows"])

    def rows_at(self, offset: int) -> list[dict[str, Any]]:
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            return json.loads(fh.readline())["rows"]

    def close(self, *, sync: bool = True) -> None:
        if self._fh is None:
            return
        fh, self._fh = self._fh, None
        try:
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:  # e.g. disk full: a clear OutputError, not a traceback
            raise OutputError(f"cannot write the scan journal {str(self.path)!r}: {exc.strerror}")
        finally:
            try:
                fh.close()
            except OSError:
                pass  # the unflushed tail of a failed append: already reported

    def groups(self) -> Iterator[dict[str, Any]]:
        for _, _, group in _groups(self.path):
            yield group


def _groups(path: Path) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """(offset, end, group) for every complete line; stops at the first damaged one."""
    with open(path, "rb") as fh:
        offset = 0
        for line in fh:
            end = offset + len(line)
            if not line.endswith(b"\n"):
                return
            try:
                group = json.loads(line)
            except ValueError:
                return
            yield offset, end, group
            offset = end


def done_from_groups(groups: Iterator[dict[str, Any]]) -> Done:
    done = Done()
    for g in groups:
        done.add(g["top"], int(g.get("size") or 0), g.get("mtime"), g.get("sha256") or "")
    return done
