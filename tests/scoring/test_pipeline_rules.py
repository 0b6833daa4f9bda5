"""Unread files and containers through the real pipeline: no text is never public, and a
container carries the highest level inside it."""

from __future__ import annotations

import pytest

from leakclf.config import Config, DetectConfig
from leakclf.pipeline import Pipeline
from tests.conftest import SHARED as REAL_WORLD
from tests.extractors import make

SHARED = REAL_WORLD.parent.parent
PIPE = Pipeline(Config(key=b"k" * 32, detect=DetectConfig(ner=False)))
CARD = b"Card holder card number 4111 1111 1111 1111 exp 12/29"


def blank_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # drawn, no text: what a scan without OCR looks like
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        pytest.param(blank_pdf(), "scan.pdf", "image-only", id="image-only-pdf"),
        pytest.param(make.pdf_bytes()[:400], "cut.pdf", "corrupt", id="truncated-pdf"),
        pytest.param(
            make.legacy_ole_bytes("Workbook"), "payroll.xls", "corrupt", id="broken-legacy-xls"
        ),
        pytest.param(make.encrypted_docx_bytes(), "salaries.docx", "encrypted", id="encrypted"),
        pytest.param(b"", "empty.txt", "empty file", id="empty"),
    ],
)
def test_unread_is_never_public(data: bytes, name: str, reason: str) -> None:
    (row,) = PIPE.process(data, name=name)
    assert (row.unread_reason, row.level, row.score) == (reason, "internal", 15)
    assert row.reasons == ((f"unread:{reason}", 15),)


def test_container_contents() -> None:
    mail = make.eml_bytes(attachments=(("card.txt", CARD, "text/plain"),))
    rows = PIPE.process(make.zip_bytes({"m.eml": mail, "note.txt": b"hello there"}), name="a.zip")
    by = {r.source: r for r in rows}
    assert by["a.zip!/m.eml!/card.txt"].level == "restricted"
    for box in ("a.zip", "a.zip!/m.eml"):
        assert by[box].contents_level == "restricted"
        assert by[box].contents_score == by["a.zip!/m.eml!/card.txt"].score
        assert by[box].unread_reason is None  # its members were read
    assert by["a.zip!/note.txt"].contents_level is None


def test_zip_of_unread_members_is_not_public() -> None:
    rows = PIPE.process(make.zip_bytes({"scan.pdf": blank_pdf()}), name="scans.zip")
    assert [(r.source, r.level, r.unread_reason, r.contents_level) for r in rows] == [
        ("scans.zip", "public", None, "internal"),
        ("scans.zip!/scan.pdf", "internal", "image-only", None),
    ]


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (real-world files) is absent")
@pytest.mark.parametrize("folder", ["fixtures/real-world", "corpus/doctypes-train"])
def test_no_real_file_without_text_is_public(folder: str) -> None:
    """Every real file with zero extracted characters: never public (the issue's goal)."""
    files = sorted(p for p in (SHARED / folder).rglob("*") if p.is_file())
    files = [p for p in files if p.suffix.lower() not in (".md", ".csv")]
    bad = []
    for path in files:
        for r in PIPE.process(path):
            if r.text_chars == 0 and r.level == "public" and r.contents_level is None:
                bad.append(r.source)
    assert bad == []
