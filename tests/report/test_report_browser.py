"""The HTML report in a real browser: headless Debian Chromium driven by selenium.

chromedriver talks to the browser over a localhost socket, so this test alone enables
sockets, and only to 127.0.0.1. The browser itself is started with networking features
off and a fresh profile; the page's CSP forbids every request anyway.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from leakclf.model import DocumentResult
from leakclf.report import write_html

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def _browser_or_skip() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if not missing:
        return
    message = f"{', '.join(missing)} missing: run `make browser` (Debian chromium, chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(message)  # never skip silently in CI
    pytest.skip(message)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # given explicitly: selenium-manager never downloads
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield drv
    finally:
        drv.quit()


def _bulk(results: list[DocumentResult]) -> list[DocumentResult]:
    """Rows enough that search, sort and filters have something to do: dated, some unread."""
    return [
        results[4].replace(
            source=f"dump/bulk/file-{i:03d}.txt",
            score=i,
            doc_date=f"2024-05-{1 + i % 28:02d}",
            unread_reason="image-only" if i % 10 == 3 else None,
        )
        for i in range(30)
    ]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, results: list[DocumentResult]) -> Path:
    return write_html(
        [*results, *_bulk(results)], tmp_path_factory.mktemp("report") / "report.html"
    )


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory, results: list[DocumentResult]) -> Path:
    """The same report with pages of 10 rows."""
    from leakclf.report import table

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(table, "TABLE_ROWS", 10)
        return write_html(
            [*results, *_bulk(results)], tmp_path_factory.mktemp("paged") / "report.html"
        )


pytestmark = [
    pytest.mark.enable_socket,
    pytest.mark.allow_hosts(["127.0.0.1", "localhost", "::1"]),
]


def _visible_rows(driver: object) -> list[str]:
    rows = driver.find_elements("css selector", "#file-table tbody tr")  # type: ignore[attr-defined]
    return [r.find_elements("css selector", "td")[0].text for r in rows if r.is_displayed()]


def test_report_renders_in_chromium(driver: object, page: Path, hostile: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    driver.get(page.as_uri())  # type: ignore[attr-defined]
    body = driver.find_element("tag name", "body").text  # type: ignore[attr-defined]
    for heading in (
        "Summary",
        "Read these first",
        "Exposure by organisation",
        "All documents",
        "Census: raw mentions versus unique values",
    ):
        assert heading in body
    charts = driver.find_elements("css selector", "svg.chart")  # type: ignore[attr-defined]
    assert len(charts) == 3
    assert all(c.size["width"] > 100 and c.size["height"] > 20 for c in charts)
    bars = driver.find_elements("css selector", "svg.chart rect.bar")  # type: ignore[attr-defined]
    assert len(bars) >= 6
    # the hostile file name is shown as text, not run
    assert hostile in body
    with pytest.raises(NoAlertPresentException):
        _ = driver.switch_to.alert.text  # type: ignore[attr-defined]
    assert len(_visible_rows(driver)) == 36
    assert driver.find_element("id", "count").text == "36 of 36 documents"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("inv-001", ["dump/invoices/inv-001.pdf"], id="by-name"),
        pytest.param(
            "CREDIT_CARD restricted",
            ["dump/invoices/inv-001.pdf", "dump/mail.eml!/copy.pdf"],
            id="two-words",
        ),
        pytest.param("<script>", ["dump/<script>alert(1)</script>.pdf"], id="hostile-name"),
        pytest.param("no-such-file", [], id="nothing"),
    ],
)
def test_search_filters_rows(driver: object, page: Path, query: str, expected: list[str]) -> None:
    driver.get(page.as_uri())  # type: ignore[attr-defined]
    box = driver.find_element("id", "search")  # type: ignore[attr-defined]
    box.send_keys(query)
    assert sorted(_visible_rows(driver)) == sorted(expected)
    assert driver.find_element("id", "count").text == f"{len(expected)} of 36 documents"  # type: ignore[attr-defined]


def test_sorting_by_score_and_level(driver: object, page: Path) -> None:
    driver.get(page.as_uri())  # type: ignore[attr-defined]
    heads = driver.find_elements("css selector", "#file-table th button")  # type: ignore[attr-defined]
    names = [h.text for h in heads]
    score = heads[names.index("score")]
    score.click()  # ascending
    cells = driver.find_elements("css selector", "#file-table tbody tr td:nth-child(4)")  # type: ignore[attr-defined]
    values = [int(c.text) for c in cells]
    assert values == sorted(values)
    score.click()  # descending
    cells = driver.find_elements("css selector", "#file-table tbody tr td:nth-child(4)")  # type: ignore[attr-defined]
    assert [int(c.text) for c in cells][:2] == [90, 90]
    heads[names.index("level")].click()
    levels = [
        c.text for c in driver.find_elements("css selector", "#file-table tbody tr td:nth-child(3)")
    ]  # type: ignore[attr-defined]
    assert levels[0] == "public" and levels[-1] == "restricted"


def test_no_console_errors(driver: object, page: Path) -> None:
    driver.get(page.as_uri())  # type: ignore[attr-defined]
    driver.find_element("id", "search").send_keys("x")  # type: ignore[attr-defined]
    logs = driver.get_log("browser")  # type: ignore[attr-defined]
    assert [entry for entry in logs if entry["level"] in ("SEVERE", "WARNING")] == []


def test_long_tables_show_a_page_then_all(driver: object, paged: Path) -> None:
    driver.get(paged.as_uri())  # type: ignore[attr-defined]
    count = driver.find_element("id", "count")  # type: ignore[attr-defined]
    more = driver.find_element("id", "show-all")  # type: ignore[attr-defined]
    visible = _visible_rows(driver)
    assert len(visible) == 10 and visible[0] == "dump/invoices/inv-001.pdf"  # highest score first
    assert count.text == "36 of 36 documents (showing the first 10)"
    assert more.is_displayed()
    driver.find_element("id", "search").send_keys("bulk")  # type: ignore[attr-defined]
    assert len(_visible_rows(driver)) == 10
    assert count.text == "30 of 36 documents (showing the first 10)"
    more.click()
    assert len(_visible_rows(driver)) == 30 and not more.is_displayed()
    assert count.text == "30 of 36 documents"


# -- as an analyst reads it (issue 17): the window's width, filters, CSV export --------------

LINES = """return Array.prototype.map.call(document.querySelectorAll(arguments[0]), function (td) {
  var r = document.createRange(); r.selectNodeContents(td);
  var tops = {}; Array.prototype.forEach.call(r.getClientRects(), function (b) {
    tops[Math.round(b.top)] = 1; });
  return Object.keys(tops).length; });"""


@pytest.mark.parametrize("width", [1280, 1920])
def test_the_table_uses_the_window_width_and_dates_stay_on_one_line(
    driver: object, page: Path, width: int
) -> None:
    driver.set_window_size(width, 1000)  # type: ignore[attr-defined]
    driver.get(page.as_uri())  # type: ignore[attr-defined]
    inner = driver.execute_script("return window.innerWidth")  # type: ignore[attr-defined]
    table = driver.execute_script(  # type: ignore[attr-defined]
        "return document.getElementById('file-table').getBoundingClientRect().width"
    )
    assert inner - 80 <= table <= inner  # padding and scroll bar only, no fixed ~900 px column
    lines = driver.execute_script(LINES, "td.date")  # type: ignore[attr-defined]
    assert len(lines) >= 30 and set(lines) <= {0, 1}, lines  # a date is one line (or empty)
    badges = driver.execute_script(  # type: ignore[attr-defined]
        "return Array.prototype.map.call(document.querySelectorAll('#file-table span.lv'),"
        " function (b) { return b.getBoundingClientRect().height; })"
    )
    assert badges and max(badges) < 24  # one line of 12 px text: level badges do not wrap


def _select(driver: object, ident: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", ident)).select_by_value(value)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(
            {"f-level": "restricted"},
            ["dump/invoices/inv-001.pdf", "dump/mail.eml!/copy.pdf"],
            id="level",
        ),
        pytest.param({"f-type": "contract"}, ["dump/<script>alert(1)</script>.pdf"], id="doc-type"),
        pytest.param({"f-folder": "invoices"}, ["dump/invoices/inv-001.pdf"], id="folder"),
        pytest.param(
            {"f-unread": "1"}, [f"dump/bulk/file-{i:03d}.txt" for i in (3, 13, 23)], id="unread"
        ),
        pytest.param(
            {"f-folder": "bulk", "f-unread": "0", "f-level": "public"},
            [f"dump/bulk/file-{i:03d}.txt" for i in range(30) if i % 10 != 3],
            id="combined",
        ),
        pytest.param(
            {"f-folder": "(root)"},
            ["dump/mail.eml", "dump/mail.eml!/copy.pdf", "dump/notes.txt", "dump/broken.docx"],
            id="root-folder",
        ),
    ],
)
def test_filters(driver: object, page: Path, filters: dict[str, str], expected: list[str]) -> None:
    driver.get(page.as_uri())  # type: ignore[attr-defined]
    for ident, value in filters.items():
        _select(driver, ident, value)
    assert sorted(_visible_rows(driver)) == sorted(expected)
    assert driver.find_element("id", "count").text == f"{len(expected)} of 36 documents"  # type: ignore[attr-defined]


def test_csv_export_of_the_filtered_rows(
    driver: object, paged: Path, tmp_path: Path, secret: str
) -> None:
    import csv
    import time

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior",  # type: ignore[attr-defined]
        {"behavior": "allow", "downloadPath": str(downloads)},
    )
    driver.get(paged.as_uri())  # type: ignore[attr-defined]
    _select(driver, "f-folder", "bulk")  # 30 rows, 10 shown: the export has all 30
    driver.find_element("id", "search").send_keys("file-00")  # type: ignore[attr-defined]
    driver.find_element("id", "export").click()  # type: ignore[attr-defined]
    target = downloads / "leakclf-documents.csv"
    deadline = time.monotonic() + 20
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == [
        "document",
        "type",
        "level",
        "score",
        "findings",
        "entities",
        "reasons",
        "status",
        "date",
    ]
    assert sorted(r[0] for r in rows[1:]) == [f"dump/bulk/file-{i:03d}.txt" for i in range(10)]
    assert {r[2] for r in rows[1:]} == {"public"}
    assert secret not in text
    logs = driver.get_log("browser")  # type: ignore[attr-defined]
    assert [e for e in logs if e["level"] in ("SEVERE", "WARNING")] == []  # CSP: nothing blocked
