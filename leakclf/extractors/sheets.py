"""XLSX worksheets for openpyxl's own read-only reader, found without ``load_workbook``.

``openpyxl.load_workbook(read_only=True)`` builds a whole ``Workbook`` before the first cell:
the stylesheet, workbook part, properties, theme and defined names as descriptor objects, and
the chart sheets; about three quarters of the CPU of reading a workbook's text. The text needs
the sheet list, the shared strings and which cell styles are dates or durations. ``worksheets``
finds them the way ``openpyxl.reader.excel.ExcelReader`` and ``Stylesheet`` do (same XML
parser, same rules) and hands each sheet to openpyxl's ``ReadOnlyWorksheet``, so every value is
still converted by openpyxl (numbers, dates, booleans, shared and inline strings, dimensions).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass
class _Book:
    """What a ``ReadOnlyWorksheet`` reads from its workbook (openpyxl's attribute names)."""

    _archive: zipfile.ZipFile
    epoch: datetime
    _date_formats: set[int] = field(default_factory=set)
    _timedelta_formats: set[int] = field(default_factory=set)
    data_only: bool = True


def worksheets(zf: zipfile.ZipFile) -> list[Any]:
    """The workbook's worksheets in order (chart sheets left out, as ``wb.worksheets`` does)."""
    # load time: openpyxl only when used
    from openpyxl.reader.strings import read_string_table
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS
    from openpyxl.xml.functions import fromstring

    types = fromstring(zf.read(ARC_CONTENT_TYPES))
    overrides = [(e.get("PartName"), e.get("ContentType")) for e in types.iter(f"{_CT}Override")]
    strings: list[str] = []
    for part, kind in overrides:
        if kind == SHARED_STRINGS:
            with zf.open(part[1:]) as src:
                strings = read_string_table(src)
            break
    book_part = _workbook_part(types, overrides)
    root = fromstring(zf.read(book_part))
    props = root.find(f"{_MAIN}workbookPr")
    date1904 = props.get("date1904") if props is not None else None
    book = _Book(zf, CALENDAR_MAC_1904 if _true(date1904) else WINDOWS_EPOCH)
    _number_formats(zf, book)
    rels = _rels(zf, book_part)
    names = set(zf.namelist())
    out = []
    for sheet in root.iterfind(f"{_MAIN}sheets/{_MAIN}sheet"):
        rid = sheet.get(_RID)
        if not rid:
            continue  # openpyxl warns and drops it
        target, reltype = rels[rid]
        if target not in names or "chartsheet" in reltype:
            continue
        out.append(ReadOnlyWorksheet(book, sheet.get("name"), target, strings))
    return out


def _workbook_part(types: Any, overrides: list[tuple[str, str]]) -> str:
    from openpyxl.xml.constants import ARC_WORKBOOK, XLSM, XLSX, XLTM, XLTX  # load time

    kinds = (XLTM, XLTX, XLSM, XLSX)
    for kind in kinds:
        for part, ct in overrides:
            if ct == kind:
                return part[1:]
    if any(e.get("ContentType") in kinds for e in types.iter(f"{_CT}Default")):
        return ARC_WORKBOOK
    raise OSError("File contains no valid workbook part")


def _true(value: str | None) -> bool:
    """openpyxl's ``Bool`` descriptor: 'false', 'f' and '0' are false, other text is not."""
    return bool(value) and value not in ("false", "f", "0")


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """rId -> (target part, type) of a part, resolved as ``openpyxl.packaging`` does."""
    from openpyxl.xml.functions import fromstring  # load time: openpyxl only when used

    folder, name = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", f"{name}.rels")
    parent = posixpath.split(posixpath.dirname(rels_path))[0]
    out = {}
    for el in fromstring(zf.read(rels_path)).iter(_REL):
        target = el.get("Target")
        if el.get("TargetMode") != "External":
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(parent, target))
        out[el.get("Id")] = (target, el.get("Type"))
    return out


def _number_formats(zf: zipfile.ZipFile, book: _Book) -> None:
    """The cell styles whose number format is a date or a duration (``Stylesheet`` rules)."""
    # load time: openpyxl only when used
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
    from openpyxl.xml.constants import ARC_STYLE
    from openpyxl.xml.functions import fromstring

    try:
        root = fromstring(zf.read(ARC_STYLE))
    except KeyError:
        return  # no stylesheet: openpyxl's defaults, no date styles
    custom = {
        int(e.get("numFmtId")): e.get("formatCode")
        for e in root.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt")
    }
    for idx, xf in enumerate(root.iterfind(f"{_MAIN}cellXfs/{_MAIN}xf")):
        fmt_id = int(xf.get("numFmtId", 0))
        fmt = custom[fmt_id] if fmt_id in custom else BUILTIN_FORMATS.get(fmt_id)
        if is_date_format(fmt):
            book._date_formats.add(idx)
        if is_timedelta_format(fmt):
            book._timedelta_formats.add(idx)
