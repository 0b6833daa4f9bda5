"""Detectors on real extracted documents (../shared/fixtures/real-world; skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leakclf.config import Config
from leakclf.detectors import DetectorSet
from leakclf.detectors.noise import is_vocab
from leakclf.model import DocumentResult

FILES = [
    pytest.param(
        "contract/web_design_contract.pdf",
        ("EMAIL_ADDRESS", "info@4seasontex.com"),
        id="contract-pdf",
    ),
    pytest.param(
        "purchase_order/steel_fabricator_purchase_order.pdf",
        ("PHONE_NUMBER", "719-471-8811"),
        id="po-pdf",
    ),
    pytest.param(
        "purchase_order/syntex_contoso_po_adatum.pdf",
        ("PHONE_NUMBER", "1 (800) 555-7676"),  # the trunk prefix is part of the number
        id="po-syntex",
    ),
    pytest.param(
        "contract/syntex_consulting_agreement.docx", ("PERSON", "allan deyoung"), id="contract-docx"
    ),
]


def _text(root: Path, rel: str) -> str:
    from leakclf.extractors import extract

    docs = extract(root / "doctypes" / rel, config=Config())
    return "\n".join(d.text for d in docs if d.text)


@pytest.mark.parametrize(("rel", "expected"), FILES)
def test_real_documents(
    real_world: Path,
    with_ner: DetectorSet,
    hidden: DetectorSet,
    rel: str,
    expected: tuple[str, str],
) -> None:
    text = _text(real_world, rel)
    found = with_ner.detect(text).findings
    for f in found:
        assert text[f.start : f.end] == f.value  # offsets point into the extracted text
        if f.label in ("PERSON", "ORGANIZATION"):
            assert not is_vocab(f.value or "")
    label, value = expected
    assert any(f.label == label and (f.value or "").casefold() == value for f in found)

    masked = hidden.detect(text).findings
    blob = json.dumps(DocumentResult(source=rel, findings=masked).to_dict()) + repr(masked)
    assert value not in blob.casefold()
    assert [f.digest for f in masked] == [f.digest for f in found]
