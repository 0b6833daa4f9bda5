"""Build DocumentResults in code, the way the detectors would (keyed digests, facets)."""

from __future__ import annotations

from leakclf.config import CensusConfig
from leakclf.domains import domain_forms, name_forms, org_facets, registrable_domain, tld_country
from leakclf.model import DocumentResult, Finding
from leakclf.normalize import normalise_email, normalise_org, normalise_person
from leakclf.privacy import digest, mask
from leakclf.signatures import text_signature

KEY = b"k" * 32


def email(address: str, *, reveal: bool = False) -> Finding:
    from leakclf.normalize import name_from_local_part

    norm = normalise_email(address)
    local, _, host = norm.rpartition("@")
    domain = registrable_domain(host)
    facets = [("domain", domain), *org_facets(KEY, domain_forms(domain))]
    if tld_country(host):
        facets.append(("country", tld_country(host) or ""))
    person = name_from_local_part(local)
    if person:
        facets.append(("person", digest(KEY, "PERSON", person)))
    return Finding(
        "EMAIL_ADDRESS",
        0,
        1,
        0.9,
        "pii.email",
        digest(KEY, "EMAIL_ADDRESS", norm),
        f"{local[:1]}***@{host}",
        facets=tuple(facets),
        value=address if reveal else None,
    )


def person(name: str) -> Finding:
    norm = normalise_person(name)
    return Finding("PERSON", 0, 1, 0.85, "ner", digest(KEY, "PERSON", norm), mask(name))


def phone(e164: str, country: str) -> Finding:
    return Finding(
        "PHONE_NUMBER",
        0,
        1,
        0.9,
        "pii.phone",
        digest(KEY, "PHONE_NUMBER", e164),
        mask(e164, keep_start=3, keep_end=2),
        facets=(("country", country),),
    )


def org(name: str) -> Finding:
    return Finding(
        "ORGANIZATION",
        0,
        1,
        0.8,
        "ner",
        digest(KEY, "ORGANIZATION", normalise_org(name)),
        mask(name),
        facets=org_facets(KEY, name_forms(name)),
    )


def labelled(label: str, value: str, **facets: str) -> Finding:
    return Finding(
        label,
        0,
        1,
        0.9,
        "test",
        digest(KEY, label, value.casefold()),
        mask(value),
        facets=tuple(facets.items()),
    )


def result(
    source: str,
    findings: list[Finding] | tuple[Finding, ...] = (),
    *,
    text: str | None = None,
    sha256: str | None = None,
    **fields: object,
) -> DocumentResult:
    text_sha, minhash = text_signature(text if text is not None else source, CensusConfig())
    return DocumentResult(
        source=source,
        sha256=sha256 or f"sha-{source}",
        text_sha256=text_sha,
        minhash=minhash,
        findings=tuple(findings),
        **fields,
    )  # type: ignore[arg-type]


def named(name: str, *, ctx: str | None = None, shown_email: str | None = None) -> Finding:
    """A PERSON finding with the name-form facets the detectors emit (people.add_people_facets)."""
    from leakclf.normalize import joined_form, person_forms

    norm = normalise_person(name)
    full, initial = person_forms(norm)
    facets: list[tuple[str, str]] = []
    if full:
        facets.append(("pfull", digest(KEY, "PERSON", full)))
        if joined_form(norm) != full:
            facets.append(("pjoin", digest(KEY, "PERSON", joined_form(norm))))
    if initial:
        facets.append(("pinit", digest(KEY, "PERSON", initial)))
    if ctx:
        facets.append(("ctx", ctx))
    if shown_email:
        facets.append(("email", digest(KEY, "EMAIL_ADDRESS", normalise_email(shown_email))))
    return Finding(
        "PERSON", 0, 1, 0.85, "ner", digest(KEY, "PERSON", norm), mask(name), facets=tuple(facets)
    )
