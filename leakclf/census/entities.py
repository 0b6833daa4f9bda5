"""Entity tallies: each real-world thing counted once, by keyed digest (or code, for countries).

emails         EMAIL_ADDRESS digests (the detector digests the normalised address)
phones         PHONE_NUMBER digests (E.164)
persons        PERSON digests; linked to an email when the email's ("person", d) facet is d
organizations  registrable email domains, merged with the ORGANIZATION ("org") names that
               match the domain's name; mentions are ORGANIZATION findings (written names)
projects       PROJECT digests
countries      ("country", ISO code) facets of phones, emails (ccTLD), addresses and URLs
org_names      ORGANIZATION names that match no email domain (NER noise, or an organisation
               with no address in the dump); listed apart, never counted as organisations
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from leakclf.domains import org_digests
from leakclf.model import DocumentResult, Finding

KINDS = ("emails", "phones", "persons", "organizations", "projects", "countries")
EXTRA_KINDS = ("org_names",)
#: Labels whose ("country", code) facet places a data subject in a country (IBANs place a bank).
COUNTRY_LABELS = frozenset({"PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS", "URL"})
_LABEL_KIND = {
    "EMAIL_ADDRESS": "emails",
    "PHONE_NUMBER": "phones",
    "PERSON": "persons",
    "PROJECT": "projects",
}


@dataclass
class Entity:
    key: str  # digest; organisations: registrable domain; countries: ISO code
    preview: str  # masked, or a public name (domain, country code)
    mentions: int = 0
    documents: set[int] = field(default_factory=set)
    value: str | None = None  # only when the results carry revealed values
    links: set[str] = field(default_factory=set)  # persons: linked emails; orgs: name previews
    email_mentions: int = 0  # organisations: email addresses at the domain


@dataclass
class Tally:
    by_kind: dict[str, dict[str, Entity]]
    docs_with: dict[str, set[int]]  # kind -> documents with at least one mention
    org_docs_people: dict[str, set[str]]  # org key -> people (person digest, else email digest)


def tally(results: Sequence[DocumentResult]) -> Tally:
    by_kind: dict[str, dict[str, Entity]] = {k: {} for k in (*KINDS, *EXTRA_KINDS)}
    docs_with: dict[str, set[int]] = {k: set() for k in (*KINDS, *EXTRA_KINDS)}
    people: dict[str, set[str]] = {}
    email_person: dict[str, str] = {}  # email digest -> person digest
    org_names: list[tuple[int, Finding, tuple[str, ...]]] = []  # ORGANIZATION mentions
    org_forms: list[tuple[str, str]] = []  # (org-form digest, domain) from email addresses
    for i, r in enumerate(results):
        for f in r.findings:
            kind = _LABEL_KIND.get(f.label)
            if kind == "persons" and f.facet("name") == "partial":
                kind = None  # "Dear Boyer" alone names nobody the census can count once
            if kind:
                _add(by_kind[kind], docs_with[kind], f.digest, f.preview, i, f.value)
            if f.label == "EMAIL_ADDRESS":
                person = f.facet("person")
                if person:
                    email_person[f.digest] = person
                domain = f.facet("domain")
                if domain:
                    org_forms += [(d, domain) for d in org_digests(f.facets)]
                    key = domain
                    ent = _add(by_kind["organizations"], docs_with["organizations"], key, domain, i)
                    ent.mentions -= 1  # an address names a person; organisation mentions are names
                    ent.email_mentions += 1
                    people.setdefault(key, set()).add(person or f.digest)
            elif f.label == "ORGANIZATION":
                org_names.append((i, f, org_digests(f.facets)))
            country = f.facet("country") if f.label in COUNTRY_LABELS else None
            if country:
                _add(by_kind["countries"], docs_with["countries"], country, country, i)
    _merge_org_names(by_kind, docs_with, org_names, org_forms)
    persons = by_kind["persons"]
    for email, person in email_person.items():
        if person in persons:
            persons[person].links.add(email)
    return Tally(by_kind=by_kind, docs_with=docs_with, org_docs_people=people)


def _add(
    table: dict[str, Entity],
    docs: set[int],
    key: str,
    preview: str,
    doc: int,
    value: str | None = None,
) -> Entity:
    ent = table.get(key)
    if ent is None:
        ent = table[key] = Entity(key=key, preview=preview)
    ent.mentions += 1
    ent.documents.add(doc)
    if value is not None and ent.value is None:
        ent.value = value
    docs.add(doc)
    return ent


def _merge_org_names(
    by_kind: dict[str, dict[str, Entity]],
    docs_with: dict[str, set[int]],
    names: list[tuple[int, Finding, tuple[str, ...]]],
    forms: list[tuple[str, str]],
) -> None:
    """An ORGANIZATION name joins the email domain whose name it matches (``Contoso Ltd`` ->
    contoso.com). Both sides carry keyed digests of their name forms (``leakclf.domains``),
    so the match needs no raw name."""
    orgs = by_kind["organizations"]
    by_form: dict[str, str] = {}
    for form, owner in sorted(forms, key=lambda fd: (fd[1], fd[0])):  # the same domain wins
        by_form.setdefault(form, owner)
    for doc, finding, digests in names:
        domain = next((by_form[d] for d in digests if d in by_form), None)
        # NER calls some people organisations: a name is shown masked, like any other value
        if domain is None:
            ent = _add(
                by_kind["org_names"],
                docs_with["org_names"],
                finding.digest,
                finding.preview,
                doc,
                finding.value,
            )
        else:
            ent = _add(orgs, docs_with["organizations"], domain, domain, doc)
        ent.links.add(finding.preview if finding.value is None else finding.value)
