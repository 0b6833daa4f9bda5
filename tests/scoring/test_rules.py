"""The rules of policy 2026.12.2, one table each: confidence minimum, whose data it is,
a person's identifiers, unread files and containers."""

from __future__ import annotations

from pathlib import Path

import pytest

from leakclf.config import Config, ScoreConfig
from leakclf.errors import ConfigError
from leakclf.model import DocumentResult, Finding
from leakclf.scoring import BUSINESS_PARTY, PERSON, Scorer
from leakclf.scoring.contents import with_contents
from leakclf.scoring.unread import unread_reason

SCORER = Scorer()


def finding(label: str, confidence: float = 0.9, digest: str = "d0", *evidence: str) -> Finding:
    return Finding(label, 0, 1, confidence, "t", digest, "*", evidence=evidence)


def business(label: str, confidence: float = 0.95, digest: str = "b0") -> Finding:
    return finding(label, confidence, digest, BUSINESS_PARTY)


def person(label: str, confidence: float = 0.95, digest: str = "p0") -> Finding:
    return finding(label, confidence, digest, PERSON)


@pytest.mark.parametrize(
    ("findings", "reasons"),
    [
        pytest.param([finding("US_ITIN", 0.4)], (), id="itin-0.40-scores-nothing"),
        pytest.param([finding("US_ITIN", 0.49)], (), id="just-below-minimum"),
        pytest.param([finding("US_ITIN", 0.5)], (("US_ITIN x1", 29),), id="at-minimum-half"),
        pytest.param([finding("US_ITIN", 1.0)], (("US_ITIN x1", 58),), id="full-confidence"),
        pytest.param(
            [finding("US_SSN", 0.3, "a"), finding("US_SSN", 0.3, "b")],
            (),
            id="volume-needs-scoring",
        ),
    ],
)
def test_contribution_scales_with_confidence(findings: list[Finding], reasons: tuple) -> None:
    assert SCORER.score("other", None, findings).reasons == reasons


@pytest.mark.parametrize(
    ("findings", "reasons"),
    [
        pytest.param(
            [business("IBAN_CODE", 1.0), business("SWIFT_CODE", 1.0, "b1")],
            (("IBAN_CODE x1 business, SWIFT_CODE x1 business unique", 12),),  # 10.5 + 6 x 0.25,
            id="issuer-bank-details-quarter",
        ),
        pytest.param(
            [person("IBAN_CODE", 1.0)], (("IBAN_CODE x1", 42),), id="employee-iban-in-full"
        ),
        pytest.param(
            [business("IBAN_CODE", 1.0), person("IBAN_CODE", 1.0, "p1")],
            (("IBAN_CODE x2 unique", 48),),
            id="person-wins-within-a-label",
        ),
        pytest.param(
            [business("PHONE_NUMBER", 1.0), business("EMAIL_ADDRESS", 1.0, "b1")],
            (("PHONE_NUMBER x1 business, EMAIL_ADDRESS x1 business unique", 2),),
            id="switchboard-and-info-mailbox",
        ),
    ],
)
def test_business_contact_data_counts_far_less(findings: list[Finding], reasons: tuple) -> None:
    assert SCORER.score("other", None, findings).reasons == reasons


@pytest.mark.parametrize(
    ("doc_type", "findings", "level"),
    [
        pytest.param(
            "other", [finding("PERSON"), person("US_SSN", 0.9)], "restricted", id="name-and-ssn"
        ),
        pytest.param(
            "invoice",
            [finding("PERSON"), person("NATIONAL_ID", 0.9)],
            "restricted",
            id="name-and-national-id-any-doc-type",
        ),
        pytest.param(
            "other", [finding("PERSON"), finding("CREDIT_CARD", 0.6)], "restricted", id="card"
        ),
        pytest.param(
            "other",
            [finding("PERSON"), person("US_BANK_NUMBER", 0.8)],
            "restricted",
            id="personal-bank-account",
        ),
        pytest.param("other", [person("US_SSN", 0.9)], "confidential", id="ssn-without-a-name"),
        pytest.param(
            "invoice",
            [finding("PERSON"), business("IBAN_CODE", 1.0)],
            "internal",
            id="issuer-iban-and-a-contact-name",
        ),
        pytest.param(
            "other",
            [finding("PERSON"), finding("US_ITIN", 0.4)],
            "public",
            id="unconfident-itin-is-no-identifier",
        ),
        pytest.param(
            "other",
            [finding("PERSON", 0.3), person("US_SSN", 0.9)],
            "confidential",
            id="unconfident-name",
        ),
    ],
)
def test_person_identifier_rule(doc_type: str, findings: list[Finding], level: str) -> None:
    got = SCORER.score(doc_type, None, findings)
    assert got.level == level
    assert sum(p for _, p in got.reasons) == got.score
    assert any(r.startswith("rule:person-identifier") for r, _ in got.reasons) == (
        level == "restricted"
    )


def test_unread_score_is_the_policy_level_floor() -> None:
    got = SCORER.unread("image-only")
    assert (got.score, got.level, got.reasons) == (15, "internal", (("unread:image-only", 15),))


@pytest.mark.parametrize(
    ("result", "text", "children", "reason"),
    [
        pytest.param(
            DocumentResult("a.pdf", media_type="application/pdf", size=9),
            "",
            False,
            "image-only",
            id="image-only-pdf",
        ),
        pytest.param(
            DocumentResult("a.pdf", media_type="application/pdf", size=9),
            " \n ",
            False,
            "image-only",
            id="whitespace-only",
        ),
        pytest.param(
            DocumentResult("a.pdf", media_type="application/pdf"), "x", False, None, id="read"
        ),
        pytest.param(
            DocumentResult(
                "pay.xls",
                status="unsupported",
                error_kind="UnsupportedFormat",
                media_type="application/vnd.ms-excel",
            ),
            "",
            False,
            "unsupported legacy .xls",
            id="legacy-xls",
        ),
        pytest.param(
            DocumentResult("pay.xls", status="unsupported", error_kind="UnsupportedFormat"),
            "",
            False,
            "unsupported legacy .xls",
            id="legacy-xls-by-name",
        ),
        pytest.param(
            DocumentResult("scan.png", status="unsupported", error_kind="UnsupportedFormat"),
            "",
            False,
            "image-only",
            id="image",
        ),
        pytest.param(
            DocumentResult("a.zip", size=9, status="error", error_kind="EncryptedFile"),
            "",
            False,
            "encrypted",
            id="encrypted",
        ),
        pytest.param(
            DocumentResult("a.pdf", size=9, status="error", error_kind="CorruptFile"),
            "",
            False,
            "corrupt",
            id="truncated",
        ),
        pytest.param(
            DocumentResult("a.pdf", status="error", error_kind="CorruptFile"),
            "words",
            False,
            None,
            id="partly-read-is-read",
        ),
        pytest.param(
            DocumentResult(
                "a.bin",
                status="skipped_limit",
                error_kind="LimitExceeded",
                limits_hit=("max_file_bytes",),
            ),
            "",
            False,
            "limit-hit (max_file_bytes)",
            id="limit-hit",
        ),
        pytest.param(
            DocumentResult("a.zip", media_type="application/zip", size=99),
            "",
            True,
            None,
            id="container-with-members",
        ),
        pytest.param(
            DocumentResult("e.txt", media_type="text/plain"),
            "",
            False,
            "empty file",
            id="empty-file",
        ),
        pytest.param(DocumentResult("d", status="duplicate"), "", False, None, id="duplicate"),
    ],
)
def test_unread_reason(
    result: DocumentResult, text: str, children: bool, reason: str | None
) -> None:
    assert unread_reason(result, text, has_children=children) == reason


def test_contents_are_the_highest_inside() -> None:
    rows = [
        DocumentResult("a.zip"),
        DocumentResult("a.zip!/m.eml", parent="a.zip", level="internal", score=20),
        DocumentResult("a.zip!/m.eml!/x.pdf", parent="a.zip!/m.eml", level="restricted", score=90),
        DocumentResult("a.zip!/n.txt", parent="a.zip", level="confidential", score=50),
    ]
    got = {r.source: (r.contents_level, r.contents_score) for r in with_contents(rows)}
    assert got == {
        "a.zip": ("restricted", 90),
        "a.zip!/m.eml": ("restricted", 90),
        "a.zip!/m.eml!/x.pdf": (None, None),
        "a.zip!/n.txt": (None, None),
    }


POLICY = """
version = "t"
[levels]
internal = 10
confidential = 20
restricted = 30
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param('[unread]\nlevel = "public"\n', "never shown as safe", id="unread-public"),
        pytest.param('[unread]\nlevel = "secret"\n', "must be one of", id="unread-unknown"),
        pytest.param("[subject]\nbusiness_party = 2\n", "from 0 to 1", id="factor-range"),
        pytest.param(
            '[rules.person_identifier]\nlabels = ["US_SNN"]\n',
            "unknown label 'US_SNN'",
            id="rule-label",
        ),
        pytest.param("min_confidence = -1\n", "from 0 to 1", id="min-confidence-range"),
    ],
)
def test_bad_rules_are_config_errors(tmp_path: Path, extra: str, message: str) -> None:
    path = tmp_path / "p.toml"
    text = (extra + POLICY) if not extra.startswith("[") else POLICY + extra
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        Scorer(Config(score=ScoreConfig(policy=str(path)))).check()


@pytest.mark.parametrize(
    ("findings", "level"),
    [
        pytest.param(
            [person("US_SSN", 0.55, f"s{i}") for i in range(3)],
            "restricted",
            id="three-ssns-without-names",
        ),
        pytest.param(
            [person("US_SSN", 0.55, f"s{i}") for i in range(2)], "confidential", id="two-ssns"
        ),
        pytest.param(
            [person("US_SSN", 0.55, "s0") for _ in range(5)], "internal", id="one-ssn-five-times"
        ),
        pytest.param(
            [business("IBAN_CODE", 1.0, f"b{i}") for i in range(5)],
            "public",
            id="business-ibans-are-no-list",
        ),
    ],
)
def test_a_list_of_identifiers_is_restricted(findings: list[Finding], level: str) -> None:
    assert SCORER.score("other", None, findings).level == level


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            DocumentResult(
                "k.p12",
                media_type="application/x-keystore",
                size=9,
                score=76,
                level="restricted",
                reasons=(("SECRET_KEY_FILE x1", 76),),
            ),
            (76, "restricted", (("SECRET_KEY_FILE x1", 76), ("unread:encrypted", 0))),
            id="keystore-keeps-its-finding",
        ),
        pytest.param(
            DocumentResult(
                "s.pdf",
                media_type="application/pdf",
                size=9,
                score=6,
                level="public",
                reasons=(("doc_type:correspondence", 6),),
            ),
            (15, "internal", (("doc_type:correspondence", 6), ("unread:image-only", 9))),
            id="lifted-to-the-floor",
        ),
    ],
)
def test_mark_unread_keeps_what_was_found(before: DocumentResult, after: tuple) -> None:
    from leakclf.scoring.unread import mark_unread

    got = mark_unread(before, "", SCORER)
    assert (got.score, got.level, got.reasons) == after
    assert sum(p for _, p in got.reasons) == got.score
