"""Counts shared by the HTML report, the plots and the notebook display.

Everything here works on masked ``DocumentResult`` lists (see ``rows.load_results``).
Raw-versus-unique counts and organisations come from the census (see ``census_view``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from leakclf.display import label_counts, label_previews
from leakclf.model import DOC_TYPES, LEVELS, DocumentResult

#: Rows that carry a classification (errors and unsupported files do not).
CLASSIFIED = ("ok", "duplicate")


def level_rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else -1


def classified(results: Sequence[DocumentResult]) -> list[DocumentResult]:
    return [r for r in results if r.status in CLASSIFIED]


def summary(results: Sequence[DocumentResult]) -> dict[str, int]:
    """Headline numbers: documents, top-level files, statuses, findings, unique values."""
    statuses = Counter(r.status for r in results)
    digests = {(f.label, f.digest) for r in results for f in r.findings}
    out = {
        "documents": len(results),
        "files": sum(1 for r in results if r.parent is None),
        "findings": sum(len(r.findings) for r in results),
        "unique_values": len(digests),
    }
    for status in ("ok", "duplicate", "error", "unsupported", "skipped_limit"):
        out[status] = statuses.get(status, 0)
    for level in LEVELS:
        out[level] = sum(1 for r in classified(results) if r.level == level)
    return out


def level_counts(results: Sequence[DocumentResult]) -> dict[str, int]:
    counts = Counter(r.level for r in classified(results))
    return {level: counts.get(level, 0) for level in LEVELS}


def doctype_levels(results: Sequence[DocumentResult]) -> dict[str, dict[str, int]]:
    """doc_type -> level -> documents, doc types in DOC_TYPES order, empty ones left out."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in classified(results):
        table[r.doc_type][r.level] += 1
    order = [t for t in DOC_TYPES if t in table] + sorted(set(table) - set(DOC_TYPES))
    return {t: {lv: table[t].get(lv, 0) for lv in LEVELS} for t in order}


def top_files(results: Sequence[DocumentResult], n: int = 15) -> list[DocumentResult]:
    """The files to read first: highest score, duplicates left out."""
    ranked = [r for r in results if r.status == "ok"]
    ranked.sort(key=lambda r: (-r.score, -level_rank(r.level), r.source))
    return ranked[:n]


__all__ = [
    "CLASSIFIED",
    "classified",
    "doctype_levels",
    "label_counts",
    "label_previews",
    "level_counts",
    "level_rank",
    "summary",
    "top_files",
]
