"""Word/Excel/PowerPoint 97-2003 and OpenDocument: real bytes in, the text out, hostile bytes typed."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

import leakclf
from leakclf.config import Config, ExtractConfig
from leakclf.errors import CorruptFile, EncryptedFile, LimitExceeded
from tests.extractors import make

NEEDS_ANTIWORD = pytest.mark.skipif(
    shutil.which("antiword") is None, reason="antiword is not installed (make system)"
)


def _text(data: bytes, name: str, config: Config | None = None) -> leakclf.Document:
    docs = leakclf.extract(data, name=name, config=config or Config())
    assert docs[0].status == "ok", docs[0].error_message
    return docs[0]


def test_xls_sheets_dates_and_numbers() -> None:
    doc = _text(make.xls_bytes(), "pay.xls")
    assert doc.media_type == "application/vnd.ms-excel"
    assert [(p.kind, p.name) for p in doc.parts] == [("sheet", "Payroll"), ("sheet", "Notes")]
    assert doc.text == "Name\tSalary\tStart\nAlice Example\t5000\t2024-03-01\n\nsecond sheet text"


def test_xls_matches_its_xlsx_twin() -> None:
    rows = [["Invoice", "Amount"], ["INV-2024-0042", 1234.5], ["Contoso Ltd", 17]]
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    xls = _text(make.xls_bytes({"Sheet1": rows}), "a.xls").text
    xlsx = _text(buf.getvalue(), "a.xlsx").text
    assert xls == xlsx


ODT_BODY = (
    '<text:h text:outline-level="1">Statement of Work</text:h>'
    '<text:p>Client:<text:tab/>Contoso<text:s text:c="2"/>Ltd<text:line-break/>Berlin</text:p>'
    "<text:p>Note<text:note><text:note-body><text:p>a footnote</text:p></text:note-body>"
    "</text:note> here<office:annotation><dc:creator>Rita</dc:creator>"
    "<text:p>check this</text:p></office:annotation></text:p>"
    "<table:table><table:table-row><table:table-cell><text:p>Item</text:p></table:table-cell>"
    "<table:table-cell><text:p>Price</text:p></table:table-cell></table:table-row>"
    "</table:table>"
)
ODT_STYLES = (
    '<style:master-page style:name="Standard"><style:header><text:p>ACME Confidential</text:p>'
    "</style:header><style:footer><text:p>page footer</text:p></style:footer></style:master-page>"
)


def test_odt_body_table_header_comment_footnote_meta() -> None:
    doc = _text(make.odf_bytes("text", ODT_BODY, styles=ODT_STYLES), "sow.odt")
    assert doc.media_type == "application/vnd.oasis.opendocument.text"
    assert [(p.kind, p.name) for p in doc.parts] == [
        ("body", None), ("header", None), ("footer", None), ("comment", "Rita"),
        ("notes", "footnote"),
    ]  # fmt: skip
    assert doc.text.startswith("Statement of Work\nClient:\tContoso  Ltd\nBerlin\nNote here\n")
    assert "Item\tPrice" in doc.text and "check this" in doc.text and "a footnote" in doc.text
    assert doc.meta["title"] == "Statement of Work" and doc.meta["author"] == "Ada Author"
    assert doc.meta["created"] == "2024-03-01T09:30:00"


def test_ods_repeated_cells_expand_only_with_text() -> None:
    body = (
        '<table:table table:name="Rates"><table:table-row>'
        '<table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="16384"/>'
        "</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="1000000000">'
        "<text:p>bomb</text:p></table:table-cell></table:table-row>"
        "</table:table>"
    )
    doc = _text(make.odf_bytes("spreadsheet", body), "r.ods")
    assert doc.parts[0].kind == "sheet" and doc.parts[0].name == "Rates"
    lines = doc.text.split("\n")
    assert lines[0] == "x\tx" and lines[1].count("bomb") == 1000


def test_odp_slides_and_notes() -> None:
    body = (
        '<draw:page draw:name="p1"><draw:frame><draw:text-box><text:p>Quarterly plan</text:p>'
        "</draw:text-box></draw:frame><presentation:notes><draw:frame><draw:text-box>"
        "<text:p>speaker notes</text:p></draw:text-box></draw:frame></presentation:notes>"
        "</draw:page><draw:page><draw:frame><draw:text-box><text:p>Budget</text:p>"
        "</draw:text-box></draw:frame></draw:page>"
    )
    doc = _text(make.odf_bytes("presentation", body), "deck.odp")
    assert [(p.kind, p.name) for p in doc.parts] == [
        ("slide", "slide 1"), ("notes", "slide 1"), ("slide", "slide 2"),
    ]  # fmt: skip
    assert doc.text == "Quarterly plan\n\nspeaker notes\n\nBudget"


def test_odf_encrypted_is_an_encrypted_row() -> None:
    with pytest.raises(EncryptedFile, match="never guesses"):
        leakclf.extract(make.odf_bytes("text", "", encrypted=True), name="s.odt", config=Config())


def test_odf_external_entity_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-FILE-CONTENT")
    data = make.odf_bytes(
        "text",
        "<text:p>safe &xxe;</text:p>",
        doctype=f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    )
    try:
        docs = leakclf.extract(data, name="x.odt", config=Config())
    except CorruptFile:
        return
    assert "CANARY" not in docs[0].text


@pytest.mark.parametrize(
    ("name", "words"),
    [
        pytest.param("doc/enron_gas_supply_proposal.doc", ["Lakeland", "McIntosh", "MMBtu"], id="doc-proposal"),
        pytest.param("doc/insolvency_practice_statement.doc", ["Insolvency Practice", "liquidators"], id="doc-tables"),
        pytest.param("xls/telecom_rate_sheet.xls", ["International Communication Services", "Umniah"], id="xls-rates"),
        pytest.param("xls/pcb_parts_list.xls", ["FILTRONIC COMTEK", "Apollo LNA", "KYOCERA"], id="xls-bom"),
        pytest.param("ppt/online_ad_decay_study.ppt", ["Starcom", "Dynamic Logic", "Purchase Intent"], id="ppt-edits"),
        pytest.param("ppt/agri_water_policy_draft.ppt", ["DRAFT", "GreenCover", "NAHARP"], id="ppt-picture"),
        pytest.param("odt/emission_change_notice_form_de.odt", ["Formblatt", "BImSchG", "Genehmigungsbehörde"], id="odt"),
        pytest.param("ods/sensor_board_bom.ods", ["BGM111", "FarnellID", "TPS78225DDCR"], id="ods"),
        pytest.param("odp/test_deck_tables_notes.odp", ["Test Table Slide", "rectangle shape", "Final notes"], id="odp"),
    ],
)  # fmt: skip
def test_real_legacy_and_odf_files(real_world: Path, name: str, words: list[str]) -> None:
    if name.endswith(".doc") and shutil.which("antiword") is None:
        pytest.skip("antiword is not installed (make system)")
    docs = leakclf.extract(real_world / "legacy" / name, config=Config())
    assert len(docs) == 1 and docs[0].status == "ok"
    low = docs[0].text.lower()
    assert all(w.lower() in low for w in words), [w for w in words if w.lower() not in low]


def test_ppt_reads_the_current_edit_once(real_world: Path) -> None:
    """The deck was saved three times; catppt prints its text three times, leakclf once."""
    doc = leakclf.extract(real_world / "legacy/ppt/online_ad_decay_study.ppt", config=Config())[0]
    assert doc.text.count("Decay Effects in Online Advertising") == 1
    assert [p.name for p in doc.parts if p.kind == "slide"][:3] == ["slide 1", "slide 2", "slide 3"]


@NEEDS_ANTIWORD
def test_doc_tables_become_tab_separated_cells(real_world: Path) -> None:
    doc = leakclf.extract(
        real_world / "legacy/doc/insolvency_practice_statement.doc", config=Config()
    )[0]
    assert "|" not in doc.text and "\tTHE ACCOUNTING RECORDS" not in doc.text
    assert "STATEMENT OF INSOLVENCY PRACTICE 1 (E & W)\n" in doc.text
    assert doc.meta["reader"] == "antiword"


def _fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """antiword and catdoc on PATH that run ``script`` instead."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("antiword", "catdoc"):
        tool = bin_dir / name
        tool.write_text(f"#!/bin/sh\n{script}\n")
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")


def test_doc_tool_timeout_kills_the_run(
    real_world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that outlives extract.tool_timeout_s is killed: skipped_limit, not a hang."""
    _fake_tools(tmp_path, monkeypatch, "sleep 30 &\nsleep 30")  # a grandchild sleeps too
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)
    config = Config(extract=ExtractConfig(tool_timeout_s=1.0))
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as info:
        leakclf.extract(real_world / "legacy/doc/enron_gas_supply_proposal.doc", config=config)
    assert info.value.limit == "tool_timeout_s" and time.monotonic() - started < 10
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary copy is gone


def test_doc_tool_memory_limit_fails_typed(
    real_world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader that grows past extract.tool_memory_mb dies; the file is a typed error."""
    _fake_tools(tmp_path, monkeypatch, 'x=$(head -c 64000000 /dev/zero | tr "\\0" a)\necho "$x"')
    config = Config(extract=ExtractConfig(tool_memory_mb=16))
    with pytest.raises(CorruptFile, match="tool_memory_mb") as info:
        leakclf.extract(real_world / "legacy/doc/enron_gas_supply_proposal.doc", config=config)
    assert "catdoc" in str(info.value)  # both readers were tried


@NEEDS_ANTIWORD
def test_doc_temporary_copies_are_removed(
    real_world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    data = (real_world / "legacy/doc/enron_gas_supply_proposal.doc").read_bytes()
    assert "Lakeland" in leakclf.extract(data, name="a.doc", config=Config())[0].text
    with pytest.raises(CorruptFile):
        leakclf.extract(data[:4096], name="b.doc", config=Config())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "cut"),
    [pytest.param(n, c, id=f"{n}-{c}") for n in ("doc/enron_gas_supply_proposal.doc",
     "xls/pcb_parts_list.xls", "ppt/agri_water_policy_draft.ppt", "odt/emission_change_notice_form_de.odt")
     for c in (0.5, 0.05)],
)  # fmt: skip
def test_truncated_legacy_files_are_typed(real_world: Path, name: str, cut: float) -> None:
    data = (real_world / "legacy" / name).read_bytes()
    data = data[: int(len(data) * cut)]
    try:
        docs = leakclf.extract(data, name=name, config=Config())
    except leakclf.ExtractionError as exc:
        assert exc.kind in ("CorruptFile", "UnsupportedFormat"), exc.kind
        return
    assert docs[0].status in ("ok", "error")  # an OLE file cut past its streams can still read


@pytest.mark.parametrize(
    ("name", "disguise", "media"),
    [
        pytest.param("xls/pcb_parts_list.xls", "parts.txt", "application/vnd.ms-excel", id="xls-as-txt"),
        pytest.param("ppt/online_ad_decay_study.ppt", "deck.pdf", "application/vnd.ms-powerpoint", id="ppt-as-pdf"),
        pytest.param("odt/emission_change_notice_form_de.odt", "form.zip", "application/vnd.oasis.opendocument.text", id="odt-as-zip"),
    ],
)  # fmt: skip
def test_wrong_extension_the_content_decides(
    real_world: Path, name: str, disguise: str, media: str
) -> None:
    data = (real_world / "legacy" / name).read_bytes()
    doc = leakclf.extract(data, name=disguise, config=Config())[0]
    assert doc.media_type == media and doc.status == "ok" and len(doc.text) > 200
