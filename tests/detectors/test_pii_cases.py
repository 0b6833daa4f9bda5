"""Every PII detector: >=3 true positives, >=3 near-misses, >=1 checksum/validation failure.

Each case runs every pattern detector (NER off) and compares the full result list.
"""

from __future__ import annotations

import pytest
from detcases import case, check
from detgen import aba, cards, numbers, pick, spaced, stdnum_ok

from leakclf.detectors import DetectorSet

VISA, MC, AMEX = cards("4"), cards("5500"), cards("3782", 15)
BAD_VISA = cards("4", want=False)
ROUTING, BAD_ROUTING = aba(), aba(want=False)
NHS = pick(stdnum_ok("stdnum.gb.nhs"), numbers("943", 10, 4765))
BAD_NHS = pick(stdnum_ok("stdnum.gb.nhs"), numbers("943", 10, 4765), want=False)
AADHAAR = pick(stdnum_ok("stdnum.in_.aadhaar"), numbers("2341", 12, 23456))
TFN = pick(stdnum_ok("stdnum.au.tfn"), numbers("123", 9, 456))
BSN = pick(stdnum_ok("stdnum.nl.bsn"), numbers("111", 9, 222))
IDNR = pick(stdnum_ok("stdnum.de.idnr"), numbers("365", 11, 74261))
NIF = pick(
    stdnum_ok("stdnum.es.nif"),
    (f"{n}{c}" for n in numbers("1234", 8, 5678) for c in "TRWAGMYFPDXBNJZSQVHLCKE"),
)
NIE = pick(
    stdnum_ok("stdnum.es.nie"),
    (f"X{n}{c}" for n in numbers("12", 7, 34567) for c in "TRWAGMYFPDXBNJZSQVHLCKE"),
)

CASES = [
    # -- email
    case(
        "plain",
        "pii.email",
        "Write to jane.doe@contoso.com today.",
        ("EMAIL_ADDRESS", "jane.doe@contoso.com"),
    ),
    case(
        "plus-tag",
        "pii.email",
        "cc: ops+alerts@fabrikam.co.uk",
        ("EMAIL_ADDRESS", "ops+alerts@fabrikam.co.uk"),
    ),
    case(
        "upper",
        "pii.email",
        "From: JOHN_SMITH@Example.ORG",
        ("EMAIL_ADDRESS", "JOHN_SMITH@Example.ORG"),
    ),
    case("no-tld", "pii.email", "user@localhost is not routable"),
    case("at-handle", "pii.email", "ping @jane on chat"),
    case("at-price", "pii.email", "12 units @ 4.50 each"),
    case("trailing-dot-local", "pii.email", "jane.@contoso.com"),
    # -- phone
    case("intl", "pii.phone", "Call +44 20 7946 0958 now", ("PHONE_NUMBER", "+44 20 7946 0958")),
    case("us-area", "pii.phone", "Phone: (212) 555-0143", ("PHONE_NUMBER", "(212) 555-0143")),
    case("us-dashed", "pii.phone", "mobile 415-555-2671", ("PHONE_NUMBER", "415-555-2671")),
    case("e164-unspaced", "pii.phone", "Mobile: +12015546563", ("PHONE_NUMBER", "+12015546563")),
    case(
        "fr-single-digit-group",
        "pii.phone",
        "Jane, +33 6 12 36 84 26",
        ("PHONE_NUMBER", "+33 6 12 36 84 26"),
    ),
    case(
        "csv-cell",
        "pii.phone",
        "name,phone\nAnna,+33 6 12 36 84 26\n",
        ("PHONE_NUMBER", "+33 6 12 36 84 26"),
    ),
    case("comma-thousands", "pii.phone", "total 1,0049301234567"),
    case(
        "possible-with-context",
        "pii.phone",
        "Mobile: +1 611 670 6148",
        ("PHONE_NUMBER", "+1 611 670 6148"),
    ),
    case("possible-no-context", "pii.phone", "see 611-670-6148"),
    case("order-no", "pii.phone", "Order 4155552671 shipped"),
    case("bare-no-context", "pii.phone", "ref 20 7946 0958"),
    case("ip-shape", "pii.phone", "gateway 10.0.0.1", ("IP_ADDRESS", "10.0.0.1"), hit=False),
    case("invalid-number", "pii.phone", "Phone: 000-000-0000"),
    # -- credit card
    case(
        "visa-spaced",
        "pii.credit_card",
        f"Card {spaced(VISA[0], (4, 4, 4, 4))} exp 12/27",
        ("CREDIT_CARD", spaced(VISA[0], (4, 4, 4, 4))),
    ),
    case(
        "mastercard-dashes",
        "pii.credit_card",
        f"visa? no, mastercard {spaced(MC[0], (4, 4, 4, 4), '-')}",
        ("CREDIT_CARD", spaced(MC[0], (4, 4, 4, 4), "-")),
    ),
    case(
        "amex",
        "pii.credit_card",
        f"Amex {spaced(AMEX[0], (4, 6, 5))}",
        ("CREDIT_CARD", spaced(AMEX[0], (4, 6, 5))),
    ),
    case("order-number", "pii.credit_card", f"Order number {VISA[1]}"),
    case("too-short", "pii.credit_card", "Card 4111 1111 1111"),
    case("unknown-prefix", "pii.credit_card", "Card 9111 1111 1111 1111"),
    case("luhn-fails", "pii.credit_card", f"Card {BAD_VISA[0]}"),
    # -- IBAN / SWIFT
    case(
        "de",
        "pii.iban",
        "IBAN DE89 3704 0044 0532 0130 00.",
        ("IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
    ),
    case(
        "gb-compact",
        "pii.iban",
        "pay GB82WEST12345698765432",
        ("IBAN_CODE", "GB82WEST12345698765432"),
    ),
    case(
        "fr",
        "pii.iban",
        "Compte FR1420041010050500013M02606",
        ("IBAN_CODE", "FR1420041010050500013M02606"),
    ),
    case("part-number", "pii.iban", "Part AB12 CDEF GHIJ"),
    case("lowercase", "pii.iban", "de89370400440532013000"),
    case("short", "pii.iban", "DE89 3704"),
    case("mod97-fails", "pii.iban", "IBAN DE89 3704 0044 0532 0130 01"),
    case("bic", "pii.swift", "SWIFT: DEUTDEFF", ("SWIFT_CODE", "DEUTDEFF")),
    case("bic11", "pii.swift", "BIC code NWBKGB2LXXX", ("SWIFT_CODE", "NWBKGB2LXXX")),
    case("bank-context", "pii.swift", "Bank: BNPAFRPP (Paris)", ("SWIFT_CODE", "BNPAFRPP")),
    case("word-no-context", "pii.swift", "THIS BUSINESS IS GOOD"),
    case("word-with-context", "pii.swift", "swift delivery CONTRACT"),
    case("lower", "pii.swift", "swift: deutdeff"),
    case("bad-country", "pii.swift", "BIC: DEUTQQFF"),
    # -- US bank / routing
    case(
        "routing",
        "pii.us_routing",
        f"Routing number: {ROUTING[0]}",
        ("US_ROUTING_NUMBER", ROUTING[0]),
    ),
    case("aba", "pii.us_routing", f"ABA {ROUTING[1]}", ("US_ROUTING_NUMBER", ROUTING[1])),
    case("rtn", "pii.us_routing", f"RTN: {ROUTING[2]}", ("US_ROUTING_NUMBER", ROUTING[2])),
    case("no-context", "pii.us_routing", f"Item {ROUTING[0]}"),
    case("ten-digits", "pii.us_routing", f"routing {ROUTING[0]}1"),
    case("substring", "pii.us_routing", f"abacus {ROUTING[0]}"),
    case("checksum-fails", "pii.us_routing", f"Routing number {BAD_ROUTING[0]}"),
    case(
        "account",
        "pii.us_bank",
        "Bank: First Federal\nAccount number: 123456789012",
        ("US_BANK_NUMBER", "123456789012"),
    ),
    case("acct", "pii.us_bank", "Wire to Acct 00987654321", ("US_BANK_NUMBER", "00987654321")),
    case("checking", "pii.us_bank", "checking 4417123456", ("US_BANK_NUMBER", "4417123456")),
    case("no-bank-context", "pii.us_bank", "Account number: 123456789012"),
    case("aws-account-id", "pii.us_bank", "Bank of record: none. AWS account number 123456789012"),
    case("account-id", "pii.us_bank", "Bank login account ID 123456789012"),
    case("no-context", "pii.us_bank", "shipment 123456789012"),
    case("customer-account", "pii.us_bank", "customer account 12345678"),
    case("short", "pii.us_bank", "account number 1234567"),
    case("repeated-digit", "pii.us_bank", "account number 00000000"),
    # -- US identifiers
    case("dashed", "pii.us_ssn", "SSN: 536-22-1234", ("US_SSN", "536-22-1234")),
    case(
        "spaced-context",
        "pii.us_ssn",
        "social security number 536 22 1234",
        ("US_SSN", "536 22 1234"),
    ),
    case("plain-context", "pii.us_ssn", "ssn 536221234", ("US_SSN", "536221234")),
    case("order-number", "pii.us_ssn", "Order number 536-22-1234"),
    case("plain-no-context", "pii.us_ssn", "batch 536221234"),
    case("date-like", "pii.us_ssn", "on 2024-03-12", ("DATE_TIME", "2024-03-12"), hit=False),
    case("area-666", "pii.us_ssn", "SSN: 666-22-1234"),
    case("group-00", "pii.us_ssn", "SSN: 536-00-1234"),
    case("serial-0000", "pii.us_ssn", "SSN: 536-22-0000"),
    case("publicised-woolworth", "pii.us_ssn", "SSN: 078-05-1120"),
    case("publicised-advert", "pii.us_ssn", "SSN: 457-55-5462"),
    case("sample-sequence", "pii.us_ssn", "SSN: 123-45-6789"),
    case("same-digits", "pii.us_ssn", "SSN: 555-55-5555"),
    case("itin", "pii.us_itin", "ITIN 912-70-1234", ("US_ITIN", "912-70-1234")),
    case("itin-plain", "pii.us_itin", "taxpayer id 912781234", ("US_ITIN", "912781234")),
    case("itin-spaced", "pii.us_itin", "ITIN: 999 88 1234", ("US_ITIN", "999 88 1234")),
    case("invoice", "pii.us_itin", "Invoice 912-70-1234"),
    case("other-group", "pii.us_itin", "ITIN 912-40-1234"),
    case("too-long", "pii.us_itin", "ITIN 912-70-12345"),
    case("group-89", "pii.us_itin", "ITIN 912-89-1234"),
    case("passport", "pii.us_passport", "Passport number 912345678", ("US_PASSPORT", "912345678")),
    case(
        "passport-letter", "pii.us_passport", "passport no: C03005988", ("US_PASSPORT", "C03005988")
    ),
    case(
        "travel-doc", "pii.us_passport", "travel document 488839667", ("US_PASSPORT", "488839667")
    ),
    case("no-context", "pii.us_passport", "parcel 488839667"),
    case("substring-context", "pii.us_passport", "passports488839667"),
    case("eight-digits", "pii.us_passport", "passport 48883966"),
    case("letter-short", "pii.us_passport", "passport C0300598"),
    case(
        "dl",
        "pii.us_driver_license",
        "Driver's license: D1234567",
        ("US_DRIVER_LICENSE", "D1234567"),
    ),
    case(
        "dl-digits",
        "pii.us_driver_license",
        "driving licence 123456789",
        ("US_DRIVER_LICENSE", "123456789"),
    ),
    case(
        "dl-abbr",
        "pii.us_driver_license",
        "DL# W123-4567-8901",
        ("US_DRIVER_LICENSE", "W123-4567-8901"),
    ),
    case("no-context", "pii.us_driver_license", "model D1234567"),
    case("duplicate", "pii.us_driver_license", "duplicate D1234567"),
    case("six-digits", "pii.us_driver_license", "driver license 123456"),
    case("too-long", "pii.us_driver_license", "driver license 1234567890123"),
]


@pytest.mark.parametrize(("detector", "text", "expected", "hit"), CASES)
def test_pii(
    patterns: DetectorSet, detector: str, text: str, expected: list[tuple[str, str]], hit: bool
) -> None:
    check(patterns, detector, text, expected, hit)
