"""Accents a PDF drew apart from their letter (TeX's default fonts) come out joined to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from leakclf.config import Config, ExtractConfig
from leakclf.extractors import extract
from leakclf.extractors.accents import join_accents
from tests.extractors.make import pdf_bytes

CORPUS = Path(__file__).resolve().parents[2].parent / "shared/corpus/doctypes-train"


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("posterior an \u00b4 alisis.", "posterior análisis."),
        ("Mar\u00b4\u0131a Ayuso", "María Ayuso"),
        ("Pablo Hern \u00b4 andez \u00b4\nCarrascosa", "Pablo Hernández\nCarrascosa"),
        ("Pers\u00a8onliche Daten, ab M\u00a8arz", "Persönliche Daten, ab März"),
        ("Espa\u02dcna", "España"),
        ("de \u00b4 Angel", "de Ángel"),
        ("librer \u00b4 \u00edas", "librer\u00edas"),
        ("librer \u00b4 \u00b4\u0131as", "librer\u00edas"),
        ("ISE \u00a8\n\u2022 Software", "ISE\n\u2022 Software"),
    ],
)
def test_detached_accents_join_their_letter(text: str, joined: str) -> None:
    assert join_accents(text) == joined


@pytest.mark.parametrize(
    "text",
    ["it\u00b4s done, don\u00b4t", "the `base64` column", "plain text", "caf\u00e9 \u00b4 12"],
)
def test_other_marks_are_left_alone(text: str) -> None:
    assert join_accents(text) == text


def test_a_pdf_with_detached_accents_reads_joined() -> None:
    data = pdf_bytes(("Para su posterior an \u00b4 alisis, Jos\u00b4e Su\u00b4arez.",))
    for engine in ("pdfium", "pdfminer"):
        config = Config(extract=ExtractConfig(pdf_engine=engine))
        text = extract(data, name="poc.pdf", config=config)[0].text
        assert "análisis, José Suárez" in text, engine


def test_a_latex_pdf_from_the_corpus_reads_its_accents() -> None:
    path = CORPUS / "poc/tec_aseguramiento_poc_xray.pdf"
    if not path.is_file():
        pytest.skip(f"the training corpus is absent ({path})")
    text = extract(path, config=Config())[0].text
    assert "análisis" in text and "\u00b4" not in text
