"""Plain-text and HTML views of a census: counts only, never a value."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from leakclf.census.dedup import Dedup


def documents_line(d: Dedup) -> str:
    return (
        f"documents: {d.files:,} (files, attachments and members), {d.unique_bytes:,} unique by bytes, "
        f"{d.unique_text:,} unique by text, {d.clusters:,} after near-duplicates "
        f"({d.near_dup_clusters:,} near-duplicate clusters)"
    )


def text_table(d: Dedup, counts: list[dict[str, Any]], orgs: int, suppressed: int, k: int) -> str:
    lines = [
        documents_line(d),
        "",
        f"{'entity':<14}{'mentions':>10}{'unique':>10}{'documents':>11}{'dedup x':>9}",
    ]
    for c in counts:
        factor = f"{c['dedup_factor']:.2f}" if c["dedup_factor"] is not None else "-"
        lines.append(
            f"{c['kind']:<14}{c['mentions']:>10,}{c['unique']:>10,}{c['documents']:>11,}{factor:>9}"
        )
    hidden = f" ({suppressed} below k={k} left out)" if suppressed else ""
    lines += ["", f"external organisations: {orgs:,}{hidden}"]
    return "\n".join(lines)


def html_table(d: Dedup, counts: list[dict[str, Any]], orgs: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td>{escape(c['kind'])}</td><td>{c['mentions']:,}</td><td>{c['unique']:,}</td>"
        f"<td>{c['documents']:,}</td><td>{c['dedup_factor'] or '-'}</td></tr>"
        for c in counts
    )
    org_rows = "".join(
        f"<tr><td>{escape(str(o['organization']))}</td><td>{o['documents']:,}</td>"
        f"<td>{o['unique_people']:,}</td><td>{o['max_score']}</td></tr>"
        for o in orgs
    )
    org_table = (
        "<table><tr><th>organisation</th><th>documents</th><th>people</th>"
        f"<th>max score</th></tr>{org_rows}</table>"
        if org_rows
        else ""
    )
    return (
        f"<div class='leakclf-census'><p>{escape(documents_line(d))}</p>"
        "<table><tr><th>entity</th><th>mentions</th><th>unique</th><th>documents</th>"
        f"<th>dedup</th></tr>{rows}</table>{org_table}</div>"
    )
