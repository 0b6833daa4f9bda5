"""Reports for people and notebooks: the self-contained HTML report, plots, and HTML display.

    >>> from leakclf.report import write_html
    >>> write_html("results.parquet", "report.html")
    >>> from leakclf.report import plots          # needs matplotlib (the ``notebook`` extra)
    >>> plots.level_distribution("results.parquet")

Importing this package loads neither pandas nor matplotlib.
"""

from __future__ import annotations

from typing import Any

from leakclf.display import result_html
from leakclf.report.display import census_html, scan_html
from leakclf.report.html import write_html
from leakclf.rows import load_results


def __getattr__(name: str) -> Any:
    if name == "plots":  # matplotlib is optional: load it only when asked
        import importlib  # load time: importlib only when used

        return importlib.import_module("leakclf.report.plots")
    raise AttributeError(f"module 'leakclf.report' has no attribute {name!r}")


__all__ = ["census_html", "load_results", "result_html", "scan_html", "write_html"]
