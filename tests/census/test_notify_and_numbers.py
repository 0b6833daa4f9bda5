"""The notification list (columns, masking, 0600) and one set of census numbers across the CLI
summary, census.json, the HTML report and ``Census.summary()`` for one real scan."""

from __future__ import annotations

import csv
import json
import re
import stat
from pathlib import Path
from typing import Any

import pytest

import leakclf
from leakclf.census import census
from leakclf.census.notify import COLUMNS
from leakclf.cli import main

from .helpers import email, named, phone, result

NAMES = ("Jane Roe", "Bob Ray")


def dump(*, reveal: bool = False) -> list:
    jane = named(NAMES[0], ctx="header", shown_email="jane.roe@contoso.com")
    if reveal:
        jane = jane.__class__(
            **{**{s: getattr(jane, s) for s in jane.__slots__}, "value": NAMES[0]}
        )
    return [
        result("a.eml", [jane, email("jane.roe@contoso.com"), phone("+4915123456789", "DE")]),
        result("b.pdf", [named(NAMES[0]), named(NAMES[1]), email("bob.ray@gmail.com")]),
        result("c.txt", [named(NAMES[1], ctx="salutation")]),
    ]


def test_people_frame_columns_and_rows() -> None:
    frame = census(dump()).people_frame()
    assert tuple(frame.columns) == COLUMNS
    rows = frame.to_dict("records")
    assert [(r["organization"], r["corroborated"], r["documents"]) for r in rows] == [
        ("", True, 2),  # Bob Ray: a gmail address names no organisation
        ("contoso.com", True, 2),
    ]
    jane = rows[1]
    assert jane["data_types"] == "EMAIL_ADDRESS;PHONE_NUMBER"
    assert jane["paths"] == "a.eml;b.pdf" and jane["emails"] == 1
    assert rows[0]["data_types"] == "EMAIL_ADDRESS"  # bob.ray@ spells his name


def test_people_list_is_masked_and_owner_only(tmp_path: Path) -> None:
    out = census(dump()).write_people(tmp_path / "affected.csv")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert not any(part.casefold() in text.casefold() for n in NAMES for part in n.split())
    assert "name" not in next(csv.reader(text.splitlines()))


def test_existing_file_becomes_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "affected.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    census(dump()).write_people(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_reveal_adds_the_name() -> None:
    frame = census(dump(reveal=True), reveal=True).people_frame()
    assert tuple(frame.columns) == (*COLUMNS, "name")
    assert NAMES[0] in set(frame["name"])


# -- one set of numbers -------------------------------------------------------------------


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from leakclf.demo import generate

    root = generate(tmp_path_factory.mktemp("demo") / "dump", files=12, seed=3)
    out = root.parent / "results.parquet"
    list(leakclf.scan(root, workers=1, progress=False, out=out))
    return out


def _cli_counts(text: str) -> dict[str, tuple[int, int, str]]:
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^(\w+)\s+([\d,]+)\s+([\d,]+)\s+(.+)$", line)
        if m and m.group(1) in ("emails", "phones", "persons", "organizations", "projects"):
            rows[m.group(1)] = (
                int(m.group(2).replace(",", "")),
                int(m.group(3).replace(",", "")),
                m.group(4),
            )
    return rows


def _html_counts(html: str) -> dict[str, tuple[int, int, str]]:
    cells = re.findall(
        r"<tr><td>(\w+)</td><td>([\d,]+)</td><td>([\d,]+)</td><td>([^<]+)</td></tr>", html
    )
    return {k: (int(m.replace(",", "")), int(d.replace(",", "")), u) for k, m, d, u in cells}


def _api_counts(summary: dict[str, Any]) -> dict[str, tuple[int, int, str]]:
    from leakclf.census.render import unique_cell

    return {
        k: (c["mentions"], c["documents"], unique_cell(k, c))
        for k, c in summary["entities"].items()
    }


def test_cli_json_report_and_api_agree(
    scanned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from leakclf.report import write_html

    api = leakclf.census(scanned).summary()
    assert (
        main(
            [
                "census",
                str(scanned),
                "-o",
                str(tmp_path / "census.json"),
                "--people",
                str(tmp_path / "p.csv"),
            ]
        )
        == 0
    )
    cli = _cli_counts(capsys.readouterr().out)
    data = json.loads((tmp_path / "census.json").read_text(encoding="utf-8"))["summary"]
    html = write_html(scanned, tmp_path / "report.html").read_text(encoding="utf-8")
    expected = _api_counts(api)
    assert api["persons"]["up_to"] >= api["persons"]["at_least"] > 0
    assert data["entities"] == api["entities"] and data["persons"] == api["persons"]
    assert {k: v for k, v in cli.items()} == {k: expected[k] for k in cli} and len(cli) == 5
    report = _html_counts(html[html.index('id="census"') :])
    assert {k: report[k] for k in expected} == expected
    people = list(csv.DictReader((tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()))
    assert len({r["person"] for r in people}) == api["persons"]["up_to"]
    assert stat.S_IMODE((tmp_path / "p.csv").stat().st_mode) == 0o600
