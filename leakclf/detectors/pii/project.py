"""PROJECT: project names and codes from key-value labels, for the census."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from leakclf.detectors.base import Candidate, Detector, Pattern, Scans
from leakclf.detectors.masking import mask_middle

_STOP = re.compile(
    r"\s{2,}|\t|\s+(?:[A-Z][a-z]+ )?(?:Date|Client|Customer|Owner|Manager|Status|Phase|Budget|Start|End|Ref)\s*:"
)


class ProjectDetector(Detector):
    id = "pii.project"
    label = "PROJECT"
    specificity = 45
    triggers = ("proj", "engagement", "prj", "pjt")
    patterns = (
        Pattern("project-code", r"(?<![\w-])(?:PRJ|PROJ|PJT)[-_]?\d{3,6}(?![\w-])", 0.7),
        Pattern(
            "project-label",
            r"(?i)(?<![\w-])(?:project(?:\s+(?:name|code|no\.?|number|id|title|ref(?:erence)?))?|"
            r"engagement(?:\s+(?:name|code|no\.?|number|id))?)\s*(?:[:#]|no\.)\s*([^\n;|]{2,80})",
            0.8,
            group=1,
        ),
    )

    def find(self, text: str, lowered: str, scans: Scans | None = None) -> Iterator[Candidate]:
        """Labelled names and codes, then every other mention of those names in the same text
        ("Project: Kestrel CRM" ... "the Kestrel CRM rollout")."""
        found = list(super().find(text, lowered, scans))
        yield from found
        taken = [(c.start, c.end) for c in found]
        for cand in {c.value: c for c in found if len(c.value) >= 4}.values():
            for m in re.finditer(r"(?<!\w)" + re.escape(cand.value) + r"(?!\w)", text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append(m.span())
                yield replace(
                    cand,
                    start=m.start(),
                    end=m.end(),
                    confidence=0.7,
                    evidence=(cand.evidence[0], "mention:same-text"),
                )

    def trim(self, value: str) -> str:
        value = _STOP.split(value, 1)[0].strip(" .,:-*\t")
        return value if len(value) >= 2 and any(c.isalpha() for c in value) else ""

    def normalise(self, value: str) -> str:
        return " ".join(value.casefold().split())

    def preview(self, value: str) -> str:
        return " ".join(mask_middle(w) for w in value.split())
