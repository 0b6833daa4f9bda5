"""A high-entropy value next to a credential word: both gates must pass."""

from __future__ import annotations

import string

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector, entropy, is_placeholder

_HEX = frozenset(string.hexdigits)


class GenericSecretDetector(SecretDetector):
    id = "secret.generic"
    label = "SECRET_GENERIC"
    specificity = 80  # the named providers win an overlap
    triggers = ("key", "secret", "token", "bearer", "credential", "auth")
    patterns = (
        Pattern(
            "keyword-value",
            r"(?i)(?<![\w])(?:api[_ -]?key|apikey|secret(?:[_ -]?key)?|client[_ -]?secret|access[_ -]?token|"
            r"auth[_ -]?token|token|bearer|private[_ -]?key|credentials?|signing[_ -]?key|x-api-key)"
            r"[\"']?\s*(?:[:=]|=>|:=|\s)\s*[\"']?([A-Za-z0-9+/_.~=-]{20,200})",
            0.75,
            group=1,
        ),
    )

    def trim(self, value: str) -> str:
        return value.rstrip(".")

    def validate(self, value: str) -> tuple[str, ...] | None:
        if is_placeholder(value) or not any(c.isdigit() for c in value):
            return None
        bits = entropy(value)
        if all(c in _HEX for c in value):
            ok = len(value) >= 32 and bits >= 3.0
        else:
            ok = (
                bits >= 3.7
                and any(c.isupper() for c in value) + any(c.islower() for c in value) >= 1
            )
        return (f"entropy:{bits:.1f}",) if ok else None
