"""Sensitivity score 0-100, a level, and the reasons that sum to the score.

    score = doc-type points (+ signed) + sum over categories of
            min(cap, best label points + volume * log2(unique values))
            capped at 100
    label points = weight * subject factor * confidence share (0 below min_confidence)
    then: a person's identifier named with the person lifts the score to `restricted`

A document with no text is unread (``Scorer.unread``): its own reason, never public.
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
from leakclf.scoring.subject import BUSINESS_PARTY, PERSON

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

    def score(
        self,
        doc_type: str,
        signed: bool | None,
        findings: Iterable[Finding],
        *,
        doc_type_uncertain: bool = False,
    ) -> Score:
        """``doc_type_uncertain``: the classifier was not sure, so the type earns no points."""
        policy = self.policy
        reasons: list[tuple[str, int, int]] = []  # (text, points, policy order for ties)
        points, signed_points = (
            (0, 0) if doc_type_uncertain else policy.doc_types.get(doc_type, (0, 0))
        )
        if signed and signed_points:
            reasons.append((f"doc_type:{doc_type}, signed", points + signed_points, -1))
        elif points:
            reasons.append((f"doc_type:{doc_type}", points, -1))
        findings = list(findings)
        for order, (cat, text, value) in enumerate(self._categories(findings)):
            if value:
                reasons.append((text, value, order))
        reasons.sort(key=lambda r: (-r[1], r[2]))
        kept = [(text, value) for text, value, _ in reasons]
        tied = self._person_identifiers(findings)
        floor = policy.lowest(policy.person_level)
        total = sum(p for _, p in kept)
        if tied and total < floor:
            kept.append((f"rule:person-identifier ({'+'.join(tied)})", floor - total))
        return _finish(policy, kept)

    def unread(self, why: str) -> Score:
        """The score of a file with no text: the lowest score of the policy's unread level."""
        policy = self.policy
        points = policy.lowest(policy.unread_level)
        return Score(score=points, level=policy.unread_level, reasons=((f"unread:{why}", points),))

    def _counts(self, f: Finding) -> bool:
        return float(f.confidence) >= self.policy.min_confidence

    def _person_identifiers(self, findings: list[Finding]) -> list[str]:
        """Labels of the person rule present (a person's, confident) when a person is named,
        or when the document lists at least ``person_list`` distinct such values."""
        policy = self.policy
        mine = [
            f
            for f in findings
            if f.label in policy.person_labels
            and self._counts(f)
            and BUSINESS_PARTY not in f.evidence
        ]
        if not mine:
            return []
        named = any(f.label == "PERSON" and self._counts(f) for f in findings)
        listed = policy.person_list and len({f.digest for f in mine}) >= policy.person_list
        return sorted({f.label for f in mine}) if named or listed else []

    def _categories(self, findings: Iterable[Finding]) -> list[tuple[Category, str, int]]:
        """Per category with findings: (category, reason text, points), in policy order."""
        policy = self.policy
        floor = policy.confidence_floor
        # category -> label -> (best share of the weight, unique digests, any person's value)
        seen: dict[str, dict[str, tuple[float, set[str], bool]]] = {}
        scoring: dict[str, set[str]] = {}  # category -> digests of findings that score
        people: set[str] = set()  # categories where a scoring finding is a person's
        for f in findings:
            hit = self._lookup(f.label)
            if hit is None:
                continue
            labels = seen.setdefault(hit[0].name, {})
            share, digests, personal = labels.get(f.label, (0.0, set(), False))
            digests.add(f.digest)
            business = BUSINESS_PARTY in f.evidence
            conf = min(max(float(f.confidence), 0.0), 1.0)
            mine = 0.0
            if self._counts(f):  # below the minimum: shown, scores nothing
                mine = (floor + (1 - floor) * conf) * (policy.business_party if business else 1.0)
                scoring.setdefault(hit[0].name, set()).add(f.digest)
                if not business:
                    people.add(hit[0].name)
            labels[f.label] = (max(share, mine), digests, personal or not business)
        out = []
        for cat in policy.categories:
            labels = seen.get(cat.name, {})
            if not labels:
                continue
            weight = {label: cat.labels[self._key(label, cat)] for label in labels}
            best = max(weight[lab] * share for lab, (share, _, _) in labels.items())
            counted = len(scoring.get(cat.name, ()))
            volume = cat.volume * math.log2(counted) if counted else 0.0
            if cat.name not in people:  # only business contact data: its volume counts less too
                volume *= policy.business_party
            value = math.floor(min(cat.cap, best + volume) + 0.5)
            unique = sum(len(d) for _, d, _ in labels.values())
            ranked = sorted(labels, key=lambda lab: (-weight[lab], lab))
            text = ", ".join(
                f"{lab} x{len(labels[lab][1])}" + ("" if labels[lab][2] else " business")
                for lab in ranked
            )
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


__all__ = [
    "BUSINESS_PARTY",
    "MAX_SCORE",
    "PERSON",
    "Policy",
    "Scorer",
    "known_labels",
    "load_policy",
]
