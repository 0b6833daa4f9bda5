"""People the layout names (mail headers, person fields, author lines, names an address spells),
the context each PERSON stands in, and NER noise that must not be corroborated."""

from __future__ import annotations

import pytest

from leakclf.detectors import DetectorSet
from leakclf.detectors.people_context import context


def people(det: DetectorSet, text: str) -> dict[str, str | None]:
    """PERSON value -> its ("ctx", kind) facet."""
    return {f.value or "": f.facet("ctx") for f in det.detect(text).findings if f.label == "PERSON"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "To: Kapoor, Rohan; Wilks, Terrence; Moreira, Ana W.\nSubject: Update\n\nHi all",
            {"Kapoor, Rohan": "header", "Wilks, Terrence": "header", "Moreira, Ana W.": "header"},
            id="header-last-first-list",
        ),
        pytest.param(
            "Cc: Dan Miller <dmiller@contoso-energy.com>\n\nNotes follow.",
            {"Dan Miller": "header"},
            id="header-display-name",
        ),
        pytest.param(
            "Billing Contact:\nName: Thomas Brandt\nInvoice total: 40 USD",
            {"Thomas Brandt": "field"},
            id="name-field",
        ),
        pytest.param(
            "By: /s/ Todd Marsh\nTitle: CEO",
            {"Todd Marsh": "field"},
            id="signed-by-field",
        ),
        pytest.param(
            "Her info is as follows: Helen Chen - hchen@gsb.northwind.edu.",
            {"Helen Chen": "known-name"},
            id="name-an-address-spells",
        ),
        pytest.param("Dear Immigration Officer,\nI am writing to you.", {}, id="role-salutation"),
        pytest.param("Dear Potential Gas Supplier\n\nAs some of you know", {}, id="heading-phrase"),
    ],
)
def test_layout_people(with_ner: DetectorSet, text: str, expected: dict[str, str | None]) -> None:
    assert people(with_ner, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Skills: Yocto Linux, Altium Designer, Kuka Robots, Android Studio", id="skills"
        ),
        pytest.param("Licensee\tCopy B.\tAmount\nContoso\t1\t20", id="column-headers"),
        pytest.param("[1] A. Rao, D. Kim, and A. Patel. Atlas. ICRA, in press.", id="citation"),
        pytest.param("Shipped from Düsseldorf Benrath to North Bonnie, SC 25125.", id="places"),
        pytest.param(
            "Deliveries go to avenue Daniel Roe in Lyon.", id="street-named-after-a-person"
        ),
        pytest.param(
            "Order\nPO Number: 35654\nOrder Date: 2021-08-02\nFlat 79m\nRuth Hill\nBurgessland\n",
            id="address-line",
        ),
        pytest.param(
            "Invoice No. 5\nCustomer No.: 83889\nAmount Due: EUR 19,800.00\nShroff Pvt Ltd\n840\n"
            "Maya Patel, Moradabad 610033\n",
            id="street-town-postcode",
        ),
        pytest.param("Implementation Roadmap\nVersion 2, March 2024\n", id="title-line"),
        pytest.param("Contact: van Roe\nPhone: see below\n", id="particle-and-surname-only"),
    ],
)
def test_noise_is_never_corroborated(with_ner: DetectorSet, text: str) -> None:
    assert all(ctx is None for ctx in people(with_ner, text).values())


@pytest.mark.parametrize(
    ("text", "org", "counted"),
    [
        pytest.param(
            "between Contoso Pharma,\nInc., a Delaware corporation",
            "Contoso Pharma,\nInc.",
            True,
            id="legal-form-across-lines",
        ),
        pytest.param("Skills: SCADA, PLC, HMI", "SCADA, PLC", False, id="controller-not-company"),
        pytest.param(
            "Provided by Global Consulting Pvt Ltd.",
            "Global Consulting Pvt Ltd",
            False,
            id="generic-fragment",
        ),
    ],
)
def test_organisation_shapes(with_ner: DetectorSet, text: str, org: str, counted: bool) -> None:
    from leakclf.census.entities import LEGAL_FORM_EVIDENCE

    found = {
        (f.value or "").rstrip("."): bool(LEGAL_FORM_EVIDENCE & set(f.evidence))
        for f in with_ner.detect(text).findings
        if f.label == "ORGANIZATION"
    }
    assert found.get(org.rstrip("."), False) is counted


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe, Vice President of Sales",
        "Jane Roe, Managing Director",
        "Jane Roe (Vice President)",
        "Our managing director Jane Roe signed.",
    ],
)
def test_roles_of_two_words_are_roles(text: str) -> None:
    start = text.index("Jane Roe")
    assert context(text, start, start + len("Jane Roe")) == "role"
