"""The report's table of every document: searchable and sortable by the inline JS in ``assets``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from leakclf.model import DocumentResult
from leakclf.report import stats

TABLE_ROWS = 1000  # rows shown at once; the "show all" button lifts it


def badge(level: str) -> str:
    return f'<span class="lv lv-{escape(level)}">{escape(level)}</span>'


def folder_of(source: str) -> str:
    """The first folder below the scanned root (``dump/HR/cv.pdf`` -> ``HR``); files at the
    root, their attachments and members -> ``(root)``."""
    parts = source.split("!/", 1)[0].split("/")
    return parts[1] if len(parts) > 2 else ROOT_FOLDER


ROOT_FOLDER = "(root)"

#: The columns: (heading, header class, <col> class). Sorting and the CSV export read these.
HEADS = (
    ("document", "", "c-src"),
    ("type", "", "c-type"),
    ("level", "", "c-lv"),
    ("score", "num", "c-num"),
    ("findings", "num", "c-num"),
    ("entities", "", "c-ent"),
    ("reasons", "", "c-why"),
    ("status", "", "c-st"),
    ("date", "", "c-date"),
)


def file_table(results: Sequence[DocumentResult]) -> str:
    """Every document, highest score first; rows past ``TABLE_ROWS`` start hidden (JS pages them).

    Each row carries its level, doc type, folder and unread flag as ``data-`` attributes for
    the filters; the CSV export writes the filtered rows' cells, which hold no raw value.
    """
    cols = "".join(f'<col class="{col}">' for _, _, col in HEADS)
    sorted_by = ' aria-sort="descending"'
    thead = "".join(
        f'<th class="{cls}"{sorted_by if name == "score" else ""}>'
        f'<button type="button">{name}</button></th>'
        for name, cls, _ in HEADS
    )
    ranked = sorted(results, key=lambda r: -r.score)  # stable: ties keep scan order
    rows = []
    for i, r in enumerate(ranked):
        labels = ", ".join(f"{label} {n}" for label, n in stats.label_counts(r))
        reasons = "; ".join(text for text, _ in r.reasons)
        status = r.status + (f" ({r.unread_reason})" if r.unread_reason else "")
        rows.append(
            f'<tr data-l="{escape(r.level)}" data-t="{escape(r.doc_type)}" '
            f'data-f="{escape(folder_of(r.source))}" data-u="{1 if r.unread_reason else 0}"'
            f'{" hidden" if i >= TABLE_ROWS else ""}><td class="src">{escape(r.source)}</td>'
            f"<td>{escape(stats.doc_type_text(r))}</td>"
            f'<td data-v="{stats.level_rank(r.level)}">{badge(r.level)}</td>'
            f'<td class="num">{r.score}</td><td class="num">{len(r.findings)}</td>'
            f"<td>{escape(labels)}</td><td>{escape(reasons)}</td><td>{escape(status)}</td>"
            f'<td class="date">{escape(r.doc_date or "")}</td></tr>'
        )
    return (
        '<section id="files"><h2>All documents</h2>'
        f'<div class="filters">{_filters(ranked)}</div>'
        f'<div class="scroll"><table id="file-table" data-limit="{TABLE_ROWS}">'
        f"<colgroup>{cols}</colgroup><thead><tr>{thead}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _filters(results: Sequence[DocumentResult]) -> str:
    levels = Counter(r.level for r in results)
    types = Counter(r.doc_type for r in results)
    folders = Counter(folder_of(r.source) for r in results)
    unread = sum(1 for r in results if r.unread_reason)
    by_rank = sorted(levels, key=lambda lv: -stats.level_rank(lv))
    return (
        '<input id="search" type="search" placeholder="Filter: words from a name, type, '
        'level, entity…" aria-label="filter documents">'
        + _select("f-level", "level", [(lv, levels[lv]) for lv in by_rank])
        + _select("f-type", "doc type", types.most_common())
        + _select("f-folder", "folder", sorted(folders.items(), key=lambda kv: (-kv[1], kv[0])))
        + '<label>read <select id="f-unread"><option value="">all documents</option>'
        f'<option value="1">not read ({unread:,})</option>'
        f'<option value="0">read ({len(results) - unread:,})</option></select></label>'
        '<button type="button" id="export" title="the rows that match the filters, as CSV '
        '(masked, as shown)">export CSV</button>'
        '<span id="count"></span> <button type="button" id="show-all" hidden>show all</button>'
    )


def _select(ident: str, label: str, options: Sequence[tuple[str, int]]) -> str:
    items = "".join(
        f'<option value="{escape(value)}">{escape(value)} ({n:,})</option>' for value, n in options
    )
    return (
        f'<label>{escape(label)} <select id="{ident}"><option value="">any</option>'
        f"{items}</select></label>"
    )
