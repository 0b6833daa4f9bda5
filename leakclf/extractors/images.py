"""Images (PNG, JPEG, TIFF, BMP, GIF, WebP): OCR of each frame, standalone or attached.

Pillow reads only the header before the size is checked against ``limits.max_image_pixels``,
so a decompression bomb (a small file declaring 100,000 x 100,000 pixels) is refused before a
pixel is decoded. Each frame of a multi-page TIFF or animated GIF is a ``page`` part, up to
``limits.max_pages`` frames and the file's share of ``ocr.max_pages``. With ``ocr.mode = "off"``
an image yields no text (the row says it is unread, image-only); without Tesseract it is an
``OcrUnavailable`` error row.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import TYPE_CHECKING

from leakclf.errors import CorruptFile, LimitExceeded
from leakclf.extractors.base import Job, limit_error
from leakclf.extractors.ocr import ocr_image
from leakclf.extractors.sniff import sniff

if TYPE_CHECKING:
    from PIL.Image import Image

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/tiff", "image/bmp", "image/webp")


def open_image(data: bytes, job: Job, what: str = "the image") -> Image:
    """The image, header read and size checked; pixels are decoded later, on demand."""
    from PIL import Image as PILImage  # load time: Pillow only for images
    from PIL import UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(io.BytesIO(data))
        except PILImage.DecompressionBombError:
            raise limit_error(job.label, "max_image_pixels", f"{what} is a decompression bomb")
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise CorruptFile(
                f"{job.label}: {what} cannot be decoded ({type(exc).__name__}); the file is "
                "damaged or not an image",
                source=job.label,
            ) from None
    width, height = image.size
    if width * height > job.ctx.limits.max_image_pixels:
        raise limit_error(job.label, "max_image_pixels", f"{what} is {width} x {height} pixels")
    return image


def extract_image(data: bytes, job: Job) -> None:
    image = open_image(data, job)
    frames = getattr(image, "n_frames", 1)
    job.meta["pixels"] = f"{image.width}x{image.height}"
    job.meta["frames"] = frames
    if job.ctx.ocr.mode == "off":
        return
    for index in range(frames):
        if index >= job.ctx.limits.max_pages:
            job.hit("max_pages")
            break
        if not ocr_allowed(job):
            break
        try:
            image.seek(index)
            frame = image.copy()  # decodes this frame only
        except (OSError, ValueError, EOFError, SyntaxError) as exc:
            if index == 0:
                raise CorruptFile(
                    f"{job.label}: the image data is damaged ({type(exc).__name__}); re-copy it",
                    source=job.label,
                ) from None
            job.hit("damaged")  # a later frame is cut off: keep the frames before it
            break
        ocr_into(job, frame, f"page {index + 1}" if frames > 1 else None)


def ocr_allowed(job: Job) -> bool:
    """True when one more page or image may be OCR'd (time budget and ``ocr.max_pages``)."""
    if job.over_time() or job.text.full:
        return False
    if job.ctx.ocr_pages >= job.ctx.ocr.max_pages:
        job.hit("ocr_max_pages")
        return False
    return True


def ocr_into(job: Job, image: Image, name: str | None, kind: str = "page") -> bool:
    """OCR ``image`` into the text as a part; False when that page's time limit was hit."""
    job.ctx.ocr_pages += 1
    try:
        result = ocr_image(job, image)
    except LimitExceeded as exc:
        job.hit(exc.limit)
        return False
    job.text.add(kind, result.text, name, source="ocr", confidence=result.confidence)
    job.ocr_words.append((result.words, result.confidence))
    return True


def ocr_package_images(data: bytes, job: Job, folder: str) -> None:
    """OCR the raster images under ``folder`` of an OOXML package (``word/media/``, ...).

    Called when the document's own text is empty (a scan pasted into Word or PowerPoint) in
    ``auto``, always in ``force``. Images are named ``image: <member>`` parts.
    """
    mode = job.ctx.ocr.mode
    if mode == "off" or (mode == "auto" and job.text.text().strip()):
        return
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = sorted(i.filename for i in zf.infolist() if i.filename.startswith(folder))
        for member in members:  # sizes were checked against the limits by check_zip
            if not ocr_allowed(job):
                return
            blob = zf.read(member)
            if sniff(blob, member) not in IMAGE_TYPES:
                continue  # EMF/WMF drawings and other media
            try:
                image = open_image(blob, job, f"the embedded image {member}")
                image.load()
            except (CorruptFile, LimitExceeded, OSError, ValueError, SyntaxError):
                job.hit("damaged")  # one bad picture does not stop the others
                continue
            job.meta["ocr_images"] = job.meta.get("ocr_images", 0) + 1
            ocr_into(job, image, f"image: {member}", kind="image")
