"""The demo dump: deterministic, every format present, ground truth consistent with the files."""

from __future__ import annotations

import hashlib
import json
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
from stdnum import iban, luhn

from leakclf.demo import generate
from leakclf.demo.truth import norm_email, norm_person, norm_phone

FORMATS = ("pdf", "docx", "xlsx", "pptx", "html", "txt", "csv", "rtf", "eml", "mbox", "zip", "gz")


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = generate(tmp_path_factory.mktemp("a") / "dump", files=40, seed=7)
    truth = json.loads((root.parent / "dump.truth.json").read_text(encoding="utf-8"))
    return root, truth


def test_same_seed_same_bytes(dump: tuple[Path, dict], tmp_path: Path) -> None:
    root, _ = dump
    again = generate(tmp_path / "dump", files=40, seed=7)
    assert _digest(again) == _digest(root)
    assert (tmp_path / "dump.truth.json").read_bytes() == (
        root.parent / "dump.truth.json"
    ).read_bytes()


def test_other_seed_other_bytes(dump: tuple[Path, dict], tmp_path: Path) -> None:
    assert _digest(generate(tmp_path / "d", files=40, seed=8)) != _digest(dump[0])


@pytest.mark.parametrize("ext", [pytest.param(e, id=e) for e in FORMATS])
def test_every_format_present(dump: tuple[Path, dict], ext: str) -> None:
    assert any(p.name.endswith("." + ext) for p in dump[0].rglob("*"))


def test_truth_shape_and_counts(dump: tuple[Path, dict]) -> None:
    root, truth = dump
    files = [p for p in root.rglob("*") if p.is_file()]
    assert truth["seed"] == 7 and truth["files"] == len(files) == 40
    assert set(truth) == {"seed", "files", "documents", "injected", "unique", "mentions"}
    tops = {d["path"] for d in truth["documents"] if "!/" not in d["path"]}
    assert tops == {str(p.relative_to(root)) for p in files}
    for doc in truth["documents"]:
        assert set(doc) == {
            "path",
            "doc_type",
            "template",
            "signed",
            "duplicate_of",
            "near_duplicate_of",
            "entities",
        }
    assert sum(1 for d in truth["documents"] if d["duplicate_of"]) >= 2
    assert any(d["near_duplicate_of"] for d in truth["documents"])
    assert any("!/" in d["path"] and d["path"].startswith("mail/") for d in truth["documents"])


def test_unique_counts_follow_normalisation(dump: tuple[Path, dict]) -> None:
    _, truth = dump
    inj = truth["injected"]
    assert truth["unique"]["emails"] == len({norm_email(v) for v in inj["EMAIL_ADDRESS"]})
    assert truth["unique"]["persons"] == len({norm_person(v) for v in inj["PERSON"]})
    assert truth["unique"]["phones"] == len({norm_phone(v) for v in inj["PHONE_NUMBER"]})
    assert truth["unique"]["persons"] < len(inj["PERSON"])  # "Last, First" forms fold together
    mentions = sum(len(d["entities"].get("EMAIL_ADDRESS", [])) for d in truth["documents"])
    assert truth["mentions"]["emails"] == mentions


@pytest.mark.parametrize(
    ("label", "check"),
    [
        pytest.param("IBAN_CODE", iban.is_valid, id="iban-mod97"),
        pytest.param("CREDIT_CARD", lambda v: luhn.is_valid(v.replace(" ", "")), id="card-luhn"),
        pytest.param(
            "SECRET_GITHUB_TOKEN", lambda v: re.fullmatch(r"ghp_[A-Za-z0-9]{36}", v), id="github"
        ),
    ],
)
def test_injected_values_are_well_formed(dump: tuple[Path, dict], label: str, check) -> None:  # type: ignore[no-untyped-def]
    values = dump[1]["injected"][label]
    assert values and all(check(v) for v in values)


def test_text_files_hold_their_entities(dump: tuple[Path, dict]) -> None:
    root, truth = dump
    checked = 0
    for doc in truth["documents"]:
        if doc["path"].endswith((".txt", ".html", ".csv")) and "!/" not in doc["path"]:
            text = (root / doc["path"]).read_text(encoding="utf-8")
            for values in doc["entities"].values():
                for v in values:
                    assert v.replace("&", "&amp;") in text or v in text
            checked += 1
    assert checked >= 3


def test_archives_hold_listed_members(dump: tuple[Path, dict]) -> None:
    root, truth = dump
    for doc in truth["documents"]:
        outer, _, inner = doc["path"].partition("!/")
        if outer.endswith(".zip") and inner:
            assert inner in zipfile.ZipFile(root / outer).namelist()
        elif outer.endswith(".tar.gz") and inner:
            with tarfile.open(root / outer) as tar:
                assert inner in tar.getnames()
