"""DOCX and PPTX read part by part (``extractors.opc``), as python-docx and python-pptx read
them (these tests pass on both readers): headers and footers per section in order (first page,
default, even pages; a section linked to the previous one adds nothing), comments with their
authors, slides in the presentation's order, and a package of another kind is refused."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.enum.section import WD_SECTION

from leakclf.config import Config
from leakclf.errors import CorruptFile
from leakclf.extractors import extract

from . import make


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


def _rewrite(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            blob = src.read(info)
            out.writestr(info, change(blob) if info.filename == name else blob)
    return buf.getvalue()


def test_slides_follow_the_presentation_order_not_the_part_names() -> None:
    def swap(xml: bytes) -> bytes:  # list the second slide first
        start, end = xml.index(b"<p:sldIdLst>") + 12, xml.index(b"</p:sldIdLst>")
        ids = xml[start:end].split(b"/>")[:-1]
        return xml[:start] + b"/>".join([ids[1], ids[0], b""]) + xml[end:]

    deck = _rewrite(make.pptx_bytes(), "ppt/presentation.xml", swap)
    doc = extract(deck, name="d.pptx", config=Config())[0]
    slides = [(p.name, doc.text[p.start : p.end]) for p in doc.parts if p.kind == "slide"]
    assert [name for name, _ in slides] == ["slide 1", "slide 2"]
    assert slides[0][1].startswith("Slide 2 title") and slides[1][1].startswith("Slide 1 title")


def test_a_package_that_is_not_a_presentation_is_refused() -> None:
    deck = _rewrite(
        make.pptx_bytes(),
        "[Content_Types].xml",
        lambda b: b.replace(b"presentation.main+xml", b"template.main+xml"),
    )
    with pytest.raises(CorruptFile, match="ValueError"):
        extract(deck, name="t.pptx", config=Config())
