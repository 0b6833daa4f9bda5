"""National IDs, VAT, network, dates, addresses, crypto and projects: TPs, near-misses, failures."""

from __future__ import annotations

import pytest
from detcases import case, check
from detgen import numbers, pick, spaced, stdnum_ok

from leakclf.detectors import DetectorSet

NHS = pick(stdnum_ok("stdnum.gb.nhs"), numbers("943", 10, 4765))
BAD_NHS = pick(stdnum_ok("stdnum.gb.nhs"), numbers("943", 10, 4765), want=False)
AADHAAR = pick(stdnum_ok("stdnum.in_.aadhaar"), numbers("2341", 12, 23456))
BAD_AADHAAR = pick(stdnum_ok("stdnum.in_.aadhaar"), numbers("2341", 12, 23456), want=False)
TFN = pick(stdnum_ok("stdnum.au.tfn"), numbers("123", 9, 456))
BAD_TFN = pick(stdnum_ok("stdnum.au.tfn"), numbers("123", 9, 456), want=False)
BSN = pick(stdnum_ok("stdnum.nl.bsn"), numbers("111", 9, 222))
BAD_BSN = pick(stdnum_ok("stdnum.nl.bsn"), numbers("111", 9, 222), want=False)
IDNR = pick(stdnum_ok("stdnum.de.idnr"), numbers("365", 11, 74261))
BAD_IDNR = pick(stdnum_ok("stdnum.de.idnr"), numbers("365", 11, 74261), want=False)
LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
NIF = pick(
    stdnum_ok("stdnum.es.nif"), (f"{n}{c}" for n in numbers("1234", 8, 5678) for c in LETTERS)
)
NIE = pick(
    stdnum_ok("stdnum.es.nie"), (f"X{n}{c}" for n in numbers("12", 7, 34567) for c in LETTERS)
)
NID = "NATIONAL_ID"

CASES = [
    # -- UK NINO (format rules only) and NHS (mod 11)
    case("nino", "pii.national_id.uk_nino", "NI number: JK 12 34 56 C", (NID, "JK 12 34 56 C")),
    case("nino-compact", "pii.national_id.uk_nino", "NINO AB123456D", (NID, "AB123456D")),
    case("nino-bare", "pii.national_id.uk_nino", "holder JG103759A", (NID, "JG103759A")),
    case("bad-suffix", "pii.national_id.uk_nino", "NINO AB123456E"),
    case("lower", "pii.national_id.uk_nino", "nino ab123456c"),
    case("bad-first", "pii.national_id.uk_nino", "NINO DA123456C"),
    case("reserved-prefix", "pii.national_id.uk_nino", "NINO GB123456C"),
    *[
        case(
            f"nhs-{i}",
            "pii.national_id.uk_nhs",
            f"NHS number {spaced(v, (3, 3, 4))}",
            (NID, spaced(v, (3, 3, 4))),
        )
        for i, v in enumerate(NHS)
    ],
    case("no-context", "pii.national_id.uk_nhs", f"Quote {NHS[0]}"),
    case("eleven", "pii.national_id.uk_nhs", f"NHS {NHS[0]}7"),
    case("short", "pii.national_id.uk_nhs", f"NHS {NHS[0][:9]}"),
    case("mod11-fails", "pii.national_id.uk_nhs", f"NHS number {BAD_NHS[0]}"),
    # -- Spain
    *[case(f"nif-{i}", "pii.national_id.es_nif", f"DNI {v}", (NID, v)) for i, v in enumerate(NIF)],
    case("nif-no-letter", "pii.national_id.es_nif", f"DNI {NIF[0][:-1]}"),
    case("nif-lower", "pii.national_id.es_nif", f"DNI {NIF[0].lower()}"),
    case("nif-long", "pii.national_id.es_nif", f"DNI 1{NIF[0]}"),
    case(
        "nif-letter-fails",
        "pii.national_id.es_nif",
        f"DNI {NIF[0][:-1]}{'A' if NIF[0][-1] != 'A' else 'B'}",
    ),
    *[case(f"nie-{i}", "pii.national_id.es_nie", f"NIE {v}", (NID, v)) for i, v in enumerate(NIE)],
    case("nie-w", "pii.national_id.es_nie", f"NIE W{NIE[0][1:]}"),
    case("nie-short", "pii.national_id.es_nie", f"NIE {NIE[0][:-2]}{NIE[0][-1]}"),
    case("nie-lower", "pii.national_id.es_nie", f"NIE {NIE[0].lower()}"),
    case(
        "nie-letter-fails",
        "pii.national_id.es_nie",
        f"NIE {NIE[0][:-1]}{'A' if NIE[0][-1] != 'A' else 'B'}",
    ),
    # -- Italy, France
    case(
        "cf-1",
        "pii.national_id.it_cf",
        "Codice fiscale RSSMRA85T10A562S",
        (NID, "RSSMRA85T10A562S"),
    ),
    case("cf-2", "pii.national_id.it_cf", "CF: BNCLRA80A41F205G", (NID, "BNCLRA80A41F205G")),
    case("cf-3", "pii.national_id.it_cf", "VRDGPP70M15H501X.", (NID, "VRDGPP70M15H501X")),
    case("cf-short", "pii.national_id.it_cf", "CF RSSMRA85T10A562"),
    case("cf-lower", "pii.national_id.it_cf", "CF rssmra85t10a562s"),
    case("cf-bad-month", "pii.national_id.it_cf", "CF RSSMRA85Z10A562S"),
    case("cf-check-fails", "pii.national_id.it_cf", "CF RSSMRA85T10A562T"),
    case(
        "nir-1",
        "pii.national_id.fr_nir",
        "NIR 2 95 10 99 126 111 93",
        (NID, "2 95 10 99 126 111 93"),
    ),
    case(
        "nir-2",
        "pii.national_id.fr_nir",
        "sécurité sociale 185057800604830",
        (NID, "185057800604830"),
    ),
    case("nir-3", "pii.national_id.fr_nir", "INSEE: 269029934173285", (NID, "269029934173285")),
    case("nir-sex-3", "pii.national_id.fr_nir", "NIR 385057800604830"),
    case("nir-short", "pii.national_id.fr_nir", "NIR 1850578006048"),
    case("nir-long", "pii.national_id.fr_nir", "NIR 1850578006048301"),
    case("nir-key-fails", "pii.national_id.fr_nir", "NIR 185057800604831"),
    # -- Germany, Netherlands, India, Singapore, Australia
    *[
        case(f"idnr-{i}", "pii.national_id.de_idnr", f"Steuer-ID: {v}", (NID, v))
        for i, v in enumerate(IDNR)
    ],
    case("idnr-no-context", "pii.national_id.de_idnr", f"Bestellung {IDNR[0]}"),
    case("idnr-short", "pii.national_id.de_idnr", f"Steuer-ID {IDNR[0][:10]}"),
    case("idnr-long", "pii.national_id.de_idnr", f"Steuer-ID {IDNR[0]}1"),
    case("idnr-fails", "pii.national_id.de_idnr", f"Steuer-ID {BAD_IDNR[0]}"),
    *[case(f"bsn-{i}", "pii.national_id.nl_bsn", f"BSN {v}", (NID, v)) for i, v in enumerate(BSN)],
    case("bsn-no-context", "pii.national_id.nl_bsn", f"artikel {BSN[0]}"),
    case("bsn-short", "pii.national_id.nl_bsn", f"BSN {BSN[0][:8]}"),
    case("bsn-dotted-wrong", "pii.national_id.nl_bsn", f"BSN {BSN[0][:3]}.{BSN[0][3:]}"),
    case("bsn-fails", "pii.national_id.nl_bsn", f"BSN {BAD_BSN[0]}"),
    *[
        case(
            f"aadhaar-{i}",
            "pii.national_id.in_aadhaar",
            f"Aadhaar {spaced(v, (4, 4, 4))}",
            (NID, spaced(v, (4, 4, 4))),
        )
        for i, v in enumerate(AADHAAR)
    ],
    case("aadhaar-no-context", "pii.national_id.in_aadhaar", f"Invoice {AADHAAR[0]}"),
    case("aadhaar-starts-1", "pii.national_id.in_aadhaar", "Aadhaar 1341 2345 6784"),
    case("aadhaar-short", "pii.national_id.in_aadhaar", f"Aadhaar {AADHAAR[0][:11]}"),
    case("aadhaar-fails", "pii.national_id.in_aadhaar", f"Aadhaar {BAD_AADHAAR[0]}"),
    case("nric-s", "pii.national_id.sg_nric", "NRIC S1234567D", (NID, "S1234567D")),
    case("nric-t", "pii.national_id.sg_nric", "NRIC: T0123456G", (NID, "T0123456G")),
    case("fin-f", "pii.national_id.sg_nric", "FIN F7654321Q", (NID, "F7654321Q")),
    case("nric-a", "pii.national_id.sg_nric", "NRIC A1234567D"),
    case("nric-short", "pii.national_id.sg_nric", "NRIC S123456D"),
    case("nric-lower", "pii.national_id.sg_nric", "NRIC s1234567d"),
    case("nric-check-fails", "pii.national_id.sg_nric", "NRIC S1234567E"),
    *[
        case(
            f"tfn-{i}",
            "pii.national_id.au_tfn",
            f"TFN {spaced(v, (3, 3, 3))}",
            (NID, spaced(v, (3, 3, 3))),
        )
        for i, v in enumerate(TFN)
    ],
    case("tfn-no-context", "pii.national_id.au_tfn", f"SKU {TFN[0]}"),
    case("tfn-short", "pii.national_id.au_tfn", f"TFN {TFN[0][:7]}"),
    case("tfn-long", "pii.national_id.au_tfn", f"TFN {TFN[0]}12"),
    case("tfn-fails", "pii.national_id.au_tfn", f"TFN {BAD_TFN[0]}"),
    # -- VAT
    case("de", "pii.vat", "USt-IdNr: DE136695976", ("VAT_ID", "DE136695976")),
    case("gb-spaced", "pii.vat", "VAT reg GB 980 7806 84", ("VAT_ID", "GB 980 7806 84")),
    case("nl", "pii.vat", "BTW NL004495445B01", ("VAT_ID", "NL004495445B01")),
    case("at", "pii.vat", "ATU13585627", ("VAT_ID", "ATU13585627")),
    case("not-a-country", "pii.vat", "VAT QQ136695976"),
    case("letters-only", "pii.vat", "DEADBEEFCAFE"),
    case("short", "pii.vat", "VAT DE1366959"),
    case("checksum-fails", "pii.vat", "VAT DE136695977"),
    # -- network
    case("ipv4", "pii.ip", "login from 203.0.113.7", ("IP_ADDRESS", "203.0.113.7")),
    case("ipv4-private", "pii.ip", "host=10.1.2.3;", ("IP_ADDRESS", "10.1.2.3")),
    case(
        "ipv6",
        "pii.ip",
        "client 2001:db8:85a3::8a2e:370:7334 connected",
        ("IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334"),
    ),
    case("version", "pii.ip", "release 1.2.3.4"),
    case("five-parts", "pii.ip", "OID 1.3.6.1.4"),
    case("time", "pii.ip", "at 12:30:45"),
    case("octet-too-big", "pii.ip", "server 256.1.1.1"),
    case(
        "https",
        "pii.url",
        "see https://portal.contoso.com/a?b=1.",
        ("URL", "https://portal.contoso.com/a?b=1"),
    ),
    case("www", "pii.url", "visit www.fabrikam.org", ("URL", "www.fabrikam.org")),
    case("bare-domain", "pii.url", "our site contoso.com/careers", ("URL", "contoso.com/careers")),
    case("jane-do", "pii.url", "jane.do wrote"),
    case("file-name", "pii.url", "open report.pdf now"),
    case("version", "pii.url", "v1.2 released"),
    case("no-host-dot", "pii.url", "http://localhost/x"),
    # -- dates
    case("iso", "pii.date", "on 2024-03-12", ("DATE_TIME", "2024-03-12")),
    case("day-month", "pii.date", "signed 3rd March 2025", ("DATE_TIME", "3rd March 2025")),
    case("month-day", "pii.date", "due Jan. 15, 2025", ("DATE_TIME", "Jan. 15, 2025")),
    case("numeric", "pii.date", "dated 04/07/2023", ("DATE_TIME", "04/07/2023")),
    case("fraction", "pii.date", "ratio 3/4"),
    case("version", "pii.date", "v2024.1.5"),
    case("month-word", "pii.date", "may 2025 be good"),
    case("bad-month", "pii.date", "on 2024-13-12"),
    case("dob", "pii.date_of_birth", "Date of birth: 04/07/1985", ("DATE_OF_BIRTH", "04/07/1985")),
    case("dob-abbr", "pii.date_of_birth", "DOB 1985-07-04", ("DATE_OF_BIRTH", "1985-07-04")),
    case("born", "pii.date_of_birth", "born on 4 July 1985", ("DATE_OF_BIRTH", "4 July 1985")),
    case(
        "no-context",
        "pii.date_of_birth",
        "Invoice date 04/07/1985",
        ("DATE_TIME", "04/07/1985"),
        hit=False,
    ),
    case(
        "newborn-word",
        "pii.date_of_birth",
        "stubborn 04/07/1985",
        ("DATE_TIME", "04/07/1985"),
        hit=False,
    ),
    case("dob-no-date", "pii.date_of_birth", "DOB: unknown"),
    case("dob-bad-day", "pii.date_of_birth", "DOB 1985-07-32"),
    # -- addresses
    case(
        "us",
        "pii.street_address",
        "Ship to 500 Market Street, Suite 200",
        ("STREET_ADDRESS", "500 Market Street, Suite 200"),
    ),
    case(
        "abbr",
        "pii.street_address",
        "at 1600 Pennsylvania Ave NW",
        ("STREET_ADDRESS", "1600 Pennsylvania Ave"),
    ),
    case(
        "de",
        "pii.street_address",
        "Adresse: Hauptstraße 12a, Berlin",
        ("STREET_ADDRESS", "Hauptstraße 12a"),
    ),
    case("no-number", "pii.street_address", "Market Street is busy"),
    case("quantity", "pii.street_address", "12 Units Delivered"),
    case("lower", "pii.street_address", "500 market street"),
    case("number-only", "pii.street_address", "Street 500"),
    # -- crypto
    case(
        "p2pkh",
        "pii.crypto",
        "BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        ("CRYPTO", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
    ),
    case(
        "p2sh",
        "pii.crypto",
        "wallet 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        ("CRYPTO", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
    ),
    case(
        "bech32",
        "pii.crypto",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ("CRYPTO", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
    ),
    case(
        "bech32m-taproot",
        "pii.crypto",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ("CRYPTO", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"),
    ),
    case("bech32-checksum-fails", "pii.crypto", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"),
    case("short", "pii.crypto", "1A1zP1eP5QGefi2"),
    case("bad-char", "pii.crypto", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0"),
    case("hash-like", "pii.crypto", "commit 3f786850e387550fdab836ed7e6dc881de23001b"),
    case("checksum-fails", "pii.crypto", "BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"),
    # -- organisations by shape
    case(
        "ltd",
        "pii.organization",
        "Supplied by Contoso Ltd. today",
        ("ORGANIZATION", "Contoso Ltd."),
    ),
    case(
        "and-sons",
        "pii.organization",
        "Quote from Tate and Sons",
        ("ORGANIZATION", "Tate and Sons"),
    ),
    case(
        "partnership",
        "pii.organization",
        "Counsel: Ball, Harmon and Lambert",
        ("ORGANIZATION", "Ball, Harmon and Lambert"),
    ),
    case(
        "address-block-label",
        "pii.organization",
        "Ship To Avenue Supermarts Ltd.",
        ("ORGANIZATION", "Avenue Supermarts Ltd."),
    ),
    case(
        "label-cuts-a-long-name",
        "pii.organization",
        "Bill To Big Blue Sky Ltd",
        ("ORGANIZATION", "Big Blue Sky Ltd"),
    ),
    case(
        "label-like-first-word",
        "pii.organization",
        "Tomorrow Corp",
        ("ORGANIZATION", "Tomorrow Corp"),
    ),
    case("lowercase", "pii.organization", "a small ltd company"),
    case("no-suffix", "pii.organization", "Contoso shipped it"),
    case("list-of-words", "pii.organization", "apples, pears and plums"),
    case("vocabulary-first", "pii.organization", "Invoice Ltd"),
    # -- projects
    case(
        "label",
        "pii.project",
        "Project: Falcon Migration\nOwner: x",
        ("PROJECT", "Falcon Migration"),
    ),
    case("code", "pii.project", "Project Code: PRJ-2024-017", ("PROJECT", "PRJ-2024-017")),
    case(
        "engagement",
        "pii.project",
        "Engagement:  Blue Harbor  Date: 2025",
        ("PROJECT", "Blue Harbor"),
    ),
    case("manager", "pii.project", "Project Manager: Maria"),
    case("prose", "pii.project", "the project was late"),
    case("bare-code", "pii.project", "Ref PRJ-2041 is late", ("PROJECT", "PRJ-2041")),
    case(
        "named-again-in-prose",
        "pii.project",
        "Project: Falcon Migration\nThe Falcon Migration slipped.",
        ("PROJECT", "Falcon Migration"),
        ("PROJECT", "Falcon Migration"),
    ),
    case("code-inside-a-word", "pii.project", "see XPRJ-2041x or PRJ-20"),
    case("plan", "pii.project", "Project plan attached"),
    case("empty-value", "pii.project", "Project: --"),
]


@pytest.mark.parametrize(("detector", "text", "expected", "hit"), CASES)
def test_more_pii(
    patterns: DetectorSet, detector: str, text: str, expected: list[tuple[str, str]], hit: bool
) -> None:
    check(patterns, detector, text, expected, hit)
