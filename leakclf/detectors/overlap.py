"""Deterministic overlap resolution: the validated, more specific, more confident match wins."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from leakclf.detectors.base import Candidate


def _rank(c: Candidate) -> tuple[int, int, float, int, int, str]:
    return (-int(c.validated), -c.specificity, -c.confidence, -(c.end - c.start), c.start, c.label)


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a set of non-overlapping candidates, best first, returned in text order."""
    starts: list[int] = []
    kept: list[Candidate] = []  # sorted by start, pairwise disjoint
    for cand in sorted(candidates, key=_rank):
        i = bisect_left(starts, cand.start)
        if i > 0 and kept[i - 1].end > cand.start:
            continue
        if i < len(kept) and kept[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept
