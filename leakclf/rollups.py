"""Sensitivity rolled up by folder, organisation or doc type: which group to look at first."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from leakclf.census.entities import tally
from leakclf.census.exposure import is_own
from leakclf.config import Config
from leakclf.domains import registrable_domain
from leakclf.errors import ConfigError
from leakclf.model import LEVELS, DocumentResult
from leakclf.rows import config_of, load_results

if TYPE_CHECKING:
    import pandas as pd

BY = ("folder", "organization", "doc_type")
#: Rows whose score counts: errors and unsupported files carry no score.
SCORED = ("ok", "duplicate")


def rollup(
    results: Any,
    by: str = "folder",
    *,
    config: Config | None = None,
    depth: int = 1,
    percentile: float = 90,
    top_reasons: int = 3,
) -> pd.DataFrame:
    """One row per group: files, files per level, max and p90 score, the reasons that weigh most.

    ``depth``: folder levels kept (``dump/hr/2023/x.pdf`` -> ``dump`` at 1, ``dump/hr`` at 2).
    Groups with fewer than ``config.census.k_threshold`` files are left out; the owner's
    ``config.classify.own_domains`` are not organisations of interest.
    """
    import pandas as pd  # load time: pandas only when a rollup is made

    if by not in BY:
        raise ConfigError(f"unknown rollup {by!r}; expected one of {list(BY)}")
    config = config_of(results, config)
    rows = [r for r in load_results(results) if r.status in SCORED]
    groups: dict[str, list[DocumentResult]] = defaultdict(list)
    if by == "organization":  # a document can belong to several organisations
        for key, docs in _organizations(rows, config.classify.own_domains).items():
            groups[key] = [rows[i] for i in sorted(docs)]
    else:
        for r in rows:
            groups[_key(r, by, depth)].append(r)
    out = []
    for key, members in groups.items():
        if len(members) < max(config.census.k_threshold, 1):
            continue
        scores = sorted(r.score for r in members)
        levels = Counter(r.level for r in members)
        reasons: dict[str, float] = defaultdict(float)
        for r in members:
            for text, points in r.reasons:  # ranked by the points they brought the group
                kinds = _reason_kinds(text)
                for kind in kinds:  # a shared reason's points are split between its labels
                    reasons[kind] += points / len(kinds)
        out.append(
            {
                by: key,
                "files": len(members),
                **{lv: levels.get(lv, 0) for lv in LEVELS},
                "max_score": scores[-1],
                f"p{percentile:g}_score": _percentile(scores, percentile),
                "top_reasons": [
                    t for t, _ in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
                ][:top_reasons],
            }
        )
    columns = [by, "files", *LEVELS, "max_score", f"p{percentile:g}_score", "top_reasons"]
    frame = pd.DataFrame(out, columns=columns)
    return frame.sort_values(
        ["max_score", "files", by], ascending=[False, False, True], ignore_index=True
    )


def _key(r: DocumentResult, by: str, depth: int) -> str:
    if by == "doc_type":
        return r.doc_type
    top = r.source.split("!/", 1)[0].replace("\\", "/")
    parts = top.split("/")[:-1] or ["."]
    return "/".join(parts[: max(depth, 1)])


def _organizations(rows: list[DocumentResult], own_domains: Sequence[str]) -> dict[str, set[int]]:
    """Registrable email domains (ORGANIZATION names merged in, as in the census) -> documents.

    ORGANIZATION names that match no domain are left out: NER sometimes tags a person.
    """
    own = [_registrable(d) for d in own_domains]
    orgs = tally(rows).by_kind["organizations"]
    return {key: ent.documents for key, ent in orgs.items() if not is_own(key, own)}


def _reason_kinds(text: str) -> list[str]:
    """``US_SSN x1, DATE_OF_BIRTH x1 unique`` -> ["US_SSN", "DATE_OF_BIRTH"];
    ``doc_type:sow, signed`` stays as it is."""
    if text.startswith("doc_type:"):
        return [text]
    return list(dict.fromkeys(part.split(" x", 1)[0] for part in text.split(", ")))


def _percentile(sorted_scores: list[int], q: float) -> int:
    """Nearest-rank percentile: an actual score of the group."""
    rank = max(1, math.ceil(q / 100 * len(sorted_scores)))
    return sorted_scores[min(rank, len(sorted_scores)) - 1]


def _registrable(domain: str) -> str:
    return registrable_domain(domain)
