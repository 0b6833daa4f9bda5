"""PDF: pypdfium2 by default (fast), pdfminer.six as the fallback and as ``pdf_engine="pdfminer"``.

One ``page`` part per page. ``meta`` says whether the file is encrypted (an owner password
only: it still opens) and whether it carries AcroForm signature fields (``/FT /Sig``).
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from leakclf.errors import EncryptedFile, OcrUnavailable
from leakclf.extractors.accents import join_accents
from leakclf.extractors.base import Child, Job, limit_error, member_cap
from leakclf.extractors.images import ocr_allowed, ocr_into
from leakclf.extractors.pdf_salvage import salvage, unstack

if TYPE_CHECKING:
    from PIL.Image import Image

_SIG_FIELD = re.compile(rb"/FT\s*/Sig\b")
_PDF_DATE = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?"
)
_INFO_KEYS = {
    "Title": "title",
    "Author": "author",
    "CreationDate": "created",
    "ModDate": "modified",
}


def extract_pdf(data: bytes, job: Job) -> None:
    try:
        _read(data, job)
    except (EncryptedFile, OcrUnavailable):
        raise
    except Exception as exc:
        rebuilt = salvage(data)
        if rebuilt is None:
            raise
        if not _read_salvaged(rebuilt[0], job):
            raise exc from None
        job.meta["salvaged_pages"] = rebuilt[1]
        job.hit("damaged")  # the text is what survived, not the whole document


def _read_salvaged(data: bytes, job: Job) -> bool:
    """Read a rebuilt PDF with pdfium, then pdfminer (which copes better with lost fonts)."""
    for engine in ("pdfium", "pdfminer"):
        _restart(job, f"salvaged, {engine}")
        try:
            if engine == "pdfium":
                _pdfium(data, job)
            else:
                _pdfminer(data, job, fix=unstack)
        except Exception:  # noqa: BLE001, S112 — this engine cannot read the rebuilt file either
            continue
        if job.text.text().strip():
            return True
    return False


def _read(data: bytes, job: Job) -> None:
    if job.ctx.pdf_engine == "pdfminer":
        _pdfminer(data, job)
        return
    import pypdfium2 as pdfium  # load time: pypdfium2 only when used

    try:
        _pdfium(data, job)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
            raise _encrypted(job) from exc
        _restart(job, "pdfminer")
        _pdfminer(data, job)


def _restart(job: Job, why: str) -> None:
    """Start the text over (another engine, or a rebuilt file); limits already hit stay."""
    job.text = type(job.text)(job.text.max_chars)
    job.ocr_words.clear()
    job.meta.clear()
    job.meta["engine_fallback"] = why


def _encrypted(job: Job) -> EncryptedFile:
    return EncryptedFile(
        f"{job.label}: the PDF is password-protected; leakclf never guesses passwords — "
        "decrypt it (e.g. qpdf --password=... --decrypt) and scan the copy",
        source=job.label,
    )


def _pdfium(data: bytes, job: Job) -> None:
    import pypdfium2 as pdfium  # load time: pypdfium2 only when used
    from pypdfium2 import raw

    pdf = pdfium.PdfDocument(data)
    try:
        pages = len(pdf)
        info = pdf.get_metadata_dict(skip_empty=True)
        job.meta.update(_info(info))
        job.meta["pages"] = pages
        job.meta["encrypted"] = raw.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1
        job.meta["signature_fields"] = bool(
            _SIG_FIELD.search(data) or raw.FPDF_GetSignatureCount(pdf.raw) > 0
        ) or (b"/ObjStm" in data and _pdfminer_sig_fields(data))
        scans = _Scans(job)
        for i in range(pages):
            if _stop(job, i):
                break
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                textpage.close()
                text = join_accents(text.replace("\r\n", "\n").replace("\r", "\n"))
                job.text.add("page", text, f"page {i + 1}")
                scans.page(page, text, f"page {i + 1}")
            finally:
                page.close()
        scans.finish()
        job.children = _embedded_files(pdf, job)  # read now: the document closes below
    finally:
        pdf.close()


class _Scans:
    """OCR of the pages that need it: no text layer (or fewer than ``ocr.min_text_chars``
    characters) and at least one image, in ``auto``; every page in ``force``; none in ``off``.

    Without Tesseract the text layer is still read; a PDF that had nothing else raises
    OcrUnavailable, one with some text records ``ocr_unavailable`` in ``limits_hit``.
    """

    def __init__(self, job: Job) -> None:
        self.job = job
        self.mode = job.ctx.ocr.mode
        self.missing: OcrUnavailable | None = None
        self.needed = 0  # pages that needed OCR

    def page(self, page: Any, text: str, name: str) -> None:
        if self.mode == "off":
            self.needed += _scanned(page, text, self.job)
            return
        if self.mode == "auto" and not _scanned(page, text, self.job):
            return
        self.needed += 1
        if self.missing is not None or not ocr_allowed(self.job):
            return
        image = _render(page, self.job)
        try:
            ocr_into(self.job, image, name)
        except OcrUnavailable as exc:
            self.missing = exc

    def finish(self) -> None:
        self.job.meta["scanned_pages"] = self.needed
        if self.missing is None:
            return
        if not self.job.text.text().strip():
            raise self.missing
        self.job.hit("ocr_unavailable")


def _scanned(page: Any, text: str, job: Job) -> bool:
    """A page whose text layer is (almost) empty and that shows an image."""
    from pypdfium2 import raw  # load time: pdfium only when a PDF is read

    if len(text.strip()) >= job.ctx.ocr.min_text_chars:
        return False
    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def _render(page: Any, job: Job) -> Image:
    """The page as a greyscale image at ``ocr.dpi``, lowered to fit ``limits.max_image_pixels``."""
    width, height = page.get_size()  # points, 1/72 inch
    scale = job.ctx.ocr.dpi / 72
    cap = job.ctx.limits.max_image_pixels
    if width * height * scale * scale > cap:
        scale = max((cap / max(width * height, 1.0)) ** 0.5, 0.01)
        job.hit("max_image_pixels")
    return page.render(scale=scale, grayscale=True).to_pil()


def _embedded_files(pdf: Any, job: Job) -> list[Child]:
    """Files embedded in the PDF (attachments, portfolios), bounded like archive members."""
    import ctypes  # load time: ctypes only when used

    from pypdfium2 import raw  # load time: pypdfium2 only when used

    out: list[Child] = []
    count = pdf.count_attachments()
    if count:
        job.expected = count
    for i in range(count):
        if i >= job.ctx.limits.max_attachments:
            job.hit("max_attachments")
            break
        att = pdf.get_attachment(i)
        name = (att.get_name() or f"embedded-{i + 1}.bin").replace("\\", "/").rsplit("/", 1)[-1]
        size = ctypes.c_ulong()
        raw.FPDFAttachment_GetFile(att, None, 0, size)
        cap, limit = member_cap(job.ctx, size.value)  # compressed size unknown: no ratio check
        if size.value > cap:
            job.hit(limit)
            out.append(
                Child(
                    name, None, limit_error(f"{job.label}!/{name}", limit, f"is {size.value} bytes")
                )
            )
            continue
        data = bytes(att.get_data()) if size.value else b""
        job.ctx.unpacked += len(data)
        out.append(Child(name, data))
    return out


def _stop(job: Job, index: int) -> bool:
    if index >= job.ctx.limits.max_pages:
        job.hit("max_pages")
        return True
    return job.over_time() or job.text.full


def _pdfminer(data: bytes, job: Job, fix: Callable[[str], str] | None = None) -> None:
    from pdfminer.converter import TextConverter  # load time: pdfminer only when used
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = PDFDocument(PDFParser(io.BytesIO(data)))
        except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
            raise _encrypted(job) from exc
        info: dict[str, Any] = {}
        for entry in doc.info:
            info.update({k: _pdfminer_str(v) for k, v in entry.items()})
        job.meta.update(_info(info))
        job.meta["encrypted"] = doc.encryption is not None
        job.meta["signature_fields"] = bool(_SIG_FIELD.search(data)) or _sig_fields(doc)
        rsrc, laparams = PDFResourceManager(), LAParams()
        count = 0
        for i, page in enumerate(PDFPage.create_pages(doc)):
            if _stop(job, i):
                break
            buf = io.StringIO()
            device = TextConverter(rsrc, buf, laparams=laparams)
            PDFPageInterpreter(rsrc, device).process_page(page)
            device.close()
            text = join_accents(buf.getvalue().replace("\x0c", ""))
            job.text.add("page", fix(text) if fix else text, f"page {i + 1}")
            count = i + 1
        job.meta["pages"] = _page_count(doc) or count


def _page_count(doc: Any) -> int | None:
    from pdfminer.pdftypes import resolve1  # load time: pdfminer only when used

    try:
        count = resolve1(resolve1(doc.catalog["Pages"])["Count"])
    except (KeyError, TypeError, AttributeError):
        return None
    return count if isinstance(count, int) else None


def _pdfminer_sig_fields(data: bytes) -> bool:
    """Signature fields hidden in compressed object streams (pdfium counts only signed ones)."""
    from pdfminer.pdfdocument import PDFDocument  # load time: pdfminer only when used
    from pdfminer.pdfparser import PDFParser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _sig_fields(PDFDocument(PDFParser(io.BytesIO(data))))
    except Exception:  # noqa: BLE001 — best effort: a damaged form dictionary means "not found"
        return False


def _sig_fields(doc: Any) -> bool:
    from pdfminer.pdftypes import resolve1  # load time: pdfminer only when used

    form = resolve1(doc.catalog.get("AcroForm"))
    if not isinstance(form, dict):
        return False
    stack, seen = list(resolve1(form.get("Fields")) or []), 0
    while stack and seen < 10_000:
        seen += 1
        field = resolve1(stack.pop())
        if not isinstance(field, dict):
            continue
        if getattr(resolve1(field.get("FT")), "name", None) == "Sig":
            return True
        stack.extend(resolve1(field.get("Kids")) or [])
    return False


def _pdfminer_str(value: Any) -> str:
    from pdfminer.pdftypes import resolve1  # load time: pdfminer only when used
    from pdfminer.utils import decode_text

    value = resolve1(value)
    return decode_text(value) if isinstance(value, bytes) else str(value)


def _info(info: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, name in _INFO_KEYS.items():
        value = str(info.get(key) or "").strip()
        out[name] = _pdf_date(value) if key.endswith("Date") else value or None
    return out


def _pdf_date(value: str) -> str | None:
    """``D:20240131120000+01'00'`` -> ``2024-01-31T12:00:00+01:00``."""
    m = _PDF_DATE.match(value)
    if not m:
        return None
    y, mo, d, h, mi, s, tz, tzh, tzm = m.groups()
    out = f"{y}-{mo or '01'}-{d or '01'}T{h or '00'}:{mi or '00'}:{s or '00'}"
    if tz in ("Z", "z"):
        out += "+00:00"
    elif tz in ("+", "-"):
        out += f"{tz}{tzh or '00'}:{tzm or '00'}"
    return out
