"""STREET_ADDRESS: a house number and a street type (English), or a German/Dutch street and number."""

from __future__ import annotations

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_middle

_TYPES = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|"
          r"Terrace|Parkway|Pkwy|Square|Sq|Highway|Hwy|Circle|Cir|Crescent|Close|Row|Trail|Plaza)")


class StreetAddressDetector(Detector):
    id = "pii.street_address"
    label = "STREET_ADDRESS"
    specificity = 60
    context = ("address", "street", "ship to", "bill to", "located", "residence", "lives", "mail to")
    patterns = (
        Pattern(
            "us-uk",
            r"(?<![\w#-])\d{1,5}[A-Za-z]?,? (?:[NSEW]\.? )?(?:[A-Z][a-z]+\.? |\d{1,3}(?:st|nd|rd|th) ){1,4}"
            + _TYPES + r"\b\.?(?:,? (?:Suite|Ste|Apt|Unit|Floor|Fl|#)\.? ?\w{1,6})?",
            0.7,
        ),
        Pattern(
            "de-nl",
            r"(?<![\w])[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|allee|platz|gasse|"
            r"straat|laan|gracht|plein) \d{1,4}[a-z]?(?![\w])",
            0.65,
        ),
    )

    def normalise(self, value: str) -> str:
        return " ".join(value.casefold().replace(",", " ").split())

    def preview(self, value: str) -> str:
        return " ".join(mask_middle(w) for w in value.split())
