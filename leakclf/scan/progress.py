"""A plain-text progress line on stderr: files/s, MB/s, ETA and a live count per level."""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TextIO

from leakclf.model import LEVELS, DocumentResult


class Progress:
    def __init__(self, total_files: int, total_bytes: int, *, enabled: bool = True,
                 stream: TextIO | None = None, every_s: float = 0.5) -> None:
        self.total_files = total_files
        self.total_bytes = total_bytes
        self.files = 0
        self.bytes = 0
        self.skipped = 0
        self.levels: Counter[str] = Counter()
        self.errors = 0
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
        top = results[0] if results else None
        if top is not None:
            if top.status == "error":
                self.errors += 1
            level = max((r.level for r in results), key=LEVELS.index, default="public")
            self.levels[level] += 1
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
        counts = " ".join(f"{lv} {self.levels[lv]}" for lv in reversed(LEVELS))
        return (f"{self.files}/{self.total_files} files ({pct:.0f}%) {rate:.1f} files/s "
                f"{mbps:.1f} MB/s ETA {eta} | {counts} | errors {self.errors}")

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
