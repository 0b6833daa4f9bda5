"""Plain-text and HTML views of a census: counts only, never a value.

Both read ``Census.summary()``, so the CLI, census.json, the report and the API show one set
of numbers under one set of definitions (``DEFINITIONS``, also in docs/census.md).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from leakclf.scoring.unread import not_read_line

if TYPE_CHECKING:
    from leakclf.census.dedup import Dedup

#: What each count means, as the report and the CLI print it.
DEFINITIONS = (
    (
        "mentions: every occurrence in every document, duplicates included; documents: documents "
        "holding at least one; unique: each real-world value once, by keyed digest."
    ),
    (
        "persons: one cluster per person (case, accents, titles, 'Last, First', middle names, "
        "initials and linked email addresses merged). At least N: clusters seen as a full name "
        "where people are named (mail header, salutation, title, a Name:-style field, signature, "
        "contract party, job title, author line, address block, a known given name) or linked to "
        "an email address. Up to M: every cluster, NER noise included."
    ),
    (
        "organizations: registrable email domains, less free-mail, placeholder and reserved "
        "domains and the owner's own, plus organisations that no counted domain matches and that "
        "are named with a legal form (Ltd, GmbH, ...) or as a university, or named where they "
        "act (contract party, Client:-style field, signature, letterhead, employer or school "
        "of a person); not a bank in payment details, nor a lab or department of another."
    ),
)


def documents_line(d: Dedup) -> str:
    return (
        f"documents: {d.documents:,} in {d.files:,} files (attachments and archive members "
        f"included), {d.unique_bytes:,} unique by bytes, "
        f"{d.unique_text:,} unique by text, {d.clusters:,} after near-duplicates "
        f"({d.near_dup_clusters:,} near-duplicate clusters)"
    )


def unique_cell(kind: str, row: dict[str, Any]) -> str:
    """``40``; persons: ``at least 62, up to 88``."""
    if kind == "persons":
        return f"at least {row['unique']:,}, up to {row['up_to']:,}"
    return f"{row['unique']:,}"


def excluded_line(summary: dict[str, Any]) -> str:
    skipped = summary["domains_not_counted"]
    parts = [f"{n:,} {reason}" for reason, n in skipped.items() if n]
    return "email domains not counted as organisations: " + (", ".join(parts) or "none")


def text_table(d: Dedup, summary: dict[str, Any], k: int) -> str:
    unread = not_read_line(summary.get("not_read") or {})
    lines = [
        documents_line(d),
        *([unread] if unread else []),
        "",
        f"{'entity':<14}{'mentions':>10}{'documents':>11}  unique",
    ]
    for kind, c in summary["entities"].items():
        lines.append(f"{kind:<14}{c['mentions']:>10,}{c['documents']:>11,}  {unique_cell(kind, c)}")
    suppressed = summary["organizations_suppressed"]
    hidden = f" ({suppressed} below k={k} left out)" if suppressed else ""
    lines += [
        "",
        f"external organisations: {summary['external_organizations']:,}{hidden}",
        excluded_line(summary),
        "",
        *DEFINITIONS,
    ]
    return "\n".join(lines)


def entities_table(summary: dict[str, Any], attrs: str = "") -> str:
    """The entity table (mentions, documents, unique): the census's notebook view and the
    HTML report both draw it with this."""
    rows = "".join(
        f"<tr><td>{escape(kind)}</td><td>{c['mentions']:,}</td><td>{c['documents']:,}</td>"
        f"<td>{escape(unique_cell(kind, c))}</td></tr>"
        for kind, c in summary["entities"].items()
    )
    return (
        f"<table{attrs}><tr><th>entity</th><th>mentions</th><th>documents</th><th>unique</th></tr>"
        f"{rows}</table>"
    )


def html_table(d: Dedup, summary: dict[str, Any], orgs: list[dict[str, Any]]) -> str:
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
        + (
            f"<p>{escape(unread)}</p>"
            if (unread := not_read_line(summary.get("not_read") or {}))
            else ""
        )
        + f"{entities_table(summary)}{org_table}</div>"
    )
