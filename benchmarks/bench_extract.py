"""Extraction speed per format, and pypdfium2 vs pdfminer.six side by side on the same PDFs.

    .venv/bin/python benchmarks/bench_extract.py [--pdfs 4] [--pages 25] [--repeat 3] [--twins-only]

Documents are generated in memory (fpdf2, python-docx, openpyxl, python-pptx, stdlib email/zipfile)
from seeded random business-like text. Prints a Markdown table for docs/performance.md.
Goal (issue 2): pdfium >= 15x pdfminer pages/s with >= 0.98 token overlap.

Legacy and OpenDocument twins (issue 16; goal: token overlap >= 0.95 with the modern twin):
- generated: demo Specs written as .xls (xlwt) and .xlsx, as .odt (ODF XML) and .docx, and the
  committed .doc fixtures against the .docx they were converted from (``leakclf.demo.legacy``);
- real: every .doc/.xls/.ppt/.odt/.ods/.odp in ``../shared/fixtures/real-world/legacy``
  converted by LibreOffice (``soffice --headless --convert-to docx|xlsx|pptx``) when soffice
  is installed (it is not part of ``make system``; the section says so when it is missing).
"""

from __future__ import annotations

import argparse
import io
import random
import re
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from leakclf.config import Config, ExtractConfig
from leakclf.errors import ExtractionError
from leakclf.extractors import extract

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "invoice",
    "total",
    "amount",
    "due",
    "payment",
    "terms",
    "net",
    "thirty",
    "days",
    "purchase",
    "order",
    "contract",
    "party",
    "agrees",
    "services",
    "deliverables",
    "schedule",
    "milestone",
    "acceptance",
    "signature",
    "confidential",
    "employee",
    "salary",
    "address",
    "phone",
    "account",
    "number",
    "project",
    "plan",
    "budget",
    "review",
    "approval",
    "vendor",
    "customer",
    "quantity",
    "unit",
    "price",
    "tax",
    "shipping",
    "delivery",
    "warranty",
    "liability",
    "termination",
    "notice",
    "governing",
    "law",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    words.insert(rng.randint(0, len(words)), f"{rng.randint(100, 99999)}.{rng.randint(10, 99)}")
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, n: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(n))


def make_pdf(rng: random.Random, pages: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for _ in range(pages):
        pdf.add_page()
        for _ in range(6):
            pdf.multi_cell(0, 5, paragraph(rng))
            pdf.ln(2)
    return bytes(pdf.output())


def make_docx(rng: random.Random) -> bytes:
    import docx

    d = docx.Document()
    for _ in range(40):
        d.add_paragraph(paragraph(rng))
    table = d.add_table(rows=30, cols=4)
    for row in table.rows:
        for cell in row.cells:
            cell.text = rng.choice(WORDS)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_xlsx(rng: random.Random) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(2000):
        ws.append([i, rng.choice(WORDS), rng.randint(1, 10**6), sentence(rng)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_pptx(rng: random.Random) -> bytes:
    import pptx

    deck = pptx.Presentation()
    for _ in range(20):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = sentence(rng)
        slide.placeholders[1].text = paragraph(rng, 3)
        slide.notes_slide.notes_text_frame.text = paragraph(rng, 2)
    buf = io.BytesIO()
    deck.save(buf)
    return buf.getvalue()


def make_eml(rng: random.Random) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.com", "b@example.org", sentence(rng)
    msg.set_content("\n\n".join(paragraph(rng) for _ in range(20)))
    msg.add_alternative("<html><body>" + "".join(f"<p>{paragraph(rng)}</p>" for _ in range(20)) + "</body></html>",
                        subtype="html")  # fmt: skip
    return msg.as_bytes()


def make_html(rng: random.Random) -> bytes:
    body = "".join(f"<div><h2>{sentence(rng)}</h2><p>{paragraph(rng)}</p></div>" for _ in range(60))
    return f"<!DOCTYPE html><html><head><script>var x=1;</script></head><body>{body}</body></html>".encode()


def make_zip(rng: random.Random) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(50):
            zf.writestr(f"dir/note-{i}.txt", paragraph(rng, 20))
    return buf.getvalue()


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def overlap(a: str, b: str) -> float:
    """Multiset token overlap: shared tokens / tokens of the longer text."""
    ta, tb = tokens(a), tokens(b)
    return sum((ta & tb).values()) / max(sum(ta.values()), sum(tb.values()), 1)


def timed(files: list[bytes], name: str, config: Config, repeat: int) -> tuple[float, list[str]]:
    best = float("inf")
    texts: list[str] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        texts = [extract(data, name=name, config=config)[0].text for data in files]
        best = min(best, time.perf_counter() - t0)
    return best, texts


def compare_dir(root: Path, pdfium: Config, pdfminer: Config) -> None:
    """The two engines on real PDFs: pages/s and token overlap (median and worst)."""
    paths = sorted(root.rglob("*.pdf"))
    t_fast = t_slow = 0.0
    pages, overlaps, failed = 0, [], 0
    for path in paths:
        data = path.read_bytes()
        try:
            t, (a,) = timed([data], path.name, pdfium, 1)
            t_fast += t
            t, (b,) = timed([data], path.name, pdfminer, 1)
            t_slow += t
        except ExtractionError:
            failed += 1
            continue
        pages += extract(data, name=path.name, config=pdfium)[0].meta.get("pages", 0)
        if a.strip() or b.strip():
            overlaps.append(overlap(a, b))
    overlaps.sort()
    print(f"Real PDFs under {root.name}/: {len(paths)} files ({failed} failed), {pages} pages")
    print(
        f"| pypdfium2 | {pages / t_fast:,.0f} pages/s | pdfminer.six | {pages / t_slow:,.1f} pages/s |"
    )
    print(
        f"\npdfium / pdfminer pages/s: **{t_slow / t_fast:.1f}x**; token overlap median "
        f"**{overlaps[len(overlaps) // 2]:.4f}**, worst {overlaps[0]:.4f}, "
        f"files >= 0.98: {sum(o >= 0.98 for o in overlaps)}/{len(overlaps)}\n"
    )


def _text(data: bytes, name: str) -> str:
    return "\n".join(d.text for d in extract(data, name=name, config=Config()))


def twins() -> None:
    """Token overlap between a legacy/ODF file and its modern twin."""
    import shutil
    import subprocess
    import tempfile

    from leakclf.demo import legacy, render
    from leakclf.demo.compose import compose
    from leakclf.demo.containers import add_sensitive
    from leakclf.demo.fakes import Fakes

    rng, fakes = random.Random(16), Fakes(16, scale=10)
    rows: list[tuple[str, float]] = []
    for n in range(10):
        spec = compose(rng, fakes, rng.choice(("invoice", "quote", "purchase_order")), n % 10)
        add_sensitive(spec, fakes, rng)
        rows.append(
            (
                "xls vs xlsx (generated)",
                overlap(_text(legacy.to_xls(spec), "a.xls"), _text(render.to_xlsx(spec), "a.xlsx")),
            )
        )
        rows.append(
            (
                "odt vs docx (generated)",
                overlap(_text(legacy.to_odt(spec), "a.odt"), _text(render.to_docx(spec), "a.docx")),
            )
        )
    for (_name, doc, _truth), spec in zip(legacy.doc_fixtures(), legacy.fixture_specs()):
        rows.append(
            (
                "doc vs docx (fixtures)",
                overlap(_text(doc, "a.doc"), _text(render.to_docx(spec), "a.docx")),
            )
        )
    soffice = shutil.which("soffice")
    real = ROOT.parent / "shared/fixtures/real-world/legacy"
    if soffice and real.is_dir():
        target = {
            "doc": "docx",
            "xls": "xlsx",
            "ppt": "pptx",
            "odt": "docx",
            "ods": "xlsx",
            "odp": "pptx",
        }
        for path in sorted(p for p in real.rglob("*") if p.suffix[1:] in target):
            to = target[path.suffix[1:]]
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(
                    [soffice, "--headless", "--convert-to", to, "--outdir", tmp, str(path)],
                    check=True,
                    capture_output=True,
                    timeout=300,
                )
                twin = (Path(tmp) / f"{path.stem}.{to}").read_bytes()
            rows.append(
                (
                    f"{path.suffix[1:]} vs {to} (real, LibreOffice)",
                    overlap(_text(path.read_bytes(), path.name), _text(twin, f"t.{to}")),
                )
            )
            print(f"  {path.name}: {rows[-1][1]:.4f}")
    else:
        print("soffice not installed: the real-world twins are skipped")
    print("| pair | files | mean overlap | worst |")
    print("|---|---:|---:|---:|")
    for pair in dict.fromkeys(p for p, _ in rows):
        vals = [v for p, v in rows if p == pair]
        print(f"| {pair} | {len(vals)} | {sum(vals) / len(vals):.4f} | {min(vals):.4f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pdfs", type=int, default=4)
    ap.add_argument("--pages", type=int, default=25)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pdf-dir", help="also compare the engines on every *.pdf under this folder")
    ap.add_argument("--twins-only", action="store_true", help="only the legacy/ODF twins")
    args = ap.parse_args()
    if args.twins_only:
        twins()
        return
    rng = random.Random(2)
    pdfium, pdfminer = Config(), Config(extract=ExtractConfig(pdf_engine="pdfminer"))

    pdfs = [make_pdf(rng, args.pages) for _ in range(args.pdfs)]
    pages = args.pdfs * args.pages
    mb = sum(map(len, pdfs)) / 1e6
    # Interleaved file by file, so load from other processes hits both engines alike;
    # pdfminer is slow, so it runs once per file (pdfium takes the best of --repeat).
    t_fast = t_slow = 0.0
    fast, slow = [], []
    for data in pdfs:
        t, texts = timed([data], "b.pdf", pdfium, args.repeat)
        t_fast, fast = t_fast + t, fast + texts
        t, texts = timed([data], "b.pdf", pdfminer, 1)
        t_slow, slow = t_slow + t, slow + texts
    ov = min(overlap(a, b) for a, b in zip(fast, slow, strict=True))
    print(f"PDF: {args.pdfs} files x {args.pages} pages, {mb:.2f} MB")
    print("| engine | pages/s | MB/s |")
    print("|---|---:|---:|")
    print(f"| pypdfium2 | {pages / t_fast:,.0f} | {mb / t_fast:.2f} |")
    print(f"| pdfminer.six | {pages / t_slow:,.1f} | {mb / t_slow:.3f} |")
    print(
        f"\npdfium / pdfminer pages/s: **{t_slow / t_fast:.1f}x**; token overlap (worst file): **{ov:.4f}**\n"
    )

    if args.pdf_dir:
        compare_dir(Path(args.pdf_dir), pdfium, pdfminer)

    builders: list[tuple[str, str, Callable[[random.Random], bytes], int]] = [
        ("DOCX", "b.docx", make_docx, 8), ("XLSX", "b.xlsx", make_xlsx, 3),
        ("PPTX", "b.pptx", make_pptx, 5), ("EML", "b.eml", make_eml, 20),
        ("HTML", "b.html", make_html, 20), ("ZIP (50 txt members)", "b.zip", make_zip, 10),
    ]  # fmt: skip
    print("| format | files | docs/s | MB/s | chars/file |")
    print("|---|---:|---:|---:|---:|")
    for label, name, build, count in builders:
        files = [build(rng) for _ in range(count)]
        size = sum(map(len, files)) / 1e6
        t, texts = timed(files, name, pdfium, args.repeat)
        chars = sum(map(len, texts)) // count
        print(f"| {label} | {count} | {count / t:,.1f} | {size / t:.2f} | {chars:,} |")
    twins()


if __name__ == "__main__":
    main()
