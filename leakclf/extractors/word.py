"""DOCX: the package read part by part (``opc``), the WordprocessingML walked directly.

python-docx's ``Paragraph.text`` skips tracked insertions, content controls (``w:sdt``) and text
boxes, and repeats vertically merged cells; a leak scanner needs all of that text, so paragraphs
and tables are read from the XML. Tracked deletions are kept in their own part.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from leakclf.extractors.base import Job
from leakclf.extractors.images import ocr_package_images
from leakclf.extractors.office import check_zip
from leakclf.extractors.opc import Package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "t"))
_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}
_WRAPPERS = {f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}
_SKIP = {f"{_W}{t}" for t in ("txbxContent", "tabs", "del", "moveFrom", "sdtPr", "pPr", "rPr")}
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RID = f"{{{_R}}}id"
_COMMENTS = f"{_R}/comments"
#: (part kind, reference tag, type) in python-docx's order: first page, default, even pages.
_HEADERS_FOOTERS = tuple(
    (kind, f"{_W}{kind}Reference", which)
    for kind in ("header", "footer")
    for which in ("first", "default", "even")
)


def extract_docx(data: bytes, job: Job) -> None:
    package = Package(data)
    try:
        check_zip(package.zip, job)
        _read_docx(package, job)
    finally:
        package.close()
    ocr_package_images(data, job, "word/media/")


def _read_docx(package: Package, job: Job) -> None:
    main = package.main()
    if (kind := package.content_type(main)) != _MAIN:
        raise ValueError(f"not a Word document: the main part is {kind}")
    body = package.xml(main).find(f"{_W}body")
    job.text.add("body", "\n".join(blocks(body)))
    related = {rel.rid: rel for rel in package.rels(main)}
    seen: set[tuple[str, str]] = set()
    for section in _sections(body):
        for kind, tag, which in _HEADERS_FOOTERS:
            ref = next((r for r in section.findall(tag) if r.get(f"{_W}type") == which), None)
            if ref is None:  # linked to the previous section: no own definition
                continue
            text = "\n".join(blocks(package.xml(related[ref.get(_RID)].target)))
            if text.strip() and (kind, text) not in seen:
                seen.add((kind, text))
                job.text.add(kind, text)
    comments = [r for r in related.values() if r.reltype == _COMMENTS]
    if len(comments) > 1:
        raise ValueError("more than one comments part")
    for comment in package.xml(comments[0].target) if comments else ():
        if comment.tag == f"{_W}comment":
            job.text.add("comment", "\n".join(blocks(comment)), comment.get(f"{_W}author") or None)
    job.text.add("body", "\n\n".join(_text_boxes(body)), "text boxes")
    job.text.add("body", "\n".join(_deleted(body)), "tracked deletions")
    for part in package.walk():
        name = part.rsplit("/", 1)[-1]
        if name in ("footnotes.xml", "endnotes.xml"):
            job.text.add("notes", _notes(package.blob(part)), name[:-4])


def _sections(body: Any) -> Iterator[Any]:
    """The ``w:sectPr`` elements in document order: in paragraph properties, then the body's."""
    for child in body:
        if child.tag == _P:
            ppr = child.find(f"{_W}pPr")
            sect = ppr.find(f"{_W}sectPr") if ppr is not None else None
            if sect is not None:
                yield sect
        elif child.tag == f"{_W}sectPr":
            yield child


def blocks(container: Any) -> Iterator[str]:
    """Paragraph lines and table rows (cells tab-separated) in document order."""
    for child in container:
        if child.tag == _P:
            yield para_text(child)
        elif child.tag == _TBL:
            yield from _table(child)
        elif child.tag in _WRAPPERS:
            yield from blocks(child)


def _table(tbl: Any) -> Iterator[str]:
    for tr in _children(tbl, _TR):
        cells = [" ".join(t for t in blocks(tc) if t.strip()) for tc in _children(tr, _TC)]
        yield "\t".join(cells)


def _children(el: Any, tag: str) -> Iterator[Any]:
    """``tag`` children of ``el``, looking through content controls and custom XML."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def para_text(p: Any) -> str:
    """A paragraph's text, including tracked insertions, without text boxes or deleted text."""
    out: list[str] = []
    _runs(p, out)
    return "".join(out)


def _runs(el: Any, out: list[str]) -> None:
    for child in el:
        if child.tag in _SKIP:
            continue
        if child.tag in _TEXT:
            out.append(child.text or "" if child.tag == _T else _TEXT[child.tag] or "")
        else:
            _runs(child, out)


def _text_boxes(element: Any) -> list[str]:
    """Text boxes and shapes; a DrawingML box and its VML fallback once."""
    seen: list[str] = []
    for box in element.iter(f"{_W}txbxContent"):
        text = "\n".join(blocks(box)).strip()
        if text and text not in seen:
            seen.append(text)
    return seen


def _deleted(element: Any) -> Iterator[str]:
    for deletion in element.iter(f"{_W}del"):
        text = "".join(t.text or "" for t in deletion.iter(f"{_W}delText"))
        if text.strip():
            yield text


def _notes(blob: bytes) -> str:
    """Footnote or endnote text, without the separator notes Word adds."""
    from lxml import etree  # load time: lxml only when used

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(blob, parser)
    out = [
        "\n".join(blocks(note)).strip() for note in root if note.get(f"{_W}type") not in _SEPARATORS
    ]
    return "\n".join(t for t in out if t)
