"""`leakclf classify FILE...` end to end with the real pipeline: many files, one pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import leakclf.pipeline
from leakclf.cli import main

FILES = {
    # long enough to judge: under 100 characters of content is "other" and uncertain
    "invoice.txt": "INVOICE 2024-117\nInvoice date: 2024-03-01   Due date: 2024-03-31\n"
    "Bill to: Contoso Ltd, jane.doe@contoso.com\n"
    "Description               Qty   Unit price   Amount\n"
    "Consulting services         10       100.00  1,000.00\n"
    "Travel expenses              1       250.00    250.00\n"
    "Subtotal 1,250.00 EUR   VAT 0%   Total due: 1,250.00 EUR\n"
    "Payment: IBAN DE89 3704 0044 0532 0130 00, within 30 days\n",
    "memo.txt": "Team lunch moved to Friday.\n",
    "contacts.csv": "name,phone\nJohn Smith,+44 20 7946 0958\n",
}


def test_classify_many_files_with_one_real_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[object] = []
    real = leakclf.pipeline.Pipeline

    class Counted(real):  # type: ignore[misc,valid-type]
        def __init__(self, *args: object, **kw: object) -> None:
            built.append(self)
            super().__init__(*args, **kw)

    monkeypatch.setattr(leakclf.pipeline, "Pipeline", Counted)
    paths = []
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    assert main(["classify", *paths, "--json"]) == 0
    out = capsys.readouterr().out
    rows = {r["source"]: r for r in json.loads(out)}
    assert len(built) == 1  # models loaded once for all three files
    assert sorted(rows) == sorted(FILES)
    labels = {s: {f["label"] for f in r["findings"]} for s, r in rows.items()}
    assert {"EMAIL_ADDRESS", "IBAN_CODE"} <= labels["invoice.txt"]
    assert "PHONE_NUMBER" in labels["contacts.csv"]
    assert rows["invoice.txt"]["doc_type"] == "invoice"
    assert rows["invoice.txt"]["level"] != "public" and rows["invoice.txt"]["score"] > 0
    assert not labels["memo.txt"] & {"EMAIL_ADDRESS", "IBAN_CODE", "PHONE_NUMBER"}
    assert "jane.doe@contoso.com" not in out and "DE89 3704" not in out  # masked


def test_classify_rejects_a_folder_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("x")
    assert main(["classify", str(tmp_path / "a.txt"), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is not a file" in err and "leakclf scan" in err
