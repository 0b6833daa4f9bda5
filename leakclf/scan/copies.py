"""Which copy of the same bytes is the original: one rule, applied to the finished rows.

Every document (file, attachment, archive member) whose sha256 another document shares is one
of a set of copies. The canonical copy is the one with the shortest ``source``, then the first
in lexical order, whatever finished first; its row keeps its status and lists the others in
``copies``; every other row becomes ``status="duplicate"`` with ``duplicate_of`` naming it.
So ``dump/a.txt`` and ``dump/old.zip!/a.txt`` are one document and one duplicate, and two runs
over the same dump mark the same rows.

Empty content is never a copy of anything (all empty files are alike).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

Groups = Callable[[], Iterable[dict[str, Any]]]  # journal groups: {"rows": [row, ...], ...}


def rank(source: str) -> tuple[int, str]:
    """Lower is more canonical: shorter path first, then lexical order."""
    return (len(source), source)


class CopyIndex:
    """Which sources share bytes, gathered row by row (``mark_copies``' first look at the rows).

    The scan journal keeps one up to date as it appends, so marking the copies at the end reads
    the journal once instead of twice.
    """

    def __init__(self) -> None:
        self.first: dict[str, str] = {}  # sha256 -> the first source seen
        self.others: dict[str, list[str]] = {}  # sha256 -> the other sources (shared bytes)
        self.status: dict[str, str] = {}  # sha256 -> status of an analysed (non-duplicate) row

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            sha = _sha(row)
            if not sha:
                continue
            if sha in self.first:
                self.others.setdefault(sha, []).append(row["source"])
            else:
                self.first[sha] = row["source"]
            if row.get("status") != "duplicate":
                self.status.setdefault(sha, row.get("status") or "ok")

    def canonical(self) -> dict[str, str]:
        """sha256 -> its canonical source, for every sha256 that more than one source holds."""
        return {sha: min([self.first[sha], *more], key=rank) for sha, more in self.others.items()}

    def marks(
        self, sha: str, canonical: str, source: str, status: str
    ) -> tuple[str, str | None, list[str]]:
        """The ``status``, ``duplicate_of`` and ``copies`` of ``source``'s row, one of the copies
        of ``sha`` (``canonical``: ``canonical()[sha]``; ``status``: the row's own)."""
        if source != canonical:
            return "duplicate", canonical, []
        copies = sorted(
            (s for s in [self.first[sha], *self.others[sha]] if s != canonical), key=rank
        )
        return (self.status.get(sha, "ok") if status == "duplicate" else status), None, copies


def mark_copies(groups: Groups, index: CopyIndex | None = None) -> Iterator[dict[str, Any]]:
    """The rows of ``groups()`` with duplicates marked by ``rank``; reads ``groups`` twice, or
    once given the ``index`` of those same rows."""
    if index is None:
        index = CopyIndex()
        for group in groups():
            index.add(group["rows"])
    canonical = index.canonical()
    for group in groups():
        for row in group["rows"]:
            sha = _sha(row)
            if sha in canonical:
                status, duplicate_of, copies = index.marks(
                    sha, canonical[sha], row["source"], row["status"]
                )
                row = {**row, "status": status, "duplicate_of": duplicate_of, "copies": copies}
            yield row


def _sha(row: dict[str, Any]) -> str:
    return (row.get("sha256") or "") if row.get("size") else ""
