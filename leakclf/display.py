"""Notebook HTML for one ``DocumentResult`` (its ``_repr_html_``): masked previews only.

It sits beside ``model`` so a value can draw itself without reaching up into ``report``;
the report and the notebook views of many results reuse these pieces.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leakclf.model import DocumentResult

PREVIEWS_PER_LABEL = 3
#: The compact table notebooks show (inline style: a notebook has no stylesheet of ours).
TABLE = '<table class="leakclf" style="border-collapse:collapse;text-align:left">'
LEVEL_COLORS = {
    "public": "#64748b",
    "internal": "#2563eb",
    "confidential": "#b45309",
    "restricted": "#dc2626",
}


def level_html(level: str) -> str:
    color = LEVEL_COLORS.get(level, "#64748b")
    return f'<b style="color:{color}">{escape(level)}</b>'


def _row(head: str, cell: str) -> str:
    return (
        f'<tr><th style="text-align:left;vertical-align:top">{escape(head)}</th>'
        f'<td style="text-align:left">{cell}</td></tr>'
    )


def label_counts(result: DocumentResult) -> list[tuple[str, int]]:
    return Counter(f.label for f in result.findings).most_common()


def label_previews(result: DocumentResult, per_label: int = 3) -> list[tuple[str, int, list[str]]]:
    """Per label: mentions and the first few distinct masked previews, most frequent first."""
    previews: dict[str, list[str]] = defaultdict(list)
    for f in result.findings:
        seen = previews[f.label]
        if f.preview not in seen and len(seen) < per_label:
            seen.append(f.preview)
    return [(label, n, previews[label]) for label, n in label_counts(result)]


def result_html(result: DocumentResult) -> str:
    """One document: source, type, level, score, reasons, findings by label with masked previews."""
    reasons = "<br>".join(f"{escape(text)} (+{pts})" for text, pts in result.reasons) or "–"
    findings = (
        "<br>".join(
            f"{escape(label)} × {n}: <code>{escape(', '.join(shown))}</code>"
            for label, n, shown in label_previews(result, PREVIEWS_PER_LABEL)
        )
        or "–"
    )
    rows = [
        _row("source", f"<code>{escape(result.source)}</code>"),
        _row("type", escape(result.doc_type) + (" (signed)" if result.signed else "")),
        _row("level", f"{level_html(result.level)} · score {result.score}"),
        _row("reasons", reasons),
        _row("findings", findings),
    ]
    if result.status != "ok":
        kind = f" ({escape(result.error_kind)})" if result.error_kind else ""
        rows.insert(1, _row("status", escape(result.status) + kind))
    return TABLE + "".join(rows) + "</table>"
