"""DetectorSet: the contract pipeline.py relies on, configuration, overlaps, privacy, the registry."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from detcases import KEY

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, available, normalise_org, normalise_person
from leakclf.domains import domain_forms, org_digests, org_facets
from leakclf.errors import ConfigError
from leakclf.model import DocumentResult
from leakclf.privacy import digest

GOLDEN = Path(__file__).with_name("golden_ids.txt")
SECRET_TEXT = (
    "Jane Doe <jane.doe@contoso.com>, card 4000 0000 0012 3457, SSN 536-22-1234, "
    "IBAN DE89 3704 0044 0532 0130 00, password: Tr0ub4dor&3, AKIAABCDEFGHIJKLMNOP"
)
RAW = [
    "jane.doe@contoso.com",
    "4000 0000 0012 3457",
    "4000000000123457",
    "536-22-1234",
    "536221234",
    "DE89 3704 0044 0532 0130 00",
    "DE89370400440532013000",
    "Tr0ub4dor&3",
    "AKIAABCDEFGHIJKLMNOP",
]


def pattern_set(**detect: object) -> DetectorSet:
    return DetectorSet(Config(key=KEY, detect=DetectConfig(ner=False, **detect)))  # type: ignore[arg-type]


def test_registry_ids_are_pinned() -> None:
    assert list(available()) == GOLDEN.read_text().split()


@pytest.mark.parametrize(
    ("detectors", "exclude"),
    [
        pytest.param(("pii.nope",), (), id="unknown-selected"),
        pytest.param(None, ("secret.nope/1",), id="unknown-excluded"),
        pytest.param(("pii.email/1",), (), id="wrong-version"),
    ],
)
def test_unknown_ids_list_the_available_ones(
    detectors: tuple[str, ...] | None, exclude: tuple[str, ...]
) -> None:
    det = pattern_set(detectors=detectors, exclude=exclude)
    with pytest.raises(ConfigError, match=r"available: .*pii\.email/2"):
        det.check()


@pytest.mark.parametrize(
    ("detectors", "exclude", "labels"),
    [
        pytest.param(("pii.email",), (), ["EMAIL_ADDRESS"], id="bare-id"),
        pytest.param(
            ("pii.email/2", "pii.credit_card/1"),
            (),
            ["EMAIL_ADDRESS", "CREDIT_CARD"],
            id="versioned-ids",
        ),
        pytest.param(
            ("secret",), (), ["SECRET_PASSWORD", "SECRET_AWS_ACCESS_KEY"], id="family-prefix"
        ),
        pytest.param(
            None, ("pii", "secret.password"), ["SECRET_AWS_ACCESS_KEY"], id="exclude-family"
        ),
    ],
)
def test_selection(
    detectors: tuple[str, ...] | None, exclude: tuple[str, ...], labels: list[str]
) -> None:
    found = pattern_set(detectors=detectors, exclude=exclude).detect(SECRET_TEXT).findings
    assert [f.label for f in found] == labels


def test_construction_is_cheap_and_lazy() -> None:
    det = DetectorSet(Config())
    assert "ner" not in det.__dict__ and "patterns" not in det.__dict__


def test_detect_many_matches_detect() -> None:
    det = pattern_set()
    texts = [SECRET_TEXT, "", "nothing here", SECRET_TEXT[::-1]]
    assert det.detect_many(texts) == [det.detect(t) for t in texts]


@pytest.mark.parametrize(
    ("floor", "labels"),
    [
        pytest.param(0.0, ["PHONE_NUMBER"], id="floor-0-keeps-weak"),
        pytest.param(0.4, [], id="default-floor-drops-weak"),
    ],
)
def test_min_confidence(floor: float, labels: list[str]) -> None:
    found = pattern_set(min_confidence=floor).detect("ref 4155552671").findings
    assert [f.label for f in found] == labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "card 4000 0000 0012 3457",
            [("CREDIT_CARD", "card-4x4")],
            id="card-beats-phone-and-digits",
        ),
        pytest.param(
            "postgres://app:s3cr3t@db.contoso.com/x",
            [("SECRET_DATABASE_URL", "db-url")],
            id="secret-beats-email-url",
        ),
        pytest.param("DOB: 1985-07-04", [("DATE_OF_BIRTH", "iso")], id="dob-beats-date"),
        pytest.param("server 192.168.10.25", [("IP_ADDRESS", "ipv4")], id="ip-beats-phone"),
    ],
)
def test_overlaps_resolve_to_the_specific_validated_one(
    text: str, expected: list[tuple[str, str]]
) -> None:
    for _ in range(3):  # deterministic
        found = pattern_set().detect(text).findings
        assert [(f.label, f.evidence[0].split(":", 1)[1]) for f in found] == expected


def test_digests_use_normalised_values() -> None:
    det = pattern_set()
    a = det.detect("email JANE.DOE@Contoso.com, call +1 212-555-0143").findings
    b = det.detect("email jane.doe@contoso.com, call (212) 555-0143").findings
    assert [f.digest for f in a] == [f.digest for f in b]
    assert a[0].digest == digest(KEY, "EMAIL_ADDRESS", "jane.doe@contoso.com")
    assert a[1].digest == digest(KEY, "PHONE_NUMBER", "+12125550143")


@pytest.mark.parametrize(
    ("text", "facets"),
    [
        pytest.param(
            "jane.doe@mail.contoso.co.uk",
            {
                "domain": "contoso.co.uk",
                "country": "GB",
                "person": digest(KEY, "PERSON", "jane doe"),
            },
            id="email-name",
        ),
        pytest.param("info@fabrikam.com", {"domain": "fabrikam.com"}, id="email-role"),
        pytest.param(
            "sales.team@fabrikam.com", {"domain": "fabrikam.com"}, id="email-role-two-words"
        ),
        pytest.param("tel +49 30 901820", {"country": "DE"}, id="phone"),
        pytest.param("IBAN GB82WEST12345698765432", {"country": "GB"}, id="iban"),
        pytest.param("https://www.contoso.com/a", {"domain": "contoso.com"}, id="url"),
    ],
)
def test_facets(text: str, facets: dict[str, str]) -> None:
    (finding,) = pattern_set().detect(text).findings
    assert dict(f for f in finding.facets if f[0] != "org") == facets
    # organisation forms travel as keyed digests only: never a name in clear
    orgs = tuple(f for f in finding.facets if f[0] == "org")
    if finding.label == "EMAIL_ADDRESS":
        assert orgs == org_facets(KEY, domain_forms(facets["domain"]))
    else:
        assert orgs == ()


def test_organisation_facets_are_digests_that_match_the_domain() -> None:
    (org,) = [f for f in pattern_set().detect("Contoso Ltd signed.").findings]
    (mail,) = pattern_set().detect("ap@contoso.com").findings
    assert org.label == "ORGANIZATION"
    assert all("contoso" not in v for _, v in org.facets)
    assert set(org_digests(org.facets)) & set(org_digests(mail.facets))


@pytest.mark.parametrize(
    ("text", "preview"),
    [
        pytest.param("jane.doe@contoso.com", "j***@contoso.com", id="email"),
        pytest.param("card 4000 0000 0012 3457", "**** **** **** 3457", id="card"),
        pytest.param("AKIAABCDEFGHIJKLMNOP", "AKIA************MNOP", id="aws"),
        pytest.param("password: Tr0ub4dor&3", "********", id="password"),
    ],
)
def test_previews(text: str, preview: str) -> None:
    (finding,) = pattern_set().detect(text).findings
    assert finding.preview == preview


def test_no_raw_value_in_repr_json_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="leakclf")
    det = pattern_set()
    findings = det.detect(SECRET_TEXT).findings
    assert len(findings) == 6
    result = DocumentResult(source="x.txt", findings=findings)
    blob = repr(findings) + json.dumps(result.to_dict()) + caplog.text
    for raw in RAW:
        assert raw not in blob
    assert all(f.value is None for f in findings)


def test_reveal_fills_values() -> None:
    det = DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig(ner=False)))
    values = [f.value for f in det.detect(SECRET_TEXT).findings]
    assert "jane.doe@contoso.com" in values and "Tr0ub4dor&3" in values


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        pytest.param("Doe, Jane", "jane doe", id="last-first"),
        pytest.param("  JANE   DOE ", "jane doe", id="spaces-case"),
        pytest.param("J. R. Smith", "j r smith", id="initials"),
    ],
)
def test_normalise_person(name: str, normalised: str) -> None:
    assert normalise_person(name) == normalised


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        pytest.param("Contoso, Ltd.", "contoso", id="ltd"),
        pytest.param("Fabrikam Inc", "fabrikam", id="inc"),
        pytest.param("Müller GmbH & Co. KG", "müller", id="gmbh"),
        pytest.param("Northwind Traders LLC", "northwind traders", id="llc"),
    ],
)
def test_normalise_org(name: str, normalised: str) -> None:
    assert normalise_org(name) == normalised


def test_blank_keeps_offsets() -> None:
    from leakclf.detectors import blank

    det = pattern_set()
    text = "mail jane.doe@contoso.com or call +44 20 7946 0958."
    masked = blank(text, list(det._patterns(text)))
    assert len(masked) == len(text) and "jane" not in masked and "7946" not in masked
    assert masked.startswith("mail ") and masked.endswith(".")


@pytest.mark.parametrize(
    ("strip", "same"),
    [
        pytest.param(True, True, id="plus-tags-stripped"),
        pytest.param(False, False, id="plus-tags-kept"),
    ],
)
def test_email_digest_follows_census_rule(strip: bool, same: bool) -> None:
    from leakclf.config import CensusConfig

    config = Config(
        key=KEY, detect=DetectConfig(ner=False), census=CensusConfig(strip_plus_tags=strip)
    )
    a, b = DetectorSet(config).detect("Jane.Doe+news@Contoso.com and jane.doe@contoso.com").findings
    assert (a.digest == b.digest) is same
