"""Normalising values so the same real-world thing gets the same digest.

Detectors digest ``normalise_*(value)`` at scan time and the census counts those digests,
so both read the rules from here, below both of them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LEGAL = re.compile(
    r"\b(?:incorporated|inc|ltd|limited|llc|llp|lp|plc|corp|corporation|co|company|gmbh|ag|"
    r"kg|kgaa|gbr|ohg|vof|bvba|sa|sas|sarl|srl|spa|bv|nv|oy|ab|as|pty|pte|kk|the)\b"
)
_PUNCT = re.compile(r"[^\w\s]")


def normalise_email(value: str, *, strip_plus_tags: bool = True) -> str:
    """Case-folded; ``Jane.Doe+news@Contoso.com`` -> ``jane.doe@contoso.com`` with plus-tags stripped."""
    local, _, host = unicodedata.normalize("NFKC", value).strip().rpartition("@")
    local = local.casefold()
    if strip_plus_tags and "+" in local[1:]:
        local = local[0] + local[1:].split("+", 1)[0]
    return f"{local}@{host.casefold().rstrip('.')}"


#: Titles and honorifics before a name ("Dr. Jane Roe"), and post-nominals after it ("Jane Roe, PhD").
_TITLE_WORDS = """mr mrs ms miss mx dr prof professor sir dame madam mme mlle herr frau hr sra srta
sig dott ing mag dipl rev hon capt col lt maj sgt"""
_TITLES = frozenset(_TITLE_WORDS.split())
_POST_NOMINAL_WORDS = "phd md jr sr ii iii iv esq mba msc bsc ma ba cpa pmp"
_POST_NOMINALS = frozenset(_POST_NOMINAL_WORDS.split())


def _fold(text: str) -> str:
    """NFKD with combining marks removed, case-folded: ``José Müller`` -> ``jose muller``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=16384)  # pure; NER, the person passes and facets ask for the same names
def normalise_person(name: str) -> str:
    """``"Dr. Doe, José"`` -> ``"jose doe"``: "Last, First" swapped, titles, post-nominals,
    diacritics, case and punctuation removed, whitespace collapsed."""
    name = unicodedata.normalize("NFKC", name)
    if name.count(",") == 1:
        last, first = name.split(",")
        if (
            _fold(first).replace(".", " ").split()
            and not set(_fold(first).replace(".", " ").split()) <= _POST_NOMINALS
        ):
            name = f"{first} {last}"
        else:  # "Jane Roe, PhD": a post-nominal, not "Last, First"
            name = last
    words = re.sub(r"[^\w\s'’-]", " ", _fold(name).replace(".", " ")).split()
    words = [re.sub(r"(?:['’]s?)$", "", w).strip("'’-") for w in words]  # "Sims'", "Roe's"
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _POST_NOMINALS:
        words = words[:-1]
    return " ".join(words)


def person_forms(normalised: str) -> tuple[str | None, str | None]:
    """(full form, initial form) of a normalised name: ``jane ann roe`` -> (``jane roe``,
    ``j roe``); ``j roe`` -> (None, ``j roe``); a one-word name -> (None, None).

    Middle names are dropped, so "Jane Ann Roe" and "Jane Roe" share a full form; the initial
    form lets "J. Roe" join the one full name it can stand for.
    """
    words = normalised.split()
    while len(words) > 1 and len(words[-1]) == 1:  # "Susan W.": a middle initial, no last name
        words = words[:-1]
    if len(words) < 2:
        return None, None
    first, last = words[0], words[-1]
    initial = f"{first[0]} {last}"
    return (None if len(first) == 1 else f"{first} {last}"), initial


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


def joined_form(normalised: str) -> str:
    """First name and the rest joined, hyphens and apostrophes dropped, as an address's local
    part writes them: ``tristan van de pavert`` -> ``tristan vandepavert``,
    ``hans-friedrich peukert`` -> ``hansfriedrich peukert``."""
    words = [re.sub(r"['-]", "", w) for w in normalised.split()]
    return " ".join(w for w in (words[0], "".join(words[1:])) if w) if words else ""


def name_from_local_part(local: str) -> str | None:
    """``jane.doe`` / ``jane_doe`` / ``jane-doe`` -> ``"jane doe"``; ``j.doe`` -> ``"j doe"``
    (an initial form, see ``person_forms``); None when it does not look like a name."""
    local = local.split("+", 1)[0]
    parts = re.split(r"[._-]", local)
    if len(parts) not in (2, 3) or not all(p.isalpha() and p.isascii() for p in parts):
        return None
    if len(parts[-1]) < 2 or any(p.lower() in _ROLE_WORDS for p in parts):
        return None
    full, initial = person_forms(normalise_person(" ".join(parts)))
    return full or initial
