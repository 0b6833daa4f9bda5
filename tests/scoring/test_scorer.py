"""Scorer: the orderings of issue 5, reasons that sum to the score, and the policy file."""

from __future__ import annotations

from pathlib import Path

import pytest

from leakclf.config import Config, ScoreConfig
from leakclf.errors import ConfigError
from leakclf.model import DOC_TYPES, LEVELS, Finding
from leakclf.scoring import Scorer
from leakclf.scoring.policy import known_labels, load_policy

SCORER = Scorer()


def finding(label: str, digest: str = "d0", confidence: float = 0.95, **facets: str) -> Finding:
    return Finding(label, 0, 1, confidence, "test", digest, "*", facets=tuple(facets.items()))


def many(label: str, n: int, confidence: float = 0.9) -> list[Finding]:
    return [finding(label, f"{label}-{i}", confidence) for i in range(n)]


def level_at_least(level: str, floor: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(floor)


@pytest.mark.parametrize(
    ("doc_type", "findings"),
    [
        pytest.param("other", [finding("SECRET_PRIVATE_KEY", confidence=0.9)], id="private-key"),
        pytest.param(
            "other", [finding("SECRET_AZURE_STORAGE_KEY", confidence=0.9)], id="azure-storage-key"
        ),
        pytest.param(
            "other", [finding("SECRET_AWS_SECRET_KEY", confidence=0.9)], id="aws-secret-key"
        ),
        pytest.param("other", [finding("CREDIT_CARD", confidence=0.9)], id="card-number"),
        pytest.param("correspondence", [finding("CREDIT_CARD", confidence=1.0)], id="card-in-mail"),
    ],
)
def test_valid_key_or_card_is_restricted(doc_type: str, findings: list[Finding]) -> None:
    assert SCORER.score(doc_type, None, findings).level == "restricted"


@pytest.mark.parametrize(
    ("high", "low"),
    [
        pytest.param(
            ("sow", True, many("PERSON", 3) + many("EMAIL_ADDRESS", 2)),
            ("sow", False, many("PERSON", 3) + many("EMAIL_ADDRESS", 2)),
            id="signed-sow-above-unsigned",
        ),
        pytest.param(
            ("contract", True, many("PERSON", 4)),
            ("contract", False, many("PERSON", 4)),
            id="signed-contract-above-unsigned",
        ),
        pytest.param(
            ("invoice", None, [finding("IBAN_CODE")] + many("EMAIL_ADDRESS", 1)),
            ("invoice", None, many("EMAIL_ADDRESS", 1)),
            id="invoice-with-iban-above-without",
        ),
        pytest.param(
            ("other", None, [finding("US_SSN")]),
            ("other", None, many("EMAIL_ADDRESS", 50) + many("PHONE_NUMBER", 50)),
            id="national-id-above-contacts",
        ),
        pytest.param(
            ("other", None, [finding("CREDIT_CARD")]),
            ("other", None, [finding("US_SSN")]),
            id="payment-above-national-id",
        ),
        pytest.param(
            ("other", None, many("EMAIL_ADDRESS", 1)),
            ("other", None, many("PERSON", 1)),
            id="contact-above-names",
        ),
        pytest.param(
            ("other", None, many("PERSON", 20)),
            ("other", None, many("PERSON", 2)),
            id="more-subjects-above-fewer",
        ),
        pytest.param(
            ("other", None, [finding("PERSON"), *many("SALARY", 2), finding("ACCOUNT_BALANCE")]),
            ("other", None, many("PERSON", 7) + many("PHONE_NUMBER", 3) + many("ORGANIZATION", 20)),
            id="bank-statement-above-press-release",
        ),
        pytest.param(
            ("correspondence", None, many("PERSON", 3) + [finding("ACCOUNT_BALANCE")]),
            ("internal_note", None, many("PERSON", 7)),
            id="letter-with-savings-above-memo",
        ),
    ],
)
def test_orderings(high: tuple, low: tuple) -> None:
    assert SCORER.score(*high).score > SCORER.score(*low).score


@pytest.mark.parametrize(
    ("doc_type", "findings", "allowed"),
    [
        pytest.param(
            "correspondence",
            [finding("EMAIL_ADDRESS", domain="news.example")],
            ("public", "internal"),
            id="newsletter-one-email",
        ),
        pytest.param("other", [finding("EMAIL_ADDRESS")], ("public", "internal"), id="one-email"),
        pytest.param("resume", [], ("confidential", "restricted"), id="resume-alone"),
        pytest.param(
            "resume",
            [finding("PERSON"), finding("EMAIL_ADDRESS"), finding("PHONE_NUMBER")],
            ("confidential", "restricted"),
            id="resume-with-contacts",
        ),
        pytest.param("other", [], ("public",), id="empty"),
        pytest.param(
            "other",
            [finding("PERSON"), *many("SALARY", 2), finding("ACCOUNT_BALANCE")],
            ("confidential",),
            id="bank-statement-pay-and-balance",
        ),
        pytest.param(
            "other",
            [finding("ACCOUNT_BALANCE", confidence=0.35)],
            ("public",),
            id="unconfident-balance-scores-nothing",
        ),
    ],
)
def test_levels(doc_type: str, findings: list[Finding], allowed: tuple[str, ...]) -> None:
    assert SCORER.score(doc_type, None, findings).level in allowed


def test_reasons_name_what_scored() -> None:
    got = SCORER.score(
        "sow",
        True,
        [finding("SECRET_AZURE_STORAGE_KEY", confidence=0.9)] + many("PERSON", 14, 0.9),
    )
    assert got.reasons == (
        ("SECRET_AZURE_STORAGE_KEY x1", 74),  # 82 x 0.9: points scale with confidence
        ("doc_type:sow, signed", 26),
        ("PERSON x14 unique", 0),  # trimmed by the cap at 100, still listed
    )
    assert got.score == 100


def test_unknown_label_scores_low_but_counts() -> None:
    got = SCORER.score("other", None, [finding("PLUGIN_THING")])
    assert got.reasons == (("PLUGIN_THING x1", 1),)


def test_bundled_policy_names_every_known_label() -> None:
    policy = load_policy()
    fallback = {label for label in known_labels() if policy.lookup(label)[0].name == "other"}  # type: ignore[index]
    assert fallback == set()
    assert set(policy.doc_types) == set(DOC_TYPES)


POLICY = """
version = "test-1"
[levels]
internal = 10
confidential = 20
restricted = 30
[doc_types]
invoice = { points = 5, signed = 1 }
[categories.cards]
cap = 50
volume = 0
labels = { CREDIT_CARD = 25 }
"""


def test_policy_override_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(POLICY, encoding="utf-8")
    scorer = Scorer(Config(score=ScoreConfig(policy=str(path))))
    scorer.check()
    got = scorer.score("invoice", True, [finding("CREDIT_CARD", confidence=1.0), finding("PERSON")])
    assert got.score == 31 and got.level == "restricted"
    assert got.reasons == (("CREDIT_CARD x1", 25), ("doc_type:invoice, signed", 6))
    assert scorer.policy.version == "test-1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            POLICY.replace("CREDIT_CARD = 25", "CREDIT_CRAD = 25"),
            "unknown label 'CREDIT_CRAD'",
            id="unknown-label",
        ),
        pytest.param(
            POLICY.replace("invoice =", "invoise ="), "unknown doc type", id="unknown-doc-type"
        ),
        pytest.param(
            POLICY.replace("restricted = 30", "restricted = 15"), "must be above", id="levels-order"
        ),
        pytest.param(POLICY.replace("cap = 50", "cap = 500"), "from 0 to 100", id="cap-range"),
        pytest.param(
            POLICY.replace("volume = 0", "volume = '1'"), "must be a number", id="not-a-number"
        ),
        pytest.param(POLICY + "colour = 1\n", "unknown key", id="unknown-key"),
        pytest.param(
            POLICY + "[categories.more]\nlabels = { CREDIT_CARD = 1 }\n",
            "is in both",
            id="label-twice",
        ),
        pytest.param("[levels\n", "not valid TOML", id="bad-toml"),
    ],
)
def test_bad_policy_is_a_config_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        Scorer(Config(score=ScoreConfig(policy=str(path)))).check()
    if "unknown label" in message:
        assert "CREDIT_CARD" in str(info.value) and "SECRET_PRIVATE_KEY" in str(info.value)


def test_missing_policy_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        Scorer(Config(score=ScoreConfig(policy=str(tmp_path / "nope.toml")))).check()
