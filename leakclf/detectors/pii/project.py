"""PROJECT: project names and codes from key-value labels, for the census."""

from __future__ import annotations

import re

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_middle

_STOP = re.compile(
    r"\s{2,}|\t|\s+(?:[A-Z][a-z]+ )?(?:Date|Client|Customer|Owner|Manager|Status|Phase|Budget|Start|End|Ref)\s*:"
)


class ProjectDetector(Detector):
    id = "pii.project"
    label = "PROJECT"
    specificity = 45
    triggers = ("project", "engagement")
    patterns = (
        Pattern(
            "project-label",
            r"(?i)(?<![\w-])(?:project(?:\s+(?:name|code|no\.?|number|id|title|ref(?:erence)?))?|"
            r"engagement(?:\s+(?:name|code|no\.?|number|id))?)\s*(?:[:#]|no\.)\s*([^\n;|]{2,80})",
            0.8,
            group=1,
        ),
    )

    def trim(self, value: str) -> str:
        value = _STOP.split(value, 1)[0].strip(" .,:-*\t")
        return value if len(value) >= 2 and any(c.isalpha() for c in value) else ""

    def normalise(self, value: str) -> str:
        return " ".join(value.casefold().split())

    def preview(self, value: str) -> str:
        return " ".join(mask_middle(w) for w in value.split())
