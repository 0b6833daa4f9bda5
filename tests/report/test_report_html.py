"""The HTML report as a file: self-contained, escaped, masked; and the `leakclf report` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from leakclf.cli import main
from leakclf.config import CensusConfig, Config
from leakclf.errors import OutputError
from leakclf.report import assets, write_html


@pytest.fixture
def page(results, tmp_path: Path) -> str:
    return write_html(results, tmp_path / "report.html").read_text(encoding="utf-8")


def test_one_self_contained_file(page: str) -> None:
    assert page.startswith("<!doctype html>")
    # no external resource of any kind; the only URL is the SVG namespace, the only link the
    # CSV export's, to a blob the page makes itself
    assert re.findall(r"""(?:src|href)\s*=(?! URL\.createObjectURL\(blob\))""", page) == []
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "@import" not in page and "url(" not in page
    assert f"script-src {assets.script_hash(assets.JS)}" in page
    assert page.count("<script>") == 1


@pytest.mark.parametrize(
    "fragment",
    [
        pytest.param('<section id="summary">', id="summary"),
        pytest.param('<section id="census">', id="census"),
        pytest.param('<section id="top">', id="top-files"),
        pytest.param('<section id="orgs">', id="organisations"),
        pytest.param('<section id="folders">', id="folders"),
        pytest.param('<section id="charts">', id="charts"),
        pytest.param('<table id="file-table" data-limit="1000">', id="file-table"),
        pytest.param("payment card number (+60)", id="reasons"),
        pytest.param("<b>CREDIT_CARD</b> ×1 (**** **** **** 1111)", id="masked-previews"),
        pytest.param("<b>EMAIL_ADDRESS</b> ×2 (j***@contoso.com)", id="previews-deduplicated"),
    ],
)
def test_sections_present(page: str, fragment: str) -> None:
    assert fragment in page


def test_hostile_names_are_escaped(page: str, hostile: str) -> None:
    assert hostile not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in page


def test_no_raw_values(page: str, secret: str) -> None:
    assert secret not in page


def test_k_threshold_hides_small_organisations(results, tmp_path: Path) -> None:
    config = Config(census=CensusConfig(k_threshold=2))
    page = write_html(results, tmp_path / "r.html", config=config).read_text(encoding="utf-8")
    orgs = page.split('<section id="orgs">')[1].split("</section>")[0]
    assert "contoso.com" not in orgs and "fabrikam" not in orgs.lower()
    assert "2 organisations below the k-threshold (k=2) are left out" in orgs


def _folders(page: str) -> list[list[str]]:
    section = page.split('<section id="folders">')[1].split("</section>")[0]
    body = section.split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in body.split("</tr>") if row]


ALL_FOLDERS = "dump|3|1|0|1|1|90|90|payment card number; internal mail"
INVOICES = "dump/invoices|1|1|0|0|0|90|90|payment card number; signed"
HOSTILE_FOLDER = "dump/&lt;script&gt;alert(1)&lt;|1|0|1|0|0|55|55|bank account"


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        pytest.param(1, [ALL_FOLDERS, INVOICES, HOSTILE_FOLDER], id="every-folder"),
        pytest.param(2, [ALL_FOLDERS], id="k-threshold-hides-single-file-folders"),
    ],
)
def test_folder_rollup_section(results, tmp_path: Path, k: int, expected: list) -> None:
    config = Config(census=CensusConfig(k_threshold=k))
    page = write_html(results, tmp_path / "r.html", config=config).read_text(encoding="utf-8")
    # columns: folder, documents, restricted..public, max, p90, reasons; errors are not scored
    assert ["|".join(row) for row in _folders(page)] == expected


def test_unwritable_destination(results, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="could not write the report"):
        write_html(results, tmp_path / "no-such-dir" / "report.html")


def test_cli_report(results, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "results.jsonl"
    src.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in results), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(src), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"report: {out}"
    assert "leakclf report — results.jsonl" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["report", "missing.parquet"], "not found", id="missing-results"),
        pytest.param(
            ["report", "{src}", "--config", "missing.toml"], "not found", id="missing-config"
        ),
    ],
)
def test_cli_report_errors(argv, message, results, tmp_path: Path, capsys) -> None:
    src = tmp_path / "results.jsonl"
    src.write_text(json.dumps(results[0].to_dict()) + "\n", encoding="utf-8")
    argv = [a.format(src=src) for a in argv] + ["-o", str(tmp_path / "r.html")]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    "field",
    [
        pytest.param("doc_type", id="doc-type"),
        pytest.param("level", id="level"),
        pytest.param("reason", id="reason"),
        pytest.param("label", id="label"),
        pytest.param("preview", id="preview"),
        pytest.param("domain", id="domain-facet"),
        pytest.param("status", id="status"),
    ],
)
def test_every_field_is_escaped(field: str, tmp_path: Path) -> None:
    """A tampered results file can put markup in any column; none of it may become markup."""
    from leakclf.model import DocumentResult, Finding

    evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    value = {field: evil}
    finding = Finding(
        label=value.get("label", "EMAIL_ADDRESS"),
        start=0,
        end=1,
        confidence=0.9,
        detector="email/1",
        digest="d",
        preview=value.get("preview", "j***@contoso.com"),
        facets=(("domain", value.get("domain", "contoso.com")),),
    )
    result = DocumentResult(
        source="dump/a.pdf",
        doc_type=value.get("doc_type", "invoice"),
        level=value.get("level", "restricted"),
        status=value.get("status", "ok"),
        score=80,
        reasons=((value.get("reason", "card"), 80),),
        findings=(finding, finding),
    )
    page = write_html([result], tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<img" not in page and "<script>alert" not in page
    assert page.count("<script>") == 1
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page  # shown, as text
