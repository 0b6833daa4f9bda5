"""A test double for the pipeline, so scan code can be tested without models (httpx-style).

    leakclf.scan.scan(root, pipeline_factory=FakePipeline)

``FakePipeline.process`` reads the file, finds ``@``-addresses (digest + masked preview
only), sets the level from marker words, lists ``.zip`` members as children, and misbehaves
on purpose when a file starts with ``SLOW`` (0.3 s), ``HANG`` (sleeps), ``BLOAT`` (allocates memory) or
``CRASH`` (the process exits). ``SplitPipeline`` does the same in two stages, the way a scan
extracts its first files in another process while the models load.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import signal
import time
import zipfile
from pathlib import Path

from leakclf.config import Config
from leakclf.model import DocumentResult, Finding
from leakclf.privacy import digest, mask, process_key

_EMAIL = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.]+")
_LEVELS = (
    (b"RESTRICTED", "restricted", 80),
    (b"CONFIDENTIAL", "confidential", 50),
    (b"INTERNAL", "internal", 20),
)


class FakePipeline:
    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.key = self.config.key or process_key()

    def process(
        self, source: str | Path | bytes, *, name: str | None = None
    ) -> list[DocumentResult]:
        return self._rows(*_read(source, name))

    def _rows(self, label: str, data: bytes) -> list[DocumentResult]:
        top = self._result(label, None, data)
        if not label.endswith(".zip"):
            return [top]
        out = [top.replace(media_type="application/zip")]
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                out.append(self._result(f"{label}!/{info.filename}", label, zf.read(info)))
        return out

    def _result(self, source: str, parent: str | None, data: bytes) -> DocumentResult:
        findings = tuple(
            Finding(
                "EMAIL_ADDRESS",
                m.start(),
                m.end(),
                0.9,
                "fake.email@1",
                digest(self.key, "EMAIL_ADDRESS", m.group().decode().lower()),
                mask(m.group().decode(), keep_start=1),
                value=m.group().decode() if self.config.reveal else None,
            )
            for m in _EMAIL.finditer(data)
        )
        level, score = next(
            ((lv, sc) for marker, lv, sc in _LEVELS if marker in data), ("public", 0)
        )
        return DocumentResult(
            source=source,
            parent=parent,
            media_type="text/plain",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            doc_type="other",
            score=score,
            level=level,
            reasons=((f"marker {level}", score),) if score else (),
            findings=findings,
            text_chars=len(data),
            timings={"fake": 0.0},
        )


def _read(source: str | Path | bytes, name: str | None) -> tuple[str, bytes]:
    """(label, bytes) of a file, misbehaving as the module docstring says."""
    label = name or (str(source) if not isinstance(source, bytes) else "<bytes>")
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if data.startswith(b"HANG"):
        time.sleep(3600)
    if data.startswith(b"BLOAT"):
        hog = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # touched: real RSS
        time.sleep(60 + len(hog))
    if data.startswith(b"SLOW"):
        time.sleep(0.3)
    if data.startswith(b"CRASH"):
        os._exit(3)
    return label, data


class SlowLoadingPipeline(FakePipeline):
    """A FakePipeline whose models take ``LOAD_S`` seconds to load, on first use or ``load()``."""

    LOAD_S = 2.0

    def __init__(self, config: Config | None = None) -> None:
        super().__init__(config)
        self.loaded = False

    def load(self) -> None:
        if not self.loaded:
            time.sleep(self.LOAD_S)
            self.loaded = True

    def process(
        self, source: str | Path | bytes, *, name: str | None = None
    ) -> list[DocumentResult]:
        self.load()
        return super().process(source, name=name)


class WhereLoadedPipeline(FakePipeline):
    """A FakePipeline whose rows say which process loaded it and which one analysed the file.

    ``timings`` of every row: ``loaded_in`` (pid of the process that ran ``load()``), ``pid``
    (the process that analysed the file) and ``frozen`` (objects the garbage collector was told
    to leave alone, ``gc.get_freeze_count()``). A file that starts with ``ORPHAN`` kills the
    process that loaded the pipeline if that is this worker's parent (a scan's zygote), then
    the worker exits with code 3.
    """

    def __init__(self, config: Config | None = None) -> None:
        super().__init__(config)
        self.loaded_in = 0

    def load(self) -> None:
        self.loaded_in = os.getpid()

    def process(
        self, source: str | Path | bytes, *, name: str | None = None
    ) -> list[DocumentResult]:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        if data.startswith(b"ORPHAN"):
            if self.loaded_in and os.getppid() == self.loaded_in:
                os.kill(self.loaded_in, signal.SIGKILL)
            os._exit(3)
        return super().process(source, name=name)

    def _result(self, source: str, parent: str | None, data: bytes) -> DocumentResult:
        import gc  # load time: only this test double asks the collector

        where = {"loaded_in": float(self.loaded_in), "pid": float(os.getpid())}
        return (
            super()
            ._result(source, parent, data)
            .replace(timings={**where, "frozen": float(gc.get_freeze_count())})
        )


class FakeExtractor:
    """``SplitPipeline``'s extract stage: reads each file (misbehaving like ``FakePipeline``)."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config

    def extract_many(
        self, files: list[tuple[str | Path | bytes, str | None]]
    ) -> list[tuple[tuple[str, bytes, int], float]]:
        return [((*_read(source, name), os.getpid()), 0.0) for source, name in files]


class SplitPipeline(SlowLoadingPipeline):
    """A SlowLoadingPipeline whose files a scan may extract in another process while it loads
    (``extractor_type``; ``analyze_extracted`` takes what that process read). ``timings`` of
    every row: ``read_in`` (pid of the process that read the file) and ``pid`` (the one that
    made the rows)."""

    extractor_type = FakeExtractor

    def process(
        self, source: str | Path | bytes, *, name: str | None = None
    ) -> list[DocumentResult]:
        return self.analyze_extracted(FakeExtractor(self.config).extract_many([(source, name)]))[0]

    def analyze_extracted(
        self, extracted: list[tuple[tuple[str, bytes, int], float]]
    ) -> list[list[DocumentResult]]:
        self.load()
        out = []
        for (label, data, read_in), _ in extracted:
            where = {"read_in": float(read_in), "pid": float(os.getpid())}
            out.append([r.replace(timings=where) for r in self._rows(label, data)])
        return out
