"""DOCX (python-docx for the package; the WordprocessingML itself is walked directly).

python-docx's ``Paragraph.text`` skips tracked insertions, content controls (``w:sdt``) and text
boxes, and repeats vertically merged cells; a leak scanner needs all of that text, so paragraphs
and tables are read from the XML. Tracked deletions are kept in their own part.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from leakclf.extractors.base import Job
from leakclf.extractors.images import ocr_package_images
from leakclf.extractors.office import check_package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "t"))
_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}
_WRAPPERS = {f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}
_SKIP = {f"{_W}{t}" for t in ("txbxContent", "tabs", "del", "moveFrom", "sdtPr", "pPr", "rPr")}
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def extract_docx(data: bytes, job: Job) -> None:
    import docx  # load time: docx only when used

    check_package(data, job)
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    job.text.add("body", "\n".join(blocks(body)))
    seen: set[tuple[str, str]] = set()
    for section in document.sections:
        for kind, hf in (
            ("header", section.first_page_header),
            ("header", section.header),
            ("header", section.even_page_header),
            ("footer", section.first_page_footer),
            ("footer", section.footer),
            ("footer", section.even_page_footer),
        ):
            if hf.is_linked_to_previous:  # no own definition; reading it would create one
                continue
            text = "\n".join(blocks(hf._element))
            if text.strip() and (kind, text) not in seen:
                seen.add((kind, text))
                job.text.add(kind, text)
    for comment in document.comments:
        job.text.add("comment", "\n".join(blocks(comment._element)), comment.author or None)
    job.text.add("body", "\n\n".join(_text_boxes(body)), "text boxes")
    job.text.add("body", "\n".join(_deleted(body)), "tracked deletions")
    for part in document.part.package.iter_parts():
        name = str(part.partname).rsplit("/", 1)[-1]
        if name in ("footnotes.xml", "endnotes.xml"):
            job.text.add("notes", _notes(part.blob), name[:-4])
    ocr_package_images(data, job, "word/media/")


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
