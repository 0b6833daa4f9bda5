"""Keyed digests and masked previews: how leakclf names a value without leaking it."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from leakclf.errors import ConfigError

_PROCESS_KEY = os.urandom(32)  # what secrets.token_bytes reads, without importing random


def process_key() -> bytes:
    """A random key for this process only: digests are comparable within one run."""
    return _PROCESS_KEY


def digest(key: bytes, label: str, normalized: str) -> str:
    """Keyed HMAC-SHA256 of ``label`` and a normalised value, 32 hex characters."""
    mac = hmac.new(key, f"{label}\x00{normalized}".encode("utf-8", "surrogatepass"), hashlib.sha256)
    return mac.hexdigest()[:32]


def mask(value: str, *, keep_start: int = 1, keep_end: int = 0) -> str:
    """Mask all but a few characters: ``mask("jane", keep_start=1)`` -> ``j***``."""
    if len(value) <= keep_start + keep_end + 1:
        return "*" * len(value)
    tail = value[len(value) - keep_end :] if keep_end else ""
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + tail


def load_or_create_key(path: str | Path) -> bytes:
    """Read a case key, or create one with owner-only permissions (0600)."""
    p = Path(path)
    if p.exists():
        data = p.read_bytes().strip()
        if len(data) < 32:
            raise ConfigError(f"case key {str(p)!r} is too short; delete it to make a new one")
        return data
    p.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        key = os.urandom(32).hex().encode()
        fh.write(key)
    return key


def create_private(path: str | Path) -> None:
    """Create (or empty) ``path`` readable by its owner only (0600), before anything is written.

    Every output that may hold raw values (``reveal``) is opened after this, so no other user
    can read it even while it is being written.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an existing file keeps its mode through O_CREAT
    finally:
        os.close(fd)
