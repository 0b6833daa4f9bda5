"""Rebuild a damaged or truncated PDF from the objects that survive, so its pages can be read.

A PDF cut short loses its end: the cross-reference table, the trailer and usually the page
tree and catalog, which writers put last. Neither pdfium nor pdfminer opens such a file. The
objects before the cut are still there, whole: each page dictionary and its content stream.
``salvage`` collects every complete ``n g obj ... endobj`` (the last definition of a number
wins, as with incremental updates), makes a new page tree of the page dictionaries in file
order, a new catalog and a fresh cross-reference table. Objects missing from the cut (a font,
a shared resource dictionary) read as null, so some characters can come out wrong; the row
records ``damaged`` in ``limits_hit`` so nobody takes the text for the whole document.
Pages stored inside compressed object streams cannot be found this way.
"""

from __future__ import annotations

import re

_OBJ = re.compile(rb"(?<![0-9])(\d{1,9})\s+(\d{1,5})\s+obj\b")
_STREAM = re.compile(rb"stream\r?\n")
_ENDOBJ = re.compile(rb"\bendobj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")
_MAX_OBJECTS = 1_000_000


def salvage(data: bytes) -> tuple[bytes, int] | None:
    """A rebuilt PDF and how many page dictionaries it has; None when no page survived."""
    objects: dict[int, bytes] = {}
    order: list[int] = []
    pos = 0
    while len(objects) < _MAX_OBJECTS:
        m = _OBJ.search(data, pos)
        if m is None:
            break
        body_start = m.end()
        end = _object_end(data, body_start)
        if end is None:
            break  # the cut: this object is incomplete
        number = int(m.group(1))
        if number not in objects:
            order.append(number)
        objects[number] = data[body_start:end]
        pos = end + len(b"endobj")
    pages = [n for n in order if _PAGE.search(_dictionary(objects[n]))]
    if not pages:
        return None
    top = max(objects) + 1
    catalog, tree = top, top + 1
    objects[catalog] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    kids = b" ".join(b"%d 0 R" % n for n in pages)
    # US Letter for pages that inherited their size from the lost tree (the PDF default)
    objects[tree] = b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792] >>" % (
        kids,
        len(pages),
    )
    for n in pages:  # point each page at the new tree
        objects[n] = re.sub(rb"/Parent\s+\d+\s+\d+\s+R", b"/Parent %d 0 R" % tree, objects[n], 1)
    return _write(objects, catalog), len(pages)


def _object_end(data: bytes, start: int) -> int | None:
    """Where ``endobj`` of the object whose body starts at ``start`` is; None if cut off."""
    head_end = _ENDOBJ.search(data, start)
    stream = _STREAM.search(data, start, head_end.start() if head_end else len(data))
    if stream is not None:
        length = re.search(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", data[start : stream.start()])
        after = stream.end() + int(length.group(1)) if length else stream.end()
        stop = data.find(b"endstream", after if length else stream.end())
        if stop < 0:
            return None
        head_end = _ENDOBJ.search(data, stop)
    return head_end.start() if head_end else None


def _dictionary(body: bytes) -> bytes:
    """The object's dictionary, without its stream data."""
    at = body.find(b"stream")
    return body if at < 0 else body[:at]


def _write(objects: dict[int, bytes], root: int) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number].strip() + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def unstack(text: str) -> str:
    """Text laid out one character per line (glyph widths lost with the font) joined back."""
    lines = text.split("\n")
    filled = [line for line in lines if line]
    if len(filled) < 8 or sum(len(line) == 1 for line in filled) < 0.8 * len(filled):
        return text
    return "".join(line or "\n" for line in lines)
