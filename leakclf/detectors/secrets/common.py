"""What every secret detector shares: masking with a public prefix, entropy, placeholders."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import ClassVar

from leakclf.detectors.base import Detector
from leakclf.detectors.masking import mask_secret

_PLACEHOLDER = re.compile(
    r"^(?:[*x#.•_-]+|<[^>]*>|\{[^}]*\}|\$\{[^}]*\}|\$[A-Z_]+|%\([^)]*\)s|%s|\[[^\]]*\]|"
    r"(?:your|my|the|example|sample|dummy|fake|test|placeholder|redacted|hidden|removed|masked)"
    r"[\w-]*|password|passwd|secret|n/?a|none|null|nil|empty|tbd|todo|changeit|\*+)$",
    re.IGNORECASE,
)


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values()) if n else 0.0


def is_placeholder(value: str) -> bool:
    """``********``, ``<password>``, ``${DB_PASS}``, ``xxxxxxxx``, ``your-api-key`` ..."""
    return bool(_PLACEHOLDER.match(value.strip("\"'`"))) or len(set(value[-16:])) <= 2


class SecretDetector(Detector):
    """A credential: its digest is of the exact value, its preview shows at most 4 characters."""

    specificity = 95
    prefix: ClassVar[str] = ""  # a public type marker kept in the preview ("AKIA", "ghp_")

    def normalise(self, value: str) -> str:
        return value.strip()

    def preview(self, value: str) -> str:
        prefix = next((p for p in self.prefix.split("|") if p and value.startswith(p)), "")
        return mask_secret(value, prefix)

    def validate(self, value: str) -> tuple[str, ...] | None:
        return None if is_placeholder(value) else ("placeholder:no",)
