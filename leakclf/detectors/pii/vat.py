"""VAT_ID: an EU/UK VAT number with its country prefix, validated by python-stdnum."""

from __future__ import annotations

import re

from leakclf.detectors.base import Pattern
from leakclf.detectors.pii.us import DigitsDetector

_PREFIX = (
    r"(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)"
)


class VatDetector(DigitsDetector):
    id = "pii.vat"
    label = "VAT_ID"
    specificity = 85
    context = (
        "vat",
        "vat no",
        "vat number",
        "vat id",
        "vat reg",
        "tva",
        "ust-idnr",
        "ust",
        "mwst",
        "iva",
        "btw",
        "tax id",
        "tax number",
    )
    patterns = (
        # re, opening with the country code's first letter (``first_char_first``): faster
        # than the regex engine here (the same matches on the bench dump's texts)
        Pattern("vat", r"(?<![\w-])" + _PREFIX + r" ?[0-9A-Z]{8,12}(?![\w-])", 0.6),
        Pattern("vat-gb", r"(?<![\w-])GB ?\d{3} ?\d{4} ?\d{2}(?: ?\d{3})?(?![\w-])", 0.6),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        compact = re.sub(r"\s", "", value).upper()
        if not any(c.isdigit() for c in compact[2:]):
            return None
        if compact.startswith("GB"):
            from stdnum.gb import vat as gb_vat  # load time: stdnum only when used

            ok = gb_vat.is_valid(compact)
        else:
            from stdnum.eu import vat as eu_vat  # load time: stdnum only when used

            ok = eu_vat.is_valid(compact)
        return (f"vat:{compact[:2].lower()}", "checksum:ok") if ok else None

    def preview(self, value: str) -> str:
        return value[:2] + super().preview(value[2:])

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        cc = normalised[:2]
        return (("country", {"EL": "GR", "XI": "GB"}.get(cc, cc)),)
