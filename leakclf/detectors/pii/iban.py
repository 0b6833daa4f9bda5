"""IBAN_CODE (mod-97 via python-stdnum) and SWIFT_CODE (BIC shape, country, context)."""

from __future__ import annotations

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_digits


class IbanDetector(Detector):
    id = "pii.iban"
    label = "IBAN_CODE"
    specificity = 90
    context = ("iban", "bank", "account", "transfer", "wire", "payment", "sepa", "kontonummer")
    patterns = (
        Pattern(
            "iban",
            r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])",
            0.8,
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        from stdnum import iban  # load time: stdnum only when used

        return ("mod97:ok",) if iban.is_valid(value) else None

    def normalise(self, value: str) -> str:
        return value.replace(" ", "").upper()

    def preview(self, value: str) -> str:
        return value[:2] + mask_digits(value[2:])

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        return (("country", normalised[:2]),)


class SwiftDetector(Detector):
    id = "pii.swift"
    label = "SWIFT_CODE"
    specificity = 60
    needs_context = True  # BUSINESS and CONTRACT are BIC-shaped words
    context = ("swift", "bic", "swift code", "bic code", "bank", "sort code", "routing", "iban")
    patterns = (
        Pattern(
            "bic",
            r"(?<![A-Za-z0-9])[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9])",
            0.5,
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        from stdnum import bic  # load time: stdnum only when used

        return ("bic:ok",) if bic.is_valid(value) else None

    def normalise(self, value: str) -> str:
        return value.upper()

    def preview(self, value: str) -> str:
        return value[:4] + "*" * (len(value) - 4)
