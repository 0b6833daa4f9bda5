"""The report's table of every document: searchable and sortable by the inline JS in ``assets``."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from leakclf.model import DocumentResult
from leakclf.report import stats

TABLE_ROWS = 1000  # rows shown at once; the "show all" button lifts it


def badge(level: str) -> str:
    return f'<span class="lv lv-{escape(level)}">{escape(level)}</span>'


def file_table(results: Sequence[DocumentResult]) -> str:
    """Every document, highest score first; rows past ``TABLE_ROWS`` start hidden (JS pages them)."""
    heads = [
        ("document", "", "c-src"),
        ("type", "", "c-type"),
        ("level", "", "c-lv"),
        ("score", "num", "c-num"),
        ("findings", "num", "c-num"),
        ("entities", "", ""),
        ("reasons", "", ""),
        ("status", "", "c-st"),
    ]
    cols = "".join(f'<col class="{col}">' if col else "<col>" for _, _, col in heads)
    sorted_by = ' aria-sort="descending"'
    thead = "".join(
        f'<th class="{cls}"{sorted_by if name == "score" else ""}>'
        f'<button type="button">{name}</button></th>'
        for name, cls, _ in heads
    )
    ranked = sorted(results, key=lambda r: -r.score)  # stable: ties keep scan order
    rows = []
    for i, r in enumerate(ranked):
        labels = ", ".join(f"{label} {n}" for label, n in stats.label_counts(r))
        reasons = "; ".join(text for text, _ in r.reasons)
        rows.append(
            f'<tr{" hidden" if i >= TABLE_ROWS else ""}><td class="src">{escape(r.source)}</td>'
            f"<td>{escape(r.doc_type)}</td>"
            f'<td data-v="{stats.level_rank(r.level)}">{badge(r.level)}</td>'
            f'<td class="num">{r.score}</td><td class="num">{len(r.findings)}</td>'
            f"<td>{escape(labels)}</td><td>{escape(reasons)}</td><td>{escape(r.status)}</td></tr>"
        )
    return (
        '<section id="files"><h2>All documents</h2>'
        '<p><input id="search" type="search" placeholder="Filter: words from a name, type, level, entity…" '
        'aria-label="filter documents"><span id="count"></span> '
        '<button type="button" id="show-all" hidden>show all</button></p>'
        f'<table id="file-table" data-limit="{TABLE_ROWS}"><colgroup>{cols}</colgroup>'
        f"<thead><tr>{thead}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )
