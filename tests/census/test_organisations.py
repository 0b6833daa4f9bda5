"""Organisations: domains that name none (free-mail, placeholders, reserved, the owner's own)."""

from __future__ import annotations

import pytest

from leakclf.census import census
from leakclf.census.excluded import excluded
from leakclf.config import CensusConfig, ClassifyConfig, Config
from leakclf.model import Finding

from .helpers import KEY, email, org, result


@pytest.mark.parametrize(
    ("domain", "reason"),
    [
        pytest.param("gmail.com", "free-mail", id="gmail"),
        pytest.param("yahoo.co.uk", "free-mail", id="yahoo-uk"),
        pytest.param("gmx.de", "free-mail", id="gmx"),
        pytest.param("email.com", "free-mail", id="email-com"),
        pytest.param("mail.de", "free-mail", id="mail-de"),
        pytest.param("foxmail.com", "free-mail", id="foxmail"),
        pytest.param("mail-de.com", None, id="near-miss-mail-de"),
        pytest.param("example.com", "reserved", id="rfc2606-example"),
        pytest.param("example.co.uk", "reserved", id="example-any-suffix"),
        pytest.param("shop.test", "reserved", id="dot-test"),
        pytest.param("host.invalid", "reserved", id="dot-invalid"),
        pytest.param("domain.com", "placeholder", id="domain-com"),
        pytest.param("yourcompany.com", "placeholder", id="yourcompany"),
        pytest.param("contoso.com", None, id="a-company"),
        pytest.param("gmail-partners.com", None, id="near-miss-counts"),
        pytest.param("examples.com", None, id="examples-is-real"),
    ],
)
def test_excluded(domain: str, reason: str | None) -> None:
    assert excluded(domain) == reason


def dump() -> list:
    return [
        result(
            "a.eml",
            [
                email("jane.roe@gmail.com"),
                email("info@example.com"),
                email("name@domain.com"),
                email("bob.ray@fabrikam.de"),
                email("ops@owner.example.org"),
                email("kim.lee@ownco.net"),
            ],
        ),
        result("b.txt", [org("Gmail Inc"), org("Fabrikam GmbH")]),
    ]


def test_only_real_organisations_are_counted() -> None:
    c = census(dump())
    assert list(c.entities("organizations")["key"]) == ["fabrikam.de", "ownco.net"]
    assert c.summary()["domains_not_counted"] == {
        "free-mail": 1,
        "placeholder": 1,
        "reserved": 2,
        "own": 0,
    }


@pytest.mark.parametrize(
    "config",
    [
        pytest.param(Config(census=CensusConfig(own_domains=("ownco.net",))), id="census-setting"),
        pytest.param(
            Config(classify=ClassifyConfig(own_domains=("mail.ownco.net",))), id="classify"
        ),
    ],
)
def test_owner_domain_is_not_an_organisation(config: Config) -> None:
    c = census(dump(), config=config)
    assert list(c.entities("organizations")["key"]) == ["fabrikam.de"]
    assert c.summary()["domains_not_counted"]["own"] == 1


def test_legal_form_names_count_and_merge_with_their_domain() -> None:
    from leakclf.domains import name_forms, org_facets
    from leakclf.privacy import digest

    def legal(name: str) -> Finding:
        return Finding(
            "ORGANIZATION",
            0,
            1,
            0.85,
            "pii.organization",
            digest(KEY, "ORGANIZATION", name.casefold()),
            "*",
            evidence=("pattern:legal-form",),
            facets=org_facets(KEY, name_forms(name)),
        )

    c = census(
        [
            result("a", [legal("Contoso Ltd"), email("jane.roe@contoso.com")]),
            result("b", [legal("Northwind GmbH"), org("Tailspin")]),
        ]
    )
    keys = sorted(c.entities("organizations")["key"])
    assert keys[0] == "contoso.com" and keys[1].startswith("name:") and len(keys) == 2
    assert len(c.entities("org_names")) == 1  # a name without a legal form or domain is not counted


@pytest.mark.parametrize(
    ("label", "name", "expected"),
    [
        pytest.param("fbrkm", "Fabrikam Electric Co", True, id="letters-in-order"),
        pytest.param("ww", "Woodgrove Wealth", True, id="initials"),
        pytest.param("nwtrd", "Northwind Traders", True, id="across-words"),
        pytest.param("fb", "Fabrikam", False, id="two-letters-not-initials"),
        pytest.param("xbrkm", "Fabrikam Electric Co", False, id="other-first-letter"),
        pytest.param("fbrkz", "Fabrikam Electric Co", False, id="a-letter-not-in-the-name"),
    ],
)
def test_abbreviates(label: str, name: str, expected: bool) -> None:
    from leakclf.domains import abbreviates

    assert abbreviates(label, name) is expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(
            "Universität Hamburg",
            "the University of Hamburg",
            True,
            id="german-english",
        ),
        pytest.param("Universidad de Sevilla", "Universidad de Sevilla", True, id="same"),
        pytest.param("University of Leeds", "University of York", False, id="two-schools"),
        pytest.param("Università di Torino", "University of Turin", False, id="city-translated"),
    ],
)
def test_institution_form(a: str, b: str, same: bool) -> None:
    from leakclf.domains import institution_form

    assert (institution_form(a) == institution_form(b)) is same
    assert institution_form("Contoso Ltd") is None
