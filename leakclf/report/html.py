"""The self-contained HTML report: one file, inline CSS/JS/SVG, masked values only.

A Content-Security-Policy in the page forbids every network request and every
script but our own (pinned by hash), so even a missed escape could not run.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf.census.render import DEFINITIONS, entities_table
from leakclf.config import Config
from leakclf.counts import LABELS
from leakclf.errors import OutputError
from leakclf.model import DocumentResult
from leakclf.privacy import create_private
from leakclf.report import assets, stats, svg
from leakclf.report.census_view import ensure_census, entity_rows, org_note, org_rows
from leakclf.report.rollup_view import folder_section
from leakclf.report.table import badge as _badge
from leakclf.report.table import file_table
from leakclf.rows import config_of, load_results
from leakclf.scoring.unread import not_read

if TYPE_CHECKING:
    from leakclf.census import Census

TOP_FILES = 20
TOP_ORGS = 50


def write_html(
    results_or_path: Any,
    out: str | Path,
    *,
    census: Any = None,
    config: Config | None = None,
    reveal: bool = False,
) -> Path:
    """Write the report for a results file, a Scan, a DataFrame or DocumentResults; return its path.

    ``reveal``: keep the raw values the results hold (they were scanned with ``reveal``); the
    page then says so in its header and the file is created 0600. ``census`` is built from
    the results unless you pass one, with ``config`` or else the
    configuration the results were made with (a Scan's or a Census's own domains, k-threshold).
    """
    title = Path(results_or_path).name if isinstance(results_or_path, (str, Path)) else ""
    config = config_of(census if census is not None else results_or_path, config)
    results = load_results(results_or_path, reveal=reveal)
    if census is None:
        census = ensure_census(results, config)
    raw = any(f.value is not None for r in results for f in r.findings)
    page = render_html(results, census, title=title)
    path = Path(out)
    tmp = path.with_name(path.name + ".tmp")
    try:
        if raw:  # owner-only before the first byte is written
            create_private(tmp)
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(
            f"could not write the report to {str(path)!r}: {exc.strerror or exc}; "
            "check the folder exists and is writable"
        ) from None
    return path


def render_html(results: Sequence[DocumentResult], census: Census, *, title: str = "") -> str:
    head = f"leakclf report — {title}" if title else "leakclf report"
    sections = [
        _summary(results, census),
        _charts(results),
        _census(census),
        _top(results, reveal=any(f.value is not None for r in results for f in r.findings)),
        folder_section(results, census.config),
        _orgs(census),
        file_table(results),
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{assets.csp(assets.JS)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(head)}</title><style>{assets.CSS}</style></head><body>"
        f"<header><h1>{escape(head)}</h1>{_privacy_note(results)}</header>"
        + "".join(sections)
        + f"<script>{assets.JS}</script></body></html>"
    )


def _privacy_note(results: Sequence[DocumentResult]) -> str:
    if any(f.value is not None for r in results for f in r.findings):
        return (
            '<p class="warn" id="raw-values"><b>This report contains raw values</b> (written '
            "with --reveal): names, numbers and secrets appear as found. Keep it as private "
            "as the dump itself. It makes no network requests.</p>"
        )
    return (
        '<p class="note">Values are masked (keyed digests and previews); this file makes no '
        "network requests.</p>"
    )


def _card(value: int, label: str, key: str = "") -> str:
    data = f' data-count="{escape(key)}"' if key else ""
    return f'<div class="card"{data}><b>{value:,}</b><span>{escape(label)}</span></div>'


def _summary(results: Sequence[DocumentResult], census: Census) -> str:
    """Counted as everywhere else (``leakclf.counts``); each card says what it counts."""
    s = stats.summary(results)
    docs = census.summary()["documents"]
    unread = not_read(results)
    cards = [
        _card(s["files"], LABELS["files"], "files"),
        _card(s["documents"], LABELS["documents"], "documents"),
        _card(s["restricted"], "restricted documents", "restricted"),
        _card(s["confidential"], "confidential documents", "confidential"),
        _card(s["findings"], LABELS["findings"], "findings"),
        _card(s["duplicate"], LABELS["duplicates"], "duplicates"),
        _card(docs["unique_text"], "documents unique by text"),
        _card(docs["unique_after_near_dup"], "documents unique after near-duplicates"),
        _card(
            sum(unread.values()),
            "documents not read (no text: never counted as public)",
            "not_read",
        ),
    ]
    return (
        f'<section id="summary"><h2>Summary</h2><div class="cards">{"".join(cards)}</div>'
        f"{_not_read(unread)}</section>"
    )


def _not_read(unread: dict[str, int]) -> str:
    """The unread triage group: "not read - N documents, by reason"."""
    if not unread:
        return ""
    rows = "".join(f"<tr><td>{escape(why)}</td><td>{n:,}</td></tr>" for why, n in unread.items())
    return (
        f'<div id="not-read"><h3>not read - {sum(unread.values()):,} documents, by reason</h3>'
        f"<table><tr><th>reason</th><th>documents</th></tr>{rows}</table></div>"
    )


def _charts(results: Sequence[DocumentResult]) -> str:
    levels = svg.bar_chart(
        "Documents by sensitivity level",
        list(stats.level_counts(results).items()),
        svg.LEVEL_COLORS,
    )
    types = svg.stacked_chart("Document types by level", stats.doctype_levels(results))
    return (
        '<section id="charts"><h2>Sensitivity and document types</h2><div class="charts">'
        f"<figure><figcaption>Documents by level</figcaption>{levels}</figure>"
        f"<figure><figcaption>Document types by level</figcaption>{types}</figure>"
        "</div></section>"
    )


def _census(census: Census) -> str:
    counts = entity_rows(census)
    items = [(c["kind"], c["mentions"], c["unique"]) for c in counts]
    chart = svg.paired_chart(
        "Entities: raw mentions versus unique values", items, ("raw", "unique")
    )
    table = entities_table(census.summary(), ' class="compact"')  # the census's own table
    return (
        '<section id="census"><h2>Census: raw mentions versus unique values</h2>'
        + "".join(f'<p class="note">{escape(line)}</p>' for line in DEFINITIONS)
        + f'<div class="charts">{chart}{table}</div></section>'
    )


def _top(results: Sequence[DocumentResult], *, reveal: bool = False) -> str:
    items = []
    for r in stats.top_files(results, TOP_FILES):
        reasons = "".join(f"<li>{escape(text)} (+{pts})</li>" for text, pts in r.reasons)
        found = found_line(r, reveal=reveal)
        if found:
            reasons += f'<li class="found">found: {found}</li>'
        items.append(
            f'<li><span class="src">{escape(r.source)}</span> {_badge(r.level)} '
            f"score {r.score} · {escape(r.doc_type)}<ul>{reasons}</ul></li>"
        )
    body = f'<ol class="top">{"".join(items)}</ol>' if items else "<p>No classified documents.</p>"
    return f'<section id="top"><h2>Read these first</h2>{body}</section>'


def found_line(result: DocumentResult, *, reveal: bool = False, per_label: int = 2) -> str:
    """``<b>EMAIL_ADDRESS</b> ×3 (j***@contoso.com)`` per label, most frequent first (HTML).

    A label always shows; a masked preview only when it says something (a few characters
    left visible), so a line is never a row of asterisks. ``reveal`` shows raw values.
    """
    shown: dict[str, list[str]] = {}
    for f in result.findings:
        text = f.value if reveal and f.value is not None else f.preview
        seen = shown.setdefault(f.label, [])
        if len(seen) < per_label and text not in seen and (reveal or _informative(text)):
            seen.append(text)
    counts = Counter(f.label for f in result.findings).most_common()
    return "; ".join(
        f"<b>{escape(label)}</b> ×{n}"
        + (f" ({escape(', '.join(shown[label]))})" if shown[label] else "")
        for label, n in counts
    )


def _informative(preview: str) -> bool:
    return sum(1 for c in preview if c not in "*•· ") >= 3


def _orgs(census: Census) -> str:
    rows = "".join(
        f"<tr><td>{escape(str(o['organization']))}</td><td>{escape(', '.join(o['names']))}</td>"
        f'<td class="num">{o["documents"]:,}</td><td class="num">{o["mentions"]:,}</td>'
        f'<td class="num">{o.get("unique_people", 0):,}</td><td class="num">{o.get("max_score", 0)}</td>'
        f"<td>{_badge(o['top_level'])}</td>"
        f'<td class="date">{escape(_dates(o))}</td></tr>'
        for o in org_rows(census, TOP_ORGS)
    )
    return (
        '<section id="orgs"><h2>Exposure by organisation</h2>'
        f'<p class="note">{escape(org_note(census))}</p>'
        '<table><thead><tr><th>organisation</th><th>also named</th><th class="num">documents</th>'
        '<th class="num">mentions</th><th class="num">people</th><th class="num">max score</th>'
        "<th>highest level</th><th>dates</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _dates(row: dict[str, Any]) -> str:
    first, last = row.get("first_date"), row.get("last_date")
    if not isinstance(first, str) or not first:
        return ""
    return str(first) if first == last else f"{first} – {last}"
