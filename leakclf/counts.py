"""One definition of every count leakclf shows.

The CLI summary, the progress line, ``Scan.summary()``, the HTML report and the notebook view
all count with ``Counts``, so a number means the same thing wherever it appears:

    files        top-level files (rows without a parent)
    documents    every row: files, attachments and archive members, copies and unread included
    findings     every finding in every document, copies included (the census's raw mentions)
    by level     documents per level; every document has one (unread ones get the policy's)
    by status    documents per status: ok, duplicate, error, unsupported, skipped_limit
    duplicates   documents whose bytes an earlier-ranked document holds (status "duplicate")
    by doc type  documents per doc type, copies left out
    not read     documents with no text, by reason, copies left out
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from leakclf.model import LEVELS, STATUSES, DocumentResult

#: What each count counts, in words, for every place that prints one.
LABELS = {
    "files": "files (top-level)",
    "documents": "documents (files, attachments and archive members)",
    "findings": "findings (every mention, copies included)",
    "by_level": "documents by level",
    "duplicates": "duplicates (copies of another document)",
    "not_read": "documents not read",
}


@dataclass
class Counts:
    files: int = 0
    documents: int = 0
    findings: int = 0
    bytes: int = 0  # size of the top-level files
    levels: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    doc_types: Counter[str] = field(default_factory=Counter)
    not_read: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, results: Iterable[DocumentResult]) -> Counts:
        counts = cls()
        for r in results:
            counts.add(r)
        return counts

    def add(self, r: DocumentResult) -> None:
        self.add_fields(
            r.parent, r.size, r.status, r.level, r.doc_type, r.unread_reason, len(r.findings)
        )

    def add_row(self, row: Mapping[str, Any]) -> None:
        """``add`` for a row in ``DocumentResult.to_dict``'s shape (a scan's written rows),
        without building the DocumentResult."""
        self.add_fields(
            row["parent"],
            row["size"],
            row["status"],
            row["level"],
            row["doc_type"],
            row["unread_reason"],
            len(row["findings"]),
        )

    def add_fields(
        self,
        parent: str | None,
        size: int,
        status: str,
        level: str,
        doc_type: str,
        unread_reason: str | None,
        findings: int,
    ) -> None:
        """``add`` from a row's fields (``findings``: how many), as a column store holds them."""
        self.documents += 1
        self.findings += findings
        self.levels[level] += 1
        self.statuses[status] += 1
        if parent is None:
            self.files += 1
            self.bytes += size
        if status != "duplicate":
            self.doc_types[doc_type] += 1
            if unread_reason:
                self.not_read[unread_reason] += 1

    @property
    def duplicates(self) -> int:
        return self.statuses["duplicate"]

    def at_or_above(self, level: str) -> int:
        return sum(self.levels[lv] for lv in LEVELS[LEVELS.index(level) :])

    def as_dict(self) -> dict[str, Any]:
        """The shape of ``Scan.summary()``."""
        return {
            "files": self.files,
            "documents": self.documents,
            "bytes": self.bytes,
            "findings": self.findings,
            "by_level": {lv: self.levels[lv] for lv in LEVELS},
            "by_status": {st: self.statuses[st] for st in STATUSES},
            "by_doc_type": dict(self.doc_types.most_common()),
            "duplicates": self.duplicates,
            "not_read": dict(self.not_read.most_common()),
        }
