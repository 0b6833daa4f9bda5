"""DOCX read part by part (``extractors.opc``): headers and footers per section in python-docx's
order (first page, default, even pages; a section linked to the previous one adds nothing),
comments with their authors, and a package that is not a Word document is refused."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.section import WD_SECTION

from leakclf.config import Config
from leakclf.errors import CorruptFile
from leakclf.extractors import extract


def _two_sections() -> bytes:
    d = docx.Document()
    d.settings.odd_and_even_pages_header_footer = True
    first = d.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "First page header Ann Lee"
    first.header.paragraphs[0].text = "Default header"
    first.even_page_header.paragraphs[0].text = "Even header"
    first.footer.paragraphs[0].text = "Default footer"
    para = d.add_paragraph("Body of section one, IBAN GB82 WEST 1234 5698 7654 32.")
    d.add_comment(para.runs, text="Check with Bob Ray", author="Reviewer R")
    second = d.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = True
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Second footer"
    d.add_paragraph("Body of section two.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_sections_headers_footers_and_comments_in_order() -> None:
    doc = extract(_two_sections(), name="s.docx", config=Config())[0]
    kinds = [(p.kind, doc.text[p.start : p.end], p.name) for p in doc.parts]
    assert kinds == [
        (
            "body",
            "Body of section one, IBAN GB82 WEST 1234 5698 7654 32.\n\nBody of section two.",
            None,
        ),
        ("header", "First page header Ann Lee", None),
        ("header", "Default header", None),
        ("header", "Even header", None),
        ("footer", "Default footer", None),
        ("footer", "Second footer", None),
        ("comment", "Check with Bob Ray", "Reviewer R"),
    ]


def test_a_package_that_is_not_a_word_document_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_two_sections())) as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(info, data)
    with pytest.raises(CorruptFile, match="ValueError"):
        extract(buf.getvalue(), name="t.docx", config=Config())
