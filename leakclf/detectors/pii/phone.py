"""PHONE_NUMBER: candidates by regex, validated and normalised to E.164 with ``phonenumbers``.

Formatting earns confidence: an international ``+CC`` number is likely a phone, a
national number with separators less so, and a bare digit run needs a context word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from leakclf.detectors.base import NUMBER_LABELS, Detector, Pattern
from leakclf.detectors.masking import mask_digits

#: Regions tried, in order, for numbers written without a country code.
REGIONS = ("US", "GB", "DE", "FR", "IN", "AU", "ES", "IT", "NL", "CA", "IE", "SG")
_NOT_PHONE = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,3}(?:\.\d{1,3}){3})$"
)
_END = r"(?![\w/]|[.,-]\d)"
_GROUPS = r"\d{2,5}(?:[ .-]\d{2,8}){0,4}"


class PhoneDetector(Detector):
    id = "pii.phone"
    label = "PHONE_NUMBER"
    specificity = 55
    context = (
        "phone",
        "telephone",
        "tel",
        "mobile",
        "cell",
        "call",
        "fax",
        "contact",
        "whatsapp",
        "ph",
        "mob",
        "direct",
        "landline",
        "phone number",
    )
    negative = (
        *NUMBER_LABELS,
        "reference",
        "account",
        "acct",
        "routing",
        "iban",
        "ssn",
        "case",
        "ticket",
        "model",
    )
    patterns = (
        Pattern(
            "international",
            # "+33 6 12 36 84 26", "+12015546563", "+1 (201) 555-0123"; a comma may precede
            # the "+" (CSV cells), but not a digit and comma ("1,00...").
            r"(?<![\w+/.-])(?<!\d,)(?:\+|00)\d{1,3}(?:[ .-]?\(\d{1,5}\))?(?:[ .-]?\d{1,8}){1,6}"
            + _END,
            0.7,
            engine="regex",
        ),
        Pattern(
            "national-area",
            r"(?<![\w+/.,(-])\(\d{1,5}\)[ .-]?" + _GROUPS + _END,
            0.55,
            engine="regex",
        ),
        Pattern("national-3-3-4", r"(?<![\w+/.,-])\d{3}([-.])\d{3}\1\d{4}" + _END, 0.5),
        Pattern(
            "national", r"(?<![\w+/.,-])\d{2,5}(?:[ .-]\d{2,5}){1,4}" + _END, 0.35, engine="regex"
        ),
        Pattern("digits", r"(?<![\w+/.,-])\d{7,15}" + _END, 0.15),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        if not 7 <= sum(c.isdigit() for c in value) <= 15 or _NOT_PHONE.match(value):
            return None
        parsed = parse_phone(value)
        if parsed is None:
            return None
        return ("phonenumbers:valid",) if parsed[2] else ("phonenumbers:possible",)

    def adjust(self, value: str, confidence: float) -> float:
        parsed = parse_phone(value)
        # possible but not valid (an unassigned area code): formatting and context must carry it
        return confidence if parsed and parsed[2] else confidence - 0.2

    def normalise(self, value: str) -> str:
        parsed = parse_phone(value)
        return parsed[1] if parsed else value

    def preview(self, value: str) -> str:
        return mask_digits(value, keep_end=2)

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        parsed = parse_phone(value)
        return (("country", parsed[0]),) if parsed and parsed[0] else ()


@lru_cache(maxsize=4096)
def parse_phone(value: str) -> tuple[str, str, bool] | None:
    """(region, E.164, valid) in the first region of ``REGIONS`` where ``value`` is a possible
    number (right length), else None. ``valid`` says whether the number is also assigned."""
    import phonenumbers

    raw = "+" + value[2:] if value.startswith("00") else value
    regions = (None,) if raw.startswith("+") else REGIONS
    for region in regions:  # the first region where the number is at least possible
        try:
            num = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(num):
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
            code = phonenumbers.region_code_for_country_code(num.country_code or 0)
            return ("" if code == "001" else code), e164, phonenumbers.is_valid_number(num)
    return None
