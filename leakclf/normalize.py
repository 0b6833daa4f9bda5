"""Normalising values so the same real-world thing gets the same digest.

Detectors digest ``normalise_*(value)`` at scan time and the census counts those digests,
so both read the rules from here, below both of them.
"""

from __future__ import annotations

import re
import unicodedata

_LEGAL = re.compile(
    r"\b(?:incorporated|inc|ltd|limited|llc|llp|lp|plc|corp|corporation|co|company|gmbh|ag|"
    r"kg|sa|sas|sarl|srl|spa|bv|nv|oy|ab|as|pty|pte|kk|the)\b"
)
_PUNCT = re.compile(r"[^\w\s]")


def normalise_email(value: str, *, strip_plus_tags: bool = True) -> str:
    """Case-folded; ``Jane.Doe+news@Contoso.com`` -> ``jane.doe@contoso.com`` with plus-tags stripped."""
    local, _, host = unicodedata.normalize("NFKC", value).strip().rpartition("@")
    local = local.casefold()
    if strip_plus_tags and "+" in local[1:]:
        local = local[0] + local[1:].split("+", 1)[0]
    return f"{local}@{host.casefold().rstrip('.')}"


def normalise_person(name: str) -> str:
    """Casefold, collapse whitespace, ``"Doe, Jane"`` -> ``"jane doe"``."""
    name = unicodedata.normalize("NFKC", name)
    if name.count(",") == 1:
        last, first = name.split(",")
        name = f"{first} {last}"
    return " ".join(name.casefold().replace(".", " ").split())


def normalise_org(name: str) -> str:
    """``"Contoso, Ltd."`` -> ``"contoso"``: casefold, punctuation and legal suffixes removed."""
    text = _PUNCT.sub(" ", unicodedata.normalize("NFKC", name).casefold().replace("&", " "))
    stripped = " ".join(_LEGAL.sub(" ", text).split())
    return stripped or " ".join(text.split())


#: Local-part words of role mailboxes, never a person's name.
_ROLES = """info sales admin support contact office hr billing accounts account team noreply reply no
hello marketing jobs careers press service services help finance legal ops it invoices
orders mail postmaster webmaster security privacy dev test demo"""
_ROLE_WORDS = frozenset(_ROLES.split())


def name_from_local_part(local: str) -> str | None:
    """``jane.doe`` / ``jane_doe`` / ``jane-doe`` -> ``"jane doe"``; None when it does not look like a name."""
    local = local.split("+", 1)[0]
    parts = re.split(r"[._-]", local)
    if len(parts) not in (2, 3) or not all(p.isalpha() and p.isascii() for p in parts):
        return None
    if len(parts[0]) < 2 or len(parts[-1]) < 2 or any(p.lower() in _ROLE_WORDS for p in parts):
        return None
    return normalise_person(" ".join(parts))
