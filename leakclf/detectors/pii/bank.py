"""US bank account numbers (account word + bank context) and ABA routing numbers (checksum +
context)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from stdnum.us import rtn

from leakclf.config import Config
from leakclf.detectors.base import Candidate, Pattern, Scans, words_regex
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
    """An account word next to the number, a bank word near it, and no "account ID"/"AWS"."""

    id = "pii.us_bank"
    version = 2
    label = "US_BANK_NUMBER"
    specificity = 62
    needs_context = True
    window = 32
    bank_window: ClassVar[int] = 120  # characters before and after searched for a bank word
    bank: ClassVar[tuple[str, ...]] = (
        "bank",
        "banking",
        "checking",
        "savings",
        "routing",
        "aba",
        "iban",
        "swift",
        "bic",
        "direct deposit",
        "deposit",
        "beneficiary",
        "wire",
        "ach",
        "sort code",
        "bsb",
        "ifsc",
        "a/c",
        "bank name",
        "branch",
        "payee",
        "remit",
        "remittance",
        "transfer",
    )
    #: Cloud and customer account numbers: never a bank account, wherever the bank words are.
    refuse: ClassVar[tuple[str, ...]] = (
        "account id",
        "account-id",
        "accountid",
        "aws",
        "amazon web services",
        "arn",
        "azure",
        "subscription",
        "tenant",
        "gcp",
        "project id",
        "customer id",
        "customer number",
        "user id",
        "member id",
    )
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

    def __init__(self, key: bytes = b"", config: Config | None = None) -> None:
        super().__init__(key, config)
        self._bank = words_regex(self.bank)
        self._refuse = words_regex(self.refuse)

    def validate(self, value: str) -> tuple[str, ...] | None:
        return None if len(set(digits(value))) == 1 else ()

    def find(self, text: str, lowered: str, scans: Scans | None = None) -> Iterator[Candidate]:
        for cand in super().find(text, lowered, scans):
            near = text[max(0, cand.start - self.bank_window) : cand.end + self.bank_window]
            line = _line(text, cand.start, cand.end)
            if self._refuse is not None and (
                self._refuse.search(line)
                or self._refuse.search(
                    text[max(0, cand.start - self.window) : cand.end + self.window]
                )
            ):
                continue
            hit = self._bank.search(near) if self._bank is not None else None
            if hit is None:
                continue
            yield replace(cand, evidence=(*cand.evidence, f"bank-context:{hit.group(0).lower()!r}"))


def _line(text: str, start: int, end: int) -> str:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : len(text) if last < 0 else last]
