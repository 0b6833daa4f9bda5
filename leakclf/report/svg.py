"""Hand-drawn inline SVG charts for the HTML report: no matplotlib, no external assets.

Every text goes through ``html.escape``; labels come from hostile dumps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from leakclf.model import LEVELS

LEVEL_COLORS = {
    "public": "#94a3b8",
    "internal": "#60a5fa",
    "confidential": "#f59e0b",
    "restricted": "#dc2626",
}
SERIES_COLORS = ("#64748b", "#2563eb")
WIDTH = 640
ROW = 22
LEFT = 170  # room for row labels


def _frame(title: str, height: int, body: list[str]) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _label(y: int, text: str) -> str:
    short = text if len(text) <= 24 else text[:23] + "…"
    return (
        f'<text x="{LEFT - 8}" y="{y + 15}" text-anchor="end" font-size="12">{escape(short)}</text>'
    )


def _legend(names: Sequence[str], colors: Sequence[str], y: int) -> list[str]:
    out, x = [], LEFT
    for name, color in zip(names, colors):
        out.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{color}"/>')
        out.append(f'<text x="{x + 16}" y="{y + 11}" font-size="12">{escape(name)}</text>')
        x += 24 + 8 * len(name)
    return out


def bar_chart(title: str, items: Sequence[tuple[str, int]], colors: Mapping[str, str]) -> str:
    """One horizontal bar per item, value printed at the end."""
    top = max([v for _, v in items] + [1])
    span = WIDTH - LEFT - 60
    body = []
    for i, (name, value) in enumerate(items):
        y = 6 + i * ROW
        w = round(span * value / top)
        color = colors.get(name, SERIES_COLORS[1])
        body.append(_label(y, name))
        body.append(
            f'<rect class="bar" x="{LEFT}" y="{y + 3}" width="{w}" height="16" fill="{color}"/>'
        )
        body.append(f'<text x="{LEFT + w + 6}" y="{y + 15}" font-size="12">{value}</text>')
    return _frame(title, 12 + len(items) * ROW, body)


def stacked_chart(title: str, rows: Mapping[str, Mapping[str, int]]) -> str:
    """One horizontal bar per row, stacked by sensitivity level, with a legend."""
    top = max([sum(r.values()) for r in rows.values()] + [1])
    span = WIDTH - LEFT - 60
    body = _legend(LEVELS, [LEVEL_COLORS[lv] for lv in LEVELS], 4)
    for i, (name, parts) in enumerate(rows.items()):
        y = 24 + i * ROW
        x = LEFT
        body.append(_label(y, name))
        for level in LEVELS:
            w = round(span * parts.get(level, 0) / top)
            if w:
                body.append(
                    f'<rect class="bar" x="{x}" y="{y + 3}" width="{w}" height="16" '
                    f'fill="{LEVEL_COLORS[level]}"><title>{escape(name)} · {level}: '
                    f"{parts[level]}</title></rect>"
                )
            x += w
        body.append(f'<text x="{x + 6}" y="{y + 15}" font-size="12">{sum(parts.values())}</text>')
    return _frame(title, 30 + len(rows) * ROW, body)


def paired_chart(title: str, items: Sequence[tuple[str, int, int]], names: Sequence[str]) -> str:
    """Two thin bars per row (e.g. raw mentions versus unique values)."""
    top = max([max(a, b) for _, a, b in items] + [1])
    span = WIDTH - LEFT - 60
    body = _legend(names, SERIES_COLORS, 4)
    for i, (name, a, b) in enumerate(items):
        y = 24 + i * (ROW + 6)
        body.append(_label(y + 2, name))
        for j, value in enumerate((a, b)):
            w = round(span * value / top)
            yy = y + 2 + j * 12
            body.append(
                f'<rect class="bar" x="{LEFT}" y="{yy}" width="{w}" height="11" '
                f'fill="{SERIES_COLORS[j]}"/>'
                f'<text x="{LEFT + w + 6}" y="{yy + 10}" font-size="10">{value}</text>'
            )
    return _frame(title, 30 + len(items) * (ROW + 6), body)
