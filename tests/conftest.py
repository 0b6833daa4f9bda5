"""Shared fixtures. Sockets are disabled for the whole suite (pytest-socket, see pyproject);
tests that start their own servers on 127.0.0.1 enable them explicitly."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "fixtures" / "real-world"


@pytest.fixture(scope="session")
def real_world() -> Path:
    """../shared/fixtures/real-world, or skip with a reason when it is absent (a user's clone)."""
    if not SHARED.is_dir():
        pytest.skip(
            f"real-world fixtures not found at {SHARED} (they live beside the project in CI)"
        )
    return SHARED
