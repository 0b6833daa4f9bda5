"""Sensitivity score 0-100, a level, and the reasons that sum to the score.

    score = doc-type points (+ signed) + sum over categories of
            min(cap, best label points + volume * log2(unique values))
            capped at 100

Monotone (a finding never lowers a score: every term is a max, a count or a cap),
deterministic, and bounded by the per-category caps of the policy (docs/policy.md).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from leakclf.config import Config
from leakclf.model import Finding, Score
from leakclf.scoring.policy import Category, Policy, known_labels, load_policy

MAX_SCORE = 100


class Scorer:
    """Scores one document from its doc type, ``signed`` and findings, under a policy."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()

    @cached_property
    def policy(self) -> Policy:
        return load_policy(self.config.score.policy)

    def check(self) -> None:
        """Load and validate the policy now; a bad policy raises ConfigError."""
        self.policy  # noqa: B018 - loading is the check

    def score(self, doc_type: str, signed: bool | None, findings: Iterable[Finding]) -> Score:
        policy = self.policy
        reasons: list[tuple[str, int, int]] = []  # (text, points, policy order for ties)
        points, signed_points = policy.doc_types.get(doc_type, (0, 0))
        if signed and signed_points:
            reasons.append((f"doc_type:{doc_type}, signed", points + signed_points, -1))
        elif points:
            reasons.append((f"doc_type:{doc_type}", points, -1))
        for order, (cat, text, value) in enumerate(self._categories(findings)):
            if value:
                reasons.append((text, value, order))
        reasons.sort(key=lambda r: (-r[1], r[2]))
        return _finish(policy, [(text, value) for text, value, _ in reasons])

    def _categories(self, findings: Iterable[Finding]) -> list[tuple[Category, str, int]]:
        policy = self.policy
        # category -> label -> (best confidence, unique digests, mentions)
        seen: dict[str, dict[str, list[Any]]] = {}
        cats: dict[str, Category] = {}
        for f in findings:
            hit = self._lookup(f.label)
            if hit is None:
                continue
            cat, _ = hit
            cats[cat.name] = cat
            entry = seen.setdefault(cat.name, {}).setdefault(f.label, [0.0, set(), 0])
            entry[0] = max(entry[0], min(max(float(f.confidence), 0.0), 1.0))
            entry[1].add(f.digest)
            entry[2] += 1
        out = []
        for cat in policy.categories:
            labels = seen.get(cat.name)
            if not labels:
                continue
            best = 0.0
            unique: set[str] = set()
            for label, (conf, digests, _) in labels.items():
                weight = self._lookup(label)[1]  # type: ignore[index]
                best = max(best, weight * (policy.confidence_floor + (1 - policy.confidence_floor) * conf))
                unique |= {f"{label}\x00{d}" for d in digests}
            raw = min(cat.cap, best + cat.volume * math.log2(len(unique)))
            value = math.floor(raw + 0.5)
            ranked = sorted(labels.items(), key=lambda kv: (-self._lookup(kv[0])[1], kv[0]))  # type: ignore[index]
            text = ", ".join(f"{label} x{len(e[1])}" for label, e in ranked)
            if sum(len(e[1]) for e in labels.values()) > 1:
                text += " unique"
            out.append((cat, text, value))
        return out

    @cached_property
    def _lookups(self) -> dict[str, tuple[Category, float] | None]:
        return {}

    def _lookup(self, label: str) -> tuple[Category, float] | None:
        if label not in self._lookups:
            self._lookups[label] = self.policy.lookup(label)
        return self._lookups[label]


def _finish(policy: Policy, reasons: list[tuple[str, int]]) -> Score:
    """Cap at 100 by trimming the smallest reasons, so the reasons still sum to the score."""
    total = sum(p for _, p in reasons)
    excess = total - MAX_SCORE
    kept = list(reasons)
    while excess > 0 and kept:
        text, points = kept.pop()
        if points > excess:
            kept.append((text, points - excess))
            excess = 0
        else:
            excess -= points
    score = sum(p for _, p in kept)
    return Score(score=score, level=policy.level(score), reasons=tuple(kept))


def rollup(results: Any, by: str = "folder", **options: Any) -> Any:
    """Sensitivity rolled up by folder, organization or doc_type; see leakclf.scoring.rollups."""
    from leakclf.scoring.rollups import rollup as _rollup

    return _rollup(results, by=by, **options)


__all__ = ["MAX_SCORE", "Policy", "Scorer", "known_labels", "load_policy", "rollup"]
