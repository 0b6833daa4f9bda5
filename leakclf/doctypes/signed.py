"""Is a document signed? True, False (an empty signature block) or None (no sign of signing).

Signals, strongest first: PDF signature fields (``doc.meta["signature_fields"]``), e-signature
envelope markers, conformed ``/s/`` signatures, and filled signature blocks (a name under
"By:" / "Signature:"). Blocks with only blanks ("By: ______") are unsigned.
"""

from __future__ import annotations

import re
from typing import Any

_ESIGN = (
    "docusign envelope id",
    "signed electronically",
    "electronically signed",
    "adobe sign",
    "echosign",
    "hellosign",
    "dropbox sign",
    "signnow",
    "pandadoc",
    "signature certificate",
)
WINDOW = 20_000  # characters read at each end: markers sit in headers, blocks at the end
_CONFORMED = re.compile(r"(?m)^\s*(?:by:\s*)?/s/\s*[^\W\d_]{2,}")
_BLOCK = re.compile(
    r"^\s*(by|signature|signed|signed by|authori[sz]ed signatory|unterschrift|firma)\s*(?::\s*(.*)|$)",
    re.IGNORECASE,
)
_BLANK = re.compile(r"^[\s_.\-–—]*$")
_NAME = re.compile(r"^[^\W\d_][^\W\d_.'-]*(?:[ .'-]+[^\W\d_]+){1,4}\.?$")


def signed(text: str, meta: dict[str, Any] | None = None) -> tuple[bool | None, str | None]:
    """(signed, evidence)."""
    if meta and meta.get("signature_fields"):
        return True, "signed:pdf-signature-field"
    if len(text) > 2 * WINDOW:
        text = text[:WINDOW] + "\n" + text[-WINDOW:]
    low = text.lower()
    if marker := next((m for m in _ESIGN if m in low), None):
        return True, f"signed:'{marker}'"
    if "/s/" in text and _CONFORMED.search(text):
        return True, "signed:/s/ signature"
    filled = empty = 0
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = _BLOCK.match(line) if len(line) <= 80 else None  # the length first: cheaper
        if m is None:
            continue
        value = re.split(r"\s{3,}", (m.group(2) or "").strip())[
            0
        ]  # side-by-side blocks: first column
        if not value:
            value = next((ln.strip() for ln in lines[i + 1 : i + 3] if ln.strip()), "")
            if _BLOCK.match(value) or re.match(r"^(name|title|date)\s*:", value, re.IGNORECASE):
                value = ""
        if _BLANK.match(value):
            empty += 1
        elif (
            _NAME.match(name := value.split(",")[0].strip())
            and name[0].isupper()
            and name.split()[-1][0].isupper()
        ):
            filled += 1
    witness = "in witness whereof" in low
    if filled:
        return True, "signed:filled signature block"
    if empty:
        return False, "unsigned:empty signature block"
    if witness:
        return False, "unsigned:witness clause without signatures"
    return None, None
