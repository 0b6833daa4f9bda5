"""A plain-text progress line on stderr: files/s, MB/s, ETA and live document counts.

Files are what the ETA is about; the per-level and not-read counts are documents, counted by
``leakclf.counts.Counts`` like every other summary, and labelled so.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from leakclf.counts import Counts
from leakclf.model import LEVELS, DocumentResult


class Progress:
    def __init__(
        self,
        total_files: int,
        total_bytes: int,
        *,
        enabled: bool = True,
        stream: TextIO | None = None,
        every_s: float = 0.5,
    ) -> None:
        self.total_files = total_files
        self.total_bytes = total_bytes
        self.files = 0
        self.bytes = 0
        self.skipped = 0
        self.counts = Counts()
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.every_s = every_s
        self.t0 = time.monotonic()
        self._last = 0.0
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def skip(self, size: int) -> None:
        """A file already done in a resumed run: counted toward the total, not the rate."""
        self.skipped += 1
        self.total_files -= 1
        self.total_bytes -= size

    def update(self, size: int, results: list[DocumentResult]) -> None:
        self.files += 1
        self.bytes += size
        for r in results:
            self.counts.add(r)
        now = time.monotonic()
        if self.enabled and now - self._last >= (self.every_s if self._tty else 10 * self.every_s):
            self._last = now
            self._draw(now, final=False)

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.t0, 1e-9)
        rate = self.files / elapsed
        mbps = self.bytes / elapsed / 1e6
        left = max(self.total_files - self.files, 0)
        eta = _clock(left / rate) if rate > 0 else "--:--"
        pct = 100.0 * self.files / self.total_files if self.total_files else 100.0
        c = self.counts
        levels = " ".join(f"{lv} {c.levels[lv]}" for lv in reversed(LEVELS))
        return (
            f"{self.files}/{self.total_files} files ({pct:.0f}%) {rate:.1f} files/s "
            f"{mbps:.1f} MB/s ETA {eta} | {c.documents} documents: {levels} | "
            f"not read {sum(c.not_read.values())}"
        )

    def _draw(self, now: float, *, final: bool) -> None:
        end = "\n" if final or not self._tty else ""
        prefix = "\r\x1b[K" if self._tty else ""
        print(prefix + "scan: " + self.line(), end=end, file=self.stream, flush=True)

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic(), final=True)
            self.enabled = False


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
