"""Presidio recognizers run as leakclf detectors (``[detect] presidio_recognizers``).

Each file is a Presidio YAML file: a ``recognizers:`` list of pattern and deny-list recognizers
(``RecognizerRegistry.add_recognizers_from_yaml``), or a whole registry configuration with
``supported_languages`` (``RecognizerRegistryProvider``), whose ``type: predefined`` entries are
Presidio's own recognizers. Each recognizer becomes one detector, id
``presidio.<name>.<language>``: its results are candidates like any other, so they are resolved
against the built-ins, digested and masked (``DetectorSet``), and never leave memory raw.

Context words of a recognizer raise its score as leakclf's own context words do (within
``window`` characters, ``+context_boost``). Left out, with a log line: recognizers that need an
NLP engine (spaCy, Stanza, transformers; leakclf runs its own NER) and Presidio's
EmailRecognizer, whose tldextract would fetch the public-suffix list over the network.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import yaml
from presidio_analyzer import EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

from leakclf.detectors.base import Candidate, Detector, Scans, words_regex
from leakclf.errors import ConfigError

log = logging.getLogger(__name__)

#: Presidio recognizers left out, and why.
_LEFT_OUT = {
    # they read NLP artifacts; without an NLP engine they find nothing
    "SpacyRecognizer": "needs Presidio's NLP engine (leakclf runs its own NER)",
    "StanzaRecognizer": "needs Presidio's NLP engine (leakclf runs its own NER)",
    "TransformersRecognizer": "needs Presidio's NLP engine (leakclf runs its own NER)",
    # tldextract with its defaults: the first address fetches the public-suffix list
    "EmailRecognizer": "fetches the public-suffix list over the network (pii.email is offline)",
}


class PresidioDetector(Detector):
    """A leakclf detector that runs one Presidio recognizer (set on a subclass per recognizer)."""

    recognizer: ClassVar[EntityRecognizer]
    patterns = ()
    specificity = 60

    def __init__(self, key: bytes = b"", config: Any = None) -> None:
        super().__init__(key, config)
        self._context = words_regex(tuple(self.recognizer.context or ()))

    def find(self, text: str, lowered: str, scans: Scans | None = None) -> Iterator[Candidate]:
        rec = self.recognizer
        for res in rec.analyze(text, rec.supported_entities, None):
            yield self._presidio_candidate(text, res)

    def _presidio_candidate(self, text: str, res: RecognizerResult) -> Candidate:
        value = text[res.start : res.end]
        explained = res.analysis_explanation
        evidence = [f"presidio:{self.recognizer.name}"]
        if explained is not None and explained.pattern_name:
            evidence.append(f"pattern:{explained.pattern_name}")
        validated = explained is not None and explained.validation_result is True
        if validated:
            evidence.append("validated")
        confidence = float(res.score)
        hit = self._near(
            self._context,
            text[max(0, res.start - self.window) : res.start],
            text[res.end : res.end + self.window],
        )
        if hit:
            confidence += self.context_boost
            evidence.append(f"context:{hit!r}")
        normalised = self.normalise(value)
        return Candidate(
            label=res.entity_type,
            start=res.start,
            end=res.end,
            confidence=max(0.0, min(1.0, confidence)),
            detector=self.ident(),
            value=value,
            normalised=normalised,
            preview=self.preview(value),
            evidence=tuple(evidence),
            specificity=self.specificity,
            validated=validated,
        )


def detector_class(recognizer: EntityRecognizer, ident: str | None = None) -> type[Detector]:
    """A detector class running ``recognizer`` (id ``presidio.<name>.<language>`` by default)."""
    if not recognizer.supported_entities:
        raise ConfigError(f"Presidio recognizer {recognizer.name!r} supports no entity")
    slug = re.sub(r"[^a-z0-9]+", "_", recognizer.name.lower()).strip("_") or "recognizer"
    ident = ident or f"presidio.{slug}.{recognizer.supported_language}"
    entities = ", ".join(recognizer.supported_entities)
    attrs = {
        "id": ident,
        "label": recognizer.supported_entities[0],
        "recognizer": recognizer,
        "__doc__": f"Presidio's {recognizer.name} ({entities}).",
    }
    return type(f"Presidio_{slug}", (PresidioDetector,), attrs)


def load_recognizers(path: str | Path) -> list[EntityRecognizer]:
    """The recognizers of one Presidio YAML file (either form; see the module docstring)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"Presidio recognizers file {str(path)!r} cannot be read ({exc.strerror or exc}); "
            "check detect.presidio_recognizers"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"Presidio recognizers file {str(path)!r} is not valid YAML: {exc}")
    if not isinstance(data, dict) or not isinstance(data.get("recognizers"), list):
        raise ConfigError(
            f"Presidio recognizers file {str(path)!r} has no 'recognizers:' list; see "
            "docs/custom-detectors.md#presidio"
        )
    try:
        if "supported_languages" in data:  # a whole registry configuration
            found = RecognizerRegistryProvider(registry_configuration=data)
            recognizers = list(found.create_recognizer_registry().recognizers)
        else:
            registry = RecognizerRegistry()
            for entry in data["recognizers"]:
                registry.add_pattern_recognizer_from_dict(entry)
            recognizers = list(registry.recognizers)
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(
            f"Presidio recognizers file {str(path)!r}: {type(exc).__name__}: {exc}"
        ) from None
    for rec in recognizers:
        why = _LEFT_OUT.get(type(rec).__name__)
        if why:
            log.info("%s: Presidio's %s left out: it %s", path, type(rec).__name__, why)
    return [r for r in recognizers if type(r).__name__ not in _LEFT_OUT]


def detector_classes(paths: Sequence[str]) -> tuple[type[Detector], ...]:
    """One detector class per recognizer of every file, ids unique."""
    out: dict[str, type[Detector]] = {}
    for path in paths:
        for rec in load_recognizers(path):
            cls = detector_class(rec)
            if cls.id in out:
                raise ConfigError(
                    f"two Presidio recognizers make the detector id {cls.id!r} ({path}); "
                    "give them different names"
                )
            out[cls.id] = cls
    return tuple(out.values())
