"""The NER gate: which segments NER reads, and that what it skips holds nothing NER finds."""

from __future__ import annotations

import pytest
from detcases import KEY, NER_MUST_READ

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.detectors.gate import GateWords, worth_reading
from leakclf.detectors.ner import runs


@pytest.fixture(scope="module")
def words() -> GateWords:
    return GateWords.load()


def test_word_lists_load_and_keep_names_apart(words: GateWords) -> None:
    assert len(words.names) > 10_000 and len(words.common) > 1_000
    assert words.ordinary("visit") and words.ordinary("credentials")
    # a word that is also a given name is never "ordinary"; neither are months
    assert not words.ordinary("mark") and not words.ordinary("may")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Visit                     for the full terms.", id="sentence-initial-verb"),
        pytest.param("Login from               flagged for review.", id="login-line"),
        pytest.param("the box is ready. Credentials below:", id="after-full-stop"),
        pytest.param("SERVICES AGREEMENT", id="all-caps-ordinary-words"),
        pytest.param("• Consulting services, 12 hours", id="bullet-item"),
        pytest.param("all lower case here", id="lower-case-no-names"),
    ],
)
def test_gate_skips_ordinary_lines(line: str, words: GateWords) -> None:
    assert not worth_reading(line, words)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Anna Kowalska", id="signature-name"),
        pytest.param("Head of Procurement, Kowalska Logistics", id="signature-title-and-company"),
        pytest.param("From: Ramesh Iyer <r@x.example>", id="mail-header"),
        pytest.param("JOHN SMITH", id="all-caps-name-header"),
        pytest.param("CURRICULUM VITAE - MARIA GARCIA", id="all-caps-cv-header"),
        pytest.param("please ask john smith about the invoice", id="lower-case-full-name"),
        pytest.param("Łukasz Żółkiewski", id="polish-name"),
        pytest.param("Søren Ødegård", id="danish-name"),
        pytest.param("Ögren called.", id="non-ascii-capital"),
        pytest.param("Grüße aus München", id="german-place"),
        pytest.param("Mark reviewed it.", id="initial-word-that-is-a-name"),
        pytest.param("March 2024 was busy.", id="initial-month"),
        pytest.param("The meeting moved to Contoso.", id="mid-sentence-company"),
    ],
)
def test_gate_reads_lines_that_may_name_someone(line: str, words: GateWords) -> None:
    assert worth_reading(line, words)


def test_gated_runs_keep_offsets(words: GateWords) -> None:
    text = "Visit the portal.\nBest wishes,\nAnna Kowalska\nLogin from home.\nÖgren AB\n"
    got = list(runs(text, text, words))
    assert [p for _, p in got] == ["Best wishes,\nAnna Kowalska\n", "Ögren AB\n"]
    assert all(text[off : off + len(p)] == p for off, p in got)


@pytest.mark.parametrize("text", NER_MUST_READ)
def test_gate_finds_what_ungated_ner_finds(text: str, with_ner: DetectorSet) -> None:
    """The real pipeline with the gate on finds the same people, places and companies as
    without it on texts whose names sit in signature blocks, capitals or other languages."""
    off = DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig(ner_gate=False)))
    assert off.ner is not None and with_ner.ner is not None
    off.ner._nlp = with_ner.ner.nlp
    with_ner.ner.clear_cache()
    gated = [(f.label, f.value) for f in with_ner.detect(text).findings]
    ungated = [(f.label, f.value) for f in off.detect(text).findings]
    assert gated == ungated
    assert {"PERSON", "ORGANIZATION", "LOCATION"} & {label for label, _ in gated}


def test_a_quoted_reply_is_read_like_its_original(with_ner: DetectorSet) -> None:
    """NER reads a mail's quoted copy without the "> " markers: the cached result of the
    original serves it, and findings land on the right characters of the quoted text."""
    original = "Hi team,\nMaria Garcia of Northwind Traders will visit Leeds.\n"
    reply = "Thanks!\n\nOn Monday, Maria wrote:\n" + "".join(
        f"> {line}\n" for line in original.splitlines()
    )
    with_ner.ner.clear_cache()  # type: ignore[union-attr]
    first = {(f.label, f.value) for f in with_ner.detect(original).findings}
    found = with_ner.detect(reply).findings
    assert {(f.label, f.value) for f in found} >= first
    assert all(reply[f.start : f.end] == f.value for f in found)


@pytest.mark.parametrize(
    ("piece", "plain"),
    [
        pytest.param("no quotes here\n", "no quotes here\n", id="unchanged"),
        pytest.param("> a\n> > b\nc\n", "a\nb\nc\n", id="nested"),
        pytest.param("x > y\n", "x > y\n", id="not-at-line-start"),
    ],
)
def test_unquote(piece: str, plain: str) -> None:
    from leakclf.detectors.ner import _shift, unquote

    text, shifts = unquote(piece)
    assert text == plain
    for word in ("a", "b", "c", "y"):
        if word in text:
            pos = text.index(word)
            assert piece[pos + _shift(shifts, pos)] == word


def test_kept_verdicts_give_the_runs_judged_afresh(words: GateWords) -> None:
    """A detector keeps the gate's verdict per segment: the same runs as judging every
    segment again, for a text read twice and for texts sharing lines; a segment longer than
    a paragraph (judged sentence by sentence) is not kept."""
    long_line = "Visit the portal for the full terms and the conditions. " * 5 + "\n"
    texts = [
        "Visit the portal.\nBest wishes,\nAnna Kowalska\nLogin from home.\nÖgren AB\n",
        "Login from home.\nBest wishes,\nJoão Silva\n" + long_line,
        "Visit the portal.\nplease ask john smith\nVisit the portal.\n",
    ]
    judged: dict[str, bool] = {}
    for text in [*texts, *texts]:
        assert list(runs(text, text, words, judged)) == list(runs(text, text, words))
    assert judged["Login from home.\n"] is False and judged["Anna Kowalska\n"] is True
    assert all(len(segment) <= 200 for segment in judged)


def test_a_detector_keeps_a_bounded_number_of_verdicts(
    with_ner: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leakclf.detectors.ner as ner_module

    ner = with_ner.ner
    assert ner is not None
    monkeypatch.setattr(ner_module, "JUDGED_SEGMENTS", 3)
    ner.clear_cache()
    text = "".join(f"Line {n} of the memo.\n" for n in range(6))
    first = [(f.label, f.start) for f in with_ner.detect(text).findings]
    assert len(ner._judged) == 0  # six verdicts, more than three: started over
    with_ner.detect("Anna Kowalska\n")
    assert list(ner._judged) == ["Anna Kowalska\n"]
    assert [(f.label, f.start) for f in with_ner.detect(text).findings] == first
