"""Notebook HTML: one ``DocumentResult`` (its ``_repr_html_``) and the summary of many
(``Scan._repr_html_`` and ``leakclf.report.scan_html`` draw the same one). Masked previews only.

It sits beside ``model`` so a value, and a scan, can draw itself without reaching up into
``report``; the report reuses these pieces and counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from html import escape

from leakclf.counts import Counts
from leakclf.model import LEVELS as _LEVELS
from leakclf.model import STATUSES, DocumentResult

#: Rows that carry a classification (errors and unsupported files do not).
CLASSIFIED = ("ok", "duplicate")
PREVIEWS_PER_LABEL = 3
TOP_ROWS = 10
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


def doc_type_text(result: DocumentResult) -> str:
    """``invoice 0.93``; an uncertain type is marked: ``other? 0.21 uncertain``."""
    if result.doc_type_uncertain:
        return f"{result.doc_type}? {result.doc_type_confidence:.2f} uncertain"
    return f"{result.doc_type} {result.doc_type_confidence:.2f}"


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
        _row("type", escape(doc_type_text(result)) + (" (signed)" if result.signed else "")),
        _row("level", f"{level_html(result.level)} · score {result.score}"),
        _row("reasons", reasons),
        _row("findings", findings),
    ]
    if result.status != "ok":
        kind = f" ({escape(result.error_kind)})" if result.error_kind else ""
        rows.insert(1, _row("status", escape(result.status) + kind))
    return TABLE + "".join(rows) + "</table>"


def level_rank(level: str) -> int:
    return _LEVELS.index(level) if level in _LEVELS else -1


def classified(results: Sequence[DocumentResult]) -> list[DocumentResult]:
    return [r for r in results if r.status in CLASSIFIED]


def summary(results: Sequence[DocumentResult]) -> dict[str, int]:
    """Headline numbers, counted as everywhere else (``leakclf.counts``): files, documents,
    findings, documents per status, per level and not read, plus unique values."""
    c = Counts.of(results)
    out = {
        "documents": c.documents,
        "files": c.files,
        "findings": c.findings,
        "unique_values": len({(f.label, f.digest) for r in results for f in r.findings}),
        "not_read": sum(c.not_read.values()),
    }
    for status in STATUSES:
        out[status] = c.statuses[status]
    for level in _LEVELS:
        out[level] = c.levels[level]
    return out


def not_read(results: Sequence[DocumentResult]) -> dict[str, int]:
    """The unread triage group: documents with no text, by reason (duplicates left out)."""
    return dict(Counts.of(results).not_read.most_common())


def top_files(results: Sequence[DocumentResult], n: int = 15) -> list[DocumentResult]:
    """The files to read first: highest score, duplicates left out."""
    ranked = [r for r in results if r.status == "ok"]
    ranked.sort(key=lambda r: (-r.score, -level_rank(r.level), r.source))
    return ranked[:n]


def summary_html(results: Sequence[DocumentResult]) -> str:
    """Many results at a glance: counts by level and status, what was not read and why, then
    the highest-scoring documents (labels and counts only, never a preview)."""
    s = summary(results)
    levels = " · ".join(f"{level_html(lv)} {s[lv]:,}" for lv in reversed(_LEVELS))
    head = (
        f"<p><b>{s['documents']:,}</b> documents (files, attachments and archive members) from "
        f"<b>{s['files']:,}</b> files · documents by level: {levels} · {s['findings']:,} "
        f"findings (every mention, copies included) · {s['duplicate']:,} duplicates · "
        f"{s['not_read']:,} not read · "
        f"{sum(r.doc_type_uncertain for r in classified(results)):,} with an uncertain doc type</p>"
    )
    reasons = not_read(results)
    if reasons:
        listed = ", ".join(f"{escape(k)} {v:,}" for k, v in reasons.items())
        head += f"<p>not read - {sum(reasons.values()):,} documents, by reason: {listed}</p>"
    top = top_files(results, TOP_ROWS)
    rows = "".join(
        f"<tr><td><code>{escape(r.source)}</code></td><td>{escape(doc_type_text(r))}</td>"
        f"<td>{level_html(r.level)}</td><td>{r.score}</td>"
        f"<td>{escape(', '.join(f'{label} {n}' for label, n in label_counts(r)[:4]))}</td></tr>"
        for r in top
    )
    table = (
        TABLE + "<thead><tr><th>source</th><th>type</th><th>level</th><th>score</th>"
        f"<th>entities</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return f'<div class="leakclf-scan">{head}{table if top else ""}</div>'
