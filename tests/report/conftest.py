"""Fixtures for the report tests: small fake result sets built in code (no real data)."""

from __future__ import annotations

import pytest

from leakclf.model import DocumentResult, Finding

HOSTILE = "<script>alert(1)</script>.pdf"
SECRET = "jane.doe@contoso.com"  # a raw value: must never appear in any output


def finding(label: str, digest: str, preview: str, **facets: str) -> Finding:
    return Finding(
        label=label,
        start=0,
        end=5,
        confidence=0.9,
        detector=f"{label.lower()}/1",
        digest=digest,
        preview=preview,
        facets=tuple(sorted(facets.items())),
    )


def make_results() -> list[DocumentResult]:
    email = finding("EMAIL_ADDRESS", "d-jane", "j***@contoso.com", domain="contoso.com")
    email2 = finding("EMAIL_ADDRESS", "d-bob", "b**@fabrikam.com", domain="fabrikam.com")
    card = finding("CREDIT_CARD", "d-card", "**** **** **** 1111")
    iban = finding("IBAN_CODE", "d-iban", "DE** **** **** **** **00", country="DE", org="Fabrikam")
    revealed = Finding(
        label="EMAIL_ADDRESS",
        start=0,
        end=5,
        confidence=0.9,
        detector="email/1",
        digest="d-jane",
        preview="j***@contoso.com",
        facets=(("domain", "contoso.com"),),
        value=SECRET,
    )
    return [
        DocumentResult(
            source="dump/invoices/inv-001.pdf",
            doc_type="invoice",
            doc_type_confidence=0.93,
            doc_type_uncertain=False,
            level="restricted",
            score=90,
            reasons=(("payment card number", 60), ("signed", 30)),
            findings=(card, email, email),
            signed=True,
        ),
        DocumentResult(
            source=f"dump/{HOSTILE}",
            doc_type="contract",
            level="confidential",
            score=55,
            reasons=(("bank account", 55),),
            findings=(iban, email2),
        ),
        DocumentResult(
            source="dump/mail.eml",
            doc_type="correspondence",
            level="internal",
            score=20,
            reasons=(("internal mail", 20),),
            findings=(revealed,),
        ),
        DocumentResult(
            source="dump/mail.eml!/copy.pdf",
            parent="dump/mail.eml",
            status="duplicate",
            duplicate_of="dump/invoices/inv-001.pdf",
            doc_type="invoice",
            level="restricted",
            score=90,
            reasons=(("payment card number", 60),),
            findings=(card,),
        ),
        DocumentResult(source="dump/notes.txt", doc_type="internal_note"),
        DocumentResult(
            source="dump/broken.docx",
            status="error",
            error_kind="CorruptFile",
            error_message="dump/broken.docx: truncated zip",
        ),
    ]


@pytest.fixture(scope="session")
def results() -> list[DocumentResult]:
    return make_results()  # frozen values: safe to share


@pytest.fixture(scope="session")
def hostile() -> str:
    return HOSTILE


@pytest.fixture(scope="session")
def secret() -> str:
    return SECRET
