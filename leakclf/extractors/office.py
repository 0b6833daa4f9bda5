"""Office Open XML: package checks, XLSX (openpyxl's read-only sheets), PPTX; DOCX is in word.py.

PPTX: the slides listed by the presentation part and their notes slides are the only parts read
(``opc.Package``), then walked with python-pptx's shape classes; opening the whole package with
python-pptx parsed every layout, master and theme first (twice the CPU). Core properties are read from ``docProps/core.xml`` directly, so files without one get no
made-up author or dates from a library default. Declared member sizes are checked against
the limits before any library unpacks the package (zipfile never returns more than declared).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from leakclf.errors import CorruptFile, EncryptedFile, UnsupportedFormat
from leakclf.extractors.base import RATIO_FLOOR, Job, iso_date, limit_error
from leakclf.extractors.images import ocr_package_images
from leakclf.extractors.opc import Package
from leakclf.extractors.sheets import worksheets

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RID = f"{{{_R}}}id"
_NOTES = f"{_R}/notesSlide"
_PPTX_MAIN = (  # what python-pptx opens: a presentation, macro-enabled or not
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
)

_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "last_modified_by": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy",
    "created": "{http://purl.org/dc/terms/}created",
    "modified": "{http://purl.org/dc/terms/}modified",
}


def check_zip(zf: zipfile.ZipFile, job: Job) -> None:
    """Refuse packages whose declared sizes break the ratio or total limits, and read core.xml
    (before any part is unpacked; the handler's own open package, not a second one)."""
    from lxml import etree  # load time: lxml only when used

    limits = job.ctx.limits
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    if total > job.ctx.budget():
        raise limit_error(job.label, "max_total_uncompressed", f"unpacks to {total} bytes")
    for info in infos:
        if info.file_size > max(info.compress_size * limits.max_ratio, RATIO_FLOOR):
            raise limit_error(job.label, "max_ratio", "has a part that is a likely zip bomb")
    job.ctx.unpacked += total
    if "docProps/core.xml" not in zf.namelist():
        return
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(zf.read("docProps/core.xml"), parser)
    for name, tag in _CORE.items():
        el = root.find(tag)
        if el is not None and el.text and el.text.strip():
            value = el.text.strip()
            job.meta[name] = iso_date(value) if name in ("created", "modified") else value


def extract_xlsx(data: bytes, job: Job) -> None:
    """Cell values as openpyxl's read-only reader gives them (``sheets``), a line per row."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        check_zip(zf, job)
        for ws in worksheets(zf):
            if job.over_time() or job.text.full:
                break
            job.text.add("sheet", "\n".join(_rows(ws.iter_rows(values_only=True), job)), ws.title)


def _rows(rows: Iterable[tuple[Any, ...]], job: Job) -> Iterator[str]:
    budget = job.text.max_chars
    for n, row in enumerate(rows):
        if n % 1000 == 0 and job.over_time():
            return
        line = "\t".join("" if v is None else str(v) for v in row).rstrip("\t")
        if line:
            budget -= len(line) + 1
            yield line
            if budget < 0:  # the text builder truncates; stop reading rows
                return


def extract_pptx(data: bytes, job: Job) -> None:
    from pptx.oxml import parse_xml  # load time: pptx only when used
    from pptx.slide import NotesSlide, Slide

    package = Package(data)
    try:
        check_zip(package.zip, job)
        main = package.main()
        if (kind := package.content_type(main)) not in _PPTX_MAIN:
            raise ValueError(f"not a PowerPoint file: the main part is {kind}")
        related = {rel.rid: rel.target for rel in package.rels(main)}
        ids = parse_xml(package.blob(main)).find(f"{_P}sldIdLst")
        for i, sld in enumerate(ids if ids is not None else (), 1):
            if job.over_time() or job.text.full:
                break
            part = related[sld.get(_RID)]
            # no part object: shapes and text frames read only their own XML
            slide = Slide(parse_xml(package.blob(part)), None)  # type: ignore[arg-type]
            job.text.add("slide", "\n".join(_shapes(slide.shapes)), f"slide {i}")
            notes = [r.target for r in package.rels(part) if r.reltype == _NOTES]
            if len(notes) > 1:
                raise ValueError("a slide with more than one notes slide")
            if notes:
                notes_slide = NotesSlide(parse_xml(package.blob(notes[0])), None)  # type: ignore[arg-type]
                frame = notes_slide.notes_text_frame
                if frame is not None:
                    job.text.add("notes", frame.text, f"slide {i}")
    finally:
        package.close()
    ocr_package_images(data, job, "ppt/media/")


def _shapes(shapes: Iterable[Any]) -> Iterator[str]:
    from pptx.shapes.group import GroupShape  # load time: pptx only when used

    for shape in shapes:
        if isinstance(shape, GroupShape):  # shape_type can raise on unknown shapes; this cannot
            yield from _shapes(shape.shapes)
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            yield shape.text_frame.text
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                yield "\t".join(cell.text for cell in row.cells)


def encrypted_ooxml(data: bytes, job: Job) -> None:
    raise EncryptedFile(
        f"{job.label}: a password-protected Office document (encrypted OOXML package); leakclf "
        "never guesses passwords — decrypt it (e.g. msoffcrypto-tool -p PASSWORD in out) "
        "and scan the copy",
        source=job.label,
    )


def other_ole(data: bytes, job: Job) -> None:
    """An OLE compound file that is no Office/Outlook kind leakclf knows, or a damaged one."""
    import olefile  # load time: olefile only when used

    try:
        with olefile.OleFileIO(io.BytesIO(data)):
            pass
    except Exception as exc:  # olefile raises OSError and others on damage
        raise CorruptFile(
            f"{job.label}: a damaged OLE compound file ({type(exc).__name__}); re-copy it from "
            "the source and scan again",
            source=job.label,
        ) from exc
    raise UnsupportedFormat(
        f"{job.label}: an OLE compound file of a kind leakclf does not read (not Word, Excel, "
        "PowerPoint or Outlook); see docs/formats.md",
        source=job.label,
    )
