"""Legacy and OpenDocument files for the demo dump: .xls (xlwt), .odt (ODF XML), .doc (fixtures).

- ``to_xls``: xlwt writes real Excel 97-2003 workbooks, the same rows as ``render.to_xlsx``.
- ``to_odt``: the ODF package is written directly (mimetype first and stored, content.xml,
  meta.xml, styles.xml, manifest), the same lines as ``render.to_docx``.
- ``.doc``: no library on these machines writes Word 97-2003. ``DOC_FIXTURES`` are three small
  files under ``leakclf/data/demo/``, made once by ``python -m leakclf.demo.legacy`` (below):
  demo Specs from a fixed seed rendered with ``render.to_docx`` and converted by LibreOffice
  (``soffice --headless --convert-to doc``), with their ground truth beside them in
  ``doc-fixtures.json``. Every value in them is fake (the demo's Faker data).
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from leakclf.demo.compose import Spec, compose
from leakclf.demo.containers import add_sensitive
from leakclf.demo.fakes import Fakes
from leakclf.demo.render import FIXED_TIME, _block_lines, _number, to_docx

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "demo"


def to_xls(spec: Spec) -> bytes:
    import xlwt  # load time: only when a .xls is written

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet((spec.doc_type[:20] or "Sheet1").replace("_", " "))
    row = 0

    def put(values: list[Any]) -> None:
        nonlocal row
        for col, value in enumerate(values):
            ws.write(row, col, value)
        row += 1

    for block in spec.blocks:
        if block[0] == "table":
            put(list(block[1]))
            for cells in block[2]:
                put([_number(c) for c in cells])
        elif block[0] == "kv":
            for k, v in block[1]:
                put([k, v])
        else:
            for line in _block_lines(block):
                put([line])
        row += 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def to_odt(spec: Spec) -> bytes:
    body: list[str] = []
    for block in spec.blocks:
        kind = block[0]
        if kind in ("title", "heading"):
            level = 1 if kind == "title" else 2
            body.append(f'<text:h text:outline-level="{level}">{escape(block[1])}</text:h>')
        elif kind == "table":
            rows = [block[1], *block[2]]
            cells = "".join(
                "<table:table-row>"
                + "".join(
                    f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in r
                )
                + "</table:table-row>"
                for r in rows
            )
            body.append(f"<table:table>{cells}</table:table>")
        else:
            body.extend(f"<text:p>{escape(line)}</text:p>" for line in _block_lines(block))
    xml = '<?xml version="1.0" encoding="UTF-8"?>'
    content = (f"{xml}<office:document-content {_NS}><office:body><office:text>"
               f"{''.join(body)}</office:text></office:body></office:document-content>")  # fmt: skip
    meta = (f"{xml}<office:document-meta {_NS}><office:meta><meta:generator>leakclf demo"
            "</meta:generator></office:meta></office:document-meta>")  # fmt: skip
    styles = f"{xml}<office:document-styles {_NS}/>"
    manifest = (
        f'{xml}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        + "".join(
            f'<manifest:file-entry manifest:full-path="{n}" manifest:media-type="text/xml"/>'
            for n in ("content.xml", "meta.xml", "styles.xml")
        )
        + "</manifest:manifest>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        parts = [("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
                 ("content.xml", content, zipfile.ZIP_DEFLATED),
                 ("meta.xml", meta, zipfile.ZIP_DEFLATED),
                 ("styles.xml", styles, zipfile.ZIP_DEFLATED),
                 ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)]  # fmt: skip
        for name, text, method in parts:
            zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), text, method)
    return buf.getvalue()


def doc_fixtures() -> list[tuple[str, bytes, dict[str, Any]]]:
    """(file name, .doc bytes, ground truth) of each committed Word 97-2003 fixture."""
    index = json.loads((FIXTURES / "doc-fixtures.json").read_text(encoding="utf-8"))
    return [(e["file"], (FIXTURES / e["file"]).read_bytes(), e) for e in index]


def fixture_specs(seed: int = 1997) -> list[Spec]:
    """The Specs the .doc fixtures were made from (the same seed gives the same Specs)."""
    rng, fakes = random.Random(seed), Fakes(seed, scale=10)
    specs = []
    for doc_type in ("contract", "invoice", "internal_note"):
        spec = compose(rng, fakes, doc_type, rng.randrange(10))
        add_sensitive(spec, fakes, rng)
        specs.append(spec)
    return specs


def build_doc_fixtures(out: Path = FIXTURES) -> None:
    """Write the .doc fixtures with LibreOffice (run once by hand; CI only reads them)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed to build the .doc fixtures")
    index = []
    out.mkdir(parents=True, exist_ok=True)
    for n, spec in enumerate(fixture_specs(), 1):
        doc_type = spec.doc_type
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"legacy-{n}.docx"
            src.write_bytes(to_docx(spec))
            subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", tmp,
                            str(src)], check=True, capture_output=True, timeout=300)  # fmt: skip
            name = f"legacy-{n}-{doc_type.replace('_', '-')}.doc"
            shutil.copy(Path(tmp) / f"legacy-{n}.doc", out / name)
        entities: dict[str, list[str]] = {}
        for label, value in spec.mentions.items:
            entities.setdefault(label, []).append(value)
        index.append({"file": name, "doc_type": spec.doc_type, "template": spec.template,
                      "signed": spec.signed, "entities": entities})  # fmt: skip
    (out / "doc-fixtures.json").write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    build_doc_fixtures()
