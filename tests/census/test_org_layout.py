"""Organisations counted where they act, through the real detectors (NER included): schools and
employers in a résumé, contract parties, signatures and fields; banks in payment details and
parts of an organisation are not counted; one university written in two languages is one."""

from __future__ import annotations

import pytest

from leakclf.census import census
from leakclf.config import Config
from leakclf.detectors import DetectorSet
from leakclf.model import Finding

from .helpers import KEY, result


@pytest.fixture(scope="module")
def det() -> DetectorSet:
    return DetectorSet(Config(key=KEY, reveal=True))


def counted(det: DetectorSet, *texts: str) -> int:
    docs = [result(f"d{i}.txt", det.detect(t).findings) for i, t in enumerate(texts)]
    return int(census(docs).summary()["entities"]["organizations"]["unique"])


def orgs(det: DetectorSet, text: str) -> list[Finding]:
    return [f for f in det.detect(text).findings if f.label == "ORGANIZATION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Jane Roe\nEducation\nUniversidad de Sevilla 2019 - 2020\n"
            "Universidade Federal de Minas Gerais 2013 - 2018\nUniversità di Bologna\n",
            3,
            id="universities-three-languages",
        ),
        pytest.param(
            "Experience\nCONTOSO | SOFTWARE ENGINEERING INTERN\nMay 2013 - Aug 2013\n"
            "Proseware - Embedded Systems Engineer\nRecife, March 2018 - July 2019\n",
            2,
            id="resume-employer-beside-a-job-title",
        ),
        pytest.param(
            "This Agreement is made by and between Tailspin Toys and Wide World\nImporters. "
            "The parties agree as follows.",
            2,
            id="contract-parties-wrapped",
        ),
        pytest.param(
            "Agreed on 2/9/99 /s/ Jane Roe ---------- Jane Roe for Blue Yonder Airlines",
            1,
            id="person-signs-for-a-company",
        ),
        pytest.param(
            "Client: TS Security Solution\nPenetration Testing Provider: LucernePublishing\n",
            2,
            id="client-and-provider-fields",
        ),
        pytest.param(
            "I also hold a Teaching Assistant position at Contoso University, and my "
            "faculty is the College of Engineering.",
            1,
            id="a-college-of-a-named-university-is-part-of-it",
        ),
        pytest.param(
            "Fabrikam GmbH Hauptstr. 5 | 10115 Berlin Bankverbindung:\n"
            "Geschäftsführer: Jane Roe Northwind Bank AG Berlin\n"
            "IBAN: DE89 3704 0044 0532 0130 00 BIC: COBADEFFXXX\n",
            1,
            id="bank-in-payment-details-not-counted",
        ),
        pytest.param(
            "Member of the Stellar Dynamics Science Working Group since 2020.", 0, id="a-unit"
        ),
        pytest.param(
            "Deal cancelled.\nProduct: NG Firm Phys, Northwind Gas Transmission Corp\n",
            0,
            id="a-company-in-a-product-field",
        ),
        pytest.param(
            "Invoice\n\nProseware\n26 rue des Lilas\n69003 Lyon\n",
            1,
            id="letterhead-above-a-street",
        ),
        pytest.param(
            "AWARDS\n2014 top 52/2500 Engineering Fellow\n", 0, id="near-miss-a-year-is-no-street"
        ),
        pytest.param(
            "Quote\n\nPriya\n14 Station Road\nLeeds\n", 0, id="near-miss-a-given-name-over-a-street"
        ),
        pytest.param(
            "Billing Address\n12 Harbour Road\nBristol\n", 0, id="near-miss-a-heading-over-a-street"
        ),
        pytest.param(
            "I also work part-time at Northwind Grocery to pay the rent.",
            1,
            id="employer-in-prose",
        ),
        pytest.param(
            "Kind regards,\nJane Roe, IBM, USA\n", 1, id="affiliation-after-a-signature-name"
        ),
        pytest.param(
            "Bob Ray and I met with Litware Associates in Leeds yesterday.",
            1,
            id="a-party-to-a-meeting",
        ),
        pytest.param(
            "This agreement is made by and between the Company and the Consultant.",
            0,
            id="near-miss-roles-not-names",
        ),
        pytest.param("Client: Jane Roe\nDate: 1 May 2024\n", 0, id="near-miss-a-person-field"),
        pytest.param(
            "The adapter talks between UniCenter TNG and IPNet Connect over TCP.",
            0,
            id="near-miss-between-in-prose",
        ),
        pytest.param(
            "Auftraggeber: Hr. Roe\nTelefon: 089 1234\n", 0, id="near-miss-a-german-honorific"
        ),
        pytest.param(
            "Kunde\nRevision History.............................2\n12 Harbour Road\nBristol\n",
            0,
            id="near-miss-contents-dot-leaders",
        ),
        pytest.param("Sample Company\n12 Harbour Road\nBristol\n", 0, id="near-miss-a-template"),
        pytest.param("Supplier: REFRIMAT05\nQty: 4\n", 0, id="near-miss-a-product-code"),
        pytest.param(
            "The Data Processor shall notify the Data Controller.\n\n"
            "Signed for and on behalf of the Data Processor's\n",
            0,
            id="near-miss-contract-roles",
        ),
    ],
)
def test_organisations_where_they_act(det: DetectorSet, text: str, expected: int) -> None:
    assert counted(det, text) == expected, [(f.value, f.evidence) for f in orgs(det, text)]


def test_one_university_in_two_languages_is_one(det: DetectorSet) -> None:
    cv = "Studies\n01/10/2018 Master of Science\nUniversität Hamburg\n"
    letter = "I completed my degree at the University of Hamburg in August 2017."
    assert counted(det, cv, letter) == 1
    assert counted(det, cv, "I studied at the University of Leeds.") == 2


def test_a_company_merges_with_the_domain_that_abbreviates_it(det: DetectorSet) -> None:
    text = "Thank you.\nJane Roe\nVP Planning\nFabrikam Electric Co:\njane.roe@fbrkm.com\n"
    assert counted(det, text) == 1
    assert counted(det, "Fabrikam Electric Co: our supplier.\njane.roe@fbrkm.com\n") == 1
    # a two-letter label is no abbreviation unless it is the name's initials
    assert counted(det, "Fabrikam Industries Ltd\njane@fb.com\n") == 2


def test_contract_roles_are_no_organisation() -> None:
    from leakclf.detectors.noise import is_noise

    for role in ("the Data Processor’s", "The Data Controller", "Licensee", "sub-processor"):
        assert is_noise("ORGANIZATION", role), role
    assert not is_noise("ORGANIZATION", "Contoso Data Processing")
