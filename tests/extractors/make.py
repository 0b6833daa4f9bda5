"""Builders for test files with known content, all in memory."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import tarfile
import zipfile
from email.message import EmailMessage
from typing import Any

WHEN = dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC)


def docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = "Statement of Work"
    d.core_properties.author = "Ada Author"
    d.core_properties.last_modified_by = "Max Editor"
    d.core_properties.created = WHEN.replace(tzinfo=None)
    d.core_properties.modified = WHEN.replace(tzinfo=None)
    d.add_paragraph("First paragraph of the body.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Price"
    table.cell(1, 0).text, table.cell(1, 1).text = "Widget", "42.00"
    para = d.add_paragraph("Last paragraph after the table.")
    d.sections[0].header.paragraphs[0].text = "ACME Confidential header"
    d.sections[0].footer.paragraphs[0].text = "Page footer text"
    d.add_comment(para.runs, text="Reviewer comment here", author="Rita Reviewer")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Payroll"
    ws.append(["Name", "Salary"])
    ws.append(["Alice Example", 5000])
    ws2 = wb.create_sheet("Notes")
    ws2["A1"] = "second sheet text"
    wb.properties.creator = "Sheet Author"
    wb.properties.title = "Payroll 2024"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pptx_bytes() -> bytes:
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    for n in (1, 2):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = f"Slide {n} title"
        slide.placeholders[1].text = f"Bullet on slide {n}"
        slide.notes_slide.notes_text_frame.text = f"Speaker notes {n}"
    rows = deck.slides[1].shapes.add_table(1, 2, Inches(1), Inches(4), Inches(4), Inches(1))
    rows.table.cell(0, 0).text, rows.table.cell(0, 1).text = "cellA", "cellB"
    deck.core_properties.author = "Deck Author"
    buf = io.BytesIO()
    deck.save(buf)
    return buf.getvalue()


def pdf_bytes(
    pages: tuple[str, ...] = ("Invoice page one", "Total due page two"),
    *,
    title: str = "Q3 Invoice",
    password: str | None = None,
) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author("Pdf Author")
    pdf.set_creation_date(WHEN)
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    if password is not None:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="owner",
            user_password=password,
            encryption_method=EncryptionMethod.AES_128,
        )
    return bytes(pdf.output())


def eml_bytes(
    *,
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    body: str | None = None,
    html: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Sam Sender <sam@example.com>"
    msg["To"] = "rita@example.org"
    msg["Cc"] = "carl@example.net"
    msg["Subject"] = "Q3 invoice"
    msg["Date"] = "Fri, 01 Mar 2024 09:30:00 +0000"
    msg["Message-ID"] = "<abc123@example.com>"
    msg.set_content(
        body or "Please find the invoice attached.\n\nOn Thu, Rita wrote:\n> earlier text\n"
    )
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, data, ctype in attachments:
        if ctype == "message/rfc822":
            import email
            import email.policy

            msg.add_attachment(email.message_from_bytes(data, policy=email.policy.default))
        else:
            maintype, subtype = ctype.split("/")
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def zip_bytes(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def tar_bytes(members: dict[str, bytes], *, gz: bool = False) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz" if gz else "w") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def gz_bytes(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def mbox_bytes(messages: list[bytes]) -> bytes:
    out = b""
    for m in messages:
        body = m.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        out += b"From sender@example.com Fri Mar  1 09:30:00 2024\n" + body + b"\n"
    return out


def html_bytes() -> bytes:
    return (
        b"<!DOCTYPE html><html><head><title>Offer letter</title><style>.x{color:red}</style>"
        b"<script>var secret='hidden';</script></head><body><h1>Offer</h1><p>Dear Jo,</p>"
        b"<p>Salary: 50,000<br>Start: May</p><!-- a comment --><img src='http://x.invalid/a.png'>"
        b"</body></html>"
    )


def rtf_bytes() -> bytes:
    return rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Rich text body caf\'e9.\par Second line.\par}"


def encrypted_docx_bytes() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(docx_bytes())).encrypt("pw", out)
    return out.getvalue()


def legacy_ole_bytes(stream: str) -> bytes:
    """An OLE container whose main stream is renamed to ``stream`` (e.g. "WordDocument")."""
    data = bytearray(encrypted_docx_bytes())
    old = "EncryptedPackage".encode("utf-16-le")
    at = data.index(old)  # the name field starts its 128-byte directory entry
    data[at : at + 64] = (stream.encode("utf-16-le") + b"\x00" * 64)[:64]
    data[at + 64 : at + 66] = ((len(stream) + 1) * 2).to_bytes(2, "little")
    return bytes(data)


def signed_pdf_bytes() -> bytes:
    """A one-page PDF with an (unsigned) AcroForm signature field."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 1 >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] /Contents 5 0 R"
            b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
        ),
        b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [10 10 100 40] /P 3 0 R >>",
    ]
    content = b"BT /F1 12 Tf 20 100 Td (Signed agreement) Tj ET"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def lying_zip_bytes(real: bytes, declared: int) -> bytes:
    """A zip whose single member declares ``declared`` bytes but inflates to ``real``."""
    data = bytearray(zip_bytes({"bomb.txt": real}))
    size = len(real).to_bytes(4, "little")
    fake = declared.to_bytes(4, "little")
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(sig)
        assert data[at + off : at + off + 4] == size
        data[at + off : at + off + 4] = fake
    return bytes(data)


def docx_with_box_and_footnote() -> bytes:
    """A DOCX whose document.xml carries a text box, plus a footnotes part (python-docx writes neither)."""
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    box = (
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    notes = (
        f'<?xml version="1.0"?><w:footnotes xmlns:w="{W}">'
        f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>Footnote text</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    src = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    members = {}
    for name in src.namelist():
        data = src.read(name)
        if name == "word/document.xml":
            data = data.replace(b"<w:sectPr", box.encode() + b"<w:sectPr", 1)
        if name == "word/_rels/document.xml.rels":
            rel = (
                b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/'
                b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'
            )
            data = data.replace(b"</Relationships>", rel)
        if name == "[Content_Types].xml":
            ct = (
                b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.wordprocessingml.footnotes+xml"/></Types>'
            )
            data = data.replace(b"</Types>", ct)
        members[name] = data
    members["word/footnotes.xml"] = notes.encode()
    return zip_bytes(members)


def docx_with_body_xml(xml: str) -> bytes:
    """The standard test DOCX with ``xml`` (WordprocessingML blocks) inserted at the end of the body."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    members = {n: src.read(n) for n in src.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:sectPr", xml.encode() + b"<w:sectPr", 1
    )
    return zip_bytes(members)


def grouped_pptx_bytes() -> bytes:
    """One slide with a text box inside a group shape."""
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    box.text_frame.text = "Inside a group"
    buf = io.BytesIO()
    deck.save(buf)
    return buf.getvalue()


def pdf_with_attachment_bytes(name: str, data: bytes) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Cover page")
    pdf.embed_file(bytes=data, basename=name)
    return bytes(pdf.output())


def xls_bytes(sheets: dict[str, list[list[object]]] | None = None) -> bytes:
    """A real Excel 97-2003 workbook written by xlwt."""
    import xlwt

    sheets = sheets or {
        "Payroll": [["Name", "Salary", "Start"], ["Alice Example", 5000, dt.date(2024, 3, 1)]],
        "Notes": [["second sheet text"]],
    }
    wb = xlwt.Workbook(encoding="utf-8")
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    ws.write(r, c, value, dates)
                else:
                    ws.write(r, c, value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def odf_bytes(
    kind: str, body: str, *, styles: str = "", encrypted: bool = False, doctype: str = ""
) -> bytes:
    """An OpenDocument package: ``kind`` is text/spreadsheet/presentation, ``body`` its XML."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {_ODF_NS}>'
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODF_NS}><office:meta>'
        "<dc:title>Statement of Work</dc:title><meta:initial-creator>Ada Author"
        "</meta:initial-creator><meta:creation-date>2024-03-01T09:30:00</meta:creation-date>"
        "</office:meta></office:document-meta>"
    )
    style_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODF_NS}>'
        f"<office:master-styles>{styles}</office:master-styles></office:document-styles>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        + ("<manifest:encryption-data/>" if encrypted else "")
        + "</manifest:file-entry></manifest:manifest>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "mimetype",
            f"application/vnd.oasis.opendocument.{kind}",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("styles.xml", style_xml, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def text_image(lines: tuple[str, ...], *, width: int = 1100, size: int = 40) -> Any:
    """A white greyscale image with ``lines`` of black text (Pillow's bundled FreeType font)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=size)
    image = Image.new("L", (width, 40 + len(lines) * size * 2), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((30, 20 + n * size * 2), line, font=font, fill=0)
    return image


def image_bytes(image: Any, fmt: str, **kwargs: Any) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


def scanned_pdf_bytes(images: list[Any], *, text: str | None = None) -> bytes:
    """A PDF whose pages are the given images only (no text layer); ``text`` adds a typed page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    if text is not None:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    for image in images:
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=190)
    return bytes(pdf.output())


def bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` x ``height`` pixels (CRC fixed up)."""
    import struct
    import zlib

    from PIL import Image

    data = bytearray(image_bytes(Image.new("L", (8, 8), 255), "PNG"))
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def docx_with_image(image: Any, text: str = "") -> bytes:
    import docx
    from docx.shared import Inches

    d = docx.Document()
    if text:
        d.add_paragraph(text)
    d.add_picture(io.BytesIO(image_bytes(image, "PNG")), width=Inches(6))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def pptx_with_image(image: Any) -> bytes:
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    slide.shapes.add_picture(io.BytesIO(image_bytes(image, "PNG")), Inches(0.5), Inches(0.5),
                             width=Inches(9))  # fmt: skip
    buf = io.BytesIO()
    deck.save(buf)
    return buf.getvalue()


def eml_with_attachment(name: str, data: bytes, maintype: str, subtype: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "sender@example.com"
    msg["To"] = "to@example.com"
    msg["Subject"] = "scan attached"
    msg.set_content("See the scan.")
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()
