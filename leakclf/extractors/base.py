"""What every format handler shares: the per-file context, the text builder, the result types.

A handler is ``handler(data, job) -> None``: it appends text to ``job.text``, fills
``job.meta``, records limits in ``job.limits`` and sets ``job.children`` to an iterator of
``Child`` (read lazily, so one archive member is in memory at a time).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from leakclf.config import Config
from leakclf.errors import ExtractionError, LimitExceeded
from leakclf.model import Part

#: Members that unpack to less than this are exempt from ``max_ratio``: small files compress well.
RATIO_FLOOR = 1 << 20


class Context:
    """State shared by one top-level file and all its children: limits, deadline, byte budget."""

    def __init__(self, config: Config) -> None:
        self.limits = config.limits
        self.extract = config.extract
        self.ocr = config.ocr
        self.pdf_engine = config.extract.pdf_engine
        self.deadline = time.monotonic() + config.limits.time_budget_s
        self.unpacked = 0  # bytes unpacked from archives/compression so far
        self.ocr_pages = 0  # pages and images OCR'd so far (ocr.max_pages)

    def expired(self) -> bool:
        return time.monotonic() > self.deadline

    def remaining(self) -> float:
        """Seconds left of the per-file time budget."""
        return max(self.deadline - time.monotonic(), 0.0)

    def budget(self) -> int:
        """Bytes that may still be unpacked from this top-level file."""
        return max(self.limits.max_total_uncompressed - self.unpacked, 0)


class TextBuilder:
    """Concatenates segments into one text, recording a Part per segment and the char limit."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self._chunks: list[str] = []
        self._len = 0
        self.parts: list[Part] = []
        self.full = False  # max_chars reached: later segments are dropped

    def add(
        self,
        kind: str | None,
        text: str,
        name: str | None = None,
        *,
        source: str = "text",
        confidence: float | None = None,
    ) -> None:
        text = text.strip("\n")
        if not text or self.full:
            return
        sep = "\n\n" if self._len else ""
        room = self.max_chars - self._len - len(sep)
        if room <= 0:
            self.full = True
            return
        if len(text) > room:
            text, self.full = text[:room], True
        start = self._len + len(sep)
        self._chunks.append(sep + text)
        self._len = start + len(text)
        if kind is not None:
            self.parts.append(Part(kind, start, self._len, name, source, confidence))

    def text(self) -> str:
        return "".join(self._chunks)


@dataclass
class Child:
    """An attachment, archive member or attached message: raw bytes, or an error found early."""

    name: str
    data: bytes | None
    error: ExtractionError | None = None


@dataclass
class Job:
    """What a handler works on and fills in."""

    label: str  # the virtual source, used in error messages
    media_type: str
    ctx: Context
    text: TextBuilder
    meta: dict[str, Any] = field(default_factory=dict)
    limits: list[str] = field(default_factory=list)
    children: Iterable[Child] = ()
    expected: int | None = None  # children the container declares (None: not a container)
    ocr_words: list[tuple[int, float | None]] = field(default_factory=list)  # per OCR'd page

    def hit(self, limit: str) -> None:
        if limit not in self.limits:
            self.limits.append(limit)

    def over_time(self) -> bool:
        """True (and recorded) when the per-file time budget is spent."""
        if self.ctx.expired():
            self.hit("time_budget_s")
            return True
        return False


Handler = Callable[[bytes, Job], None]


def read_bounded(read: Callable[[int], bytes], cap: int) -> bytes | None:
    """Read from ``read`` until EOF; None if more than ``cap`` bytes come (the source lied)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(1 << 20, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        chunks.append(chunk)
        if total > cap:
            return None


def member_cap(ctx: Context, compressed: int) -> tuple[int, str]:
    """The most bytes one member may unpack to, and which limit sets that bound."""
    caps = [
        (ctx.limits.max_file_bytes, "max_file_bytes"),
        (ctx.budget(), "max_total_uncompressed"),
        # tiny members legitimately compress very well: the ratio applies above 1 MiB
        (max(int(compressed * ctx.limits.max_ratio), RATIO_FLOOR), "max_ratio"),
    ]
    return min(caps)


def limit_error(label: str, limit: str, what: str) -> LimitExceeded:
    return LimitExceeded(
        f"{label}: {what} (limit {limit}); it was not read. "
        f"Raise limits.{limit} in the config if you trust this file.",
        source=label,
        limit=limit,
    )


def iso(value: Any) -> str | None:
    """A datetime (or PDF/mail date already parsed) as an ISO string; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def iso_date(value: str) -> str | None:
    """A W3CDTF/ISO date string normalised to ``datetime.isoformat()``; None if unparsable."""
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values so ``meta`` only says what the file says."""
    return {k: v for k, v in meta.items() if v not in (None, "", [], ())}
