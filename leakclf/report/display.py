"""HTML for notebooks: many results at a glance (one result draws itself: ``leakclf.display``).

Compact tables, masked previews only, every string escaped.
"""

from __future__ import annotations

from typing import Any

from leakclf.display import summary_html
from leakclf.rows import load_results


def scan_html(data: Any) -> str:
    """A scan at a glance (the same view as ``Scan._repr_html_``), from any results shape."""
    return summary_html(load_results(data))


def census_html(census: Any) -> str:
    """A Census (or results to build one from): the census's own notebook view."""
    from leakclf.report.census_view import ensure_census  # load time: the census when drawn

    return str(ensure_census(census)._repr_html_())
