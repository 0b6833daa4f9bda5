"""Facets that let the census resolve people without their names, and say where a name stood.

Applied to PERSON candidates after overlaps and cross-label consistency are settled:

``("pfull", d)``  keyed digest of the full form, first + last word (``jane roe``); absent for
                  an initial form such as "J. Roe"
``("pinit", d)``  keyed digest of the initial form (``j roe``); "J. Roe" joins the one full
                  name in the census that shares it
``("ctx", kind)`` the name stands where people are named (``leakclf.detectors.people_context``:
                  header, salutation, title, field, signature, party, role, owner, address),
                  ``initials`` (a given name, middle initials and a surname: "Maria G. Lopes"),
                  or ``known-name``: first and last word both in the NER gate's name lists and
                  neither an ordinary word
``("pjoin", d)``  the full form with the last name's words joined (``tristan vandepavert``),
                  as an address's local part writes a multi-word or hyphenated name
``("email", d)``  the address written right after the name (``Jane Roe <jane.roe@...>``), by
                  its EMAIL_ADDRESS digest

Both digests use the PERSON label, the same as the ``("person", d)`` facet an address's
``first.last`` local part carries, so the census links names and addresses by digest alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from leakclf.detectors.base import Candidate
from leakclf.detectors.people_context import (
    context,
    keyword_start,
    org_context,
    org_in_passing,
    top_lines_end,
)
from leakclf.detectors.people_fields import gate_words
from leakclf.domains import abbreviates, domain_forms, name_forms, org_facets
from leakclf.normalize import joined_form, normalise_org, normalise_person, person_forms
from leakclf.privacy import digest

_MIDDLE_INITIALS = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ]\.)+ [A-ZÀ-ÖØ-Þ][\w'’-]+$")
_NEAR_DIGITS = re.compile(r"\d")
_ADDRESS_AFTER = re.compile(r"^[\"'”’]?\s*[<(\[]")
_COMMA_GAP = re.compile(r"[ \t]*,[ \t]*")


def add_people_facets(text: str, cands: list[Candidate], key: bytes) -> list[Candidate]:
    """Name-form digests, context and display-address facets on every full PERSON candidate."""
    if not any(c.label in ("PERSON", "ORGANIZATION") for c in cands):
        return cands
    emails = sorted((c for c in cands if c.label == "EMAIL_ADDRESS"), key=lambda c: c.start)
    people = [c for c in cands if c.label == "PERSON" and ("name", "partial") not in c.facets]
    orgs = [normalise_person(c.value).split() for c in cands if c.label == "ORGANIZATION"]
    labels = _domain_labels(emails)
    top = top_lines_end(text)
    out = []
    for c in cands:
        if c.label == "PERSON" and _heads_an_org(c, orgs):
            c = replace(
                c,
                label="ORGANIZATION",
                normalised=normalise_org(c.value),
                facets=org_facets(key, name_forms(c.value)),
                evidence=(*c.evidence, "relabel:org-elsewhere"),
            )
        if c.label == "PERSON":
            c = _with_facets(text, c, key, emails, top)
        elif c.label == "ORGANIZATION":
            c = _org_evidence(text, c, key, labels, people)
        out.append(c)
    return out


def _domain_labels(emails: list[Candidate]) -> list[str]:
    """The distinct main name forms of the addresses' domains that ``abbreviates`` compares
    with an organisation's name, in the addresses' order (a text's addresses share a few
    domains; each is compared with each organisation once)."""
    forms = (next((v for k, v in e.facets if k == "domain"), None) for e in emails)
    firsts = (domain_forms(d)[0] for d in dict.fromkeys(forms) if d)
    return [f for f in dict.fromkeys(firsts) if f.isalnum()]


def _org_evidence(
    text: str, c: Candidate, key: bytes, labels: list[str], people: list[Candidate]
) -> Candidate:
    """Where an organisation name stands (``context:party``, ..., ``context:affiliation``: right
    after a person's name that opens its line, "Jane Roe, Contoso") or that it is only mentioned
    in passing (``passing:payment``, ``passing:unit``), as evidence the census reads; and the
    name form of an address's domain that abbreviates the name in the same text
    (``domains.abbreviates``), so the census merges the two."""
    found = []
    where = org_context(text, c.start, c.end)
    if where is None and any(_affiliation(text, p, c) for p in people):
        where = "affiliation"
    if where in ("meeting", "affiliation") and _name_or_phrase(c.value, where == "affiliation"):
        where = None  # "met with Maria" (NER calls some people organisations)
    if where and f"context:{where}" not in c.evidence:
        found.append(f"context:{where}")
    passing = org_in_passing(text, c.start, c.end)
    if passing:
        found.append(f"passing:{passing}")
    forms = name_forms(c.value)
    extra = [f for f in labels if f not in forms and abbreviates(f, c.value)]
    if not found and not extra:
        return c
    facets = c.facets
    if extra:
        facets = tuple(f for f in c.facets if f[0] != "org") + org_facets(key, [*forms, *extra])
    return replace(c, evidence=(*c.evidence, *found), facets=facets)


def _name_or_phrase(value: str, phrase: bool) -> bool:
    """Every word a given name or surname ("Maria"), or (with ``phrase``) every word an
    ordinary word: no organisation's name by itself."""
    words = [w.casefold().strip(".,'’") for w in value.split()]
    lists = gate_words()
    if all(w in lists.names for w in words):
        return True
    return phrase and all(lists.ordinary(w) for w in words)


def _affiliation(text: str, person: Candidate, org: Candidate) -> bool:
    """ "Jane Roe, Contoso, USA": an organisation right after a full name that opens its line.
    Asked for every person and organisation of a text: the cheap tests come first."""
    if person.end > org.start or _COMMA_GAP.fullmatch(text, person.end, org.start) is None:
        return False
    line_start = text.rfind("\n", 0, person.start) + 1
    return not text[line_start : person.start].strip()


def _beside_digits(text: str, start: int, end: int) -> bool:
    """A number on the same line right before or after: "6281 Castro Springs", "North Bonnie,
    SC 25125" are places."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    near = text[max(line_start, start - 12) : start] + text[end : min(line_end, end + 12)]
    return _NEAR_DIGITS.search(near) is not None


_STREET_BEFORE = re.compile(
    r"\b(?:avenue|av|rue|boulevard|bd|allée|chemin|place|quai|via|viale|piazza|calle|avenida|"
    r"rua|travessa|strada|laan|straat)\.?\s*$",
    re.IGNORECASE,
)
_UNIT_LINE = re.compile(
    r"^\s*(?:\d+[a-z]?|(?:flat|apt|apartment|unit|suite|no\.?)\s*\w+)\s*,?\s*$", re.IGNORECASE
)
_PLACE_AFTER = re.compile(r"^\s*,\s*[A-ZÀ-Þ][\w'’ -]+,?\s+\d{3,}")


def _in_address(text: str, c: Candidate) -> bool:
    """A name that is part of an address: a street named after a person ("avenue Daniel
    Roe"), a line under a house or flat number ("Flat 7\nRuth Hill\nBurgessland"), or a
    name followed by a town and a postcode ("Kim Zila, Moradabad 610033")."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    after = text[c.end : len(text) if line_end < 0 else line_end]
    above = [ln for ln in text[max(0, line_start - 80) : line_start].splitlines() if ln.strip()]
    before = text[line_start : c.start]
    return bool(
        _STREET_BEFORE.search(before, keyword_start(before))
        or _PLACE_AFTER.match(after)
        or (above and not before.strip() and _UNIT_LINE.match(above[-1]))
    )


def _known_name(value: str, normalised: str) -> str | None:
    """``"known-name"`` when a capitalised name opens with a word of the name lists and no
    word (initials aside) is an ordinary word: "Tom Hardwick" in running text is a person,
    "Potential Gas" is not."""
    words = normalised.split()
    lists = gate_words()
    if not value[:1].isupper() or words[0] not in lists.names:
        return None
    if any(lists.ordinary(w) for w in words if len(w) > 1):
        return None
    return "known-name"


def _heads_an_org(c: Candidate, orgs: list[list[str]]) -> bool:
    """ "Northwind Global" where the text also names "Northwind Global Consulting Pvt Ltd"."""
    words = c.normalised.split()
    return any(len(o) > len(words) and o[: len(words)] == words for o in orgs)


def _with_facets(
    text: str, c: Candidate, key: bytes, emails: list[Candidate], top: int
) -> Candidate:
    full, initial = person_forms(c.normalised)
    if initial is None or ("name", "partial") in c.facets:
        return c
    if c.value[:1].islower():  # "van Roe": a surname and its particle, no given name
        return replace(c, facets=(*c.facets, ("name", "partial")))
    facets = [f for f in c.facets if f[0] not in ("pfull", "pjoin", "pinit", "ctx", "email")]
    if full is not None:
        facets.append(("pfull", digest(key, "PERSON", full)))
        joined = joined_form(c.normalised)
        if joined != full:
            facets.append(("pjoin", digest(key, "PERSON", joined)))
    facets.append(("pinit", digest(key, "PERSON", initial)))
    kind = context(text, c.start, c.end, top)
    if kind == "owner" and any(gate_words().ordinary(w) for w in c.normalised.split()):
        kind = None  # "Implementation Roadmap" on a title line is no author
    if kind is None and _MIDDLE_INITIALS.match(c.value):
        kind = "initials"  # "Maria G. Lopes": given name, middle initials, surname
    if kind is None and not _beside_digits(text, c.start, c.end) and not _in_address(text, c):
        kind = _known_name(c.value, c.normalised)
    if kind:
        facets.append(("ctx", kind))
    after = text[c.end : c.end + 4]
    if _ADDRESS_AFTER.match(after):
        mail = next((e for e in emails if c.end <= e.start <= c.end + 4), None)
        if mail is not None:
            facets.append(("email", digest(key, "EMAIL_ADDRESS", mail.normalised)))
    return replace(c, facets=tuple(facets))
