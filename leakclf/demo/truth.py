"""Ground-truth counts after real-world normalisation, computed from the recorded mentions."""

from __future__ import annotations

from typing import Any

import phonenumbers

_CCTLD = {"de": "DE", "fr": "FR", "uk": "GB", "it": "IT", "nl": "NL", "in": "IN"}


def norm_email(raw: str) -> str:
    local, _, domain = raw.casefold().partition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def norm_person(raw: str) -> str:
    if "," in raw:
        last, first = (s.strip() for s in raw.split(",", 1))
        raw = f"{first} {last}"
    return " ".join(raw.casefold().split())


def norm_phone(raw: str) -> str:
    return phonenumbers.format_number(
        phonenumbers.parse(raw, None), phonenumbers.PhoneNumberFormat.E164
    )


def summarize(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """``injected``, ``unique`` and ``mentions`` over every document (duplicates included)."""
    injected: dict[str, list[str]] = {}
    for doc in docs:
        for label, values in doc["entities"].items():
            bucket = injected.setdefault(label, [])
            bucket.extend(v for v in values if v not in bucket)

    def mentions(label: str) -> list[str]:
        return [v for d in docs for v in d["entities"].get(label, [])]

    emails = {norm_email(v) for v in mentions("EMAIL_ADDRESS")}
    phones = {norm_phone(v) for v in mentions("PHONE_NUMBER")}
    domains = {e.rsplit("@", 1)[1] for e in emails}
    countries = {phonenumbers.region_code_for_number(phonenumbers.parse(p)) for p in phones}
    countries |= {_CCTLD[d.rsplit(".", 1)[1]] for d in domains if d.rsplit(".", 1)[1] in _CCTLD}
    projects = {_project_key(v) for v in mentions("PROJECT")}
    return {
        "injected": injected,
        "unique": {
            "emails": len(emails),
            "persons": len({norm_person(v) for v in mentions("PERSON")}),
            "phones": len(phones),
            "organizations": len(domains),
            "projects": len(projects),
            "countries": len(countries),
        },
        "mentions": {
            "emails": len(mentions("EMAIL_ADDRESS")),
            "persons": len(mentions("PERSON")),
            "phones": len(mentions("PHONE_NUMBER")),
            "organizations": len(mentions("ORGANIZATION")),
            "projects": len(mentions("PROJECT")),
        },
    }


def _project_key(raw: str) -> str:
    """A project named by its name or its code counts once."""
    from leakclf.demo.fakes import PROJECT_NAMES  # load time: the demo generator only when used

    if raw.startswith("PRJ-"):
        index = (int(raw[4:]) - 2000) // 37
        return PROJECT_NAMES[index] if 0 <= index < len(PROJECT_NAMES) else raw
    return raw
