"""DOCX (python-docx): body paragraphs and tables in order, headers/footers, comments, text boxes, notes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from leakclf.extractors.base import Job
from leakclf.extractors.office import check_package


def extract_docx(data: bytes, job: Job) -> None:
    import docx

    check_package(data, job)
    document = docx.Document(io.BytesIO(data))
    job.text.add("body", "\n".join(_blocks(document)))
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
            text = "\n".join(_blocks(hf))
            if text.strip() and (kind, text) not in seen:
                seen.add((kind, text))
                job.text.add(kind, text)
    for comment in document.comments:
        job.text.add("comment", "\n".join(_blocks(comment)), comment.author or None)
    job.text.add("body", "\n\n".join(_text_boxes(document.element)), "text boxes")
    for part in document.part.package.iter_parts():
        kind = str(part.partname).rsplit("/", 1)[-1]
        if kind in ("footnotes.xml", "endnotes.xml"):
            job.text.add("notes", _notes(part.blob), kind[:-4])


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t"))


def _text_boxes(element: Any) -> list[str]:
    """Text boxes and shapes (python-docx skips them); a DrawingML box and its VML fallback once."""
    seen: list[str] = []
    for box in element.iter(f"{_W}txbxContent"):
        text = "\n".join(_para_text(p) for p in box.iter(f"{_W}p")).strip()
        if text and text not in seen:
            seen.append(text)
    return seen


def _notes(blob: bytes) -> str:
    """Footnote or endnote text, without the separator notes Word adds."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(blob, parser)
    out = []
    for note in root:
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        out.append("\n".join(_para_text(p) for p in note.iter(f"{_W}p")).strip())
    return "\n".join(t for t in out if t)


def _blocks(container: Any) -> Iterator[str]:
    """Paragraphs and tables in document order; table rows as tab-separated cells."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            yield from _table(block)
        else:
            yield block.text


def _table(table: Any) -> Iterator[str]:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(t for t in _blocks(cell) if t.strip()))
        yield "\t".join(cells)
