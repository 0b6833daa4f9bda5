"""The value objects: what crosses a pipe between scan processes comes back whole."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from leakclf.model import DocumentResult, Finding

FULL = Finding(
    label="EMAIL_ADDRESS",
    start=3,
    end=21,
    confidence=0.85,
    detector="pii.email/1",
    digest="d" * 16,
    preview="j***@contoso.com",
    evidence=("context: mail",),
    facets=(("domain", "contoso.com"),),
    value="jane@contoso.com",
)


@pytest.mark.parametrize(
    "finding",
    [
        pytest.param(FULL, id="every-field-set-value-revealed"),
        pytest.param(dataclasses.replace(FULL, evidence=(), facets=(), value=None), id="defaults"),
    ],
)
def test_a_finding_survives_pickle_with_every_field(finding: Finding) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(finding, protocol=protocol))
        assert type(back) is Finding
        # ``value`` is left out of ==, so every field is compared by name
        assert dataclasses.asdict(back) == dataclasses.asdict(finding)


def test_a_result_with_findings_survives_pickle() -> None:
    result = DocumentResult(source="dump/a.txt", findings=(FULL, FULL), minhash=(1, 2, 3))
    back = pickle.loads(pickle.dumps([result], protocol=pickle.HIGHEST_PROTOCOL))[0]
    assert back == result
    assert [f.value for f in back.findings] == ["jane@contoso.com"] * 2
