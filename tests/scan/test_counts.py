"""One scan, one set of counts: the CLI summary and progress line, Scan.summary(), to_pandas(),
the census and the HTML report agree on files, documents, findings, levels and duplicates."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import leakclf.scan.core
from leakclf.census import census
from leakclf.cli import main
from leakclf.model import LEVELS
from leakclf.report import write_html
from leakclf.scan import read_results
from leakclf.scan.testing import FakePipeline

from .conftest import FILES, write_dump


def test_counts_agree_across_cli_api_census_and_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(leakclf.scan.core, "_default_factory", lambda: FakePipeline)
    root = write_dump(tmp_path / "dump", {**FILES, "sub/deep/a-again.txt": FILES["a.txt"]})
    os.mkfifo(root / "pipe")  # not read: a row with its reason and the policy's level
    out = tmp_path / "r.jsonl"
    assert main(["scan", str(root), "-o", str(out), "--workers", "2"]) == 0
    printed = capsys.readouterr()
    head = re.search(
        r"Summary: (\d+) files \(.*?\), (\d+) documents \(files, attachments and "
        r"archive members\), (\d+) findings \(every mention, copies included\), "
        r"(\d+) duplicates",
        printed.out,
    )
    assert head, printed.out
    cli = dict(zip(("files", "documents", "findings", "duplicates"), map(int, head.groups())))
    cli_levels = {
        lv: int(re.search(rf"^{lv}\s+(\d+)$", printed.out, re.MULTILINE).group(1))  # type: ignore[union-attr]
        for lv in LEVELS
    }
    progress = re.findall(r"\| (\d+) documents: (.*?) \| not read (\d+)", printed.err)[-1]
    progress_levels = dict(re.findall(r"(\w+) (\d+)", progress[1]))

    api = read_results(out).summary()
    df = read_results(out).to_pandas()
    page = write_html(out, tmp_path / "report.html").read_text()
    cards = {
        k: int(v.replace(",", ""))
        for k, v in re.findall(r'data-count="(\w+)"><b>([\d,]+)</b>', page)
    }
    expected = {"files": 8, "documents": 12, "findings": 6, "duplicates": 5}
    assert cli == expected
    assert {k: api[k] for k in expected} == expected
    assert (
        len(df[df["parent"].isna()]),
        len(df),
        int(df["findings"].map(len).sum()),
        int((df["status"] == "duplicate").sum()),
    ) == tuple(expected.values())
    assert {k: cards[k] for k in expected} == expected
    documents = census(out).summary()["documents"]
    assert [documents["files"], documents["documents"]] == [8, 12]
    assert int(progress[0]) == expected["documents"]
    by_level = {lv: int((df["level"] == lv).sum()) for lv in LEVELS}
    assert (
        cli_levels == api["by_level"] == by_level == {k: int(v) for k, v in progress_levels.items()}
    )
    assert cards["restricted"] == by_level["restricted"]
    assert cards["confidential"] == by_level["confidential"]
    assert cards["not_read"] == sum(api["not_read"].values()) == int(progress[2]) == 1
