"""Detectors of personal data and secrets.

    DetectorSet(config).detect_many(texts) -> [Detection(findings, ner_chars)]

Pattern detectors (declared in ``pii/`` and ``secrets/``) run over each text; spaCy NER
runs once, batched over all texts; candidates are filtered by confidence, overlaps are
resolved deterministically, and only then do raw values become digests and previews.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from leakclf.config import Config
from leakclf.errors import ConfigError
from leakclf.model import Detection, Finding
from leakclf.normalize import normalise_org, normalise_person
from leakclf.privacy import digest, process_key

if TYPE_CHECKING:
    from leakclf.detectors.base import Candidate, Detector, Scans
    from leakclf.detectors.ner import NerDetector

log = logging.getLogger(__name__)


def available() -> dict[str, type[Detector | NerDetector]]:
    """Every registered detector by versioned id (built-ins, NER, then plug-ins)."""
    from leakclf import registry  # load time: the registry lists every extractor and detector

    classes: list[type[Detector | NerDetector]] = [
        *registry.detector_classes(),
        registry.ner_class(),
    ]
    classes.extend(registry.plugin_detector_classes())
    return {cls.ident(): cls for cls in classes}


def _matches(name: str, ident: str) -> bool:
    bare = ident.split("/", 1)[0]
    return name in (ident, bare) or bare.startswith(name + ".")


def blank(text: str, cands: list[Candidate]) -> str:
    """``text`` with the characters of ``cands`` replaced by spaces (offsets unchanged)."""
    parts: list[str] = []
    pos = 0
    for c in sorted(cands, key=lambda c: c.start):
        if c.end <= pos or c.start >= len(text):
            continue
        start, end = max(c.start, pos), min(c.end, len(text))
        parts += [text[pos:start], " " * (end - start)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


class DetectorSet:
    """The configured detectors. Cheap to build; the spaCy model loads on first NER call."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.key = self.config.key or process_key()

    @cached_property
    def registered(self) -> dict[str, type[Detector | NerDetector]]:
        """Every registered detector class by id, looked up once per DetectorSet; then the
        Presidio recognizers the config names (``detect.presidio_recognizers``)."""
        found = available()
        files = self.config.detect.presidio_recognizers
        if files:
            try:  # load time: presidio-analyzer only when the config asks for it
                # load time: the detectors only when used
                from leakclf.detectors.presidio import detector_classes
            except ModuleNotFoundError as exc:
                raise ConfigError(
                    f"detect.presidio_recognizers needs presidio-analyzer ({exc.name} is "
                    "missing): pip install 'leakclf[presidio]'"
                ) from None
            found.update({cls.ident(): cls for cls in detector_classes(files)})
        return found

    @cached_property
    def selected(self) -> tuple[str, ...]:
        self.check()
        cfg = self.config.detect
        ids = list(self.registered)
        if cfg.detectors is not None:
            ids = [i for i in ids if any(_matches(n, i) for n in cfg.detectors)]
        return tuple(i for i in ids if not any(_matches(n, i) for n in cfg.exclude))

    def check(self) -> None:
        """Raise ConfigError when the config names a detector that does not exist."""
        cfg = self.config.detect
        ids = list(self.registered)
        for name in (*(cfg.detectors or ()), *cfg.exclude):
            if not any(_matches(name, i) for i in ids):
                raise ConfigError(
                    f"unknown detector {name!r} in detect.detectors/exclude; "
                    f"available: {', '.join(ids)}"
                )
        if cfg.ner_max_chars < 0:
            raise ConfigError(f"detect.ner_max_chars must be >= 0, found {cfg.ner_max_chars}")

    @cached_property
    def patterns(self) -> tuple[Detector, ...]:
        classes = self.registered
        from leakclf.detectors.base import Detector  # load time: the detectors only when used

        return tuple(
            cls(self.key, self.config)
            for cls in (classes[i] for i in self.selected)
            if issubclass(cls, Detector)
        )

    @cached_property
    def ner(self) -> NerDetector | None:
        from leakclf.detectors.ner import NerDetector  # load time: the detectors only when used

        cfg = self.config.detect
        if not cfg.ner or cfg.ner_max_chars == 0 or NerDetector.ident() not in self.selected:
            return None
        return NerDetector(cfg.spacy_model, self.key, gated=cfg.ner_gate)

    def detect(self, text: str) -> Detection:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[Detection]:
        cap = self.config.detect.ner_max_chars
        found = [self._patterns(text) for text in texts]
        ner = self.ner
        if ner is None:
            ner_found: list[list[Candidate]] = [[] for _ in texts]
        else:  # NER skips lines that the pattern findings already explain
            floor = self.config.detect.min_confidence
            masks = [
                blank(t[:cap], [c for c in f if c.confidence >= floor])
                for t, f in zip(texts, found)
            ]
            ner_found = ner.run(texts, cap, masks)
        out = []
        for text, cands, extra in zip(texts, found, ner_found):
            ner_chars = min(len(text), cap) if ner is not None else 0
            out.append(
                Detection(findings=self._findings([*cands, *extra], text), ner_chars=ner_chars)
            )
        return out

    @cached_property
    def _sharing(self) -> tuple[bool, ...]:
        """Per pattern detector: whether its ``find`` takes the shared ``scans`` (a plug-in's
        own ``find`` may not)."""
        return tuple("scans" in inspect.signature(det.find).parameters for det in self.patterns)

    def _patterns(self, text: str) -> list[Candidate]:
        lowered = text.lower()
        found: list[Candidate] = []
        scans: Scans = {}  # each regex scanned once per text, whichever detectors hold it
        for det, shares in zip(self.patterns, self._sharing):
            found.extend(det.find(text, lowered, scans) if shares else det.find(text, lowered))
        return found

    def _findings(self, cands: list[Candidate], text: str = "") -> tuple[Finding, ...]:
        # load time: the detectors only when used
        from leakclf.detectors.consistency import link_partial_names, people_first
        from leakclf.detectors.overlap import resolve
        from leakclf.detectors.people import add_people_facets
        from leakclf.detectors.people_fields import names_in_fields
        from leakclf.detectors.people_orgs import orgs_in_layout

        floor = self.config.detect.min_confidence
        reveal = self.config.reveal
        kept = people_first(resolve(c for c in cands if c.confidence >= floor), self.key)
        if self.ner is not None:  # layout finds the names NER misses; both are "find people"
            kept = orgs_in_layout(text, names_in_fields(text, kept), self.key)
        kept = link_partial_names(kept)
        kept = add_people_facets(text, kept, self.key)
        return tuple(
            Finding(
                label=c.label,
                start=c.start,
                end=c.end,
                confidence=round(c.confidence, 4),
                detector=c.detector,
                digest=digest(self.key, c.label, c.normalised),
                preview=c.preview,
                evidence=c.evidence,
                facets=c.facets,
                value=c.value if reveal else None,
            )
            for c in kept
        )


__all__ = ["DetectorSet", "available", "normalise_org", "normalise_person"]
