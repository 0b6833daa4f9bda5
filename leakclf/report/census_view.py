"""What the report, the plots and the notebook display take from a ``leakclf.census.Census``.

The census is the single source of raw-versus-unique counts and per-organisation exposure;
when the caller gives results only, it is built here from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leakclf.config import Config
from leakclf.model import LEVELS

if TYPE_CHECKING:
    from leakclf.census import Census


def ensure_census(source: Any, config: Config | None = None) -> Census:
    """``source`` if it is a Census, else the census of the results it holds."""
    from leakclf.census import Census, census  # load time: the census only when it is drawn

    if isinstance(source, Census):
        return source
    return census(source, config=config)  # ``config`` or the one the results were made with


def entity_rows(census: Census) -> list[dict[str, Any]]:
    """Per entity kind: ``kind``, ``mentions`` (raw), ``unique``, ``documents``."""
    return census.counts()


def org_rows(census: Census, n: int | None = None) -> list[dict[str, Any]]:
    """Exposure rows, most documents first, with ``top_level`` and total ``mentions`` added."""
    frame = census.organizations()
    rows = frame.to_dict("records") if len(frame) else []
    for row in rows:
        seen = [lv for lv in LEVELS if row.get(f"level_{lv}", 0)]
        row["top_level"] = seen[-1] if seen else "public"
        if "mentions" not in row:  # the census splits mentions by how the org was named
            row["mentions"] = sum(int(v) for k, v in row.items() if k.endswith("_mentions"))
        names = row.get("names")
        row["names"] = [str(x) for x in names] if names is not None and len(names) else []
    return rows[:n] if n is not None else rows


def org_note(census: Census) -> str:
    s = census.summary()
    note = "External organisations (own domains left out), by documents that mention them."
    if s.get("organizations_suppressed"):
        note += (
            f" {s['organizations_suppressed']} organisations below the k-threshold "
            f"(k={s['k_threshold']}) are left out."
        )
    return note
