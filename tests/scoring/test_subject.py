"""Whose data is it: one case per cue, on text written the way real documents lay it out."""

from __future__ import annotations

import hashlib

import pytest

from leakclf.model import Document, Finding
from leakclf.scoring.subject import assign

FILLER = "\n".join(f"Line {i}: item description and quantity" for i in range(20)) + "\n"


def subject_of(
    text: str, value: str, label: str, doc_type: str, *orgs: str, uncertain: bool = False
) -> tuple[str, ...]:
    doc = Document(
        "d.txt", None, "text/plain", text, hashlib.sha256(text.encode()).hexdigest(), len(text)
    )
    at = text.index(value)
    found = [Finding(label, at, at + len(value), 0.9, "t", "d", "*")]
    for org in orgs:
        o = text.index(org)
        found.append(Finding("ORGANIZATION", o, o + len(org), 0.9, "t", "o", "*"))
    got = assign(doc, doc_type, found, uncertain=uncertain)[0]
    return tuple(e for e in got.evidence if e.startswith("subject"))


BIZ = "subject:business-party"
PER = "subject:person"


@pytest.mark.parametrize(
    ("text", "value", "label", "doc_type", "orgs", "expected"),
    [
        pytest.param(
            "SSN: 123-45-6789",
            "123-45-6789",
            "US_SSN",
            "invoice",
            (),
            (PER,),
            id="ssn-always-person",
        ),
        pytest.param(
            "VAT DE123456789",
            "DE123456789",
            "VAT_ID",
            "other",
            (),
            (BIZ,),
            id="vat-always-business",
        ),
        pytest.param(
            FILLER + "Bank details\nIBAN: DE89 3704 0044 0532 0130 00\n" + FILLER,
            "DE89 3704 0044 0532 0130 00",
            "IBAN_CODE",
            "invoice",
            (),
            (BIZ, "subject-cue:business-block"),
            id="iban-in-bank-details-block",
        ),
        pytest.param(
            FILLER + "Remit to: Acme\nAccount 12345678\n" + FILLER,
            "12345678",
            "US_BANK_NUMBER",
            "other",
            (),
            (BIZ, "subject-cue:business-block"),
            id="remit-to-any-doc-type",
        ),
        pytest.param(
            FILLER + "Employee direct deposit\nIBAN DE89 3704 0044 0532 0130 00\n" + FILLER,
            "DE89 3704 0044 0532 0130 00",
            "IBAN_CODE",
            "invoice",
            (),
            (PER, "subject-cue:personal-label"),
            id="employee-iban-on-a-business-doc",
        ),
        pytest.param(
            FILLER + "IBAN DE89 3704 0044 0532 0130 00\n" + FILLER,
            "DE89 3704 0044 0532 0130 00",
            "IBAN_CODE",
            "invoice",
            (),
            (BIZ, "subject-cue:issuer-bank-details"),
            id="invoice-bank-default",
        ),
        pytest.param(
            FILLER + "IBAN DE89 3704 0044 0532 0130 00\n" + FILLER,
            "DE89 3704 0044 0532 0130 00",
            "IBAN_CODE",
            "other",
            (),
            (PER,),
            id="other-doc-bank-default-person",
        ),
        pytest.param(
            FILLER + "Write to info@acme.example for questions\n" + FILLER,
            "info@acme.example",
            "EMAIL_ADDRESS",
            "other",
            (),
            (BIZ, "subject-cue:role-mailbox"),
            id="role-mailbox",
        ),
        pytest.param(
            FILLER + "Write to jane.doe@acme.example for questions\n" + FILLER,
            "jane.doe@acme.example",
            "EMAIL_ADDRESS",
            "other",
            (),
            (PER,),
            id="personal-mailbox",
        ),
        pytest.param(
            "Acme Ltd, 1 High St, tel 01632 960123\n" + FILLER,
            "01632 960123",
            "PHONE_NUMBER",
            "invoice",
            (),
            (BIZ, "subject-cue:issuer-name"),
            id="legal-form-on-the-line",
        ),
        pytest.param(
            FILLER + "Contoso 555-0100\n" + FILLER,
            "555-0100",
            "PHONE_NUMBER",
            "other",
            ("Contoso",),
            (BIZ, "subject-cue:issuer-name"),
            id="organisation-on-line",
        ),
        pytest.param(
            "tel 01632 960123\n" + FILLER,
            "01632 960123",
            "PHONE_NUMBER",
            "quote",
            (),
            (BIZ, "subject-cue:letterhead-or-footer"),
            id="letterhead",
        ),
        pytest.param(
            FILLER + FILLER + "Jane mobile: 07700 900123\n" + FILLER + FILLER,
            "07700 900123",
            "PHONE_NUMBER",
            "invoice",
            (),
            (PER, "subject-cue:personal-label"),
            id="mobile-label",
        ),
        pytest.param(
            "tel 01632 960123\n" + FILLER,
            "01632 960123",
            "PHONE_NUMBER",
            "resume",
            (),
            (PER, "subject-cue:resume"),
            id="resume-all-personal",
        ),
        pytest.param(
            "tel 01632 960123\n" + FILLER,
            "01632 960123",
            "PHONE_NUMBER",
            "other",
            (),
            (PER,),
            id="top-of-other-doc",
        ),
        pytest.param("Call Jane", "Jane", "PERSON", "invoice", (), (), id="person-not-decided"),
    ],
)
def test_subject(
    text: str,
    value: str,
    label: str,
    doc_type: str,
    orgs: tuple[str, ...],
    expected: tuple[str, ...],
) -> None:
    assert subject_of(text, value, label, doc_type, *orgs) == expected


def test_an_unsure_resume_is_not_all_personal() -> None:
    text = "Acme Ltd, tel 01632 960123\n" + FILLER
    assert subject_of(text, "01632 960123", "PHONE_NUMBER", "resume") == (PER, "subject-cue:resume")
    assert subject_of(text, "01632 960123", "PHONE_NUMBER", "resume", uncertain=True) == (
        BIZ,
        "subject-cue:issuer-name",
    )
