"""Presidio both ways, through Presidio's public API: leakclf's detectors as recognizers in an
AnalyzerEngine, and Presidio recognizers (patterns, deny lists, YAML files) as leakclf detectors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("presidio_analyzer", reason="the presidio extra is not installed")

from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerResult

import leakclf
from leakclf.config import Config, DetectConfig
from leakclf.errors import ConfigError
from leakclf.presidio import (
    LeakclfRecognizer,
    detector_class,
    nlp_engine,
    recognizer_registry,
    recognizers,
)
from leakclf.privacy import digest

KEY = b"p" * 32
TEXT = (
    "Parcel 021000021 left the depot on Monday morning as planned. "  # no context word near
    "Card 4111 1111 1111 1111, not 4111 1111 1111 1112. "
    "SSN 536-22-1234, not SSN 666-22-1234. "
    "Mail jane.doe@contoso.com. Key AKIAIOSFODNN7EXAMPLE. "
    "Routing number 021000021."
)


@pytest.fixture(scope="module")
def engine() -> AnalyzerEngine:
    """Presidio's engine on leakclf's recognizers and the installed spaCy model: no download."""
    config = Config(key=KEY, detect=DetectConfig(ner=False))
    return AnalyzerEngine(registry=recognizer_registry(config), nlp_engine=nlp_engine())


def _found(results: list[RecognizerResult], text: str) -> list[tuple[str, str, float]]:
    return sorted((r.entity_type, text[r.start : r.end], round(r.score, 2)) for r in results)


def test_analyzer_engine_gains_leakclf_detectors(engine: AnalyzerEngine) -> None:
    results = engine.analyze(TEXT, language="en")
    assert all(type(r) is RecognizerResult for r in results)
    assert _found(results, TEXT) == [
        ("CREDIT_CARD", "4111 1111 1111 1111", 1.0),  # Luhn: the near miss is dropped
        ("EMAIL_ADDRESS", "jane.doe@contoso.com", 1.0),
        ("SECRET_AWS_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE", 0.9),
        ("US_ROUTING_NUMBER", "021000021", 0.85),  # needs its context word: one of two
        ("US_SSN", "536-22-1234", 0.9),  # area 666 is never issued
    ]


def test_results_explain_which_leakclf_rule_matched(engine: AnalyzerEngine) -> None:
    results = engine.analyze(
        "Card 4111 1111 1111 1111", language="en", return_decision_process=True
    )
    [card] = results
    assert card.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] == (
        "leakclf:pii.credit_card/1"
    )
    explained = card.analysis_explanation
    assert explained.pattern_name == "card-4x4" and explained.validation_result is True
    assert "luhn:ok" in explained.textual_explanation
    assert "4111" not in explained.textual_explanation  # rules and context words, never a value


def test_entities_filter_and_language() -> None:
    [card] = [r for r in recognizers(Config(key=KEY)) if r.supported_entities == ["CREDIT_CARD"]]
    assert isinstance(card, LeakclfRecognizer) and card.supported_language == "en"
    assert card.analyze("4111 1111 1111 1111", ["US_SSN"]) == []
    assert [(r.start, r.end) for r in card.analyze("4111 1111 1111 1111", ["CREDIT_CARD"])] == [
        (0, 19)
    ]


def test_config_selects_the_recognizers() -> None:
    config = Config(key=KEY, detect=DetectConfig(detectors=("secret",), ner=False))
    names = [r.name for r in recognizers(config)]
    assert names and all(n.startswith("leakclf:secret.") for n in names)


DOC = Path(__file__).resolve().parents[1] / "docs" / "custom-detectors.md"


def _block(kind: str) -> str:
    """The first ``kind`` code block of the Presidio section of docs/custom-detectors.md."""
    section = DOC.read_text(encoding="utf-8").split("\n## Presidio", 1)[1]
    return section.split(f"```{kind}\n", 1)[1].split("```", 1)[0]


RECOGNIZERS_YAML = _block("yaml")  # the documented example is the one tested

REGISTRY_YAML = """
supported_languages:
  - en
global_regex_flags: 26
recognizers:
  - name: MacAddressRecognizer
    type: predefined
    supported_languages:
      - en
"""


@pytest.fixture
def yaml_files(tmp_path: Path) -> tuple[str, str]:
    custom, registry = tmp_path / "recognizers.yaml", tmp_path / "registry.yaml"
    custom.write_text(RECOGNIZERS_YAML, encoding="utf-8")
    registry.write_text(REGISTRY_YAML, encoding="utf-8")
    return str(custom), str(registry)


def _config(*files: str, reveal: bool = False) -> Config:
    detect = DetectConfig(ner=False, presidio_recognizers=files)
    return Config(key=KEY, reveal=reveal, detect=detect)


PRESIDIO_TEXT = (
    "Staff number E-123455 joins project Nightjar; order E-654321 ships. Device 00:1A:2B:3C:4D:5E."
)


def test_presidio_yaml_recognizers_run_as_leakclf_detectors(yaml_files) -> None:
    result = leakclf.analyze_text(PRESIDIO_TEXT, config=_config(*yaml_files), reveal=True)
    found = [
        (f.label, f.value, f.detector, f.confidence)
        for f in result.findings
        if f.detector.startswith("presidio.")
    ]
    assert found == [
        ("EMPLOYEE_ID", "E-123455", "presidio.employee_ids.en/1", 0.65),  # 0.3 + context "staff"
        ("CODENAME", "Nightjar", "presidio.codenames.en/1", 1.0),
        ("MAC_ADDRESS", "00:1A:2B:3C:4D:5E", "presidio.macaddressrecognizer.en/1", 0.6),
    ]  # E-654321 has no context word: 0.3 is under min_confidence


def test_presidio_findings_are_digested_and_masked(yaml_files) -> None:
    config = _config(*yaml_files)
    result = leakclf.analyze_text(PRESIDIO_TEXT, config=config)
    [emp] = [f for f in result.findings if f.label == "EMPLOYEE_ID"]
    assert emp.value is None
    assert emp.digest == digest(KEY, "EMPLOYEE_ID", "E-123455")
    assert emp.preview == "E*******"  # as docs/custom-detectors.md shows
    assert "(`E*******`)" in DOC.read_text(encoding="utf-8")
    assert "presidio:Employee ids" in emp.evidence
    row = json.dumps(result.to_dict())
    assert "E-123455" not in row and "Nightjar" not in row and "00:1A:2B" not in row


def test_the_documented_engine_example() -> None:
    namespace: dict[str, object] = {}
    exec(compile(_block("python"), "custom-detectors.md", "exec"), namespace)  # noqa: S102
    results = namespace["results"]
    assert repr(results) == "[type: CREDIT_CARD, start: 5, end: 24, score: 1.0]"
    assert "# [type: CREDIT_CARD, start: 5, end: 24, score: 1.0]" in _block("python")


def test_a_recognizer_object_becomes_a_detector_class() -> None:
    rec = PatternRecognizer(supported_entity="CODENAME", deny_list=["Nightjar"], name="Codes")
    cls = detector_class(rec)
    assert cls.ident() == "presidio.codes.en/1" and cls.label == "CODENAME"
    [cand] = list(cls(KEY).find("project Nightjar", "project nightjar"))
    assert (cand.label, cand.value, cand.start, cand.end) == ("CODENAME", "Nightjar", 8, 16)


def test_presidio_detectors_are_selected_like_any_other(yaml_files) -> None:
    config = _config(*yaml_files).replace(
        detect=DetectConfig(ner=False, presidio_recognizers=yaml_files, detectors=("presidio",))
    )
    result = leakclf.analyze_text(PRESIDIO_TEXT + " mail jane@contoso.com", config=config)
    assert {f.label for f in result.findings} == {"EMPLOYEE_ID", "CODENAME", "MAC_ADDRESS"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "cannot be read", id="missing-file"),
        pytest.param("recognizers: [", "not valid YAML", id="bad-yaml"),
        pytest.param("patterns: []", "no 'recognizers:' list", id="no-recognizers"),
    ],
)
def test_bad_recognizer_files_say_what_to_do(tmp_path: Path, content, message) -> None:
    path = tmp_path / "r.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        leakclf.analyze_text("text", config=_config(str(path)))


def test_a_scan_runs_presidio_recognizers_in_its_workers(yaml_files, tmp_path: Path) -> None:
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "memo.txt").write_text(PRESIDIO_TEXT, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    leakclf.scan(dump, out=out, workers=1, progress=False, config=_config(*yaml_files)).wait()
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    labels = sorted(f["label"] for f in row["findings"] if f["detector"].startswith("presidio."))
    assert labels == ["CODENAME", "EMPLOYEE_ID", "MAC_ADDRESS"]
    text = out.read_text(encoding="utf-8")
    assert "E-123455" not in text and "Nightjar" not in text


def test_presidios_own_default_registry_file_runs_offline(caplog) -> None:
    """Presidio's shipped default_recognizers.yaml, with sockets disabled: its predefined
    recognizers run as detectors; the NLP ones and the e-mail one (it would fetch the
    public-suffix list) are left out and logged."""
    import logging

    import presidio_analyzer

    conf = str(Path(presidio_analyzer.__path__[0]) / "conf" / "default_recognizers.yaml")
    config = Config(
        key=KEY,
        detect=DetectConfig(ner=False, presidio_recognizers=(conf,), detectors=("presidio",)),
    )
    with caplog.at_level(logging.INFO, logger="leakclf.detectors.presidio"):
        result = leakclf.analyze_text(
            "card 4111 1111 1111 1111, mac 00:1A:2B:3C:4D:5E, mail a@contoso.com", config=config
        )
    found = {(f.label, f.detector) for f in result.findings}
    assert ("CREDIT_CARD", "presidio.creditcardrecognizer.en/1") in found
    assert ("MAC_ADDRESS", "presidio.macaddressrecognizer.en/1") in found
    assert not any(label == "EMAIL_ADDRESS" for label, _ in found)
    assert "EmailRecognizer left out" in caplog.text


def test_an_nlp_engine_on_a_model_that_is_not_installed_is_refused() -> None:
    """Presidio's engine would download a missing spaCy model; leakclf says what to do instead."""
    from leakclf.errors import ModelError

    with pytest.raises(ModelError, match="never downloads"):
        nlp_engine("en_core_web_not_installed")
