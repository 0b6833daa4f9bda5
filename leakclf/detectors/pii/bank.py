"""US bank account numbers (context only) and ABA routing numbers (checksum + context)."""

from __future__ import annotations

from stdnum.us import rtn

from leakclf.detectors.base import Pattern
from leakclf.detectors.pii.us import DigitsDetector, digits

#: Federal Reserve routing symbols in use (python-stdnum checks the check digit only).
_PREFIXES = {*range(13), *range(21, 33), *range(61, 73), 80}


def aba_ok(number: str) -> bool:
    """An ABA routing number: a prefix in use and python-stdnum's check digit."""
    return len(number) == 9 and int(number[:2]) in _PREFIXES and rtn.is_valid(number)


class RoutingNumberDetector(DigitsDetector):
    id = "pii.us_routing"
    label = "US_ROUTING_NUMBER"
    specificity = 78
    needs_context = True
    context = ("routing", "routing number", "aba", "rtn", "transit", "routing no", "aba number")
    patterns = (Pattern("aba", r"(?<![\w-])\d{9}(?![\w-])", 0.5),)

    def validate(self, value: str) -> tuple[str, ...] | None:
        return ("aba:ok",) if aba_ok(value) and len(set(value)) > 1 else None


class BankAccountDetector(DigitsDetector):
    id = "pii.us_bank"
    label = "US_BANK_NUMBER"
    specificity = 62
    needs_context = True
    window = 32
    context = (
        "account number",
        "account no",
        "acct",
        "acct no",
        "bank account",
        "checking",
        "savings",
        "account #",
        "a/c",
        "beneficiary account",
    )
    negative = ("routing", "aba", "invoice", "order", "po", "customer", "client", "reference")
    patterns = (Pattern("account", r"(?<![\w-])\d{8,17}(?![\w-])", 0.5),)

    def validate(self, value: str) -> tuple[str, ...] | None:
        return None if len(set(digits(value))) == 1 else ()
