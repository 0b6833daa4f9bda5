"""The census reads every results shape: lists, DataFrames, Scans and files, keeping signatures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from leakclf.census import census
from leakclf.cli import main
from leakclf.errors import ConfigError
from leakclf.scan import read_results, write_rows

from .helpers import email, org, person, result

TEXT = " ".join(f"w{i} shared contract text" for i in range(80))


def docs() -> list:
    return [
        result("a.pdf", [email("jane.doe@contoso.com"), person("Jane Doe")], text=TEXT, sha256="1"),
        result("b.docx", [email("Jane.Doe@contoso.com")], text=TEXT + " amended", sha256="2"),
        result("c.txt", [person("Bob Ray")], text="unrelated short note", sha256="3"),
    ]


# persons: unique is N; Bob Ray is neither linked to an address nor named where people are
EXPECTED = {"emails": (2, 1), "persons": (2, 1), "organizations": (0, 1)}


def counts(c) -> dict:  # type: ignore[no-untyped-def]
    got = {r["kind"]: (r["mentions"], r["unique"]) for r in c.counts()}
    return {k: got[k] for k in EXPECTED}


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".csv"])
def test_results_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"results{suffix}"
    write_rows([d.to_dict() for d in docs()], path)
    for source in (path, str(path), read_results(path)):
        c = census(source)
        assert counts(c) == EXPECTED
        assert c.summary()["documents"]["unique_after_near_dup"] == 2  # signatures survived


def test_dataframe_rows() -> None:
    frame = pd.DataFrame([d.to_dict() for d in docs()])
    assert counts(census(frame)) == EXPECTED


def test_bad_inputs(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        census(tmp_path / "missing.parquet")
    with pytest.raises(ConfigError, match="cannot read results"):
        census(42)


def test_cli_prints_table_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "results.jsonl"
    write_rows([d.to_dict() for d in docs()], path)
    out = tmp_path / "census.json"
    assert main(["census", str(path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert (
        "documents: 3 in 3 files (attachments and archive members included)" in printed
        and "emails" in printed
        and "jane" not in printed.casefold()
    )
    assert out.exists() and "jane" not in out.read_text().casefold()


def test_cli_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["census", str(tmp_path / "nope.parquet")]) == 2
    assert "not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flags", "values"),
    [
        pytest.param([], [None], id="masked-by-default"),
        pytest.param(["--reveal"], ["Jane.Doe@contoso.com"], id="reveal-asked"),
    ],
)
def test_cli_reveal_shows_values_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], values: list
) -> None:
    import json

    path = tmp_path / "results.jsonl"  # results scanned with reveal: they carry raw values
    write_rows([result("a.txt", [email("Jane.Doe@contoso.com", reveal=True)]).to_dict()], path)
    out = tmp_path / "census.json"
    assert main(["census", str(path), "-o", str(out), *flags]) == 0
    emails = json.loads(out.read_text(encoding="utf-8"))["entities"]["emails"]
    assert [e.get("value") for e in emails] == values
    assert [e["preview"] for e in emails] == ["j***@contoso.com"]
    assert ("Jane.Doe" in out.read_text(encoding="utf-8")) is bool(flags)
    capsys.readouterr()


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".csv"])
def test_organisation_names_join_their_domain_after_a_round_trip(tmp_path, suffix):
    """Facets are stored as a map: every name-form digest must survive the file, not only the
    last ("Northwind Traders" joins northwindtraders.com on its whole-name form)."""
    path = tmp_path / f"r{suffix}"
    rows = [result("a.txt", [email("ap@northwindtraders.com"), org("Northwind Traders")])]
    write_rows([r.to_dict() for r in rows], path)
    organisations = census(path).entities("organizations")
    assert list(organisations["preview"]) == ["northwindtraders.com"]
    assert census(path).entities("org_names").empty
