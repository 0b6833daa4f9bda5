"""The self-contained HTML report: one file, inline CSS/JS/SVG, masked values only.

A Content-Security-Policy in the page forbids every network request and every
script but our own (pinned by hash), so even a missed escape could not run.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf.config import Config
from leakclf.errors import OutputError
from leakclf.model import DocumentResult
from leakclf.report import assets, stats, svg
from leakclf.report.census_view import ensure_census, entity_rows, org_note, org_rows
from leakclf.report.rollup_view import folder_section
from leakclf.report.table import badge as _badge
from leakclf.report.table import file_table
from leakclf.rows import config_of, load_results

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
) -> Path:
    """Write the report for a results file, a Scan, a DataFrame or DocumentResults; return its path.

    ``census`` is built from the results unless you pass one, with ``config`` or else the
    configuration the results were made with (a Scan's or a Census's own domains, k-threshold).
    """
    title = Path(results_or_path).name if isinstance(results_or_path, (str, Path)) else ""
    config = config_of(census if census is not None else results_or_path, config)
    results = load_results(results_or_path)
    if census is None:
        census = ensure_census(results, config)
    page = render_html(results, census, title=title)
    path = Path(out)
    tmp = path.with_name(path.name + ".tmp")
    try:
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
        _top(results),
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
        f"<header><h1>{escape(head)}</h1>"
        '<p class="note">Values are masked (keyed digests and previews); this file makes no '
        "network requests.</p></header>"
        + "".join(sections)
        + f"<script>{assets.JS}</script></body></html>"
    )


def _card(value: int, label: str) -> str:
    return f'<div class="card"><b>{value:,}</b><span>{escape(label)}</span></div>'


def _summary(results: Sequence[DocumentResult], census: Census) -> str:
    s = stats.summary(results)
    docs = census.summary()["documents"]
    cards = [
        _card(s["files"], "files"),
        _card(s["documents"], "documents (with attachments and members)"),
        _card(s["restricted"], "restricted"),
        _card(s["confidential"], "confidential"),
        _card(s["findings"], "findings"),
        _card(docs["unique_text"], "unique by text"),
        _card(docs["unique_after_near_dup"], "unique after near-duplicates"),
        _card(
            s["error"] + s["unsupported"] + s["skipped_limit"], "unread (error, unsupported, limit)"
        ),
    ]
    return (
        f'<section id="summary"><h2>Summary</h2><div class="cards">{"".join(cards)}</div></section>'
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
    rows = "".join(
        f'<tr><td>{escape(c["kind"])}</td><td class="num">{c["mentions"]:,}</td>'
        f'<td class="num">{c["unique"]:,}</td><td class="num">{c["documents"]:,}</td></tr>'
        for c in counts
    )
    return (
        '<section id="census"><h2>Census: raw mentions versus unique values</h2>'
        '<p class="note">Raw counts every mention in every document; unique counts each '
        "real-world value once (by keyed digest).</p>"
        f'<div class="charts">{chart}<table class="compact"><thead><tr><th>entity</th>'
        '<th class="num">raw</th><th class="num">unique</th><th class="num">documents</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></div></section>"
    )


def _top(results: Sequence[DocumentResult]) -> str:
    items = []
    for r in stats.top_files(results, TOP_FILES):
        reasons = "".join(f"<li>{escape(text)} (+{pts})</li>" for text, pts in r.reasons)
        found = "; ".join(
            f"{label} × {n} ({', '.join(shown)})" for label, n, shown in stats.label_previews(r)
        )
        if found:
            reasons += f"<li>found: {escape(found)}</li>"
        items.append(
            f'<li><span class="src">{escape(r.source)}</span> {_badge(r.level)} '
            f"score {r.score} · {escape(r.doc_type)}<ul>{reasons}</ul></li>"
        )
    body = f'<ol class="top">{"".join(items)}</ol>' if items else "<p>No classified documents.</p>"
    return f'<section id="top"><h2>Read these first</h2>{body}</section>'


def _orgs(census: Census) -> str:
    rows = "".join(
        f"<tr><td>{escape(str(o['organization']))}</td><td>{escape(', '.join(o['names']))}</td>"
        f'<td class="num">{o["documents"]:,}</td><td class="num">{o["mentions"]:,}</td>'
        f'<td class="num">{o.get("unique_people", 0):,}</td><td class="num">{o.get("max_score", 0)}</td>'
        f"<td>{_badge(o['top_level'])}</td>"
        f"<td>{escape(_dates(o))}</td></tr>"
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
