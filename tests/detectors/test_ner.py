"""spaCy NER: names found, document vocabulary dropped, long texts chunked, the cap recorded.

One DetectorSet (one model load) serves the whole module.
"""

from __future__ import annotations

import logging

import pytest
from detcases import KEY

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.detectors.ner import chunks
from leakclf.detectors.noise import is_noise
from leakclf.errors import ModelError

NER_LABELS = {"PERSON", "ORGANIZATION", "LOCATION"}


def ner_findings(det: DetectorSet, text: str) -> list[tuple[str, str | None]]:
    return [(f.label, f.value) for f in det.detect(text).findings if f.label in NER_LABELS]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Signed by John Smith in London.",
            [("PERSON", "John Smith"), ("LOCATION", "London")],
            id="person-gpe",
        ),
        pytest.param(
            "Invoice from Contoso Ltd. to Acme Corporation.",
            [("ORGANIZATION", "Contoso Ltd."), ("ORGANIZATION", "Acme Corporation")],
            id="orgs",
        ),
        pytest.param(
            "Dear Sarah O'Connor, thank you.", [("PERSON", "Sarah O'Connor")], id="salutation"
        ),
        pytest.param("This Statement of Work follows the Purchase Order.", [], id="doc-vocabulary"),
        pytest.param(
            "Bill To: Acme Corporation, 500 Market Street",
            [("ORGANIZATION", "Acme Corporation")],
            id="bill-to",
        ),
        pytest.param("Payment terms: Net 30.", [], id="net-30"),
        pytest.param(
            "Customer update\n\nDear Thibaut Blanchard,\n\nYour account manager will call.",
            [("PERSON", "Thibaut Blanchard")],
            id="salutation-makes-person",
        ),
        pytest.param(
            "Subject: Quick question\n\nHi Cesare,\n\nI am writing to follow up on our "
            "conversation about Granite Security Review. Could you let me know whether",
            [("PERSON", "Cesare")],
            id="hi-name-and-initiative-not-org",
        ),
        pytest.param(
            "From: a@b.com\nTo: Vamakshi Grewal <vamakshi.grewal@shroff-seth.com>\n",
            [("PERSON", "Vamakshi Grewal")],
            id="name-matching-email-is-person",
        ),
    ],
)
def test_ner(with_ner: DetectorSet, text: str, expected: list[tuple[str, str]]) -> None:
    assert ner_findings(with_ner, text) == expected


@pytest.mark.parametrize(
    ("label", "span", "noise"),
    [
        pytest.param("ORGANIZATION", "the Statement of Work", True, id="sow"),
        pytest.param("ORGANIZATION", "Purchase Order", True, id="po"),
        pytest.param("PERSON", "Bill To", True, id="bill-to"),
        pytest.param("ORGANIZATION", "Net 30", True, id="net-30"),
        pytest.param("PERSON", "of the", True, id="stop-words"),
        pytest.param("ORGANIZATION", "2024", True, id="digits"),
        pytest.param("PERSON", "jane@x.com", True, id="email-as-person"),
        pytest.param("ORGANIZATION", "Contoso", False, id="real-org"),
        pytest.param("ORGANIZATION", "Granite Security Review", True, id="initiative"),
        pytest.param("PERSON", "Jane Doe", False, id="real-person"),
        pytest.param("DATE_TIME", "CA 94105", True, id="zip-as-date"),
        pytest.param("DATE_TIME", "March 2024", False, id="month-year"),
    ],
)
def test_noise_filter(label: str, span: str, noise: bool) -> None:
    assert is_noise(label, span) is noise


def test_batch_equals_single_and_offsets_hold(with_ner: DetectorSet) -> None:
    texts = ["Maria Garcia met Contoso Ltd. in Paris.", "", "Report by John Smith."]
    batch = with_ner.detect_many(texts)
    assert batch == [with_ner.detect(t) for t in texts]
    for text, det in zip(texts, batch):
        for f in det.findings:
            assert text[f.start : f.end] == f.value


def test_long_text_is_chunked_not_truncated(with_ner: DetectorSet) -> None:
    block = "Filler words about the delivery schedule and the scope. " * 400  # ~22k chars per block
    text = block + "Signed by John Smith.\n" + block + "Approved by Maria Garcia.\n"
    det = with_ner.detect(text)
    people = [text[f.start : f.end] for f in det.findings if f.label == "PERSON"]
    assert people == ["John Smith", "Maria Garcia"]
    assert det.ner_chars == len(text)


@pytest.mark.parametrize(
    ("cap", "people", "ner_chars"),
    [
        pytest.param(30, ["John Smith"], 30, id="cap-cuts-second-name"),
        pytest.param(0, [], 0, id="cap-zero-disables-ner"),
    ],
)
def test_ner_cap_recorded(
    with_ner: DetectorSet, cap: int, people: list[str], ner_chars: int
) -> None:
    det = DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig(ner_max_chars=cap)))
    if det.ner is not None:  # reuse the loaded model: this test is about the cap
        assert with_ner.ner is not None
        det.ner._nlp = with_ner.ner.nlp
    text = "Signed by John Smith.         Approved by Maria Garcia."
    result = det.detect(text)
    assert [f.value for f in result.findings if f.label == "PERSON"] == people
    assert result.ner_chars == ner_chars


def test_model_load_is_logged_not_printed(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.INFO, logger="leakclf")
    det = DetectorSet(Config(key=KEY))
    det.detect("John Smith")
    assert "loaded spaCy model leakclf_ner" in caplog.text
    assert det.ner is not None and det.ner.nlp.pipe_names == ["ner"]
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("text", "size", "pieces"),
    [
        pytest.param("aaaa bbbb cccc", 10, ["aaaa bbbb ", "cccc"], id="cut-at-space"),
        pytest.param("line one\nline two\n", 12, ["line one\n", "line two\n"], id="cut-at-newline"),
        pytest.param("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5], id="no-space-hard-cut"),
    ],
)
def test_chunks(text: str, size: int, pieces: list[str]) -> None:
    got = list(chunks(text, size))
    assert [p for _, p in got] == pieces
    assert all(text[off : off + len(p)] == p for off, p in got)


def test_missing_model_is_a_model_error() -> None:
    det = DetectorSet(Config(key=KEY, detect=DetectConfig(spacy_model="no_such_model_xyz")))
    with pytest.raises(ModelError, match="no_such_model_xyz.*detect.spacy_model"):
        det.detect("John Smith")


class _Ent:
    def __init__(self, piece: str, text: str, label: str) -> None:
        self.text, self.label_ = text, label
        self.start_char = piece.index(text)
        self.end_char = self.start_char + len(text)


@pytest.mark.parametrize(
    ("piece", "span", "spacy_label", "expected"),
    [
        pytest.param(
            "Hi Cesare, thanks", "Cesare", "ORG", ("PERSON", "Cesare"), id="hi-before-org"
        ),
        pytest.param(
            "Dear Thibaut Blanchard,",
            "Dear Thibaut Blanchard",
            "ORG",
            ("PERSON", "Thibaut Blanchard"),
            id="dear-inside-span",
        ),
        pytest.param(
            "Sold by Contoso today", "Contoso", "ORG", ("ORGANIZATION", "Contoso"), id="plain-org"
        ),
    ],
)
def test_salutations_make_people(
    piece: str, span: str, spacy_label: str, expected: tuple[str, str]
) -> None:
    from leakclf.detectors.ner import NerDetector

    class _Doc:
        def __init__(self) -> None:
            self.ents = [_Ent(piece, span, spacy_label)]

    (cand,) = NerDetector(None)._candidates(_Doc(), piece, 100)
    assert (cand.label, cand.value) == expected
    assert piece[cand.start - 100 : cand.end - 100] == cand.value


@pytest.mark.parametrize(
    ("text", "mask", "pieces"),
    [
        pytest.param(
            "Signed by John Smith\nPO Number: 123\nTotal: 5\nMaria Garcia\n",
            None,
            ["Signed by John Smith\n", "Maria Garcia\n"],
            id="skips-label-and-number-lines",
        ),
        pytest.param(
            "Mail jane@x.com\nCall Anna\n",
            "Mail           \nCall Anna\n",
            ["Call Anna\n"],
            id="masked-findings-explain-a-line",
        ),
        pytest.param("all lower case here\n", None, [], id="no-capitals"),
    ],
)
def test_ner_reads_only_lines_worth_reading(text: str, mask: str | None, pieces: list[str]) -> None:
    from leakclf.detectors.ner import runs

    got = list(runs(text, mask if mask is not None else text))
    assert [p for _, p in got] == pieces
    assert all(text[off : off + len(p)] == p for off, p in got)
