"""OCR with Tesseract: one page image in, its text and mean word confidence out.

Tesseract (Debian ``tesseract-ocr`` and its language packages) runs as a program through
``tools.run``, the same bounded runner as antiword: a wall-clock limit per page
(``ocr.page_timeout_s``, never past the file's time budget), an address-space limit
(``extract.tool_memory_mb``), one thread (``OMP_THREAD_LIMIT=1``: a scan already runs one worker
per core). The page goes in on stdin as a greyscale PNM and the words come back on stdout as
TSV, so no image of a document is ever written to disk. docs/formats.md says why this is not
tesserocr (in-process: a crash on a hostile image kills the worker, no memory limit) and why
pytesseract is not used (it writes each image to a temporary file and its settings are
module globals).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leakclf.errors import LimitExceeded, OcrUnavailable
from leakclf.extractors.base import Job
from leakclf.extractors.tools import ToolMissing, run

if TYPE_CHECKING:
    from PIL.Image import Image

#: Longest side, in pixels, below which an image is enlarged (up to 2x) before OCR: small
#: screenshots and thumbnails have letters too small for Tesseract.
SMALL_SIDE = 1000


@dataclass(frozen=True, slots=True)
class OcrText:
    text: str
    confidence: float | None  # mean word confidence, 0-100; None when no word was found
    words: int


def unavailable(job: Job, why: str) -> OcrUnavailable:
    return OcrUnavailable(
        f"{job.label}: needs OCR, and {why}; install Tesseract and its language data "
        "(`make system`, Debian packages tesseract-ocr and tesseract-ocr-LANG) and scan again",
        source=job.label,
    )


def ocr_image(job: Job, image: Image) -> OcrText:
    """The text of ``image``. Raises OcrUnavailable, or LimitExceeded (``page_timeout_s``)."""
    cfg = job.ctx.ocr
    pnm = _pnm(image)
    argv = ["tesseract", "stdin", "stdout", "-l", "+".join(cfg.languages),
            "--dpi", str(cfg.dpi), "--psm", "3", "tsv"]  # fmt: skip
    try:
        proc = run(job, argv, stdin=pnm, timeout_s=cfg.page_timeout_s, limit="page_timeout_s")
    except ToolMissing:
        raise unavailable(job, "the tesseract program is not installed") from None
    if proc.returncode != 0:
        if b"Failed loading language" in proc.stderr or b"Error opening data file" in proc.stderr:
            langs = "+".join(cfg.languages)
            raise unavailable(job, f"Tesseract has no data for the languages {langs!r}")
        raise LimitExceeded(
            f"{job.label}: tesseract exited with status {proc.returncode} on a page; the image "
            "is damaged or too large for extract.tool_memory_mb",
            source=job.label,
            limit="tool_memory_mb",
        )
    return parse_tsv(proc.stdout.decode("utf-8", "replace"))


def _pnm(image: Image) -> bytes:
    """Greyscale PNM bytes; transparency flattened on white, small images enlarged."""
    from PIL import Image as PILImage  # load time: Pillow only for OCR

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat.alpha_composite(rgba)
        image = flat
    grey = deskew(image.convert("L"))
    longest = max(grey.size)
    if 0 < longest < SMALL_SIDE:
        factor = min(SMALL_SIDE / longest, 2.0)
        grey = grey.resize((round(grey.width * factor), round(grey.height * factor)),
                           PILImage.Resampling.LANCZOS)  # fmt: skip
    buf = io.BytesIO()
    grey.save(buf, format="PPM")
    return buf.getvalue()


#: Skew angles tried, degrees: scans and photos are rarely more than 3 degrees off.
MAX_SKEW = 3.0


def deskew(grey: Image) -> Image:
    """``grey`` rotated upright when its text lines run at a slant (0.3 to 3 degrees).

    On a small copy of the ink (inverted, area-averaged, so noise only adds a constant), the
    angle that makes the row sums change most sharply from row to row is the one that lines
    the text up with the rows: a coarse pass in 0.25 degree steps, then a fine one in 0.05.
    Tesseract's layout analysis breaks tables and columns on a 2 degree slant.
    """
    import numpy as np  # load time: numpy and Pillow only for OCR
    from PIL import Image as PILImage
    from PIL import ImageOps

    scale = min(1.0, 1000 / max(grey.size))
    size = (max(int(grey.width * scale), 1), max(int(grey.height * scale), 1))
    ink = ImageOps.invert(grey).resize(size, PILImage.Resampling.BOX)

    def score(angle: float) -> float:
        turned = ink.rotate(angle, resample=PILImage.Resampling.BILINEAR, fillcolor=0)
        rows = np.asarray(turned, dtype=np.float64).sum(axis=1)
        return float(np.var(np.diff(rows)))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25), key=score)
    best = float(max(np.arange(coarse - 0.2, coarse + 0.2 + 1e-9, 0.05), key=score))
    if abs(best) < 0.3:
        return grey
    return grey.rotate(best, resample=PILImage.Resampling.BICUBIC, expand=True, fillcolor=255)


def parse_tsv(tsv: str) -> OcrText:
    """Tesseract TSV to text: words joined per line, lines per paragraph, blank lines between."""
    lines: list[str] = []
    current: tuple[str, str, str] | None = None
    words: list[str] = []
    paragraph: tuple[str, str] | None = None
    confs: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        key = (cols[2], cols[3], cols[4])  # block, paragraph, line
        if key != current:
            if words:
                lines.append(" ".join(words))
            if paragraph is not None and key[:2] != paragraph:
                lines.append("")
            current, paragraph, words = key, key[:2], []
        words.append(word)
        try:
            conf = float(cols[10])
        except ValueError:
            continue
        if conf >= 0:
            confs.append(conf)
    if words:
        lines.append(" ".join(words))
    mean = round(sum(confs) / len(confs), 2) if confs else None
    return OcrText("\n".join(lines).strip(), mean, len(confs))
