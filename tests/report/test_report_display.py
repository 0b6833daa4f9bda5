"""Notebook display: compact, escaped, masked HTML for a result, a scan and a census."""

from __future__ import annotations

import pandas as pd
import pytest

from leakclf.census import census
from leakclf.report import census_html, result_html, scan_html


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        pytest.param(
            0,
            [
                "<code>dump/invoices/inv-001.pdf</code>",
                "invoice 0.93 (signed)",
                "restricted</b> · score 90",
                "payment card number (+60)<br>signed (+30)",
                "EMAIL_ADDRESS × 2: <code>j***@contoso.com</code>",
                "CREDIT_CARD × 1: <code>**** **** **** 1111</code>",
            ],
            id="invoice",
        ),
        pytest.param(
            1,
            ["&lt;script&gt;alert(1)&lt;/script&gt;.pdf", "IBAN_CODE × 1", "? 0.00 uncertain"],
            id="hostile",
        ),
        pytest.param(
            5,
            ["status</th>", "error (CorruptFile)", 'findings</th><td style="text-align:left">–'],
            id="error-row",
        ),
    ],
)
def test_result_html(results, index: int, expected: list[str], hostile: str, secret: str) -> None:
    html = result_html(results[index])
    for fragment in expected:
        assert fragment in html
    assert hostile not in html and secret not in html
    assert "truncated zip" not in html  # error messages stay out of the compact view


def test_result_html_never_shows_a_revealed_value(results, secret: str) -> None:
    revealed = results[2]
    assert revealed.findings[0].value == secret
    assert secret not in result_html(revealed)


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda rs: rs, id="list"),
        pytest.param(lambda rs: pd.DataFrame([r.to_dict() for r in rs]), id="dataframe"),
    ],
)
def test_scan_html(results, shape, hostile: str) -> None:
    html = scan_html(shape(results))
    assert "<b>6</b> documents (files, attachments and archive members) from <b>5</b> files" in html
    assert "restricted</b> 2" in html and "1 duplicates · 0 not read" in html
    rows = html.split("<tbody>")[1]
    assert rows.index("inv-001.pdf") < rows.index("&lt;script&gt;") < rows.index("mail.eml")
    assert "copy.pdf" not in rows  # duplicates are not "read first"
    assert hostile not in html


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda rs: rs, id="results"),
        pytest.param(lambda rs: census(rs), id="census"),
    ],
)
def test_census_html(results, shape) -> None:
    html = census_html(shape(results))
    assert html == census(results)._repr_html_()  # one census view, drawn by the census
    assert "documents: 6 in 5 files (attachments and archive members included)" in html
    assert (
        "<tr><td>emails</td><td>4</td><td>3</td><td>2</td></tr>" in html
    )  # mentions, docs, unique
    assert "<tr><td>contoso.com</td><td>2</td><td>1</td>" in html


def test_importing_report_is_cheap() -> None:
    """DocumentResult._repr_html_ may call result_html: importing it must stay light."""
    import subprocess
    import sys

    code = (
        "import sys, leakclf.report; heavy = [m for m in ('pandas', 'matplotlib', 'spacy', "
        "'pyarrow', 'datasketch') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_scan_and_scan_html_draw_the_same_summary(results, tmp_path) -> None:
    """One summary view: Scan._repr_html_ and scan_html of the same results are identical."""
    from leakclf.scan import read_results, write_rows

    path = tmp_path / "r.jsonl"
    write_rows([r.to_dict() for r in results], path)
    scan = read_results(path)
    assert scan._repr_html_() == scan_html(scan) == scan_html(results)
