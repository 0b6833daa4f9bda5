"""Plot helpers: each returns a Figure drawn from the right numbers, without pyplot."""

from __future__ import annotations

import subprocess
import sys

import pytest

from leakclf.errors import ConfigError
from leakclf.report import plots


@pytest.mark.parametrize(
    ("plot", "labels", "values"),
    [
        pytest.param(
            plots.level_distribution,
            ["public", "internal", "confidential", "restricted"],
            [2, 1, 1, 2],  # every document counts (leakclf.counts), the error row too
            id="levels",
        ),
        pytest.param(
            plots.top_organizations, ["contoso.com", "fabrikam.com"], [2, 1], id="organisations"
        ),
    ],
)
def test_simple_bars(plot, labels, values, results) -> None:
    fig = plot(results)
    ax = fig.axes[0]
    ticks = ax.get_xticklabels() if plot is plots.level_distribution else ax.get_yticklabels()
    assert [t.get_text() for t in ticks] == labels
    heights = [
        p.get_height() if plot is plots.level_distribution else p.get_width() for p in ax.patches
    ]
    assert heights == values


def test_doctypes_by_level_stacks_levels(results) -> None:
    ax = plots.doctypes_by_level(results).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "invoice",
        "contract",
        "correspondence",
        "internal_note",
    ]
    # four levels x four doc types, widths sum to the documents per type
    widths = [p.get_width() for p in ax.patches]
    assert len(widths) == 16
    assert [sum(widths[i::4]) for i in range(4)] == [2, 1, 1, 1]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "public",
        "internal",
        "confidential",
        "restricted",
    ]


def test_census_raw_vs_unique(results) -> None:
    from leakclf.census import census

    counts = census(results).counts()  # the plot draws exactly what the census says
    ax = plots.census_raw_vs_unique(results).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [c["kind"] for c in counts]
    assert "emails" in [c["kind"] for c in counts]
    # raw bars first, then unique bars, in kind order
    widths = [p.get_width() for p in ax.patches]
    assert widths == [c["mentions"] for c in counts] + [c["unique"] for c in counts]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["raw", "unique"]


def test_top_organizations_n(results) -> None:
    ax = plots.top_organizations(results, n=1).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["contoso.com"]


def test_no_pyplot_and_no_display() -> None:
    code = (
        "import sys; from leakclf.model import DocumentResult; from leakclf.report import plots;"
        "fig = plots.level_distribution([DocumentResult(source='a')]); fig.savefig('/dev/null', format='png');"
        "print('matplotlib.pyplot' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_matplotlib_says_how_to_install(monkeypatch, results) -> None:
    for name in [m for m in sys.modules if m.startswith("matplotlib")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ConfigError, match=r"pip install 'leakclf\[notebook\]'"):
        plots.level_distribution(results)


@pytest.mark.parametrize(
    "plot",
    [
        pytest.param(plots.level_distribution, id="levels"),
        pytest.param(plots.doctypes_by_level, id="doctypes-by-level"),
        pytest.param(plots.top_organizations, id="organisations"),
        pytest.param(plots.census_raw_vs_unique, id="census"),
    ],
)
@pytest.mark.parametrize(
    "shape", [pytest.param("list", id="list"), pytest.param("file", id="file")]
)
def test_every_plot_returns_a_figure(plot, shape, results, tmp_path) -> None:
    from matplotlib.figure import Figure

    from leakclf.scan import write_rows

    source = results
    if shape == "file":
        source = tmp_path / "r.parquet"
        write_rows([r.to_dict() for r in results], source)
    fig = plot(source)
    assert type(fig) is Figure and fig.axes and fig.axes[0].patches
