"""STREET_ADDRESS: a house number and a street type (English), or a German/Dutch street and number."""

from __future__ import annotations

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_middle

#: USPS street suffixes (and common abbreviations), minus words that often follow a number
#: in business prose (Center, Club, Key, Point, Station, Union, View, ...).
_TYPES = (
    r"(?:Street|St|Streets|Avenue|Ave|Road|Rd|Roads|Boulevard|Blvd|Lane|Ln|Drive|Dr|Drives|Way|Ways|"
    r"Court|Ct|Courts|Place|Pl|Terrace|Ter|Parkway|Pkwy|Parkways|Square|Sq|Squares|Highway|Hwy|"
    r"Circle|Cir|Circles|Crescent|Close|Row|Trail|Trl|Plaza|Alley|Bayou|Bluffs?|Branch|Bridge|Brooks?|"
    r"Burgs?|Bypass|Camp|Canyon|Cape|Causeway|Cliffs?|Commons?|Corners?|Coves?|Creek|Crest|Crossing|"
    r"Crossroad|Curve|Dale|Divide|Estates?|Expressway|Extensions?|Falls|Ferry|Flats?|Fords?|Forest|"
    r"Forges?|Forks?|Freeway|Gardens?|Gateway|Glens?|Greens?|Groves?|Harbors?|Haven|Heights|Hills?|"
    r"Hollow|Inlet|Islands?|Isle|Junctions?|Knolls?|Lakes?|Landing|Loaf|Locks?|Lodge|Loop|Mall|"
    r"Manors?|Meadows?|Mews|Mills?|Motorway|Mount|Mountains?|Neck|Orchard|Oval|Overpass|Parks?|"
    r"Passage|Path|Pike|Pines?|Plains?|Ports?|Prairie|Radial|Ramp|Ranch|Rapids?|Ridges?|River|"
    r"Route|Rue|Run|Shoals?|Shores?|Skyway|Springs?|Spurs?|Stravenue|Stream|Summit|Throughway|"
    r"Trace|Track|Trafficway|Tunnel|Turnpike|Underpass|Valleys?|Via|Viaduct|Villages?|Ville|Vista|"
    r"Walks?)"
)


class StreetAddressDetector(Detector):
    id = "pii.street_address"
    label = "STREET_ADDRESS"
    specificity = 60
    context = (
        "address",
        "street",
        "ship to",
        "bill to",
        "located",
        "residence",
        "lives",
        "mail to",
    )
    patterns = (
        Pattern(
            "us-uk",
            r"(?<![\w#-])\d{1,5}[A-Za-z]?,? (?:[NSEW]\.? )?(?:[A-Z][a-z]+\.? |\d{1,3}(?:st|nd|rd|th) ){1,4}"
            + _TYPES
            + r"\b\.?(?:,? (?:Suite|Ste|Apt|Unit|Floor|Fl|#)\.? ?\d{1,5}[A-Z]?)?",
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
