"""Counts shared by the HTML report, the plots and the notebook display.

Everything here works on masked ``DocumentResult`` lists (see ``rows.load_results``).
Raw-versus-unique counts and organisations come from the census (see ``census_view``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from leakclf.counts import Counts
from leakclf.display import (
    CLASSIFIED,
    classified,
    doc_type_text,
    label_counts,
    label_previews,
    level_rank,
    summary,
    top_files,
)
from leakclf.model import DOC_TYPES, LEVELS, DocumentResult


def level_counts(results: Sequence[DocumentResult]) -> dict[str, int]:
    counts = Counts.of(results).levels
    return {level: counts.get(level, 0) for level in LEVELS}


def doctype_levels(results: Sequence[DocumentResult]) -> dict[str, dict[str, int]]:
    """doc_type -> level -> documents, doc types in DOC_TYPES order, empty ones left out."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in classified(results):
        table[r.doc_type][r.level] += 1
    order = [t for t in DOC_TYPES if t in table] + sorted(set(table) - set(DOC_TYPES))
    return {t: {lv: table[t].get(lv, 0) for lv in LEVELS} for t in order}


__all__ = [
    "CLASSIFIED",
    "classified",
    "doc_type_text",
    "doctype_levels",
    "label_counts",
    "label_previews",
    "level_counts",
    "level_rank",
    "summary",
    "top_files",
]
