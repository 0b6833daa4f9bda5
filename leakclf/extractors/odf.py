"""OpenDocument (.odt, .ods, .odp and their templates): the ODF XML read directly with lxml.

odfpy builds a Python object per XML node and its text helper drops spreadsheet cell repeats
and notes; the text of an ODF package is plain XML (``content.xml``, ``styles.xml`` for headers
and footers, ``meta.xml``), so it is walked directly with the same hardened parser as OOXML.
Parts: ``body`` (text documents), one ``sheet`` per table (spreadsheets), one ``slide`` per
page plus its ``notes`` (presentations), ``header``/``footer`` from the styles, ``comment``
for annotations. Repeated cells (``number-columns-repeated``) are expanded only when they hold
text, and never past 1,000 copies: an empty repeat of 16,384 columns costs nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from leakclf.errors import CorruptFile, EncryptedFile
from leakclf.extractors.base import Job, iso_date
from leakclf.extractors.office import check_zip

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_T, _TB, _O, _D, _P = (f"{{{_NS[k]}}}" for k in ("text", "table", "office", "draw", "presentation"))
_BLOCKS = {f"{_T}p", f"{_T}h"}
_SKIP = {f"{_O}annotation", f"{_T}note", f"{_P}notes", f"{_T}tracked-changes", f"{_O}forms"}
_MAX_REPEAT = 1000
_META = {"title": "dc:title", "author": "meta:initial-creator", "last_modified_by": "dc:creator",
         "created": "meta:creation-date", "modified": "dc:date"}  # fmt: skip


def extract_odf(data: bytes, job: Job) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        check_zip(zf, job)  # declared sizes against the ratio/total limits
        names = set(zf.namelist())
        if _encrypted(zf, names):
            raise EncryptedFile(
                f"{job.label}: a password-protected OpenDocument file; leakclf never guesses "
                "passwords — open it with the password, save a copy without one and scan that",
                source=job.label,
            )
        if "content.xml" not in names:
            raise CorruptFile(
                f"{job.label}: the OpenDocument package has no content.xml; the file is damaged "
                "— re-copy it or open it in its application",
                source=job.label,
            )
        content = _xml(zf.read("content.xml"))
        styles = _xml(zf.read("styles.xml")) if "styles.xml" in names else None
        meta = _xml(zf.read("meta.xml")) if "meta.xml" in names else None
    if meta is not None:
        _read_meta(meta, job)
    body = content.find(f"{_O}body")
    if body is None:
        raise CorruptFile(
            f"{job.label}: content.xml has no office:body; the file is damaged — re-copy it",
            source=job.label,
        )
    for kind in body:
        tag = kind.tag.rsplit("}", 1)[-1]
        if tag == "spreadsheet":
            for table in kind.iter(f"{_TB}table"):
                if job.over_time() or job.text.full:
                    break
                job.text.add("sheet", "\n".join(_table_rows(table)), table.get(f"{_TB}name"))
        elif tag in ("presentation", "drawing"):
            for n, page in enumerate(kind.iter(f"{_D}page"), 1):
                if job.over_time() or job.text.full:
                    break
                job.text.add("slide", "\n".join(blocks(page)), f"slide {n}")
                for notes in page.iter(f"{_P}notes"):
                    job.text.add("notes", "\n".join(blocks(notes, notes=True)), f"slide {n}")
        else:  # text, and anything else that holds paragraphs
            job.text.add("body", "\n".join(blocks(kind)))
    if styles is not None:
        _headers_footers(styles, job)
    _comments_and_notes(content, job)


def _encrypted(zf: zipfile.ZipFile, names: set[str]) -> bool:
    if "META-INF/manifest.xml" not in names:
        return False
    manifest = zf.read("META-INF/manifest.xml")
    return b"encryption-data" in manifest


def _xml(blob: bytes) -> Any:
    from lxml import etree  # load time: lxml only when used

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(blob, parser)


def _read_meta(root: Any, job: Job) -> None:
    for name, path in _META.items():
        el = root.find(f".//{path}", _NS)
        if el is not None and el.text and el.text.strip():
            value = el.text.strip()
            job.meta[name] = iso_date(value) if name in ("created", "modified") else value


def blocks(el: Any, *, notes: bool = False) -> Iterator[str]:
    """Paragraph and heading lines in document order; table rows as tab-separated cells."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in _SKIP and not (notes and tag == f"{_P}notes"):
            continue
        if tag in _BLOCKS:
            yield para_text(child)
        elif tag == f"{_TB}table":
            yield from _table_rows(child)
        else:
            yield from blocks(child, notes=notes)


def para_text(p: Any) -> str:
    out: list[str] = []
    _inline(p, out)
    return "".join(out)


def _inline(el: Any, out: list[str]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP:
            local = tag.rsplit("}", 1)[-1]
            if tag.startswith(_T) and local == "s":
                out.append(" " * min(int(child.get(f"{_T}c", "1") or 1), 100))
            elif tag.startswith(_T) and local == "tab":
                out.append("\t")
            elif tag.startswith(_T) and local == "line-break":
                out.append("\n")
            else:
                _inline(child, out)
        if child.tail:
            out.append(child.tail)


def _table_rows(table: Any) -> Iterator[str]:
    for row in table.iter(f"{_TB}table-row"):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (f"{_TB}table-cell", f"{_TB}covered-table-cell"):
                continue
            text = " ".join(t for t in blocks(cell) if t.strip())
            repeat = int(cell.get(f"{_TB}number-columns-repeated", "1") or 1)
            cells.extend([text] * (min(repeat, _MAX_REPEAT) if text else 1))
        line = "\t".join(cells).rstrip("\t")
        if line:
            repeat = int(row.get(f"{_TB}number-rows-repeated", "1") or 1)
            yield from [line] * min(repeat, _MAX_REPEAT)


def _headers_footers(styles: Any, job: Job) -> None:
    seen: set[tuple[str, str]] = set()
    for kind in ("header", "footer"):
        for el in styles.iter(f"{{{_NS['style']}}}{kind}", f"{{{_NS['style']}}}{kind}-left"):
            text = "\n".join(blocks(el)).strip()
            if text and (kind, text) not in seen:
                seen.add((kind, text))
                job.text.add(kind, text)


def _comments_and_notes(content: Any, job: Job) -> None:
    for note in content.iter(f"{_O}annotation"):
        creator = note.find(f"{{{_NS['dc']}}}creator")
        text = "\n".join(t for t in blocks(note) if t.strip())
        job.text.add("comment", text, creator.text if creator is not None else None)
    for note in content.iter(f"{_T}note"):
        body = note.find(f"{_T}note-body")
        if body is not None:
            job.text.add("notes", "\n".join(blocks(body)), "footnote")
