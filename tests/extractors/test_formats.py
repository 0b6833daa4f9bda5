"""Every supported format, generated in code with known content: text, parts, meta, media type."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import leakclf
from leakclf.config import Config, ExtractConfig

from . import make

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PDFMINER = Config(extract=ExtractConfig(pdf_engine="pdfminer"))


def _text_of(doc: leakclf.Document, kind: str) -> list[str]:
    return [doc.text[p.start : p.end] for p in doc.parts if p.kind == kind]


CASES = [
    pytest.param(
        make.docx_bytes,
        "sow.docx",
        Config(),
        DOCX,
        "First paragraph of the body.\nItem\tPrice\nWidget\t42.00\nLast paragraph after the table."
        "\n\nACME Confidential header\n\nPage footer text\n\nReviewer comment here",
        [("body", None), ("header", None), ("footer", None), ("comment", "Rita Reviewer")],
        {
            "title": "Statement of Work",
            "author": "Ada Author",
            "last_modified_by": "Max Editor",
            "created": "2024-03-01T09:30:00+00:00",
            "modified": "2024-03-01T09:30:00+00:00",
        },
        id="docx-body-table-header-footer-comment",
    ),
    pytest.param(
        make.docx_with_box_and_footnote,
        "boxed.docx",
        Config(),
        DOCX,
        "First paragraph of the body.\nItem\tPrice\nWidget\t42.00\nLast paragraph after the table."
        "\n\nACME Confidential header\n\nPage footer text\n\nReviewer comment here"
        "\n\nBoxed note\n\nFootnote text",
        [
            ("body", None),
            ("header", None),
            ("footer", None),
            ("comment", "Rita Reviewer"),
            ("body", "text boxes"),
            ("notes", "footnotes"),
        ],
        {"author": "Ada Author"},
        id="docx-text-box-and-footnote",
    ),
    pytest.param(
        make.xlsx_bytes,
        "pay.xlsx",
        Config(),
        XLSX,
        "Name\tSalary\nAlice Example\t5000\n\nsecond sheet text",
        [("sheet", "Payroll"), ("sheet", "Notes")],
        {"title": "Payroll 2024", "author": "Sheet Author"},
        id="xlsx-two-sheets",
    ),
    pytest.param(
        make.pptx_bytes,
        "deck.pptx",
        Config(),
        PPTX,
        "Slide 1 title\nBullet on slide 1\n\nSpeaker notes 1\n\nSlide 2 title\nBullet on slide 2\n"
        "cellA\tcellB\n\nSpeaker notes 2",
        [("slide", "slide 1"), ("notes", "slide 1"), ("slide", "slide 2"), ("notes", "slide 2")],
        {"author": "Deck Author"},
        id="pptx-slides-notes-table",
    ),
    pytest.param(
        make.grouped_pptx_bytes,
        "group.pptx",
        Config(),
        PPTX,
        "Inside a group",
        [("slide", "slide 1")],
        {},
        id="pptx-group-shape",
    ),
    pytest.param(
        make.pdf_bytes,
        "inv.pdf",
        Config(),
        "application/pdf",
        "Invoice page one\n\nTotal due page two",
        [("page", "page 1"), ("page", "page 2")],
        {
            "title": "Q3 Invoice",
            "author": "Pdf Author",
            "created": "2024-03-01T09:30:00+00:00",
            "pages": 2,
            "encrypted": False,
            "signature_fields": False,
        },
        id="pdf-pdfium",
    ),
    pytest.param(
        make.pdf_bytes,
        "inv.pdf",
        PDFMINER,
        "application/pdf",
        "Invoice page one\n\nTotal due page two",
        [("page", "page 1"), ("page", "page 2")],
        {
            "title": "Q3 Invoice",
            "author": "Pdf Author",
            "created": "2024-03-01T09:30:00+00:00",
            "pages": 2,
            "encrypted": False,
            "signature_fields": False,
        },
        id="pdf-pdfminer",
    ),
    pytest.param(
        make.signed_pdf_bytes,
        "signed.pdf",
        Config(),
        "application/pdf",
        "Signed agreement",
        [("page", "page 1")],
        {"pages": 1, "encrypted": False, "signature_fields": True},
        id="pdf-signature-field-pdfium",
    ),
    pytest.param(
        make.signed_pdf_bytes,
        "signed.pdf",
        PDFMINER,
        "application/pdf",
        "Signed agreement",
        [("page", "page 1")],
        {"pages": 1, "encrypted": False, "signature_fields": True},
        id="pdf-signature-field-pdfminer",
    ),
    pytest.param(
        make.html_bytes,
        "offer.html",
        Config(),
        "text/html",
        "Offer\nDear Jo,\nSalary: 50,000\nStart: May",
        [("body", None)],
        {"title": "Offer letter"},
        id="html-visible-text-only",
    ),
    pytest.param(
        make.rtf_bytes,
        "memo.rtf",
        Config(),
        "application/rtf",
        "Rich text body café.\nSecond line.",
        [("body", None)],
        {},
        id="rtf",
    ),
    pytest.param(
        lambda: "Grüße aus Köln, Straße 5\n".encode("cp1252") * 3,
        "note.txt",
        Config(),
        "text/plain",
        "Grüße aus Köln, Straße 5\nGrüße aus Köln, Straße 5\nGrüße aus Köln, Straße 5",
        [("body", None)],
        {},
        id="text-cp1252-detected",
    ),
    pytest.param(
        lambda: "\ufeffid,name\r\n1,Zoë\r\n".encode("utf-16"),
        "people.csv",
        Config(),
        "text/csv",
        "id,name\n1,Zoë",
        [("body", None)],
        {},
        id="csv-utf16-bom",
    ),
    pytest.param(
        lambda: b'{"user": "u1", "note": "caf\xc3\xa9"}',
        "dump.json",
        Config(),
        "application/json",
        '{"user": "u1", "note": "café"}',
        [("body", None)],
        {},
        id="json-utf8",
    ),
    pytest.param(
        lambda: (
            b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>"
        ),
        "feed.xml",
        Config(),
        "application/xml",
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>",
        [("body", None)],
        {},
        id="xml-as-text-entities-never-resolved",
    ),
    pytest.param(
        lambda: b"2024-03-01 09:30:00 INFO login ok\n2024-03-01 09:31:00 WARN retry\n",
        "app.log",
        Config(),
        "text/x-log",
        "2024-03-01 09:30:00 INFO login ok\n2024-03-01 09:31:00 WARN retry",
        [("body", None)],
        {},
        id="log",
    ),
]


@pytest.mark.parametrize(("build", "name", "config", "media", "text", "parts", "meta"), CASES)
def test_format(
    build: Callable[[], bytes],
    name: str,
    config: Config,
    media: str,
    text: str,
    parts: list[tuple[str, str | None]],
    meta: dict[str, object],
) -> None:
    data = build()
    docs = leakclf.extract(data, name=f"dump/{name}", config=config)
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.source, doc.parent, doc.depth, doc.status) == (f"dump/{name}", None, 0, "ok")
    assert doc.media_type == media
    assert doc.text == text
    assert [(p.kind, p.name) for p in doc.parts] == parts
    assert all(doc.text[p.start : p.end].strip() for p in doc.parts)
    assert {k: doc.meta.get(k) for k in meta} == meta
    assert doc.size == len(data) and len(doc.sha256) == 64


def test_content_decides_the_type_not_the_name() -> None:
    doc = leakclf.extract(make.docx_bytes(), name="renamed.pdf", config=Config())[0]
    assert doc.media_type == DOCX and "First paragraph" in doc.text


def test_path_source_and_bytes_source_agree(tmp_path) -> None:
    path = tmp_path / "sow.docx"
    path.write_bytes(make.docx_bytes())
    from_path = leakclf.extract(path, config=Config())[0]
    from_bytes = leakclf.extract(path.read_bytes(), name=str(path), config=Config())[0]
    assert from_path == from_bytes and from_path.source == str(path)


def test_pdfium_failure_falls_back_to_pdfminer(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def broken(*args: object, **kwargs: object) -> None:
        raise pypdfium2.PdfiumError("boom", err_code=3)

    monkeypatch.setattr(pypdfium2, "PdfDocument", broken)
    doc = leakclf.extract(make.pdf_bytes(), name="inv.pdf", config=Config())[0]
    assert doc.text == "Invoice page one\n\nTotal due page two"
    assert doc.meta["engine_fallback"] == "pdfminer"


def test_owner_password_only_pdf_opens_and_says_encrypted() -> None:
    doc = leakclf.extract(make.pdf_bytes(password=""), name="locked.pdf", config=Config())[0]
    assert doc.meta["encrypted"] is True and "Invoice page one" in doc.text


def test_mail_text_parts_and_meta() -> None:
    doc = leakclf.extract(make.eml_bytes(), name="m.eml", config=Config())[0]
    assert doc.media_type == "message/rfc822"
    assert _text_of(doc, "headers") == [
        (
            "From: Sam Sender <sam@example.com>\nTo: rita@example.org\nCc: carl@example.net\n"
            "Date: Fri, 01 Mar 2024 09:30:00 +0000\nSubject: Q3 invoice"
        )
    ]
    assert _text_of(doc, "body") == ["Please find the invoice attached."]
    assert _text_of(doc, "quoted") == ["On Thu, Rita wrote:\n> earlier text"]
    assert doc.meta == {
        "from": "Sam Sender <sam@example.com>",
        "to": "rita@example.org",
        "cc": "carl@example.net",
        "subject": "Q3 invoice",
        "date": "2024-03-01T09:30:00+00:00",
        "message_id": "<abc123@example.com>",
    }


@pytest.mark.parametrize(
    ("body", "html", "expected"),
    [
        pytest.param("plain wins", "<p>html loses</p>", "plain wins", id="plain-preferred"),
        pytest.param(
            "   \n",
            "<p>only <b>html</b></p><script>x()</script>",
            "only html",
            id="html-when-plain-empty",
        ),
    ],
)
def test_mail_body_choice(body: str, html: str, expected: str) -> None:
    doc = leakclf.extract(make.eml_bytes(body=body, html=html), name="m.eml", config=Config())[0]
    assert _text_of(doc, "body") == [expected]


@pytest.mark.parametrize(
    "prefix",
    [
        pytest.param(b"\xef\xbb\xbf", id="utf8-bom"),
        pytest.param(b"\r\n\r\n", id="blank-lines"),
    ],
)
def test_mail_with_junk_before_the_headers(prefix: bytes) -> None:
    doc = leakclf.extract(prefix + make.eml_bytes(), name="m.eml", config=Config())[0]
    assert doc.media_type == "message/rfc822" and doc.meta["subject"] == "Q3 invoice"


def test_unknown_pdf_engine_lists_the_valid_ones() -> None:
    with pytest.raises(leakclf.ConfigError, match=r"'pdfium', 'pdfminer'"):
        leakclf.extract(b"text", name="t.txt", config=Config(extract=ExtractConfig(pdf_engine="x")))


TRACKED = (
    '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
    '<w:ins w:id="1" w:author="A"><w:r><w:t>inserted</w:t></w:r></w:ins>'
    '<w:del w:id="2" w:author="A"><w:r><w:delText>deleted words</w:delText></w:r></w:del>'
    "<w:r><w:tab/><w:t>after tab</w:t></w:r></w:p>"
)
CONTROL = (
    "<w:sdt><w:sdtPr><w:alias w:val='Name'/></w:sdtPr><w:sdtContent>"
    "<w:p><w:r><w:t>In a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
)
MERGED = (
    "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr><w:p><w:r><w:t>Top</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>r1</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>r2</w:t></w:r></w:p></w:tc></w:tr>"
    "</w:tbl>"
)


@pytest.mark.parametrize(
    ("xml", "body_tail", "extra"),
    [
        pytest.param(
            TRACKED,
            "Kept inserted\tafter tab",
            [("tracked deletions", "deleted words")],
            id="tracked-changes",
        ),
        pytest.param(CONTROL, "In a content control", [], id="content-control"),
        pytest.param(MERGED, "Top\tr1\n\tr2", [], id="vertically-merged-cell-once"),
    ],
)
def test_docx_text_python_docx_would_miss(
    xml: str, body_tail: str, extra: list[tuple[str, str]]
) -> None:
    doc = leakclf.extract(make.docx_with_body_xml(xml), name="t.docx", config=Config())[0]
    body = doc.parts[0]
    assert (body.kind, body.name) == ("body", None)
    assert doc.text[body.start : body.end].endswith("Last paragraph after the table.\n" + body_tail)
    assert [
        (p.name, doc.text[p.start : p.end]) for p in doc.parts if p.name == "tracked deletions"
    ] == extra


def _raw_mail(content_type: str, body: bytes) -> bytes:
    head = f"From: a@example.com\r\nTo: b@example.org\r\nSubject: s\r\nContent-Type: {content_type}\r\n"
    return head.encode() + b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body


@pytest.mark.parametrize(
    ("data", "body"),
    [
        pytest.param(
            _raw_mail('text/plain; charset="us-ascii"', "Grüße aus Köln".encode()),
            "Grüße aus Köln",
            id="declared-ascii-is-utf8",
        ),
        pytest.param(
            _raw_mail('text/plain; charset="utf-8"', "Grüße aus Köln, Straße 5".encode("cp1252")),
            "Grüße aus Köln, Straße 5",
            id="declared-utf8-is-cp1252",
        ),
        pytest.param(
            _raw_mail('text/plain; charset="x-unknown"', b"plain words"),
            "plain words",
            id="unknown-charset",
        ),
        pytest.param(
            _raw_mail(
                'multipart/mixed; boundary="abc"',
                b"This is a multi-part message in MIME format.\r\n--abc\r\n"
                b"Content-Type: text/plain\r\n\r\nthe body\r\n--abc--\r\n",
            ),
            "the body",
            id="boilerplate-preamble-dropped",
        ),
        pytest.param(
            _raw_mail(
                'multipart/mixed; boundary="abc"',
                b"hidden preamble\r\n--abc\r\nContent-Type: text/plain\r\n\r\n"
                b"the body\r\n--abc--\r\nhidden epilogue",
            ),
            "the body\n\nhidden preamble\n\nhidden epilogue",
            id="preamble-and-epilogue-kept",
        ),
    ],
)
def test_mail_body_decoding(data: bytes, body: str) -> None:
    doc = leakclf.extract(data, name="m.eml", config=Config())[0]
    assert doc.text.split("\n\n", 1)[1] == body


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"<!DOCTYPE html>", id="doctype-only"),
        pytest.param(b"<!DOCTYPE html><!-- only a comment -->", id="comment-only"),
        pytest.param(b"<html><script>var a = 'not visible';</script></html>", id="script-only"),
    ],
)
def test_html_without_visible_text_is_ok_and_empty(data: bytes) -> None:
    doc = leakclf.extract(data, name="x.html", config=Config())[0]
    assert (doc.media_type, doc.status, doc.text) == ("text/html", "ok", "")
