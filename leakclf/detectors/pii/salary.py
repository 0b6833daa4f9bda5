"""SALARY: a pay amount next to a pay label (gross salary, net pay, wages, Gehalt, salaire, ...).

Pay is data about a person. The label must sit just before the amount on its line; ranges and
advertised pay ("salary range", "up to", "competitive") are left out, and so are zero amounts
(blank payslip forms).
"""

from __future__ import annotations

import re

from leakclf.detectors.base import Detector, Pattern

_NUMBER = r"(?:\d{1,3}(?:[,.' ]\d{3})+|\d+)(?:[.,]\d{2})?"


class SalaryDetector(Detector):
    id = "pii.salary"
    label = "SALARY"
    specificity = 45
    needs_context = True
    window = 28
    context = (
        "salary", "gross salary", "net salary", "base salary", "annual salary", "monthly salary",
        "gross pay", "net pay", "take-home pay", "take home pay", "wages", "gross wages",
        "net wages", "gross earnings", "net earnings", "gehalt", "bruttogehalt", "nettogehalt",
        "bruttolohn", "nettolohn", "salaire", "salaire brut", "salaire net", "stipendio",
        "retribuzione", "sueldo", "salario", "salaris", "brutoloon", "nettoloon",
    )
    negative = ("range", "up to", "between", "competitive", "average", "median", "budget",
                "market", "benchmark", "minimum wage")
    patterns = (
        Pattern(
            "amount",
            r"(?<![\w.,])(?:(?:[$€£₹]|USD|EUR|GBP|INR|CHF|NZD|AUD|CAD|Rs\.?) ?" + _NUMBER
            + r"|" + _NUMBER + r" ?(?:[$€£₹]|USD|EUR|GBP|CHF))(?![\w])",
            0.5,
            engine="regex",
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        return ("amount:non-zero",) if re.search(r"[1-9]", value) else None

    def normalise(self, value: str) -> str:
        return re.sub(r"[^\d.,]", "", value)

    def preview(self, value: str) -> str:
        return re.sub(r"\d", "*", value)
