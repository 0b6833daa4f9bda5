"""leakclf.rollup by folder, organization and doc_type, from results in every shape."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import leakclf
from leakclf.config import CensusConfig, ClassifyConfig, Config
from leakclf.domains import domain_forms, name_forms, org_facets
from leakclf.errors import ConfigError
from leakclf.model import DocumentResult, Finding
from leakclf.scoring import Scorer

SCORER = Scorer()
KEY = b"k" * 32


def finding(label: str, digest: str, **facets: str) -> Finding:
    """Facets as the detectors write them: organisation name forms travel as keyed digests."""
    pairs = [(k, v) for k, v in facets.items() if k != "org"]
    if "domain" in facets:
        pairs += org_facets(KEY, domain_forms(facets["domain"]))
    if "org" in facets:
        pairs += org_facets(KEY, name_forms(facets["org"]))
    return Finding(label, 0, 1, 0.9, "t", digest, "*", facets=tuple(pairs))


def doc(source: str, doc_type: str, findings: list[Finding], status: str = "ok") -> DocumentResult:
    s = SCORER.score(doc_type, None, findings)
    return DocumentResult(
        source=source,
        doc_type=doc_type,
        status=status,
        score=s.score,
        level=s.level,
        reasons=s.reasons,
        findings=tuple(findings),
    )


def results() -> list[DocumentResult]:
    return [
        doc(
            "dump/fin/inv1.pdf",
            "invoice",
            [finding("IBAN_CODE", "i1"), finding("EMAIL_ADDRESS", "e1", domain="contoso.com")],
        ),
        doc("dump/fin/inv2.pdf", "invoice", [finding("EMAIL_ADDRESS", "e2", domain="contoso.com")]),
        doc(
            "dump/hr/cv.docx",
            "resume",
            [finding("PERSON", "p1"), finding("ORGANIZATION", "o1", org="contoso")],
        ),
        doc(
            "dump/hr/keys.zip!/id_rsa",
            "other",
            [finding("SECRET_PRIVATE_KEY", "k1"), finding("EMAIL_ADDRESS", "e3", domain="own.com")],
        ),
        doc("dump/hr/broken.pdf", "other", [], status="error"),
    ]


def table(frame: pd.DataFrame, by: str) -> dict:
    return {
        row[by]: (row["files"], row["max_score"], row["restricted"]) for _, row in frame.iterrows()
    }


@pytest.mark.parametrize(
    ("by", "options", "expected"),
    [
        pytest.param(
            "folder",
            {"depth": 2},
            {"dump/hr": (2, 82, 1), "dump/fin": (2, 55, 0)},
            id="folder-depth-2",
        ),
        pytest.param("folder", {}, {"dump": (4, 82, 1)}, id="folder-depth-1"),
        pytest.param(
            "doc_type",
            {},
            {"other": (1, 82, 1), "resume": (1, 45, 0), "invoice": (2, 55, 0)},
            id="doc-type",
        ),
        pytest.param(
            "organization",
            {},
            {"own.com": (1, 82, 1), "contoso.com": (3, 55, 0)},
            id="organization-names-merged",
        ),
        pytest.param(
            "organization",
            {"config": Config(classify=ClassifyConfig(own_domains=("own.com",)))},
            {"contoso.com": (3, 55, 0)},
            id="own-domain-left-out",
        ),
        pytest.param(
            "folder",
            {"config": Config(census=CensusConfig(k_threshold=3)), "depth": 2},
            {},
            id="k-threshold",
        ),
    ],
)
def test_rollup(by: str, options: dict, expected: dict) -> None:
    assert table(leakclf.rollup(results(), by=by, **options), by) == expected


def test_columns_and_reasons() -> None:
    frame = leakclf.rollup(results(), by="folder", depth=2)
    assert list(frame.columns) == [
        "folder",
        "files",
        "public",
        "internal",
        "confidential",
        "restricted",
        "max_score",
        "p90_score",
        "top_reasons",
    ]
    assert frame.iloc[0]["top_reasons"] == [
        "SECRET_PRIVATE_KEY",
        "doc_type:resume",
        "EMAIL_ADDRESS",
    ]


def test_from_dataframe_and_file(tmp_path: Path) -> None:
    from leakclf.scan import write_rows

    frame = pd.DataFrame([r.to_dict() for r in results()])
    path = tmp_path / "r.parquet"
    write_rows([r.to_dict() for r in results()], path)
    want = table(leakclf.rollup(results(), by="doc_type"), "doc_type")
    assert table(leakclf.rollup(frame, by="doc_type"), "doc_type") == want
    assert table(leakclf.rollup(path, by="doc_type"), "doc_type") == want


def test_unknown_grouping() -> None:
    with pytest.raises(ConfigError, match="expected one of"):
        leakclf.rollup(results(), by="country")


def test_shared_reason_is_split_between_its_labels() -> None:
    both = doc("dump/a.txt", "resume", [finding("US_SSN", "s1"), finding("DATE_OF_BIRTH", "b1")])
    ssn = doc("dump/b.txt", "resume", [finding("US_SSN", "s2")])
    assert both.reasons[0][0] == "US_SSN x1, DATE_OF_BIRTH x1 unique"  # the case under test
    top = leakclf.rollup([both, ssn], by="doc_type", top_reasons=5).iloc[0]["top_reasons"]
    assert top == ["US_SSN", "doc_type:resume", "DATE_OF_BIRTH"]


@pytest.mark.parametrize("suffix", [pytest.param(s, id=s) for s in (".jsonl", ".csv")])
def test_from_census_and_other_outputs(tmp_path: Path, suffix: str) -> None:
    from leakclf.scan import write_rows

    path = tmp_path / f"r{suffix}"
    write_rows([r.to_dict() for r in results()], path)
    want = table(leakclf.rollup(results(), by="organization"), "organization")
    assert table(leakclf.rollup(path, by="organization"), "organization") == want
    census = leakclf.census(path)
    assert table(leakclf.rollup(census, by="organization"), "organization") == want
