"""XLSX text through ``sheets.worksheets`` is what ``openpyxl.load_workbook`` gives, value for value.

Workbooks are built in code with openpyxl (and edited at the XML level where openpyxl cannot
write the case), then read both ways: the rows of every worksheet must be equal, types
included (a date stays a ``datetime``, a duration a ``timedelta``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Callable
from typing import Any

import pytest

from leakclf.config import Config
from leakclf.extractors import extract
from leakclf.extractors.sheets import worksheets

openpyxl = pytest.importorskip("openpyxl")


def _book(fill: Callable[[Any], None]) -> bytes:
    wb = openpyxl.Workbook()
    fill(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _values(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple((type(v).__name__, v) for v in row) for row in ws.iter_rows(values_only=True)]


def _openpyxl_rows(data: bytes) -> list[tuple[str, list[tuple[Any, ...]]]]:
    with warnings.catch_warnings():  # e.g. "Workbook contains no stylesheet"
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return [(ws.title, _values(ws)) for ws in wb.worksheets]
    finally:
        wb.close()


def _our_rows(data: bytes) -> list[tuple[str, list[tuple[Any, ...]]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(ws.title, _values(ws)) for ws in worksheets(zf)]


def _types_and_formats(wb: Any) -> None:
    ws = wb.active
    ws.title = "Pay"
    ws.append(["name", "amount", "paid", "when", "time", "took", "ratio"])
    ws.append(["Ann", 1200, True, dt.datetime(2024, 3, 5, 14, 30), dt.time(9, 15), None, 0.25])
    ws.append(["Bob", -3.5e-7, False, dt.date(1999, 12, 31), None, dt.timedelta(hours=30), 1e20])
    ws["F2"] = dt.timedelta(minutes=90)
    ws["F2"].number_format = "[h]:mm:ss"
    ws["G3"].number_format = "0.00%"
    ws["B2"].number_format = '#,##0.00 "EUR"'
    ws["H2"] = 45000
    ws["H2"].number_format = "yyyy-mm-dd;@"  # a custom date format
    ws["I2"] = 45000
    ws["I2"].number_format = 'mmm" "d'  # quoted text in a date format
    ws["J2"] = 45000
    ws["J2"].number_format = "d-mmm-yy"  # a built-in one given as text (id 15)
    ws["K2"] = "=SUM(B2:B3)"
    hidden = wb.create_sheet("Hidden")
    hidden.sheet_state = "hidden"
    hidden["C5"] = "far from A1"
    hidden["E9"] = 3
    wb.create_sheet("Empty")


def _chart_sheet(wb: Any) -> None:
    from openpyxl.chart import BarChart, Reference

    ws = wb.active
    for row in [["q", "sales"], ["Q1", 10], ["Q2", 12]]:
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    wb.create_chartsheet("Chart").add_chart(chart)
    wb.create_sheet("After")["A1"] = "after the chart sheet"


def _strings(wb: Any) -> None:
    ws = wb.active
    ws["A1"] = "shared"
    ws["B1"] = "shared"
    ws["A2"] = "tab\tand\nnewline"
    ws["B3"] = "Ünïcødé ✓"
    ws["C4"] = "_x005F_escaped"


CASES = [
    pytest.param(_types_and_formats, id="numbers-dates-durations-sheets"),
    pytest.param(_strings, id="strings"),
    pytest.param(_chart_sheet, id="chart-sheet"),
]


@pytest.mark.parametrize("fill", CASES)
def test_rows_are_openpyxls(fill: Callable[[Any], None]) -> None:
    data = _book(fill)
    assert _our_rows(data) == _openpyxl_rows(data)


def _edit(data: bytes, part: str, edit: Callable[[str], str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == part:
                body = edit(body.decode()).encode()
            dst.writestr(info, body)
    return out.getvalue()


def _dated(wb: Any) -> None:
    ws = wb.active
    ws["A1"] = dt.datetime(2020, 1, 1)
    ws["A2"] = dt.date(2001, 2, 3)
    ws["B1"] = 42


_INLINE = re.compile(r'<c r="(\w+)"([^>]*?) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>')
_SST = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _shared(data: bytes) -> bytes:
    """The inline strings openpyxl writes moved to a shared-string table (as Excel writes them),
    plus one rich-text entry made of two runs."""
    table: list[str] = []

    def share(m: re.Match[str]) -> str:
        table.append(f"<si><t>{m.group(3)}</t></si>")
        return f'<c r="{m.group(1)}"{m.group(2)} t="s"><v>{len(table) - 1}</v></c>'

    sheet = _edit(data, "xl/worksheets/sheet1.xml", lambda x: _INLINE.sub(share, x))
    table.append("<si><r><t>rich </t></r><r><rPr><b/></rPr><t>runs</t></r></si>")
    sheet = _edit(
        sheet,
        "xl/worksheets/sheet1.xml",
        lambda x: re.sub(
            r'<dimension ref="A1:(\w+?)\d+"', r'<dimension ref="A1:\g<1>9"', x
        ).replace(
            "</sheetData>",
            f'<row r="9"><c r="A9" t="s"><v>{len(table) - 1}</v></c></row></sheetData>',
        ),
    )
    out = _edit(
        sheet,
        "[Content_Types].xml",
        lambda x: x.replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    )
    buf = io.BytesIO(out)
    with zipfile.ZipFile(buf, "a") as zf:
        zf.writestr("xl/sharedStrings.xml", f'<sst xmlns="{_SST}">{"".join(table)}</sst>')
    return buf.getvalue()


def test_shared_strings_are_openpyxls() -> None:
    data = _shared(_book(_strings))
    assert b"sharedStrings" in data
    rows = _our_rows(data)
    assert ("str", "rich runs") in rows[0][1][-1]
    assert rows == _openpyxl_rows(data)


XML_CASES = [
    pytest.param(
        _dated,
        "xl/workbook.xml",
        lambda x: x.replace("<workbookPr/>", '<workbookPr date1904="1"/>'),
        id="date1904",
    ),
    pytest.param(
        _dated,
        "xl/workbook.xml",
        lambda x: x.replace("<workbookPr/>", '<workbookPr date1904="false"/>'),
        id="date1904-false",
    ),
    pytest.param(
        _dated,
        "xl/worksheets/sheet1.xml",
        lambda x: re.sub(r"<dimension[^>]*/>", "", x),
        id="no-dimension",
    ),
    pytest.param(
        _dated,
        "xl/styles.xml",
        lambda x: re.sub(r"<cellXfs.*</cellXfs>", "", x),
        id="no-cell-styles",
    ),
]


@pytest.mark.parametrize(("fill", "part", "edit"), XML_CASES)
def test_rows_are_openpyxls_in_hand_edited_packages(
    fill: Callable[[Any], None], part: str, edit: Callable[[str], str]
) -> None:
    data = _book(fill)
    edited = _edit(data, part, edit)
    assert edited != data
    assert _our_rows(edited) == _openpyxl_rows(edited)


def test_a_package_without_a_workbook_part_is_an_error_row() -> None:
    data = _edit(
        _book(_dated), "[Content_Types].xml", lambda x: x.replace("sheet.main+xml", "other+xml")
    )
    with pytest.raises(Exception, match="could not be read as"):
        extract(data, name="broken.xlsx", config=Config(key=b"k" * 64))
