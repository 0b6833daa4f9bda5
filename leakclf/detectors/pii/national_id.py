"""NATIONAL_ID: other countries' identifiers, checksummed with python-stdnum; scheme in evidence."""

from __future__ import annotations

import importlib
import re
from typing import ClassVar

from leakclf.detectors.base import NUMBER_LABELS, Pattern
from leakclf.detectors.pii.us import DigitsDetector

_NEG = (*NUMBER_LABELS, "phone", "tel")


class NationalIdDetector(DigitsDetector):
    """One scheme: a pattern, a python-stdnum module (or a ``check`` override), context words."""

    label = "NATIONAL_ID"
    specificity = 80
    negative = _NEG
    scheme: ClassVar[str]
    stdnum: ClassVar[str] = ""  # e.g. "stdnum.gb.nhs"

    def check(self, compact: str) -> bool:
        return bool(importlib.import_module(self.stdnum).is_valid(compact))

    def validate(self, value: str) -> tuple[str, ...] | None:
        compact = re.sub(r"[\s.-]", "", value).upper()
        if len(set(compact)) < 3 or not self.check(compact):
            return None
        return (
            f"scheme:{self.scheme}",
            "checksum:ok" if self.stdnum or self.has_checksum else "format:ok",
        )

    has_checksum: ClassVar[bool] = True


class UkNino(NationalIdDetector):
    id, scheme, has_checksum = "pii.national_id.uk_nino", "uk_nino", False
    context = ("national insurance", "ni number", "nino", "ni no", "nin")
    patterns = (
        Pattern(
            "nino",
            r"(?<![\w])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])",
            0.6,
        ),
    )

    def check(self, compact: str) -> bool:
        return compact[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")


class UkNhs(NationalIdDetector):
    id, scheme, stdnum, needs_context = "pii.national_id.uk_nhs", "uk_nhs", "stdnum.gb.nhs", True
    context = ("nhs", "nhs number", "nhs no", "health service", "patient")
    patterns = (Pattern("nhs", r"(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])", 0.5),)


class EsNif(NationalIdDetector):
    id, scheme, stdnum = "pii.national_id.es_nif", "es_nif", "stdnum.es.nif"
    context = ("nif", "dni", "documento", "identidad", "nie", "cif")
    patterns = (Pattern("nif", r"(?<![\w-])\d{8}-?[A-Z](?![\w-])", 0.6),)


class EsNie(NationalIdDetector):
    id, scheme, stdnum = "pii.national_id.es_nie", "es_nie", "stdnum.es.nie"
    context = ("nie", "extranjero", "nif", "foreigner")
    patterns = (Pattern("nie", r"(?<![\w-])[XYZ]-?\d{7}-?[A-Z](?![\w-])", 0.65, engine="regex"),)


class ItFiscalCode(NationalIdDetector):
    id, scheme, stdnum = "pii.national_id.it_cf", "it_codice_fiscale", "stdnum.it.codicefiscale"
    context = ("codice fiscale", "cf", "fiscal code", "tax code")
    patterns = (
        Pattern(
            "cf",
            r"(?<![\w])[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![\w])",
            0.8,
            engine="regex",
        ),
    )


class FrNir(NationalIdDetector):
    id, scheme, stdnum = "pii.national_id.fr_nir", "fr_nir", "stdnum.fr.nir"
    context = (
        "nir",
        "sécurité sociale",
        "securite sociale",
        "numéro de sécurité sociale",
        "insee",
        "social security",
    )
    patterns = (
        Pattern(
            "nir",
            r"(?<![\w])[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\w])",
            0.6,
            engine="regex",
        ),
    )


class DeIdnr(NationalIdDetector):
    id, scheme, stdnum, needs_context = "pii.national_id.de_idnr", "de_idnr", "stdnum.de.idnr", True
    context = (
        "steuer-id",
        "steuerid",
        "steuerliche identifikationsnummer",
        "identifikationsnummer",
        "idnr",
        "tax id",
        "steuer id",
        "tin",
    )
    patterns = (Pattern("idnr", r"(?<![\w-])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\w-])", 0.5),)


class NlBsn(NationalIdDetector):
    id, scheme, stdnum, needs_context = "pii.national_id.nl_bsn", "nl_bsn", "stdnum.nl.bsn", True
    context = ("bsn", "burgerservicenummer", "sofinummer", "citizen service number")
    patterns = (Pattern("bsn", r"(?<![\w-])(?:\d{4}\.\d{2}\.\d{3}|\d{9})(?![\w-])", 0.5),)


class InAadhaar(NationalIdDetector):
    id, scheme, stdnum, needs_context = (
        "pii.national_id.in_aadhaar",
        "in_aadhaar",
        "stdnum.in_.aadhaar",
        True,
    )
    context = ("aadhaar", "aadhar", "uidai", "uid")
    patterns = (Pattern("aadhaar", r"(?<![\w-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\w-])", 0.5),)


class SgNric(NationalIdDetector):
    id, scheme = "pii.national_id.sg_nric", "sg_nric"
    context = ("nric", "fin", "identity card", "ic number")
    patterns = (Pattern("nric", r"(?<![\w])[STFGM]\d{7}[A-Z](?![\w])", 0.65, engine="regex"),)

    def check(self, compact: str) -> bool:
        weights = (2, 7, 6, 5, 4, 3, 2)
        total = sum(int(d) * w for d, w in zip(compact[1:8], weights))
        first = compact[0]
        total += {"T": 4, "G": 4, "M": 3}.get(first, 0)
        if first in "ST":
            letters = "JZIHGFEDCBA"
        elif first in "FG":
            letters = "XWUTRQPNMLK"
        else:
            letters = "KLJNPQRTUWX"
        return letters[total % 11] == compact[8]


class AuTfn(NationalIdDetector):
    id, scheme, stdnum, needs_context = "pii.national_id.au_tfn", "au_tfn", "stdnum.au.tfn", True
    context = ("tfn", "tax file number", "tax file no")
    patterns = (Pattern("tfn", r"(?<![\w-])\d{3} ?\d{3} ?\d{2,3}(?![\w-])", 0.5),)


SCHEMES: tuple[type[NationalIdDetector], ...] = (
    UkNino,
    UkNhs,
    EsNif,
    EsNie,
    ItFiscalCode,
    FrNir,
    DeIdnr,
    NlBsn,
    InAadhaar,
    SgNric,
    AuTfn,
)
