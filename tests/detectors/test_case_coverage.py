"""Every registered detector has its case table: 3+ hits, 3+ near-misses, 1+ validation failure."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import test_more_pii_cases
import test_pii_cases
import test_secret_cases
import test_tax_contact_cases

from leakclf.detectors import available

#: Detectors with a checksum or validation rule: their table must hold a "...-fails" case.
CHECKSUMMED = (
    "pii.credit_card",
    "pii.iban",
    "pii.us_routing",
    "pii.crypto",
    "pii.vat",
    "pii.national_id.uk_nhs",
    "pii.national_id.es_nif",
    "pii.national_id.es_nie",
    "pii.national_id.de_idnr",
    "pii.national_id.nl_bsn",
    "pii.national_id.au_tfn",
    "pii.national_id.in_aadhaar",
    "pii.national_id.fr_nir",
    "pii.national_id.it_cf",
    "pii.national_id.sg_nric",
    "pii.au_abn",
    "pii.au_acn",
    "pii.in_gstin",
    "pii.us_ein",
    "pii.in_pan",
)


def _tables() -> dict[str, list[tuple[str, bool]]]:
    cases: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for module in (test_pii_cases, test_more_pii_cases, test_secret_cases, test_tax_contact_cases):
        for value in vars(module).values():
            if isinstance(value, list) and value and all(hasattr(p, "values") for p in value):
                for param in value:
                    detector, _text, _expected, hit = param.values
                    cases[detector].append((str(param.id).split(":", 1)[1], bool(hit)))
    return cases


def test_every_detector_has_hits_near_misses_and_a_validation_failure() -> None:
    tables = _tables()
    short: dict[str, Any] = {}
    for ident in available():
        name = ident.split("/")[0]
        if name == "ner.spacy":  # model-based: tests/detectors/test_ner.py
            continue
        rows = tables.get(name, [])
        hits, misses = sum(h for _, h in rows), sum(not h for _, h in rows)
        fails = any(i.endswith("fails") for i, h in rows if not h)
        if hits < 3 or misses < 4 or (name in CHECKSUMMED and not fails):
            short[name] = (hits, misses, fails)
    assert short == {}
    assert set(CHECKSUMMED) <= set(tables)
