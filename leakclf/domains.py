"""Offline domain helpers used across leakclf: registrable domain and ccTLD country.

tldextract is only ever used with its bundled public-suffix snapshot
(``suffix_list_urls=()``, ``cache_dir=None``): no download, no cache written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from leakclf.normalize import normalise_org
from leakclf.privacy import digest

if TYPE_CHECKING:
    import tldextract

# ccTLDs whose ISO 3166 code differs from the TLD.
_CC_EXCEPTIONS = {
    "uk": "GB",
    "su": None,
    "eu": None,
    "ac": None,
    "tv": None,
    "io": None,
    "me": None,
    "co": "CO",
    "ai": None,
    "fm": None,
    "ly": None,
    "gg": "GG",
    "cc": None,
    "ws": None,
}


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    import tldextract  # load time: tldextract only when used

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str:
    """``mail.contoso.co.uk`` -> ``contoso.co.uk``; a host without a known suffix is returned lower-cased."""
    host = host.strip().strip(".").lower()
    if "@" in host:
        host = host.rsplit("@", 1)[1]
    host = host.split("/", 1)[0].split(":", 1)[0]
    if not host:
        return ""
    parts = _extractor()(host)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    return host


@lru_cache(maxsize=65536)
def public_suffix(host: str) -> str:
    """The public suffix of a host (``co.uk``), or "" when it has none in the bundled list."""
    return str(_extractor()(host.strip().strip(".").lower()).suffix)


def tld_country(host: str) -> str | None:
    """ISO 3166 alpha-2 code of a host's country-code TLD (``x.co.uk`` -> ``GB``), else None."""
    host = host.strip().strip(".").lower().rsplit("@", 1)[-1]
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isascii() or not tld.isalpha():
        return None
    if tld in _CC_EXCEPTIONS:
        return _CC_EXCEPTIONS[tld]
    return tld.upper()


#: Generic last words of company names and domains ("acme-group" -> "acme").
_GENERIC = (
    "corp",
    "group",
    "tech",
    "inc",
    "co",
    "ltd",
    "llc",
    "gmbh",
    "global",
    "solutions",
    "systems",
    "labs",
    "digital",
    "online",
    "hq",
)


def domain_forms(domain: str) -> list[str]:
    """``acme-group.de`` -> ["acmegroup", "acme"]: the name, then it without a generic suffix."""
    full = domain.split(".", 1)[0].replace("-", "").casefold()
    forms = [full]
    first = domain.split(".", 1)[0].split("-", 1)[0].casefold()
    for suffix in _GENERIC:
        if full.endswith(suffix) and len(full) > len(suffix) + 2:
            forms.append(full[: -len(suffix)])
    if first and first not in forms:
        forms.append(first)
    # "northwindgc.com" for "Northwind Global Consulting": the name and a short abbreviation
    forms += [full[:-n] for n in (1, 2, 3) if len(full) - n >= 6 and full[:-n] not in forms]
    return forms


#: Words that make a name a university's, in seven languages, and the words that link them.
_UNIVERSITY_TEXT = """university universität universitat università universita universidad
universidade université universite universiteit hochschule"""
_UNIVERSITY = frozenset(_UNIVERSITY_TEXT.split())
_LINKS_TEXT = "of the de di da do del della degli des du der für fur van la le"
_LINKS = frozenset(_LINKS_TEXT.split())
_LETTERS = re.compile(r"[^\W\d_]+")
_DOUBLED = re.compile(r"(.)\1+")


def institution_form(name: str) -> str | None:
    """ "Universität Hamburg" and "the University of Hamburg" -> "university:hamburg": the
    distinctive words of a university's name, diacritics
    folded and doubled letters single, so one university written in two languages is one
    organisation. None for a name that is not a university's."""
    words = _LETTERS.findall(_ascii(name.casefold(), True))
    if _UNIVERSITY_FOLDED.isdisjoint(words):
        return None
    core = [
        _DOUBLED.sub(r"\1", w) for w in words if w not in _UNIVERSITY_FOLDED and w not in _LINKS
    ]
    return "university:" + "".join(core) if core else None


def name_forms(name: str) -> list[str]:
    """``Acme Group Ltd`` -> ["acmegroup", "acme"]: the whole name, then its first word; a
    university's name starts with its ``institution_form``."""
    return list(_name_forms(name))


# The cache is the module's only state: bounded, and keyed on the name alone (the function is
# pure), so results do not depend on what was asked before. Detection asks for the same
# organisation names again and again (NER, the layout pass and the facets pass of one text).
@lru_cache(maxsize=16384)
def _name_forms(name: str) -> tuple[str, ...]:
    def key(text: str) -> str:
        return "".join(ch for ch in normalise_org(text) if ch.isalnum())

    words = name.split()
    first = key(words[0]) if words else ""
    forms = [key(name), "" if first in _LINKS or _ascii(first, True) in _UNIVERSITY else first]
    university = institution_form(name)
    if university:
        forms.insert(0, university)
    # "Römer" -> "romer" and "rmer": the domain may fold or drop the accented letter
    forms += [_ascii(f, fold) for f in forms for fold in (True, False) if not f.isascii()]
    return tuple(f for f in dict.fromkeys(forms) if len(f) >= 3)


def abbreviates(label: str, name: str) -> bool:
    """A domain label that abbreviates an organisation's name: its initials (``wwi`` for "Wide
    World Importers"), or its letters in order from the first (``fbrkm`` for "Fabrikam Inc");
    a two-letter label only as initials: ``fb`` could stand for too many names."""
    words = ["".join(ch for ch in w if ch.isalnum()) for w in normalise_org(name).split()]
    words = [w for w in words if w]
    if len(label) < 2 or not words or label[0] != words[0][0]:
        return False
    if len(words) > 1 and label == "".join(w[0] for w in words):
        return True
    within = "".join(words)
    if len(label) < 3:
        return False
    letters = iter(within)
    return len(within) > len(label) and all(ch in letters for ch in label)


def abbreviated_by(name: str, facets: tuple[tuple[str, str], ...]) -> str | None:
    """The main name form of an address's domain (its ``("domain", d)`` facet) when the
    domain's label abbreviates ``name`` (``abbreviates``), else None."""
    domain = next((v for k, v in facets if k == "domain"), None)
    if not domain:
        return None
    form = domain_forms(domain)[0]
    return form if form.isalnum() and abbreviates(form, name) else None


@lru_cache(maxsize=16384)  # pure and bounded, like ``_name_forms``
def _ascii(text: str, fold: bool) -> str:
    if fold:
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return "".join(c for c in text if c.isascii())


#: ``_UNIVERSITY`` as ``institution_form`` compares it: diacritics folded, ASCII only.
_UNIVERSITY_FOLDED = frozenset(_ascii(w, True) for w in _UNIVERSITY)


def org_facets(key: bytes, forms: list[str]) -> tuple[tuple[str, str], ...]:
    """One ("org", "d1 d2 ...") facet: a keyed digest per name form, space-separated, so the
    census matches names to domains without the names. One key, because results store facets
    as a map (a repeated key would keep only its last value)."""
    if not forms:
        return ()
    return (("org", " ".join(digest(key, "ORG", form) for form in forms)),)


def org_digests(facets: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The name-form digests of a finding's ("org", ...) facet."""
    return tuple(d for k, v in facets if k == "org" for d in v.split())


__all__ = [
    "abbreviated_by",
    "abbreviates",
    "domain_forms",
    "institution_form",
    "name_forms",
    "org_digests",
    "org_facets",
    "public_suffix",
    "registrable_domain",
    "tld_country",
]
