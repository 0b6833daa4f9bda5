"""Unread files as their own triage group: CLI summary, --fail-on, Parquet and to_pandas()."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import leakclf
from leakclf.cli import main
from tests.extractors import make
from tests.scoring.test_pipeline_rules import blank_pdf

CONFIG = """
[detect]
ner = false
"""


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    root = tmp_path / "dump"
    root.mkdir()
    (root / "memo.txt").write_bytes(b"Team lunch on Friday at noon, see you there.")
    (root / "scan.pdf").write_bytes(blank_pdf())
    (root / "salaries.docx").write_bytes(make.encrypted_docx_bytes())
    (root / "leakclf.toml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "extra", "code"),
    [
        pytest.param(("memo.txt",), ["--fail-on", "restricted"], 0, id="all-read-below"),
        pytest.param(None, ["--fail-on", "restricted"], 1, id="unread-fails-restricted"),
        pytest.param(None, ["--fail-on", "internal"], 1, id="unread-fails-internal"),
        pytest.param(None, [], 0, id="no-gate"),
    ],
)
def test_cli_summary_and_fail_on(
    dump: Path,
    tmp_path: Path,
    files: tuple[str, ...] | None,
    extra: list[str],
    code: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "r.parquet"
    include = [a for f in files or () for a in ("--include", f)]
    rc = main(
        [
            "scan",
            str(dump),
            "-o",
            str(out),
            "--workers",
            "1",
            "--no-progress",
            "--config",
            str(dump / "leakclf.toml"),
            *include,
            *extra,
        ]
    )
    text = capsys.readouterr().out
    assert rc == code
    if files is None:
        assert "not read - 2 documents, by reason:" in text
        assert "image-only" in text and "encrypted" in text
        df = pd.read_parquet(out)
        got = dict(zip(df["source"].str.rsplit("/", n=1).str[-1], df["unread_reason"]))
        assert got["scan.pdf"] == "image-only" and got["salaries.docx"] == "encrypted"
        assert set(df.loc[df["unread_reason"].notna(), "level"]) == {"internal"}
    else:
        assert "not read" not in text


def test_to_pandas_and_summary(dump: Path) -> None:
    config = leakclf.Config.from_toml(dump / "leakclf.toml")
    result = leakclf.scan(dump, workers=1, config=config, progress=False)
    df = result.to_pandas()
    assert sorted(df["unread_reason"].dropna()) == ["encrypted", "image-only"]
    assert "public" not in set(df.loc[df["unread_reason"].notna(), "level"])
    summary = result.summary()
    assert summary["not_read"] == {"encrypted": 1, "image-only": 1}
    assert "not read - 2 documents, by reason" in result._repr_html_()


def test_census_and_report(dump: Path, tmp_path: Path) -> None:
    from leakclf.report import write_html

    config = leakclf.Config.from_toml(dump / "leakclf.toml")
    out = tmp_path / "r.parquet"
    leakclf.scan(dump, workers=1, config=config, out=out, progress=False).wait()
    census = leakclf.census(out)
    assert census.summary()["not_read"] == {"encrypted": 1, "image-only": 1}
    assert "not read - 2 documents, by reason: encrypted 1, image-only 1" in census.table()
    assert "not read - 2 documents, by reason" in census._repr_html_()
    page = write_html(out, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "not read - 2 documents, by reason" in page
    assert "<td>image-only</td><td>1</td>" in page and "<td>encrypted</td><td>1</td>" in page


def test_duplicates_keep_contents_and_unread(tmp_path: Path) -> None:
    """The scan engine's duplicate rows copy contents_level/score and unread_reason."""
    root = tmp_path / "dump"
    root.mkdir()
    box = make.zip_bytes({"card.txt": b"Card number 4111 1111 1111 1111 exp 12/29"})
    for name in ("a.zip", "b.zip"):
        (root / name).write_bytes(box)
    for name in ("s1.pdf", "s2.pdf"):
        (root / name).write_bytes(blank_pdf())
    config = leakclf.Config.from_toml(_toml(tmp_path))
    rows = {
        r.source.rsplit("/", 1)[-1]: r
        for r in leakclf.scan(root, workers=1, config=config, progress=False)
    }
    a, b = rows["a.zip"], rows["b.zip"]
    assert {a.status, b.status} == {"ok", "duplicate"}
    assert (a.contents_level, b.contents_level) == ("restricted", "restricted")
    assert a.contents_score == b.contents_score
    assert {rows["s1.pdf"].unread_reason, rows["s2.pdf"].unread_reason} == {"image-only"}
    assert {rows["s1.pdf"].status, rows["s2.pdf"].status} == {"ok", "duplicate"}


def _toml(tmp_path: Path) -> Path:
    path = tmp_path / "leakclf.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path
