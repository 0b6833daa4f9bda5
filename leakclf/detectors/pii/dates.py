"""DATE_TIME (written dates) and DATE_OF_BIRTH (a date with birth context, never without)."""

from __future__ import annotations

import re

from leakclf.detectors.base import Detector, Pattern

_MONTH_NAMES = (
    "jan(?:uary)?",
    "feb(?:ruary)?",
    "mar(?:ch)?",
    "apr(?:il)?",
    "may",
    "june?",
    "july?",
    "aug(?:ust)?",
    "sep(?:t(?:ember)?)?",
    "oct(?:ober)?",
    "nov(?:ember)?",
    "dec(?:ember)?",
)
_MONTHS = "(?:" + "|".join(_MONTH_NAMES) + ")"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"

# A pattern that opens with a lookbehind is tried at every position of a text; one that opens
# with a character class lets ``re`` skip to the positions holding it. So these patterns open
# with the day's first digit or the month's first letter, and each alternative then checks
# (a lookbehind) the character it follows, in the order of the alternatives as written: the
# same matches as ``(?<!before)`` + ``_DAY`` or ``_MONTHS`` (tests/detectors/test_speed_paths.py).


def _day_first(before: str) -> str:
    """``(?<!before)`` + ``_DAY``, opening with the day's first digit."""
    return rf"[0-9](?<!{before}[0-9])(?:(?<=0)[1-9]|(?<=[1-9])|(?<=[12])\d|(?<=3)[01])"


#: ``(?<![\w])`` + ``_MONTHS`` (case-insensitive), opening with the month's first letter: the
#: letters ``re.IGNORECASE`` matches with them, outside its scope (a case-insensitive class is
#: no prefix for ``re``); ``ſ`` is an ``s``.
_MONTH_FIRST = (
    r"(?-i:[ADFJMNOSadfjmnosſ])(?<!\w.)(?:"
    + "|".join(f"(?<={name[0]}){name[1:]}" for name in _MONTH_NAMES)
    + ")"
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
        _day_first(r"[\w/.-]") + r"[/.-]" + _DAY + r"[/.-](?:19|20)?\d\d(?![\w/-]|\.\d)",
        0.55,
    ),
    Pattern(
        "day-month",
        _day_first(r"[\w]")
        + r"(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTHS
        + r"\.?,?\s+(?:19|20)\d\d(?!\w)",
        0.65,
        re.IGNORECASE,
    ),
    Pattern(
        "month-day",
        _MONTH_FIRST + r"\.?\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\w)",
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
