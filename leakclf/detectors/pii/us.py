"""US identifiers: SSN (area/group/serial rules), ITIN, passport and driver's licence (context)."""

from __future__ import annotations

from stdnum.us import ssn

from leakclf.detectors.base import NUMBER_LABELS, Detector, Pattern
from leakclf.detectors.masking import mask_digits

_NUMBERS_NEGATIVE = (
    *NUMBER_LABELS,
    "reference",
    "ticket",
    "case",
    "model",
    "quote",
    "batch",
    "lot",
    "account",
    "routing",
    "aba",
    "phone",
    "fax",
    "tel",
)


def digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


class DigitsDetector(Detector):
    """A number whose digest ignores separators and whose preview keeps the last 4 digits."""

    def normalise(self, value: str) -> str:
        return "".join(c for c in value.upper() if c.isalnum())

    def preview(self, value: str) -> str:
        return mask_digits(value)


class SsnDetector(DigitsDetector):
    id = "pii.us_ssn"
    label = "US_SSN"
    specificity = 75
    context = ("ssn", "social security", "social security number", "soc sec", "ss#", "ssn#")
    negative = _NUMBERS_NEGATIVE
    patterns = (
        Pattern("ssn-dashed", r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])", 0.55, engine="regex"),
        Pattern("ssn-spaced", r"(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])", 0.3, engine="regex"),
        Pattern("ssn-plain", r"(?<![\w-])\d{9}(?![\w-])", 0.1),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        d = digits(value)
        if not ssn.is_valid(d):  # area, group and serial rules; the publicised numbers
            return None
        if d == "123456789" or len(set(d)) == 1:  # sample numbers stdnum allows
            return None
        return ("ssn-rules:ok",)


class ItinDetector(DigitsDetector):
    id = "pii.us_itin"
    label = "US_ITIN"
    specificity = 76
    context = ("itin", "taxpayer", "tax id", "individual taxpayer", "tin")
    negative = _NUMBERS_NEGATIVE
    patterns = (
        Pattern(
            "itin",
            r"(?<![\w-])9\d{2}[- ]?(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])[- ]?\d{4}(?![\w-])",
            0.4,
            engine="regex",
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        return ("itin-range:ok",)


class PassportDetector(DigitsDetector):
    id = "pii.us_passport"
    label = "US_PASSPORT"
    specificity = 65
    needs_context = True
    context = ("passport", "passport number", "passport no", "passport #", "travel document")
    negative = _NUMBERS_NEGATIVE
    patterns = (Pattern("passport", r"(?<![\w-])(?:[A-Z]\d{8}|\d{9})(?![\w-])", 0.5),)


class DriverLicenseDetector(DigitsDetector):
    id = "pii.us_driver_license"
    label = "US_DRIVER_LICENSE"
    specificity = 64
    needs_context = True
    context = (
        "driver's license",
        "drivers license",
        "driver license",
        "driver's licence",
        "driving licence",
        "driving license",
        "dl",
        "dl#",
        "license number",
        "licence number",
    )
    negative = _NUMBERS_NEGATIVE
    patterns = (
        Pattern(
            "dl", r"(?<![\w-])(?:[A-Z]{1,2}\d{5,13}|\d{7,12}|[A-Z]\d{3}-\d{4}-\d{4})(?![\w-])", 0.5
        ),
    )
