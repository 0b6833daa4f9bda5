"""Tax and company numbers (EIN, ABN, ACN, GSTIN, PAN), national-format phones, labelled US and
Indian phones, salaries, double-dot emails and bank context: true positives next to near-misses."""

from __future__ import annotations

import pytest
from detcases import case, check
from detgen import numbers, pick, spaced, stdnum_ok

from leakclf.detectors import DetectorSet

ABN = pick(stdnum_ok("stdnum.au.abn"), numbers("518", 11, 24753))
BAD_ABN = pick(stdnum_ok("stdnum.au.abn"), numbers("518", 11, 24753), want=False)
ACN = pick(stdnum_ok("stdnum.au.acn"), numbers("004", 9, 85616))
BAD_ACN = pick(stdnum_ok("stdnum.au.acn"), numbers("004", 9, 85616), want=False)
GST = "27AAPFU0939F1ZV"
PH = "PHONE_NUMBER"

CASES = [
    # -- US EIN (IRS campus prefixes; context needed)
    case("ein", "pii.us_ein", "EIN: 12-3456789", ("US_EIN", "12-3456789")),
    case(
        "fein", "pii.us_ein", "Employer identification number 45-6789012", ("US_EIN", "45-6789012")
    ),
    case("federal-tax-id", "pii.us_ein", "Federal Tax ID 94-1234567", ("US_EIN", "94-1234567")),
    case("no-context", "pii.us_ein", "lot 12-3456789"),
    case("undashed", "pii.us_ein", "EIN 123456789"),
    case("long", "pii.us_ein", "EIN 12-34567890"),
    case("prefix-fails", "pii.us_ein", "EIN: 07-3456789"),
    # -- AU ABN (mod 89) and ACN (mod 10), context needed
    *[
        case(
            f"abn-{i}",
            "pii.au_abn",
            f"ABN {spaced(v, (2, 3, 3, 3))}",
            ("AU_ABN", spaced(v, (2, 3, 3, 3))),
        )
        for i, v in enumerate(ABN)
    ],
    case("abn-no-context", "pii.au_abn", f"Number {spaced(ABN[0], (2, 3, 3, 3))}"),
    case("abn-short", "pii.au_abn", f"ABN {ABN[0][:10]}"),
    case("abn-long", "pii.au_abn", f"ABN {ABN[0]}1"),
    case("abn-checksum-fails", "pii.au_abn", f"ABN {spaced(BAD_ABN[0], (2, 3, 3, 3))}"),
    *[
        case(
            f"acn-{i}",
            "pii.au_acn",
            f"ACN {spaced(v, (3, 3, 3))}",
            ("AU_ACN", spaced(v, (3, 3, 3))),
        )
        for i, v in enumerate(ACN)
    ],
    case("acn-no-context", "pii.au_acn", f"Ref {spaced(ACN[0], (3, 3, 3))}"),
    case("acn-eight", "pii.au_acn", f"ACN {ACN[0][:8]}"),
    case("acn-ten", "pii.au_acn", f"ACN {ACN[0]}7"),
    case("acn-checksum-fails", "pii.au_acn", f"ACN {spaced(BAD_ACN[0], (3, 3, 3))}"),
    # -- IN GSTIN (check character) and PAN (format, holder type)
    case("gstin", "pii.in_gstin", f"GSTIN: {GST}", ("IN_GSTIN", GST)),
    case("gstin-bare", "pii.in_gstin", f"Supplier {GST} Mumbai", ("IN_GSTIN", GST)),
    case(
        "gstin-karnataka",
        "pii.in_gstin",
        "GSTIN/UIN 29AAGCB7383J1Z4",
        ("IN_GSTIN", "29AAGCB7383J1Z4"),
    ),
    case("gstin-lower", "pii.in_gstin", f"GSTIN {GST.lower()}"),
    case("gstin-short", "pii.in_gstin", f"GSTIN {GST[:-1]}"),
    case("gstin-no-z", "pii.in_gstin", "GSTIN 27AAPFU0939F1AV"),
    case("gstin-checksum-fails", "pii.in_gstin", "GSTIN: 27AAPFU0939F1ZW"),
    case("pan-person", "pii.in_pan", "PAN: ABCPK1234A", ("IN_PAN", "ABCPK1234A")),
    case("pan-firm", "pii.in_pan", "PAN No. AAPFU0939F", ("IN_PAN", "AAPFU0939F")),
    case(
        "pan-company", "pii.in_pan", "Permanent Account Number AAACB1234C", ("IN_PAN", "AAACB1234C")
    ),
    case("pan-no-context", "pii.in_pan", "Part ABCPK1234A"),
    case("pan-bad-holder", "pii.in_pan", "PAN: ABCDK1234A"),
    case("pan-lower", "pii.in_pan", "PAN: abcpk1234a"),
    case("pan-format-fails", "pii.in_pan", "PAN: ABCPK12345"),
    # -- national-format phones, regions from the document
    case("uk-national", "pii.phone", "Tel: 01632 960123, London", (PH, "01632 960123")),
    case("fr-dotted", "pii.phone", "Tél. : 01.23.45.67.89", (PH, "01.23.45.67.89")),
    case("de-berlin", "pii.phone", "Telefon 030 1234567, Berlin", (PH, "030 1234567")),
    case("nl-amsterdam", "pii.phone", "Telefoon 020 123 4567 Amsterdam", (PH, "020 123 4567")),
    case("es-madrid", "pii.phone", "Teléfono 912 345 678, Madrid", (PH, "912 345 678")),
    case("it-roma", "pii.phone", "Tel. 06 1234 5678 Roma", (PH, "06 1234 5678")),
    case("us-dotted-label", "pii.phone", "Ph: 212.555.0143", (PH, "212.555.0143")),
    case("us-trunk-dashed", "pii.phone", "Phone: 1-800-555-0199", (PH, "1-800-555-0199")),
    case("us-trunk-area", "pii.phone", "Tel 1 (800) 555-0199", (PH, "1 (800) 555-0199")),
    case(
        "us-letter-label",
        "pii.phone",
        "T: 212.555.0143  F: 212.555.0144",
        (PH, "212.555.0143"),
        (PH, "212.555.0144"),
    ),
    case("us-trunk-no-context", "pii.phone", "part 1-800-555-0199"),
    case("in-mobile-label", "pii.phone", "Mobile No. 9876543210, Mumbai", (PH, "9876543210")),
    case("in-mobile-spaced", "pii.phone", "Mobile: 98765 43210 (India)", (PH, "98765 43210")),
    case("in-mobile-no-region", "pii.phone", "Mobile No. 9876543210"),
    case("national-no-context", "pii.phone", "Paris 01.23.45.67.89"),
    case(
        "abn-not-phone",
        "pii.phone",
        f"ABN {spaced(ABN[0], (2, 3, 3, 3))}",
        ("AU_ABN", spaced(ABN[0], (2, 3, 3, 3))),
        hit=False,
    ),
    case("quantity-row", "pii.phone", "Qty 030 1234567 Berlin"),
    case("date-dotted", "pii.phone", "Tel. 01.02.2024", ("DATE_TIME", "01.02.2024"), hit=False),
    case("postcode-and-number", "pii.phone", "Telefon: 10115 Berlin"),
    # -- salary: a pay amount right after a pay label
    case("gross-salary", "pii.salary", "Gross Salary: $5000.00", ("SALARY", "$5000.00")),
    case("net-pay", "pii.salary", "NET PAY: $4,000.00", ("SALARY", "$4,000.00")),
    case("bruttogehalt", "pii.salary", "Bruttogehalt 4.200,00 EUR", ("SALARY", "4.200,00 EUR")),
    case("salaire", "pii.salary", "Salaire brut : 3 200,00 €", ("SALARY", "3 200,00 €")),
    case("range", "pii.salary", "Salary range $80,000 - $95,000"),
    case("invoice-total", "pii.salary", "Total due $5,000.00"),
    case("blank-form", "pii.salary", "Net pay $0.00"),
    case("year-not-amount", "pii.salary", "Salary review 2024"),
    case("competitive", "pii.salary", "salary: competitive, up to $90,000"),
    case(
        "payroll-deposit",
        "pii.salary",
        "01/02/24 DIRECT DEP ACME INC PAYROLL    $4,500.00",
        ("DATE_TIME", "01/02/24"),
        ("SALARY", "$4,500.00"),
    ),
    case(
        "payroll-income",
        "pii.salary",
        "Payroll                    $9,000.00",
        ("SALARY", "$9,000.00"),
    ),
    case(
        "direct-deposit", "pii.salary", "Direct deposit: 2 350,00 EUR", ("SALARY", "2 350,00 EUR")
    ),
    case("payroll-fee", "pii.salary", "Payroll processing fee $150.00"),
    case("payroll-costs", "pii.salary", "Total payroll costs $1,250,000"),
    # -- account balance: the money someone holds, never a balance owed
    case(
        "closing-balance",
        "pii.account_balance",
        "Closing balance: $9,103.11",
        ("ACCOUNT_BALANCE", "$9,103.11"),
    ),
    case(
        "in-my-account",
        "pii.account_balance",
        "I currently hold $8000 in my bank account.",
        ("ACCOUNT_BALANCE", "$8000"),
    ),
    case(
        "kontostand",
        "pii.account_balance",
        "Kontostand: 1.250,00 EUR",
        ("ACCOUNT_BALANCE", "1.250,00 EUR"),
    ),
    case("balance-due", "pii.account_balance", "Current balance due $87.00"),
    case("invoice-balance", "pii.account_balance", "Balance: $87.00"),
    case("previous-balance", "pii.account_balance", "Previous balance $120.00"),
    case("zero-balance", "pii.account_balance", "Opening balance $0.00"),
    # -- emails
    case(
        "double-dot",
        "pii.email",
        "From: jane..doe@contoso.com",
        ("EMAIL_ADDRESS", "jane..doe@contoso.com"),
    ),
    case(
        "double-dot-export",
        "pii.email",
        "<john..smith@fabrikam.co.uk>",
        ("EMAIL_ADDRESS", "john..smith@fabrikam.co.uk"),
    ),
    case("leading-dot", "pii.email", "mail .jane@contoso.com"),
    case("ellipsis", "pii.email", "and so on..@contoso"),
]


@pytest.mark.parametrize(("detector", "text", "expected", "hit"), CASES)
def test_tax_and_contact(
    patterns: DetectorSet, detector: str, text: str, expected: list[tuple[str, str]], hit: bool
) -> None:
    check(patterns, detector, text, expected, hit)
