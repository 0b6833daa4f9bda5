"""Frozen value objects that flow through leakclf.

    path/bytes --extract--> Document --detect--> Finding* --classify--> doc_type
                                              \\--score--> score, level, reasons
                                   => DocumentResult (one per file, attachment, member)

Results never hold a raw sensitive value unless the caller asked for it
(``Finding.value`` is None by default and is left out of ``repr``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

#: Row status values, stable strings used in every output format.
STATUSES = ("ok", "error", "unsupported", "skipped_limit", "duplicate")

#: Sensitivity levels, lowest first.
LEVELS = ("public", "internal", "confidential", "restricted")

#: Business-document types, stable strings.
DOC_TYPES = (
    "sow",
    "invoice",
    "purchase_order",
    "quote",
    "contract",
    "proof_of_execution",
    "poc",
    "project_plan",
    "correspondence",
    "internal_note",
    "resume",
    "other",
)


@dataclass(frozen=True, slots=True)
class Part:
    """A span of ``Document.text``: a page, sheet, slide, header, footer, mail body, ..."""

    kind: str  # page | sheet | slide | header | footer | body | quoted | comment | table | notes | headers
    start: int
    end: int
    name: str | None = None  # e.g. sheet name, "page 3"
    source: str = "text"  # where the text came from: "text" (the file's own text) or "ocr"
    ocr_confidence: float | None = None  # mean OCR word confidence (0-100) of this part


@dataclass(frozen=True)
class Document:
    """One extracted file, attachment or archive member.

    ``source`` is a virtual path that shows nesting: ``dump/mail.eml!/q3.pdf``.
    A child that could not be read is still a Document, with ``error_kind`` set
    and empty ``text``; only the top-level file raises from ``extract``.
    """

    source: str
    parent: str | None
    media_type: str
    text: str
    sha256: str
    size: int
    parts: tuple[Part, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, hash=False)
    depth: int = 0
    limits_hit: tuple[str, ...] = ()
    error_kind: str | None = None  # ExtractionError subclass name
    error_message: str | None = None
    text_source: str | None = None  # "text" | "ocr" | "mixed"; None when no text was read
    ocr_confidence: float | None = None  # mean OCR word confidence (0-100), by words
    # containers (zip, tar, mbox, pst, mail with attachments): direct children it declares,
    # rows it emitted for them, and how many of those rows are errors
    children_expected: int | None = None
    children_emitted: int | None = None
    children_failed: int | None = None

    @property
    def name(self) -> str:
        """The last path component of ``source`` (member or attachment name)."""
        return self.source.rsplit("!/", 1)[-1].rsplit("/", 1)[-1]

    @property
    def status(self) -> str:
        if self.error_kind is None:
            return "ok"
        if self.error_kind == "UnsupportedFormat":
            return "unsupported"
        if self.error_kind == "LimitExceeded":
            return "skipped_limit"
        return "error"

    def __repr__(self) -> str:  # never print document text
        return (
            f"Document(source={self.source!r}, media_type={self.media_type!r}, "
            f"chars={len(self.text)}, size={self.size}, status={self.status!r})"
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected entity. ``value`` is set only when the caller asked to reveal."""

    label: str
    start: int
    end: int
    confidence: float
    detector: str
    digest: str  # keyed HMAC of the normalised value
    preview: str  # masked form, e.g. j***@contoso.com
    evidence: tuple[str, ...] = ()
    # Non-identifying attributes useful for rollups: ("domain", "contoso.com"), ("country", "DE").
    facets: tuple[tuple[str, str], ...] = ()
    value: str | None = field(default=None, repr=False, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as its constructor's arguments: a frozen slotted dataclass's own pickle state
        # functions list its fields once per object, which was most of the cost of moving a
        # scan's results from its workers (27,000 findings on the bench dump)
        return (Finding, tuple(getattr(self, name) for name in _FINDING_FIELDS))

    def facet(self, name: str) -> str | None:
        for key, val in self.facets:
            if key == name:
                return val
        return None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "confidence": round(float(self.confidence), 4),
            "detector": self.detector,
            "digest": self.digest,
            "preview": self.preview,
            "evidence": list(self.evidence),
            "facets": {k: v for k, v in self.facets},
        }
        if self.value is not None:
            out["value"] = self.value
        return out


_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


@dataclass(frozen=True)
class DocumentResult:
    """Everything leakclf knows about one document. One output row."""

    source: str
    parent: str | None = None
    media_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""
    status: str = "ok"
    error_kind: str | None = None
    error_message: str | None = None
    # classification
    doc_type: str = "other"
    doc_type_scores: dict[str, float] = field(default_factory=dict, hash=False)
    doc_type_evidence: tuple[str, ...] = ()
    signed: bool | None = None
    doc_type_confidence: float = 0.0  # calibrated probability of doc_type (issue 13)
    doc_type_uncertain: bool = True  # below the calibrated threshold, or too little text
    # sensitivity
    score: int = 0
    level: str = "public"
    reasons: tuple[tuple[str, int], ...] = ()
    unread_reason: str | None = None  # why no text was read: "image-only", "encrypted", ...
    contents_level: str | None = None  # highest level among children (containers only)
    contents_score: int | None = None  # highest score among children (containers only)
    # detection
    findings: tuple[Finding, ...] = ()
    text_chars: int = 0
    ner_chars: int = 0  # how many characters NER read (the cap is recorded here)
    limits_hit: tuple[str, ...] = ()
    text_source: str | None = None  # "text" | "ocr" | "mixed"; None when nothing was read
    ocr_confidence: float | None = None  # mean OCR word confidence, 0-100
    # containers: children it expected, emitted and failed (zip, tar, mbox, pst, mail)
    children_expected: int | None = None
    children_emitted: int | None = None
    children_failed: int | None = None
    # dedup and census support
    duplicate_of: str | None = None
    copies: tuple[str, ...] = ()  # every other source with the same bytes (canonical row only)
    text_sha256: str | None = None  # sha256 of normalised text
    minhash: tuple[int, ...] | None = field(default=None, repr=False)
    doc_date: str | None = None  # ISO date of the document (mail Date, modified, created)
    mtime: float | None = None
    timings: dict[str, float] = field(default_factory=dict, hash=False, repr=False)

    def replace(self, **changes: Any) -> DocumentResult:
        return dataclasses.replace(self, **changes)

    def _repr_html_(self) -> str:
        from leakclf.display import result_html  # load time: HTML only when a notebook asks

        return result_html(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; findings carry digests and previews only (unless revealed)."""
        return {
            "source": self.source,
            "parent": self.parent,
            "media_type": self.media_type,
            "size": self.size,
            "sha256": self.sha256,
            "status": self.status,
            "error_kind": self.error_kind,
            "error_message": self.error_message,
            "doc_type": self.doc_type,
            "doc_type_scores": dict(self.doc_type_scores),
            "doc_type_evidence": list(self.doc_type_evidence),
            "signed": self.signed,
            "doc_type_confidence": round(float(self.doc_type_confidence), 4),
            "doc_type_uncertain": self.doc_type_uncertain,
            "score": self.score,
            "level": self.level,
            "reasons": [[r, int(p)] for r, p in self.reasons],
            "unread_reason": self.unread_reason,
            "contents_level": self.contents_level,
            "contents_score": self.contents_score,
            "findings": [f.to_dict() for f in self.findings],
            "text_chars": self.text_chars,
            "ner_chars": self.ner_chars,
            "limits_hit": list(self.limits_hit),
            "text_source": self.text_source,
            "ocr_confidence": self.ocr_confidence,
            "children_expected": self.children_expected,
            "children_emitted": self.children_emitted,
            "children_failed": self.children_failed,
            "duplicate_of": self.duplicate_of,
            "copies": list(self.copies),
            "text_sha256": self.text_sha256,
            "minhash": list(self.minhash) if self.minhash is not None else None,
            "doc_date": self.doc_date,
            "mtime": self.mtime,
            "timings": dict(self.timings),
        }


@dataclass(frozen=True, slots=True)
class Detection:
    """What the detectors return for one text."""

    findings: tuple[Finding, ...]
    ner_chars: int = 0  # characters NER actually read (after the cap)


@dataclass(frozen=True)
class Classification:
    """What the doc-type classifier returns for one document."""

    doc_type: str
    scores: dict[str, float]  # a probability per DOC_TYPES label, summing to 1
    evidence: tuple[str, ...]
    signed: bool | None
    confidence: float = 0.0  # calibrated probability of doc_type
    uncertain: bool = True


@dataclass(frozen=True, slots=True)
class Score:
    """What the scorer returns: reasons are (text, points) and sum to ``score``."""

    score: int
    level: str
    reasons: tuple[tuple[str, int], ...]


__all__ = [
    "DOC_TYPES",
    "LEVELS",
    "STATUSES",
    "Classification",
    "Detection",
    "Document",
    "DocumentResult",
    "Finding",
    "Part",
    "Score",
]
