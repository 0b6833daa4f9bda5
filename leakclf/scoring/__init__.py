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

from leakclf.config import Config
from leakclf.model import Finding, Score
from leakclf.scoring.policy import (
    ANY_WILDCARD,
    SECRET_WILDCARD,
    Category,
    Policy,
    known_labels,
    load_policy,
)

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
        """Per category with findings: (category, reason text, points), in policy order."""
        policy = self.policy
        floor = policy.confidence_floor
        # category -> label -> (best confidence, unique digests)
        seen: dict[str, dict[str, tuple[float, set[str]]]] = {}
        for f in findings:
            hit = self._lookup(f.label)
            if hit is None:
                continue
            labels = seen.setdefault(hit[0].name, {})
            conf, digests = labels.get(f.label, (0.0, set()))
            digests.add(f.digest)
            labels[f.label] = (max(conf, min(max(float(f.confidence), 0.0), 1.0)), digests)
        out = []
        for cat in policy.categories:
            labels = seen.get(cat.name, {})
            if not labels:
                continue
            weight = {label: cat.labels[self._key(label, cat)] for label in labels}
            best = max(weight[lab] * (floor + (1 - floor) * c) for lab, (c, _) in labels.items())
            unique = sum(len(d) for _, d in labels.values())
            value = math.floor(min(cat.cap, best + cat.volume * math.log2(unique)) + 0.5)
            ranked = sorted(labels, key=lambda lab: (-weight[lab], lab))
            text = ", ".join(f"{lab} x{len(labels[lab][1])}" for lab in ranked)
            out.append((cat, text + (" unique" if unique > 1 else ""), value))
        return out

    def _key(self, label: str, cat: Category) -> str:
        """The policy key ``label`` matched in ``cat``: itself, ``SECRET_*`` or ``*``."""
        for key in (label, SECRET_WILDCARD, ANY_WILDCARD):
            if key in cat.labels:
                return key
        raise KeyError(label)  # unreachable: _lookup found the label in this category

    @cached_property
    def _lookups(self) -> dict[str, tuple[Category, float] | None]:
        return {}

    def _lookup(self, label: str) -> tuple[Category, float] | None:
        if label not in self._lookups:
            self._lookups[label] = self.policy.lookup(label)
        return self._lookups[label]


def _finish(policy: Policy, reasons: list[tuple[str, int]]) -> Score:
    """Cap at 100 by trimming the smallest reasons (kept, at 0 points, so they still explain)."""
    excess = sum(p for _, p in reasons) - MAX_SCORE
    kept = list(reasons)
    for i in range(len(kept) - 1, -1, -1):
        if excess <= 0:
            break
        text, points = kept[i]
        cut = min(points, excess)
        kept[i] = (text, points - cut)
        excess -= cut
    score = sum(p for _, p in kept)
    return Score(score=score, level=policy.level(score), reasons=tuple(kept))


__all__ = ["MAX_SCORE", "Policy", "Scorer", "known_labels", "load_policy"]
