"""Shared detector sets: pattern-only (cheap, per module) and one NER set for the session."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("cases")

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet

KEY = b"k" * 32


@pytest.fixture(scope="module")
def patterns() -> DetectorSet:
    return DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig(ner=False)))


@pytest.fixture(scope="session")
def with_ner() -> DetectorSet:
    return DetectorSet(Config(key=KEY, reveal=True))
