"""The census on results built in code: counts, links, organisations, privacy."""

from __future__ import annotations

import json

import pytest

import leakclf
from leakclf.census import census
from leakclf.config import CensusConfig, ClassifyConfig, Config
from leakclf.errors import ConfigError
from leakclf.privacy import mask

from .helpers import email, labelled, org, person, phone, result

ADDRESSES = ["jane.doe@contoso.com", "Jane.Doe+news@Contoso.com", "bob.ray@fabrikam.de"]


def dump() -> list:
    return [
        result(
            "a.eml",
            [
                email(ADDRESSES[0]),
                person("Jane Doe"),
                org("Contoso Ltd"),
                phone("+4915123456789", "DE"),
            ],
            doc_type="correspondence",
            level="internal",
            score=20,
            doc_date="2024-02-01",
        ),
        result(
            "a.eml!/sow.pdf",
            [
                email(ADDRESSES[1]),
                person("Doe, Jane"),
                person("Bob Ray"),
                labelled("PROJECT", "Falcon Migration"),
            ],
            doc_type="sow",
            level="confidential",
            score=55,
            doc_date="2024-01-15",
        ),
        result(
            "b.txt",
            [
                email(ADDRESSES[2]),
                org("Fabrikam GmbH"),
                org("Acme Widgets"),
                labelled("IBAN_CODE", "DE89370400440532013000", country="DE"),
            ],
            doc_type="invoice",
            level="restricted",
            score=80,
        ),
        result("c.txt", [email("ops@ownco.net"), org("Ownco Inc")]),
    ]


def test_counts_table() -> None:
    got = {row.pop("kind"): row for row in census(dump()).counts()}
    assert got == {
        "emails": {"mentions": 4, "unique": 3, "documents": 4},
        "phones": {"mentions": 1, "unique": 1, "documents": 1},
        # both people are linked to their address: corroborated, N = M
        "persons": {"mentions": 3, "unique": 2, "up_to": 2, "documents": 2},
        # four ORGANIZATION names are mentions; Acme Widgets matches no domain (not unique)
        "organizations": {"mentions": 4, "unique": 3, "documents": 4},
        "projects": {"mentions": 1, "unique": 1, "documents": 1},
        # DE from the phone and the .de address; the IBAN's country is a bank's, not counted
        "countries": {"mentions": 2, "unique": 1, "documents": 2},
    }


def test_persons_link_to_their_email() -> None:
    persons = census(dump()).entities("persons")
    assert sorted(persons["linked_emails"]) == [1, 1]  # jane.doe@ and bob.ray@
    assert census(dump()).summary()["persons_linked_to_email"] == 2


def test_org_names_merge_into_domains() -> None:
    c = census(dump())
    orgs = c.entities("organizations").set_index("key")
    # names are shown masked: NER sometimes calls a person an organisation
    assert orgs.loc["contoso.com", "names"] == [mask("Contoso Ltd")]
    assert orgs.loc["fabrikam.de", "names"] == [mask("Fabrikam GmbH")]
    assert list(c.entities("org_names")["preview"]) == [mask("Acme Widgets")]


def test_exposure_rows_exclude_own_domains() -> None:
    config = Config(classify=ClassifyConfig(own_domains=("mail.ownco.net",)))
    rows = census(dump(), config=config).organizations()
    assert list(rows["organization"]) == ["contoso.com", "fabrikam.de"]
    contoso = rows.iloc[0]
    assert (contoso["documents"], contoso["unique_people"], contoso["max_score"]) == (2, 1, 55)
    assert (contoso["first_date"], contoso["last_date"]) == ("2024-01-15", "2024-02-01")
    assert (contoso["level_internal"], contoso["level_confidential"], contoso["type_sow"]) == (
        1,
        1,
        1,
    )


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        pytest.param(1, ["contoso.com", "fabrikam.de", "ownco.net"], id="k1-all"),
        pytest.param(2, [], id="k2-single-person-rows-hidden"),
    ],
)
def test_k_threshold(k: int, expected: list[str]) -> None:
    c = census(dump(), config=Config(census=CensusConfig(k_threshold=k)))
    assert list(c.organizations().get("organization", [])) == expected
    assert c.summary()["organizations_suppressed"] == 3 - len(expected)


def test_nothing_raw_unless_revealed() -> None:
    docs = [r.replace(findings=tuple(email(a, reveal=True) for a in ADDRESSES)) for r in dump()[:1]]
    hidden = census(docs)
    shown = census(docs, reveal=True)
    text = hidden.to_json() + hidden.table() + hidden._repr_html_() + repr(hidden)
    text += hidden.entities("emails").to_string()
    assert not any(a.split("@")[0].casefold() in text.casefold() for a in ADDRESSES)
    assert "value" not in hidden.entities("emails")
    assert set(shown.entities("emails")["value"]) == {ADDRESSES[0], ADDRESSES[2]}


def test_duplicates_and_summary() -> None:
    docs = [
        result("x.pdf", text="same words here", sha256="1"),
        result("x.docx", text="Same  words here", sha256="2"),
    ]
    c = census(docs)
    assert c.summary()["documents"] == {
        "files": 2,
        "documents": 2,
        "unique_bytes": 2,
        "unique_text": 1,
        "near_dup_clusters": 0,
        "unique_after_near_dup": 1,
        "near_dup_threshold": 0.8,
    }
    assert c.duplicates().to_dict("records") == [
        {"source": "x.pdf", "same_bytes_as": None, "same_text_as": None, "cluster": 0},
        {"source": "x.docx", "same_bytes_as": None, "same_text_as": "x.pdf", "cluster": 0},
    ]


def test_documents_and_files_are_counted_apart() -> None:
    docs = [
        result("mail.eml", text="a mail with an attachment", sha256="1"),
        result("mail.eml!/a.pdf", text="the attachment", sha256="2", parent="mail.eml"),
        result("notes.txt", text="other words entirely", sha256="3"),
    ]
    summary = census(docs).summary()["documents"]
    assert (summary["documents"], summary["files"]) == (3, 2)


def test_json_round_trip_and_public_call(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "census.json"
    c = leakclf.census(dump())  # the package stays callable after its submodules load
    c.to_json(out)
    data = json.loads(out.read_text())
    assert data["summary"]["entities"]["emails"]["unique"] == 3
    assert {"summary", "organizations", "entities"} <= set(data)


def test_unknown_kind_lists_valid_ones() -> None:
    with pytest.raises(ConfigError, match="expected one of .*emails"):
        census(dump()).entities("email")


def test_empty_input() -> None:
    c = census([])
    assert c.summary()["documents"]["files"] == 0
    assert c.organizations().empty and c.entities("emails").empty
