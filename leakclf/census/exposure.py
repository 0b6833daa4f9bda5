"""Who is exposed: one row per external organisation, the list a notification team works from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from leakclf.census.entities import Tally
from leakclf.census.excluded import is_own
from leakclf.config import Config
from leakclf.model import DOC_TYPES, LEVELS, DocumentResult


def exposure_rows(
    results: Sequence[DocumentResult], tally: Tally, k: int
) -> tuple[list[dict[str, Any]], int]:
    """Rows sorted by documents, then max score; and how many rows the k-threshold suppressed.

    The tally has already left out the owner's domains and domains that name no organisation.
    A row is suppressed when it has fewer than ``k`` documents or fewer than ``k`` (but some)
    people, so that no row singles out one person or one file.
    """
    rows = []
    suppressed = 0
    for ent in tally.by_kind["organizations"].values():
        key = ent.key
        docs = [results[i] for i in sorted(ent.documents)]
        people = len(tally.org_docs_people.get(key, ()))
        if len(docs) < k or 0 < people < k:
            suppressed += 1
            continue
        levels = Counter(r.level for r in docs)
        types = Counter(r.doc_type for r in docs)
        dates = sorted(r.doc_date for r in docs if r.doc_date)
        row: dict[str, Any] = {
            "organization": ent.preview,
            "names": sorted(ent.links),
            "documents": len(docs),
            "name_mentions": ent.mentions,
            "email_mentions": ent.email_mentions,
            "unique_people": people,
            "max_score": max((r.score for r in docs), default=0),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
        }
        row.update({f"level_{lv}": levels.get(lv, 0) for lv in LEVELS})
        row.update({f"type_{t}": types.get(t, 0) for t in DOC_TYPES})
        rows.append(row)
    rows.sort(key=lambda r: (-r["documents"], -r["max_score"], r["organization"]))
    return rows, suppressed


def own_domains(config: Config) -> tuple[str, ...]:
    """The owner's registrable domains: ``classify.own_domains`` and ``census.own_domains``."""
    from leakclf.domains import registrable_domain  # load time: only when used

    names = (*config.classify.own_domains, *config.census.own_domains)
    return tuple(dict.fromkeys(registrable_domain(d) for d in names if d.strip()))


__all__ = ["exposure_rows", "is_own", "own_domains"]
