"""Entity tallies: each real-world thing counted once, by keyed digest (or code, for countries).

emails         EMAIL_ADDRESS digests (the detector digests the normalised address)
phones         PHONE_NUMBER digests (E.164)
persons        person clusters (``leakclf.census.people``): name variants, initials and
               addresses of one person are one cluster; ``corroborated`` ones give the lower bound
organizations  registrable email domains, less free-mail, placeholder and reserved domains
               (``leakclf.census.excluded``) and the owner's own; plus organisations named with
               a legal form ("Fabrikam GmbH"), as a university, or where an organisation acts
               (party, field, signature, employer) that match no such domain, unless only
               mentioned in passing (a bank in payment details, a lab or department).
               ORGANIZATION names merge into the domain whose name they match; mentions are
               ORGANIZATION findings
projects       PROJECT digests
countries      ("country", ISO code) facets of phones, emails (ccTLD), addresses and URLs
org_names      ORGANIZATION names without a legal form that match no email domain (NER noise,
               or an organisation with no address in the dump); listed apart, never counted
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from leakclf.census.excluded import excluded, is_own
from leakclf.census.people import Cluster, is_person_mention, resolve
from leakclf.domains import org_digests
from leakclf.model import DocumentResult, Finding

KINDS = ("emails", "phones", "persons", "organizations", "projects", "countries")
EXTRA_KINDS = ("org_names",)
#: Labels whose ("country", code) facet places a data subject in a country (IBANs place a bank).
COUNTRY_LABELS = frozenset({"PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS", "URL"})
#: Evidence that an ORGANIZATION was named with its legal form ("Contoso Ltd") or as a
#: university ("University of Leeds").
LEGAL_FORM_EVIDENCE = frozenset({"pattern:legal-form", "shape:legal-form", "shape:institution"})
#: Evidence that an ORGANIZATION name stands where an organisation acts: a contract party, a
#: "Client:" field, a "For Contoso" signature, an employer beside a job title, "Jane Roe,
#: Contoso" (``leakclf.detectors.people``, ``people_orgs``).
ORG_CONTEXT_EVIDENCE = frozenset(
    {
        "context:party",
        "context:field",
        "context:signature",
        "context:role",
        "context:affiliation",
        "context:meeting",
        "context:address",
    }
)
#: Evidence that an ORGANIZATION name is only mentioned in passing: a bank in payment details,
#: a lab or department (a part of an organisation), a name in a "Product:" field.
ORG_PASSING_EVIDENCE = frozenset({"passing:payment", "passing:unit", "passing:product"})
_LABEL_KIND = {
    "EMAIL_ADDRESS": "emails",
    "PHONE_NUMBER": "phones",
    "PROJECT": "projects",
}


@dataclass
class Entity:
    key: str  # digest; organisations: registrable domain or "name:<digest>"; countries: ISO code
    preview: str  # masked, or a public name (domain, country code)
    mentions: int = 0
    documents: set[int] = field(default_factory=set)
    value: str | None = None  # only when the results carry revealed values
    links: set[str] = field(default_factory=set)  # persons: linked emails; orgs: name previews
    email_mentions: int = 0  # organisations: email addresses at the domain
    corroborated: bool = False  # persons: seen where people are named, or linked to an address


@dataclass
class Tally:
    by_kind: dict[str, dict[str, Entity]]
    docs_with: dict[str, set[int]]  # kind -> documents with at least one mention
    org_docs_people: dict[str, set[str]]  # org key -> people (person cluster, else email digest)
    clusters: list[Cluster] = field(default_factory=list)
    excluded_domains: dict[str, set[str]] = field(default_factory=dict)  # reason -> domains


def tally(results: Sequence[DocumentResult], own_domains: Sequence[str] = ()) -> Tally:
    by_kind: dict[str, dict[str, Entity]] = {k: {} for k in (*KINDS, *EXTRA_KINDS)}
    docs_with: dict[str, set[int]] = {k: set() for k in (*KINDS, *EXTRA_KINDS)}
    skipped: dict[str, set[str]] = {"free-mail": set(), "placeholder": set(), "reserved": set()}
    skipped["own"] = set()
    addresses: list[tuple[str, str]] = []  # (email digest, counted domain)
    org_names: list[tuple[int, Finding, tuple[str, ...]]] = []  # ORGANIZATION mentions
    org_forms: list[tuple[str, str]] = []  # (org-form digest, domain) from email addresses
    own = tuple(own_domains)
    for i, r in enumerate(results):
        for f in r.findings:
            kind = _LABEL_KIND.get(f.label)
            if kind:
                _add(by_kind[kind], docs_with[kind], f.digest, f.preview, i, f.value)
            elif is_person_mention(f):
                docs_with["persons"].add(i)
            if f.label == "EMAIL_ADDRESS":
                domain = f.facet("domain")
                if domain:
                    org_forms += [(d, domain) for d in org_digests(f.facets)]
                    reason = excluded(domain) or ("own" if is_own(domain, own) else None)
                    if reason:
                        skipped[reason].add(domain)
                        continue
                    ent = _add(
                        by_kind["organizations"], docs_with["organizations"], domain, domain, i
                    )
                    ent.mentions -= 1  # an address names a person; organisation mentions are names
                    ent.email_mentions += 1
                    addresses.append((f.digest, domain))
            elif f.label == "ORGANIZATION":
                org_names.append((i, f, org_digests(f.facets)))
            country = f.facet("country") if f.label in COUNTRY_LABELS else None
            if country:
                _add(by_kind["countries"], docs_with["countries"], country, country, i)
    clusters = resolve(results)
    by_kind["persons"] = {c.key: _person(c) for c in clusters}
    _merge_org_names(by_kind, docs_with, org_names, org_forms)
    cluster_of = {e: c.key for c in clusters for e in c.emails}
    people: dict[str, set[str]] = {}
    for address, domain in addresses:
        people.setdefault(domain, set()).add(cluster_of.get(address, address))
    return Tally(
        by_kind=by_kind,
        docs_with=docs_with,
        org_docs_people=people,
        clusters=clusters,
        excluded_domains=skipped,
    )


def _person(c: Cluster) -> Entity:
    return Entity(
        key=c.key,
        preview=c.preview,
        mentions=c.mentions,
        documents=set(c.documents),
        value=c.value,
        links=set(c.emails),
        corroborated=c.corroborated,
    )


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
    so the match needs no raw name. A name matching a domain the census does not count (the
    owner's, a free-mail provider's) is not counted either. An unmatched name with a legal form
    is an organisation of its own, keyed by its full name form; any other is listed apart."""
    orgs = by_kind["organizations"]
    by_form: dict[str, str] = {}
    # counted domains first, then by name: the same domain wins every run
    for form, owner in sorted(forms, key=lambda fd: (fd[1] not in orgs, fd[1], fd[0])):
        by_form.setdefault(form, owner)
    legal = {
        digests[0]
        for _, finding, digests in names
        if digests
        and (LEGAL_FORM_EVIDENCE | ORG_CONTEXT_EVIDENCE) & set(finding.evidence)
        and not ORG_PASSING_EVIDENCE & set(finding.evidence)
    }
    for doc, finding, digests in names:
        domain = next((by_form[d] for d in digests if d in by_form), None)
        if domain is not None and domain not in orgs:
            continue  # the owner's own, or a free-mail provider's: not an organisation counted
        if domain is not None:
            ent = _add(orgs, docs_with["organizations"], domain, domain, doc)
        elif digests and digests[0] in legal:
            # a legal-form name, or the same name written without its legal form elsewhere
            ent = _add(orgs, docs_with["organizations"], "name:" + digests[0], finding.preview, doc)
        else:  # NER calls some people organisations: a name is shown masked, like any other value
            ent = _add(
                by_kind["org_names"],
                docs_with["org_names"],
                finding.digest,
                finding.preview,
                doc,
                finding.value,
            )
        ent.links.add(finding.preview if finding.value is None else finding.value)
