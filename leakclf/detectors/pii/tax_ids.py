"""Tax and company numbers: US EIN, AU ABN and ACN, IN GSTIN and PAN (python-stdnum checks).

EIN, ABN, ACN and GSTIN name a business (the subject stage files them as the business's own);
a PAN names a person when its fourth letter is ``P`` and a business otherwise (evidence
``pan-holder:person`` or ``pan-holder:business``).
"""

from __future__ import annotations

from leakclf.detectors.base import Pattern
from leakclf.detectors.pii.national_id import NationalIdDetector


class UsEin(NationalIdDetector):
    """Employer identification number: ``12-3456789`` with a valid IRS prefix, context needed."""

    id, label, scheme, stdnum = "pii.us_ein", "US_EIN", "us_ein", "stdnum.us.ein"
    has_checksum, needs_context, specificity = False, True, 77
    context = (
        "ein",
        "fein",
        "employer identification",
        "employer id",
        "employer's id",
        "federal tax id",
        "federal id",
        "tax id",
        "employer identification number",
    )
    patterns = (Pattern("ein", r"(?<![\w-])\d{2}-\d{7}(?![\w-])", 0.6),)


class AuAbn(NationalIdDetector):
    id, label, scheme, stdnum, specificity = "pii.au_abn", "AU_ABN", "au_abn", "stdnum.au.abn", 82
    needs_context = True  # 1 in 89 eleven-digit numbers passes the check
    context = ("abn", "australian business number")
    patterns = (Pattern("abn", r"(?<![\w-])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\w-])", 0.45),)


class AuAcn(NationalIdDetector):
    id, label, scheme, stdnum, specificity = "pii.au_acn", "AU_ACN", "au_acn", "stdnum.au.acn", 81
    needs_context = True
    context = ("acn", "australian company number", "arbn")
    patterns = (Pattern("acn", r"(?<![\w-])\d{3} ?\d{3} ?\d{3}(?![\w-])", 0.5),)


class InGstin(NationalIdDetector):
    id, label, scheme = "pii.in_gstin", "IN_GSTIN", "in_gstin"
    stdnum, specificity = "stdnum.in_.gstin", 86
    context = ("gstin", "gst no", "gst number", "gstin/uin", "gst reg")
    patterns = (
        Pattern("gstin", r"(?<![\w])\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z](?![\w])", 0.75),
    )


class InPan(NationalIdDetector):
    id, label, scheme, stdnum, specificity = "pii.in_pan", "IN_PAN", "in_pan", "stdnum.in_.pan", 84
    has_checksum, needs_context = False, True
    context = ("pan", "pan no", "pan number", "permanent account number", "income tax")
    patterns = (Pattern("pan", r"(?<![\w])[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z](?![\w])", 0.5),)

    def validate(self, value: str) -> tuple[str, ...] | None:
        checks = super().validate(value)
        if checks is None:
            return None
        return (*checks, "pan-holder:" + ("person" if value[3].upper() == "P" else "business"))
