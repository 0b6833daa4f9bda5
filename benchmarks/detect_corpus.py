"""Labelled synthetic texts for the detection benchmarks (fixed seed, Faker; no real data).

(a) ``sentences(n, seed)``: short template sentences in the style of presidio-evaluator's
    data generator (templates with entity placeholders filled by Faker).
(b) ``business(n, seed)``: invoices, contracts and e-mails with injected values and
    near-misses (order, invoice, PO and part numbers shaped like identifiers).

Each sample is ``(text, [(start, end, label), ...])``.
"""

from __future__ import annotations

import base64
import datetime
import json
import random
import re
import string

from faker import Faker
from stdnum import verhoeff
from stdnum.de import idnr
from stdnum.es import dni
from stdnum.gb import nhs
from stdnum.nl import bsn

Sample = tuple[str, list[tuple[int, int, str]]]

TEMPLATES = [
    "My name is {PERSON} and I live in {LOCATION}.",
    "Please send the signed copy to {EMAIL_ADDRESS} before {DATE_TIME}.",
    "You can reach {PERSON} at {PHONE_NUMBER} during office hours.",
    "The card {CREDIT_CARD} was charged on {DATE_TIME}.",
    "{PERSON} works at {ORGANIZATION} in {LOCATION}.",
    "Wire the balance to IBAN {IBAN_CODE} by Friday.",
    "His social security number is {US_SSN}.",
    "The server at {IP_ADDRESS} was accessed by {PERSON} last night.",
    "Visit {URL} for the full terms.",
    "Ship the parts to {STREET_ADDRESS}, {LOCATION}.",
    "Contact {PERSON} ({EMAIL_ADDRESS}) about the renewal.",
    "{ORGANIZATION} signed the agreement with {ORGANIZATION} on {DATE_TIME}.",
    "Her mobile number is {PHONE_NUMBER}; call after lunch.",
    "Our new office is at {STREET_ADDRESS}.",
    "I met {PERSON} from {ORGANIZATION} at the conference in {LOCATION}.",
    "Login from {IP_ADDRESS} flagged for review.",
    "Refund the payment to the card ending in {CREDIT_CARD}.",
    "The meeting with {PERSON} is scheduled for {DATE_TIME}.",
    "Send the invoice to {EMAIL_ADDRESS} and copy {PERSON}.",
    "{PERSON} moved to {LOCATION} in {DATE_TIME}.",
    "The wallet address is {CRYPTO}.",
    "Please verify SSN {US_SSN} for the applicant {PERSON}.",
    "See the shared folder at {URL} or ask {PERSON}.",
    "Phone {PHONE_NUMBER} or email {EMAIL_ADDRESS}.",
]
BTC = [
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
]
BICS = ["DEUTDEFF", "NWBKGB2L", "BNPAFRPP", "COBADEFFXXX", "CHASUS33"]


class Values:
    """Entity values from one seeded Faker."""

    def __init__(self, seed: int) -> None:
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)

    def get(self, label: str) -> str:
        f, rng = self.fake, self.rng
        if label == "PERSON":
            return f.name()
        if label == "LOCATION":
            return rng.choice([f.city(), f.country(), f.state()])
        if label == "ORGANIZATION":
            return f.company()
        if label == "EMAIL_ADDRESS":
            return f.email()
        if label == "PHONE_NUMBER":
            return rng.choice(
                [
                    f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                    f"{rng.randint(201, 989)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                    f"+1 {rng.randint(201, 989)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
                    f"+44 20 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}",
                ]
            )
        if label == "CREDIT_CARD":
            return f.credit_card_number(card_type=rng.choice(["visa", "mastercard", "amex"]))
        if label == "IBAN_CODE":
            return f.iban()
        if label == "US_SSN":
            return f.ssn()
        if label == "IP_ADDRESS":
            return f.ipv4() if rng.random() < 0.8 else f.ipv6()
        if label == "URL":
            return f.url() + rng.choice(["", "docs/terms", "a/b?id=7"])
        if label == "DATE_TIME":
            # fixed ends (what "-20y" and "+2y" meant on 2026-12-06), so the corpus is the
            # same on every day it is built
            d = f.date_between(datetime.date(2006, 12, 6), datetime.date(2028, 12, 6))
            return rng.choice(
                [
                    d.strftime("%B %d, %Y"),
                    d.isoformat(),
                    d.strftime("%d %B %Y"),
                    d.strftime("%m/%d/%Y"),
                ]
            )
        if label == "STREET_ADDRESS":
            return f.street_address()
        if label == "CRYPTO":
            return rng.choice(BTC)
        raise KeyError(label)


def fill(template: str, values: Values) -> Sample:
    out, spans, pos = [], [], 0
    for m in re.finditer(r"\{([A-Z_]+)\}", template):
        out.append(template[pos : m.start()])
        start = sum(map(len, out))
        value = values.get(m.group(1))
        out.append(value)
        spans.append((start, start + len(value), m.group(1)))
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def sentences(n: int = 1000, seed: int = 42) -> list[Sample]:
    values = Values(seed)
    return [fill(values.rng.choice(TEMPLATES), values) for _ in range(n)]


# -- (b) business documents ---------------------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _valid(rng: random.Random, ok: object, make: object) -> str:
    while True:
        value = make()  # type: ignore[operator]
        if ok(value):  # type: ignore[operator]
            return value  # type: ignore[no-any-return]


def _ids(rng: random.Random) -> list[tuple[str, str]]:
    """(context phrase, value) national IDs with valid check digits (rejection sampling)."""
    nhs_v = _valid(rng, nhs.is_valid, lambda: _digits(rng, 10))
    d = str(rng.randint(10_000_000, 99_999_999))
    a = str(rng.randint(2, 9)) + _digits(rng, 10)
    return [
        ("NHS number", f"{nhs_v[:3]} {nhs_v[3:6]} {nhs_v[6:]}"),
        ("DNI", d + dni.calc_check_digit(d)),
        ("Aadhaar", a + verhoeff.calc_check_digit(a)),
        (
            "Steuer-ID",
            _valid(rng, idnr.is_valid, lambda: str(rng.randint(1, 9)) + _digits(rng, 10)),
        ),
        ("BSN", _valid(rng, bsn.is_valid, lambda: _digits(rng, 9))),
    ]


def _secrets(rng: random.Random) -> list[tuple[str, str, str]]:
    alnum = string.ascii_letters + string.digits
    tok = lambda k: "".join(rng.choice(alnum) for _ in range(k))
    head = (
        base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        .decode()
        .rstrip("=")
    )
    body = base64.urlsafe_b64encode(json.dumps({"sub": tok(6)}).encode()).decode().rstrip("=")
    return [
        (
            "aws_access_key_id = ",
            "AKIA" + "".join(rng.choice(string.ascii_uppercase + "234567") for _ in range(16)),
            "SECRET_AWS_ACCESS_KEY",
        ),
        ("GITHUB_TOKEN=", "ghp_" + tok(36), "SECRET_GITHUB_TOKEN"),
        ("password: ", tok(5) + rng.choice("!#$%") + str(rng.randint(10, 99)), "SECRET_PASSWORD"),
        (
            "DATABASE_URL=",
            f"postgres://app:{tok(12)}@db{rng.randint(1, 9)}.internal.example.com/prod",
            "SECRET_DATABASE_URL",
        ),
        ("Authorization: Bearer ", f"{head}.{body}.{tok(43)}", "SECRET_JWT"),
        ("STRIPE_KEY=", "sk_live_" + tok(24), "SECRET_STRIPE_KEY"),
    ]


def _near_misses(rng: random.Random) -> list[str]:
    """Numbers that look like identifiers but are not personal data."""
    return [
        f"Invoice No. INV-{rng.randint(2019, 2026)}-{_digits(rng, 6)}",
        f"PO Number: {_digits(rng, 9)}",
        f"Order ID {_digits(rng, 16)}",
        f"Part No. {_digits(rng, 4)}-{_digits(rng, 4)}-{_digits(rng, 4)}",
        f"Tracking {_digits(rng, 12)}",
        f"Quote ref {_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 4)}",
        f"SKU {rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{_digits(rng, 2)} {_digits(rng, 4)} {_digits(rng, 4)}",
        f"Item code {_digits(rng, 10)}",
        f"Build v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 99)}.{rng.randint(0, 999)}",
        "Payment terms: Net 30. Bill To / Ship To as per the Statement of Work and the Purchase Order.",
    ]


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str]] = []

    def text(self, s: str) -> None:
        self.parts.append(s)

    def value(self, v: str, label: str | None) -> None:
        start = sum(map(len, self.parts))
        self.parts.append(v)
        if label:
            self.spans.append((start, start + len(v), label))

    def build(self) -> Sample:
        return "".join(self.parts), self.spans


def _invoice(v: Values, d: Doc) -> None:
    rng = v.rng
    d.text("INVOICE\n")
    d.value(v.get("ORGANIZATION"), "ORGANIZATION")
    d.text("\n")
    d.value(v.get("STREET_ADDRESS"), "STREET_ADDRESS")
    d.text("\nInvoice date: ")
    d.value(v.get("DATE_TIME"), "DATE_TIME")
    d.text("\nBill To: ")
    d.value(v.get("ORGANIZATION"), "ORGANIZATION")
    d.text("\nAttn: ")
    d.value(v.get("PERSON"), "PERSON")
    d.text(", email ")
    d.value(v.get("EMAIL_ADDRESS"), "EMAIL_ADDRESS")
    d.text(", phone ")
    d.value(v.get("PHONE_NUMBER"), "PHONE_NUMBER")
    for line in rng.sample(_near_misses(rng), 4):
        d.text("\n" + line)
    d.text(
        f"\nConsulting services, 12 hours at 150.00 = 1,800.00\nTotal due: {rng.randint(1000, 99999)}.00 USD\n"
    )
    d.text("Bank details: IBAN ")
    d.value(v.get("IBAN_CODE"), "IBAN_CODE")
    d.text(", SWIFT/BIC ")
    d.value(rng.choice(BICS), "SWIFT_CODE")
    d.text("\nVAT number: ")
    d.value(rng.choice(["DE136695976", "GB980780684", "NL004495445B01", "ATU13585627"]), "VAT_ID")
    d.text(".\nPay by card: ")
    d.value(v.get("CREDIT_CARD"), "CREDIT_CARD")
    d.text("\n")


def _contract(v: Values, d: Doc) -> None:
    rng = v.rng
    d.text("MASTER SERVICES AGREEMENT\nThis Statement of Work is made on ")
    d.value(v.get("DATE_TIME"), "DATE_TIME")
    d.text(" between ")
    d.value(v.get("ORGANIZATION"), "ORGANIZATION")
    d.text(" and ")
    d.value(v.get("ORGANIZATION"), "ORGANIZATION")
    d.text(" (the Parties). Payment terms: Net 30.\n")
    for line in rng.sample(_near_misses(rng), 3):
        d.text(line + "\n")
    d.text("Contractor details: ")
    d.value(v.get("PERSON"), "PERSON")
    d.text(", residing at ")
    d.value(v.get("STREET_ADDRESS"), "STREET_ADDRESS")
    d.text(", SSN: ")
    d.value(v.get("US_SSN"), "US_SSN")
    ctx, val = rng.choice(_ids(rng))
    d.text(f", {ctx}: ")
    d.value(val, "NATIONAL_ID")
    d.text(".\nSigned for the client by ")
    d.value(v.get("PERSON"), "PERSON")
    d.text(" on ")
    d.value(v.get("DATE_TIME"), "DATE_TIME")
    d.text(".\n")


def _email(v: Values, d: Doc) -> None:
    rng = v.rng
    d.text("From: ")
    d.value(v.get("EMAIL_ADDRESS"), "EMAIL_ADDRESS")
    d.text("\nTo: ")
    d.value(v.get("EMAIL_ADDRESS"), "EMAIL_ADDRESS")
    d.text("\nSubject: access for the migration\n\nHi ")
    d.value(v.fake.first_name(), "PERSON")
    d.text(",\nthe staging box is ")
    d.value(v.get("IP_ADDRESS"), "IP_ADDRESS")
    d.text(", docs at ")
    d.value(v.get("URL"), "URL")
    d.text(". Credentials below:\n")
    for prefix, val, label in rng.sample(_secrets(rng), 3):
        d.text(prefix)
        d.value(val, label)
        d.text("\n")
    d.text(rng.choice(_near_misses(rng)) + "\nRegards,\n")
    d.value(v.get("PERSON"), "PERSON")
    d.text("\nMobile: ")
    d.value(v.get("PHONE_NUMBER"), "PHONE_NUMBER")
    d.text("\n")


def business(n: int = 300, seed: int = 7) -> list[Sample]:
    values = Values(seed)
    out = []
    for i in range(n):
        d = Doc()
        (_invoice, _contract, _email)[i % 3](values, d)
        out.append(d.build())
    return out
