"""DATE_TIME (written dates) and DATE_OF_BIRTH (a date with birth context, never without)."""

from __future__ import annotations

import re

from leakclf.detectors.base import Detector, Pattern

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_PATTERNS = (
    Pattern(
        "iso",
        r"(?<![\w-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?![\w-])",
        0.6,
        engine="regex",
    ),
    Pattern(
        "numeric",
        r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d\d(?![\w/-]|\.\d)",
        0.55,
    ),
    Pattern(
        "day-month",
        r"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTHS
        + r"\.?,?\s+(?:19|20)\d\d(?!\w)",
        0.65,
        re.IGNORECASE,
    ),
    Pattern(
        "month-day",
        r"(?<![\w])"
        + _MONTHS
        + r"\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\w)",
        0.65,
        re.IGNORECASE,
    ),
)


class DateDetector(Detector):
    id = "pii.date"
    label = "DATE_TIME"
    specificity = 30
    patterns = _DATE_PATTERNS

    def preview(self, value: str) -> str:
        return (
            re.sub(r"\d", "*", value[:-4]) + value[-4:]
            if value[-4:].isdigit()
            else "*" * len(value)
        )


class DateOfBirthDetector(DateDetector):
    id = "pii.date_of_birth"
    label = "DATE_OF_BIRTH"
    specificity = 70
    needs_context = True
    window = 32
    context = (
        "date of birth",
        "dob",
        "d.o.b",
        "born",
        "birth date",
        "birthdate",
        "birthday",
        "date of birth:",
        "geburtsdatum",
        "né le",
        "née le",
        "fecha de nacimiento",
    )

    def preview(self, value: str) -> str:
        return "*" * len(value)
