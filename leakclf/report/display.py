"""HTML for notebooks: many results at a glance (one result draws itself: ``leakclf.display``).

Compact tables, masked previews only, every string escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from leakclf.display import TABLE as _TABLE
from leakclf.display import label_counts
from leakclf.display import level_html as _level
from leakclf.model import LEVELS
from leakclf.report import stats
from leakclf.rows import load_results

TOP_ROWS = 10


def scan_html(data: Any) -> str:
    """A scan at a glance: counts by level and status, then the highest-scoring documents."""
    results = load_results(data)
    s = stats.summary(results)
    levels = " · ".join(f"{_level(lv)} {s[lv]:,}" for lv in reversed(LEVELS))
    unread = s["error"] + s["unsupported"] + s["skipped_limit"]
    head = (
        f"<p><b>{s['documents']:,}</b> documents from <b>{s['files']:,}</b> files · {levels} · "
        f"{s['findings']:,} findings · {s['duplicate']:,} duplicates · {unread:,} unread</p>"
    )
    top = stats.top_files(results, TOP_ROWS)
    rows = "".join(
        f"<tr><td><code>{escape(r.source)}</code></td><td>{escape(r.doc_type)}</td>"
        f"<td>{_level(r.level)}</td><td>{r.score}</td>"
        f"<td>{escape(', '.join(f'{label} {n}' for label, n in label_counts(r)[:4]))}</td></tr>"
        for r in top
    )
    table = (
        _TABLE + "<thead><tr><th>source</th><th>type</th><th>level</th><th>score</th>"
        f"<th>entities</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return f'<div class="leakclf-scan">{head}{table if top else ""}</div>'


def census_html(census: Any) -> str:
    """A Census (or results to build one from): raw versus unique, then the top organisations."""
    from leakclf.report.census_view import ensure_census, entity_rows, org_rows

    census = ensure_census(census)
    docs = census.summary()["documents"]
    head = (
        f"<p><b>{docs['files']:,}</b> documents · {docs['unique_text']:,} unique by text · "
        f"{docs['unique_after_near_dup']:,} after near-duplicates</p>"
    )
    ents = "".join(
        f"<tr><td>{escape(c['kind'])}</td><td>{c['mentions']:,}</td><td>{c['unique']:,}</td>"
        f"<td>{c['documents']:,}</td></tr>"
        for c in entity_rows(census)
    )
    orgs = "".join(
        f"<tr><td>{escape(str(o['organization']))}</td><td>{o['documents']:,}</td>"
        f"<td>{o['unique_people']:,}</td><td>{_level(o['top_level'])}</td></tr>"
        for o in org_rows(census, TOP_ROWS)
    )
    table = (
        _TABLE + "<thead><tr><th>entity</th><th>raw</th><th>unique</th><th>documents</th></tr>"
        f"</thead><tbody>{ents}</tbody></table>"
    )
    if orgs:
        table += (
            _TABLE + "<thead><tr><th>organisation</th><th>documents</th><th>people</th>"
            f"<th>highest level</th></tr></thead><tbody>{orgs}</tbody></table>"
        )
    return f'<div class="leakclf-census">{head}{table}</div>'
