"""Matplotlib plot helpers for notebooks. Each returns a Figure and never calls ``plt.show``.

    >>> from leakclf.report import plots
    >>> plots.level_distribution(scan)            # a Scan, DataFrame, results file or list

Needs matplotlib (``pip install 'leakclf[notebook]'``). Figures are built with the
object API on the Agg canvas, so nothing touches the global pyplot state or a display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leakclf.errors import ConfigError
from leakclf.model import LEVELS
from leakclf.report import stats
from leakclf.report.census_view import ensure_census, entity_rows, org_rows
from leakclf.report.svg import LEVEL_COLORS, SERIES_COLORS
from leakclf.rows import load_results

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _figure(width: float, height: float) -> Figure:
    try:
        # load time: matplotlib only when used
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ConfigError(
            "leakclf plots need matplotlib; install it with: pip install 'leakclf[notebook]'"
        ) from None
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def level_distribution(results: Any) -> Figure:
    """Documents per sensitivity level."""
    counts = stats.level_counts(load_results(results))
    fig = _figure(6, 3)
    ax = fig.add_subplot()
    bars = ax.bar(list(counts), list(counts.values()), color=[LEVEL_COLORS[lv] for lv in counts])
    ax.bar_label(bars)
    ax.set_ylabel("documents")
    ax.set_title("Documents by sensitivity level")
    return fig


def doctypes_by_level(results: Any) -> Figure:
    """Documents per doc type, stacked by level."""
    table = stats.doctype_levels(load_results(results))
    names = list(table)
    fig = _figure(7, 0.8 + 0.35 * max(len(names), 1))
    ax = fig.add_subplot()
    left = [0] * len(names)
    for level in LEVELS:
        widths = [table[n][level] for n in names]
        ax.barh(names, widths, left=left, color=LEVEL_COLORS[level], label=level)
        left = [a + b for a, b in zip(left, widths)]
    ax.invert_yaxis()
    ax.set_xlabel("documents")
    ax.set_title("Document types by level")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return fig


def top_organizations(census_or_results: Any, n: int = 15) -> Figure:
    """The organisations exposed in the most files (from a Census, or computed from results)."""
    orgs = org_rows(ensure_census(census_or_results), n)
    fig = _figure(7, 0.8 + 0.35 * max(len(orgs), 1))
    ax = fig.add_subplot()
    names = [str(o["organization"]) for o in orgs]
    bars = ax.barh(names, [o["documents"] for o in orgs], color=SERIES_COLORS[1])
    ax.bar_label(bars)
    ax.invert_yaxis()
    ax.set_xlabel("documents")
    ax.set_title(f"Top {len(orgs)} exposed organisations")
    return fig


def census_raw_vs_unique(census: Any) -> Figure:
    """Per entity kind: raw mentions next to distinct values (a Census, or results)."""
    rows = entity_rows(ensure_census(census))
    fig = _figure(7, 0.8 + 0.45 * max(len(rows), 1))
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    for offset, key, color in (
        (-0.2, "mentions", SERIES_COLORS[0]),
        (0.2, "unique", SERIES_COLORS[1]),
    ):
        bars = ax.barh(
            [y + offset for y in ys],
            [r[key] for r in rows],
            height=0.4,
            color=color,
            label="raw" if key == "mentions" else key,
        )
        ax.bar_label(bars, fontsize="small")
    ax.set_yticks(ys, [r["kind"] for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel("count")
    ax.set_title("Entities: raw mentions versus unique values")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return fig
