"""A person's money: SALARY, a pay amount next to a pay label (gross salary, net pay, wages, a
payroll deposit, Gehalt, salaire, ...), and ACCOUNT_BALANCE, an amount next to an account-balance
label (opening/closing/available balance, "in my bank account", Kontostand).

Pay and savings are data about a person (a payslip, a bank statement, a letter proving one's
means). The label must sit near the amount; ranges and advertised pay ("salary range", "up to",
"competitive"), a firm's payroll costs, fees for payroll services and amounts still owed ("balance due") are left out,
and so are zero amounts (blank forms).
"""

from __future__ import annotations

import re
from typing import ClassVar

from leakclf.detectors.base import Detector, Pattern

_NUMBER = r"(?:\d{1,3}(?:[,.' ]\d{3})+|\d+)(?:[.,]\d{2})?"


class SalaryDetector(Detector):
    id = "pii.salary"
    version = 2
    label = "SALARY"
    specificity = 45
    needs_context = True
    window = 28
    context: ClassVar[tuple[str, ...]] = (
        "salary",
        "gross salary",
        "net salary",
        "base salary",
        "annual salary",
        "monthly salary",
        "gross pay",
        "net pay",
        "take-home pay",
        "take home pay",
        "wages",
        "gross wages",
        "net wages",
        "gross earnings",
        "net earnings",
        "gehalt",
        "bruttogehalt",
        "nettogehalt",
        "bruttolohn",
        "nettolohn",
        "salaire",
        "salaire brut",
        "salaire net",
        "stipendio",
        "retribuzione",
        "sueldo",
        "salario",
        "salaris",
        "brutoloon",
        "nettoloon",
        # a pay deposit on a bank statement ("DIRECT DEP ACME INC PAYROLL  $4,500.00")
        "payroll",
        "direct deposit",
        "direct dep",
    )
    negative: ClassVar[tuple[str, ...]] = (
        "range",
        "up to",
        "between",
        "competitive",
        "average",
        "median",
        "budget",
        "market",
        "benchmark",
        "minimum wage",
        # a firm's payroll bill or costs, not a person's pay
        "fee",
        "fees",
        "cost",
        "costs",
        "expense",
        "expenses",
    )
    patterns = (
        Pattern(
            "amount",
            r"(?<![\w.,])(?:(?:[$€£₹]|USD|EUR|GBP|INR|CHF|NZD|AUD|CAD|Rs\.?) ?"
            + _NUMBER
            + r"|"
            + _NUMBER
            + r" ?(?:[$€£₹]|USD|EUR|GBP|CHF))(?![\w])",
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


class AccountBalanceDetector(SalaryDetector):
    """The money someone holds: an amount next to an account-balance label, never a balance owed."""

    id = "pii.account_balance"
    version = 1
    label = "ACCOUNT_BALANCE"
    context = (
        "account balance",
        "opening balance",
        "closing balance",
        "available balance",
        "current balance",
        "ending balance",
        "beginning balance",
        "statement balance",
        "in my bank account",
        "in my account",
        "in my savings",
        "on my account",
        "kontostand",
        "solde du compte",
        "saldo del conto",
        "saldo de la cuenta",
    )
    negative = ("due", "owing", "owed", "outstanding", "payable", "to pay", "invoice")
