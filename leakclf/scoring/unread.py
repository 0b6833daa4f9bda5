"""Why a file, attachment or member yielded no text: the ``unread_reason`` of its result.

A result with a reason is scored by ``Scorer.unread`` (never public). A container whose
members were read is not unread: its members carry their own rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from leakclf.model import DocumentResult

if TYPE_CHECKING:
    from leakclf.scoring import Scorer

_LEGACY = {
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.ms-powerpoint": ".ppt",
}
_IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".heic")
_ERRORS = {
    "EncryptedFile": "encrypted",
    "CorruptFile": "corrupt",
    "Unreadable": "unreadable",
    "InternalError": "extractor failed",
    "WorkerCrashed": "extractor failed",
    "Timeout": "limit-hit (time budget)",
    "MemoryLimit": "limit-hit (memory)",
    "Symlink": "symlink not followed",
    "SymlinkOutsideRoot": "symlink outside the root",
    "SpecialFile": "not a regular file",
    "OcrUnavailable": "OCR unavailable",  # a scan or image, and no Tesseract (extractors.ocr)
}


def unread_reason(result: DocumentResult, text: str, *, has_children: bool = False) -> str | None:
    """A short reason ("image-only", "encrypted", "unsupported legacy .xls", ...) or None."""
    if has_children or result.status == "duplicate" or text.strip():
        return None  # a partly read file (a limit hit mid-way) is scored on what was read
    if result.status == "skipped_limit" or result.error_kind == "LimitExceeded":
        return "limit-hit" + (f" ({result.limits_hit[0]})" if result.limits_hit else "")
    if result.size == 0 and result.error_kind in (None, "CorruptFile"):
        return "empty file"
    if result.error_kind in _ERRORS:  # before "unsupported": a symlink is not a format
        return _ERRORS[result.error_kind]
    media = result.media_type
    ext = "." + result.source.rsplit("/", 1)[-1].rpartition(".")[2].lower()
    if result.status == "unsupported":
        if media in _LEGACY or ext in _LEGACY.values():
            return f"unsupported legacy {_LEGACY.get(media, ext)}"
        if media.startswith("image/") or ext in _IMAGES:
            return "image-only"
        known = media != "application/octet-stream" or len(ext) < 2 or len(ext) > 6
        return f"unsupported {media if known else ext}"
    if result.status != "ok":
        return f"error ({result.error_kind or result.status})"
    if media == "application/pdf" or media.startswith("image/"):
        return "image-only"
    if media == "application/x-keystore":  # .p12/.jks/.kdbx: never opened (extractors.keyfiles)
        return "encrypted"
    return "no text"


def mark_unread(
    result: DocumentResult, text: str, scorer: Scorer, *, has_children: bool = False
) -> DocumentResult:
    """``result`` with its unread reason when it has no text, scored at least the policy's
    unread score: what was found without text (a key file's own finding) keeps its points,
    and the ``unread:<why>`` reason brings the rest up to the unread floor (0 when above it)."""
    why = unread_reason(result, text, has_children=has_children)
    if why is None:
        return result
    floor = scorer.unread(why)
    lift = max(0, floor.score - result.score)
    reasons = (*result.reasons, (f"unread:{why}", lift))
    if not lift:
        return result.replace(unread_reason=why, reasons=reasons)
    return result.replace(unread_reason=why, score=floor.score, level=floor.level, reasons=reasons)


def not_read(results: Iterable[DocumentResult]) -> dict[str, int]:
    """The unread triage group: documents with no text by reason, most first (duplicates out).
    The scan summary, the census and the HTML report all count with this."""
    counts = Counter(
        r.unread_reason for r in results if r.unread_reason and r.status != "duplicate"
    )
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def not_read_line(counts: dict[str, int]) -> str:
    """``not read - 3 documents, by reason: image-only 2, encrypted 1`` (empty when none)."""
    if not counts:
        return ""
    by = ", ".join(f"{why} {n:,}" for why, n in counts.items())
    return f"not read - {sum(counts.values()):,} documents, by reason: {by}"
