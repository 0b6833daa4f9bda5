"""Scanned documents for the demo dump: a Spec printed to a page image, then scan noise.

    to_scan_pdf(spec)  an image-only PDF (no text layer): speckle noise, blur, 0.5-2 degree skew
    to_png(spec)       a clean screenshot-like page image
    to_jpg(spec)       a phone photo of a page: noise, blur, skew, JPEG artefacts

Everything is deterministic: the noise and the angle come from a hash of the Spec's text.
The font is Pillow's bundled one, so no system font is needed.
"""

from __future__ import annotations

import hashlib
import io
import textwrap
from typing import Any

from leakclf.demo.compose import Spec
from leakclf.demo.render import _dt, lines

DPI = 200
PAGE = (round(8.27 * DPI), round(11.69 * DPI))  # A4
FONT = 24  # pixels: ~8.6 pt at 200 dpi
MARGIN = 110
WIDTH_CHARS = 95


def pages(spec: Spec) -> list[Any]:
    """The Spec printed on white A4 pages (greyscale images)."""
    from PIL import Image, ImageDraw, ImageFont  # load time: Pillow only when drawing

    font = ImageFont.load_default(size=FONT)
    wrapped: list[str] = []
    for line in lines(spec, sep="    "):
        wrapped.extend(textwrap.wrap(line, WIDTH_CHARS) or [""])
    step = int(FONT * 1.5)
    per_page = (PAGE[1] - 2 * MARGIN) // step
    out = []
    for start in range(0, max(len(wrapped), 1), per_page):
        image = Image.new("L", PAGE, 255)
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(wrapped[start : start + per_page]):
            draw.text((MARGIN, MARGIN + n * step), line, font=font, fill=20)
        out.append(image)
    return out


def scanned(image: Any, seed: int, *, skew: float) -> Any:
    """Scanner noise: grey speckles and dust, a slight blur, a skew of ``skew`` degrees."""
    import numpy as np  # load time: numpy and Pillow only for a scan
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.int16)
    pixels = pixels + rng.normal(0, 14, pixels.shape).astype(np.int16)
    dust = rng.random(pixels.shape) < 0.0015
    pixels[dust] = 0
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    noisy = noisy.filter(ImageFilter.GaussianBlur(0.7))
    return noisy.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=235)


def _seed(spec: Spec) -> int:
    text = "\n".join(lines(spec)).encode("utf-8")
    return int.from_bytes(hashlib.sha256(text).digest()[:8], "big")


def _skew(seed: int) -> float:
    """0.5 to 2 degrees, either way."""
    magnitude = 0.5 + (seed % 1000) / 1000 * 1.5
    return magnitude if seed % 2 else -magnitude


def _jpeg(image: Any, quality: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def to_scan_pdf(spec: Spec) -> bytes:
    from fpdf import FPDF  # load time: fpdf2 only when a PDF is written

    seed = _seed(spec)
    pdf = FPDF(unit="pt", format=(PAGE[0] * 72 / DPI, PAGE[1] * 72 / DPI))
    pdf.set_creation_date(_dt())
    pdf.set_producer("leakclf demo scanner")
    for n, page in enumerate(pages(spec)):
        pdf.add_page()
        image = scanned(page, seed + n, skew=_skew(seed + n))
        pdf.image(io.BytesIO(_jpeg(image, 70)), x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def to_png(spec: Spec) -> bytes:
    buf = io.BytesIO()
    pages(spec)[0].save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()


def to_jpg(spec: Spec) -> bytes:
    seed = _seed(spec)
    return _jpeg(scanned(pages(spec)[0], seed, skew=_skew(seed)), 80)
