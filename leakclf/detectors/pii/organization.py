"""ORGANIZATION by shape: names ending in a legal form (``Contoso Ltd``, ``Tate and Sons``) or
partnership names (``Ball, Harmon and Lambert``). Complements NER, which confuses these with people."""

from __future__ import annotations

import re

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_middle
from leakclf.normalize import normalise_org

_NAME = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'&-]+"  # Latin letters with accents: "Römer Zahn GmbH"
_LEGAL = (
    r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|PLC|plc|GmbH|AG|Corp|Corporation|Co|LLP|LP|S\.A|SA|SAS|"
    r"S\.p\.A|SpA|BV|B\.V|NV|N\.V|Pty Ltd|Pte Ltd|KGaA|KG|GbR|OHG|VOF|BVBA|Group|Holdings|"
    r"and Sons|& Sons|& Co)"
)

#: An invoice or order's address-block label printed without a colon before the company name.
_BLOCK_LABEL = re.compile(
    r"^(?:(?:(?:Ship|Bill|Sold|Remit|Deliver|Invoice)[ \n])?To|Vendor|Supplier|Customer|Client|"
    r"Buyer|Seller|Consignee)[ \n]+"
)


class OrganizationDetector(Detector):
    id = "pii.organization"
    label = "ORGANIZATION"
    specificity = 35  # above NER (20): the shape is stronger evidence than the model's label
    patterns = (
        Pattern(
            "legal-form",
            r"(?<![\w-])" + _NAME + r"(?: " + _NAME + r"){0,3},?[ \n]" + _LEGAL + r"\b\.?",
            0.85,
        ),
        Pattern(
            "partnership",
            r"(?<![\w-])" + _NAME + r", " + _NAME + r",? (?:and|&) " + _NAME + r"(?![\w-])",
            0.7,
            engine="regex",
        ),
    )

    def trim(self, value: str) -> str:
        value = _BLOCK_LABEL.sub("", value)  # "Ship To Avenue Supermarts Ltd." is the company
        return (
            value[:-1]
            if value.endswith(".") and not value.endswith(("Inc.", "Co.", "Corp.", "Ltd."))
            else value
        )

    def validate(self, value: str) -> tuple[str, ...] | None:
        from leakclf.detectors.noise import (  # load time: the detectors only when used
            generic_org,
            is_vocab,
        )

        first = value.split()[0].strip(",")
        if is_vocab(first) or first in ("The", "This", "Our", "Your", "Dear", "From", "To"):
            return None
        if generic_org(value) or value.rstrip(".").endswith(", PLC"):
            return None  # "Global Consulting Pvt Ltd" is a fragment; "SCADA, PLC" a controller
        return ()

    def normalise(self, value: str) -> str:
        return normalise_org(value)

    def preview(self, value: str) -> str:
        return mask_middle(value)

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        from leakclf.domains import name_forms, org_facets  # load time: only when used

        return org_facets(self.key_bytes, name_forms(value))
