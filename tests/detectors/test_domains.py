"""Offline registrable domains and ccTLD countries."""

from __future__ import annotations

import pytest

from leakclf.domains import name_forms, public_suffix, registrable_domain, tld_country


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        pytest.param("mail.contoso.co.uk", "contoso.co.uk", id="co-uk"),
        pytest.param("WWW.Fabrikam.COM.", "fabrikam.com", id="case-and-dot"),
        pytest.param("jane@sub.example.com.au", "example.com.au", id="email"),
        pytest.param("portal.contoso.com:8443/x", "contoso.com", id="port-path"),
        pytest.param("localhost", "localhost", id="no-suffix"),
        pytest.param("", "", id="empty"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


@pytest.mark.parametrize(
    ("host", "country"),
    [
        pytest.param("contoso.co.uk", "GB", id="uk-is-gb"),
        pytest.param("firma.de", "DE", id="de"),
        pytest.param("contoso.com", None, id="generic"),
        pytest.param("startup.io", None, id="io-is-not-a-country"),
        pytest.param("x.eu", None, id="eu"),
    ],
)
def test_tld_country(host: str, country: str | None) -> None:
    assert tld_country(host) == country


def test_public_suffix_offline() -> None:
    assert public_suffix("a.b.co.uk") == "co.uk" and public_suffix("db.internal") == ""


def test_name_forms_cached_but_each_caller_gets_its_own_list() -> None:
    first = name_forms("Acme Group Ltd")
    first.append("changed")
    assert name_forms("Acme Group Ltd") == ["acmegroup", "acme"]
