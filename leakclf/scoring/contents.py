"""Containers show what they hold: ``contents_level``/``contents_score`` = the highest inside.

A zip, tar, mbox or mail with attachments keeps its own level and score and gains the
highest level and score among all its descendants (members, attachments, their members).
"""

from __future__ import annotations

from collections.abc import Sequence

from leakclf.model import LEVELS, DocumentResult


def with_contents(results: Sequence[DocumentResult]) -> list[DocumentResult]:
    """``results`` (one top-level file and its descendants) with containers' contents filled."""
    children: dict[str, list[DocumentResult]] = {}
    for r in results:
        if r.parent is not None:
            children.setdefault(r.parent, []).append(r)
    best: dict[str, tuple[int, int]] = {}  # source -> (level index, score) over its descendants

    def highest(source: str) -> tuple[int, int] | None:
        if source in best:
            return best[source]
        kids = children.get(source, ())
        if not kids:
            return None
        level, score = 0, 0
        for child in kids:
            below = highest(child.source) or (0, 0)
            level = max(level, LEVELS.index(child.level), below[0])
            score = max(score, child.score, below[1])
        best[source] = (level, score)
        return best[source]

    out = []
    for r in results:
        top = highest(r.source)
        if top is None:
            out.append(r)
        else:
            out.append(r.replace(contents_level=LEVELS[top[0]], contents_score=top[1]))
    return out
