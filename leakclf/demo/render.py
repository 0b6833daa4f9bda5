"""Render a composed Spec as text, PDF, DOCX, XLSX, PPTX, HTML, RTF or CSV bytes, deterministically.

Zip-based Office files are rewritten with fixed timestamps (``fixed_zip``) so the same
seed gives the same bytes.
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from collections.abc import Iterator

from leakclf.demo.compose import Block, Spec

FIXED_TIME = (2024, 1, 2, 3, 4, 5)
_ISO = "2024-01-02T03:04:05Z"


def lines(spec: Spec, *, sep: str = "\t", kv: str = ": ") -> Iterator[str]:
    """The document as plain lines: the shared view every format renders."""
    for block in spec.blocks:
        kind = block[0]
        if kind in ("title", "heading"):
            yield block[1]
        elif kind == "para":
            yield from block[1].split("\n")
        elif kind == "kv":
            yield from (f"{k}{kv}{v}" for k, v in block[1])
        elif kind == "table":
            yield sep.join(block[1])
            yield from (sep.join(r) for r in block[2])
        elif kind == "bullets":
            yield from (f"- {t}" for t in block[1])
        elif kind == "sig":
            yield from block[1]
        yield ""


def to_text(spec: Spec) -> bytes:
    return "\n".join(lines(spec)).encode("utf-8")


def to_pdf(spec: Spec) -> bytes:
    from fpdf import FPDF  # load time: fpdf only when used

    pdf = FPDF()
    pdf.set_creation_date(_dt())
    pdf.set_producer("leakclf demo")
    pdf.add_page()
    for block in spec.blocks:
        size, style = {"title": (16, "B"), "heading": (12, "B")}.get(block[0], (10, ""))
        pdf.set_font("Helvetica", style, size)
        for line in _block_lines(block, sep="    "):
            pdf.multi_cell(0, 5, _latin1(line) or " ", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())


def to_docx(spec: Spec) -> bytes:
    import docx  # load time: docx only when used

    doc = docx.Document()
    for block in spec.blocks:
        kind = block[0]
        if kind == "title":
            doc.add_heading(block[1], level=0)
        elif kind == "heading":
            doc.add_heading(block[1], level=1)
        elif kind == "table":
            table = doc.add_table(rows=1 + len(block[2]), cols=len(block[1]))
            for r, row in enumerate([block[1], *block[2]]):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif kind == "bullets":
            for t in block[1]:
                doc.add_paragraph(t, style="List Bullet")
        else:
            for line in _block_lines(block):
                doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_zip(buf.getvalue())


def to_xlsx(spec: Spec) -> bytes:
    from openpyxl import Workbook  # load time: openpyxl only when used

    wb = Workbook()
    ws = wb.active
    ws.title = (spec.doc_type[:20] or "Sheet1").replace("_", " ")
    for block in spec.blocks:
        if block[0] == "table":
            ws.append(list(block[1]))
            for row in block[2]:
                ws.append([_number(c) for c in row])
        elif block[0] == "kv":
            for k, v in block[1]:
                ws.append([k, v])
        else:
            for line in _block_lines(block):
                ws.append([line])
        ws.append([])
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_zip(buf.getvalue())


def to_pptx(spec: Spec) -> bytes:
    from pptx import Presentation  # load time: pptx only when used
    from pptx.util import Inches, Pt

    prs = Presentation()
    chunks: list[list[str]] = [[]]
    for block in spec.blocks:
        if block[0] in ("title", "heading") and chunks[-1]:
            chunks.append([])
        chunks[-1].extend(_block_lines(block, sep="  |  "))
    for chunk in chunks:
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = chunk[0] if chunk else ""
        box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(9), Inches(5)).text_frame
        box.text = "\n".join(chunk[1:])
        for para in box.paragraphs:
            for run in para.runs:
                run.font.size = Pt(12)
    buf = io.BytesIO()
    prs.save(buf)
    return fixed_zip(buf.getvalue())


def to_html(spec: Spec) -> bytes:
    out = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(_title(spec))}</title></head><body>",
    ]
    for block in spec.blocks:
        kind, esc = block[0], html.escape
        if kind == "title":
            out.append(f"<h1>{esc(block[1])}</h1>")
        elif kind == "heading":
            out.append(f"<h2>{esc(block[1])}</h2>")
        elif kind == "table":
            rows = [block[1], *block[2]]
            out.append(
                "<table>"
                + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
                + "</table>"
            )
        elif kind == "bullets":
            out.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in block[1]) + "</ul>")
        else:
            out.extend(f"<p>{esc(line)}</p>" for line in _block_lines(block))
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


def to_rtf(spec: Spec) -> bytes:
    body = []
    for line in lines(spec):
        text = "".join(
            c if ord(c) < 128 else f"\\'{ord(c):02x}" if ord(c) < 256 else "?"
            for c in line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        )
        body.append(text + "\\par")
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0\\fs22\n"
        + "\n".join(body)
        + "\n}"
    ).encode("ascii")


def to_csv(spec: Spec) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for block in spec.blocks:
        if block[0] == "table":
            writer.writerow(block[1])
            writer.writerows(block[2])
        elif block[0] == "kv":
            writer.writerows(block[1])
        else:
            writer.writerows([line] for line in _block_lines(block) if line)
    return buf.getvalue().encode("utf-8")


RENDERERS = {
    "pdf": to_pdf,
    "docx": to_docx,
    "xlsx": to_xlsx,
    "pptx": to_pptx,
    "html": to_html,
    "txt": to_text,
    "rtf": to_rtf,
    "csv": to_csv,
}


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member times and fixed Office core-property dates."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", _ISO.encode(), blob)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), blob, zipfile.ZIP_DEFLATED, 1)
    return buf.getvalue()


def _block_lines(block: Block, sep: str = "\t") -> list[str]:
    spec = Spec("", "", [block])
    return [line for line in lines(spec, sep=sep)][:-1]


def _title(spec: Spec) -> str:
    return next((b[1] for b in spec.blocks if b[0] == "title"), spec.subject or "Document")


def _number(cell: str) -> str | float:
    try:
        return float(cell.replace(",", "")) if re.fullmatch(r"[\d,]+\.\d\d", cell) else cell
    except ValueError:
        return cell


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def _dt():  # type: ignore[no-untyped-def]
    import datetime as _d  # load time: datetime only when used

    return _d.datetime(*FIXED_TIME, tzinfo=_d.UTC)
