"""Shared detector sets: pattern-only (cheap, per module) and one NER set for the session."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("detcases")

from detcases import KEY

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet


@pytest.fixture(scope="module")
def patterns() -> DetectorSet:
    return DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig(ner=False)))


@pytest.fixture(scope="session")
def with_ner() -> DetectorSet:
    return DetectorSet(Config(key=KEY, reveal=True))


@pytest.fixture(scope="session")
def hidden(with_ner: DetectorSet) -> DetectorSet:
    """Like ``with_ner`` but without reveal; shares the loaded spaCy model."""
    det = DetectorSet(Config(key=KEY, detect=DetectConfig()))
    assert det.ner is not None and with_ner.ner is not None
    det.ner._nlp = with_ner.ner.nlp
    return det
