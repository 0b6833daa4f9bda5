"""Normalising values so the same real-world thing gets the same digest.

Detectors digest ``normalise_*(value)``; the census counts digests, so both sides must
normalise the same way. Names of people and organisations live in
``leakclf.detectors.names`` and are re-exported here.
"""

from __future__ import annotations

import unicodedata

from leakclf.detectors.names import normalise_org, normalise_person


def normalise_email(value: str, *, strip_plus_tags: bool = True) -> str:
    """Case-folded; ``Jane.Doe+news@Contoso.com`` -> ``jane.doe@contoso.com`` with plus-tags stripped."""
    local, _, host = unicodedata.normalize("NFKC", value).strip().rpartition("@")
    local = local.casefold()
    if strip_plus_tags and "+" in local[1:]:
        local = local[0] + local[1:].split("+", 1)[0]
    return f"{local}@{host.casefold().rstrip('.')}"


def domain_label(domain: str) -> str:
    """The name part of a registrable domain: ``contoso.co.uk`` -> ``contoso``."""
    return domain.split(".", 1)[0].replace("-", "").casefold()


def org_key(name: str) -> str:
    """An ORGANIZATION name reduced for matching against a domain label: ``Contoso Ltd.`` -> ``contoso``."""
    return "".join(ch for ch in normalise_org(name) if ch.isalnum())


__all__ = ["domain_label", "normalise_email", "normalise_org", "normalise_person", "org_key"]
