"""Dedup and the exposure census: raw mentions versus unique values, and who is exposed.

    >>> c = leakclf.census("results.parquet")
    >>> c.summary()["entities"]["emails"]     # {"mentions": ..., "unique": ..., ...}
    >>> c.organizations()                     # one row per external organisation
    >>> c.write_people("affected.csv")        # one row per (organisation, person), 0600

Signatures are computed once per document during the scan (``signature.text_signature``).
"""

from __future__ import annotations

from typing import Any

from leakclf._modules import make_callable
from leakclf.census.result import Census
from leakclf.config import Config
from leakclf.rows import config_of, load_results


def census(source: Any, *, config: Config | None = None, reveal: bool = False) -> Census:
    """The census of a Scan, a list of DocumentResult, a DataFrame or a results file path."""
    from leakclf.census.dedup import deduplicate  # load time: numpy and datasketch on first use
    from leakclf.census.entities import tally
    from leakclf.census.exposure import exposure_rows, own_domains

    config = config_of(source, config)  # a Scan knows the configuration it ran with
    results = load_results(source, reveal=reveal)  # raw values only when asked
    counted = tally(results, own_domains(config))
    orgs, suppressed = exposure_rows(results, counted, max(config.census.k_threshold, 1))
    return Census(
        results=results,
        dedup=deduplicate(results, config.census.near_dup_threshold),
        tally=counted,
        organizations=orgs,
        suppressed=suppressed,
        config=config,
        reveal=reveal,
    )


make_callable(__name__, census)

__all__ = ["Census", "census"]
