"""CREDIT_CARD: known issuer prefixes, 13-19 digits, Luhn-validated (python-stdnum)."""

from __future__ import annotations

from stdnum import luhn

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_digits

_SEP = r"[ -]?"


class CreditCardDetector(Detector):
    id = "pii.credit_card"
    label = "CREDIT_CARD"
    specificity = 90
    context = (
        "card",
        "credit",
        "debit",
        "visa",
        "mastercard",
        "amex",
        "cc",
        "cvv",
        "expiry",
        "pan",
    )
    negative = ("order", "invoice", "tracking", "part", "sku", "serial", "po")
    patterns = (
        Pattern(
            "card-4x4",
            r"(?<![\d-])(?:4\d{3}|5[1-5]\d{2}|2[2-7]\d{2}|6(?:011|5\d\d)|35\d\d)"
            + (_SEP + r"\d{4}") * 3
            + r"(?:"
            + _SEP
            + r"\d{1,3})?(?![\d-])",
            0.75,
        ),
        Pattern(
            "amex",
            r"(?<![\d-])3[47]\d{2}" + _SEP + r"\d{6}" + _SEP + r"\d{5}(?![\d-])",
            0.75,
            engine="regex",
        ),
        Pattern(
            "diners",
            r"(?<![\d-])3(?:0[0-5]|[68]\d)\d" + _SEP + r"\d{6}" + _SEP + r"\d{4}(?![\d-])",
            0.6,
            engine="regex",
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        digits = "".join(c for c in value if c.isdigit())
        if not 13 <= len(digits) <= 19 or len(set(digits)) < 2 or not luhn.is_valid(digits):
            return None
        return ("luhn:ok",)

    def normalise(self, value: str) -> str:
        return "".join(c for c in value if c.isdigit())

    def preview(self, value: str) -> str:
        return mask_digits(value)
