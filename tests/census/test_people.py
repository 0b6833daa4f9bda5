"""Person resolution: which mentions are one person, which stay apart, and the bounds N and M."""

from __future__ import annotations

import pytest

from leakclf.census import census

from .helpers import email, named, result


def clusters(*findings):  # type: ignore[no-untyped-def]
    c = census([result(f"d{i}.txt", [f]) for i, f in enumerate(findings)])
    return c


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(["Jane Roe", "jane roe", "JANE ROE"], 1, id="case"),
        pytest.param(["Jane Roe", "Roe, Jane"], 1, id="last-first"),
        pytest.param(["José Müller", "Jose Muller"], 1, id="diacritics"),
        pytest.param(["Dr. Jane Roe", "Mrs Jane Roe", "Jane Roe, PhD"], 1, id="titles"),
        pytest.param(["Jane Roe", "Jane A. Roe", "Roe, Jane A."], 1, id="middle-initial"),
        pytest.param(["Jane Roe", "J. Roe"], 1, id="initial-joins-the-one-full-name"),
        pytest.param(["Jane Roe", "Brad Holt", "Brad Holt'"], 2, id="possessive"),
        pytest.param(["Jane Roe", "Jane Doe"], 2, id="same-first-name-apart"),
        pytest.param(["Jane Roe", "Mark Roe"], 2, id="same-last-name-apart"),
        pytest.param(["Jane Roe", "John Roe", "J. Roe"], 3, id="ambiguous-initial-apart"),
        pytest.param(["Jane Roe", "Jane Roeder"], 2, id="near-surname-apart"),
        pytest.param(["Kim Lee", "Lee Kim"], 2, id="swapped-without-comma-apart"),
    ],
)
def test_resolution_table(names: list[str], expected: int) -> None:
    assert clusters(*(named(n) for n in names)).persons()["up_to"] == expected


@pytest.mark.parametrize(
    ("name", "address"),
    [
        pytest.param("Jane Roe", "jane.roe@contoso.com", id="first.last"),
        pytest.param("Jane Roe", "Jane_Roe@contoso.com", id="underscore-case"),
        pytest.param("Jane Roe", "j.roe@contoso.com", id="initial-local-part"),
        pytest.param(
            "Tristan van de Pavert", "tristan.vandepavert@contoso.nl", id="joined-surname"
        ),
        pytest.param("Hans-Friedrich Peukert", "hansfriedrich.peukert@x.de", id="hyphen-dropped"),
    ],
)
def test_address_links_to_the_name_it_spells(name: str, address: str) -> None:
    c = clusters(named(name), email(address))
    assert c.persons() == {"at_least": 1, "up_to": 1, "linked_to_email": 1}
    assert c.people_frame()["organization"].tolist() == [address.rsplit("@", 1)[1]]


def test_address_that_spells_another_name_stays_apart() -> None:
    c = clusters(named("Jane Roe"), email("mark.roe@contoso.com"))
    assert c.persons() == {"at_least": 0, "up_to": 1, "linked_to_email": 0}


def test_header_display_name_links_any_address() -> None:
    # "Jane Roe <jr4711@contoso.com>": the local part spells nothing, the layout links them
    shown = named("Jane Roe", ctx="header", shown_email="jr4711@contoso.com")
    c = clusters(shown, email("jr4711@contoso.com"))
    assert c.persons() == {"at_least": 1, "up_to": 1, "linked_to_email": 1}


@pytest.mark.parametrize(
    ("finding", "corroborated"),
    [
        pytest.param(named("Jane Roe", ctx="header"), True, id="header"),
        pytest.param(named("Jane Roe", ctx="salutation"), True, id="salutation"),
        pytest.param(named("Jane Roe", ctx="field"), True, id="name-field"),
        pytest.param(named("Jane Roe"), False, id="running-text"),
        pytest.param(named("J. Roe", ctx="header"), False, id="initial-is-not-a-full-name"),
    ],
)
def test_corroboration(finding, corroborated: bool) -> None:  # type: ignore[no-untyped-def]
    c = clusters(finding)
    assert c.persons()["at_least"] == int(corroborated)
    assert c.persons()["up_to"] == 1


def test_lone_first_or_last_names_are_no_cluster() -> None:
    from leakclf.model import Finding

    partial = Finding("PERSON", 0, 1, 0.8, "ner", "d", "B****", facets=(("name", "partial"),))
    assert clusters(partial).persons()["up_to"] == 0
