"""Rows: DocumentResult <-> dict <-> Arrow, with one explicit schema (docs/report-format.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from leakclf.model import DocumentResult, Finding

#: Bump when a column is added, removed or changes meaning.
SCHEMA_VERSION = "1.1"

_FINDING = pa.struct([
    ("label", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("confidence", pa.float64()),
    ("detector", pa.string()),
    ("digest", pa.string()),
    ("preview", pa.string()),
    ("evidence", pa.list_(pa.string())),
    ("facets", pa.map_(pa.string(), pa.string())),
    ("value", pa.string()),
])

SCHEMA = pa.schema([
    ("source", pa.string()),
    ("parent", pa.string()),
    ("media_type", pa.string()),
    ("size", pa.int64()),
    ("sha256", pa.string()),
    ("status", pa.string()),
    ("error_kind", pa.string()),
    ("error_message", pa.string()),
    ("doc_type", pa.string()),
    ("doc_type_scores", pa.map_(pa.string(), pa.float64())),
    ("doc_type_evidence", pa.list_(pa.string())),
    ("signed", pa.bool_()),
    ("doc_type_confidence", pa.float64()),
    ("doc_type_uncertain", pa.bool_()),
    ("score", pa.int64()),
    ("level", pa.string()),
    ("reasons", pa.list_(pa.struct([("reason", pa.string()), ("points", pa.int64())]))),
    ("unread_reason", pa.string()),
    ("contents_level", pa.string()),
    ("contents_score", pa.int64()),
    ("findings", pa.list_(_FINDING)),
    ("text_chars", pa.int64()),
    ("ner_chars", pa.int64()),
    ("limits_hit", pa.list_(pa.string())),
    ("text_source", pa.string()),
    ("ocr_confidence", pa.float64()),
    ("children_expected", pa.int64()),
    ("children_emitted", pa.int64()),
    ("children_failed", pa.int64()),
    ("duplicate_of", pa.string()),
    ("copies", pa.list_(pa.string())),
    ("text_sha256", pa.string()),
    ("minhash", pa.list_(pa.uint64())),
    ("doc_date", pa.string()),
    ("mtime", pa.float64()),
    ("timings", pa.map_(pa.string(), pa.float64())),
])

COLUMNS = tuple(SCHEMA.names)
#: Columns that vary from run to run; compare results without them.
TIMING_COLUMNS = ("timings",)
#: Nested columns JSON-encoded in CSV.
NESTED = ("doc_type_scores", "doc_type_evidence", "reasons", "findings", "limits_hit",
          "copies", "minhash", "timings")


def to_row(result: DocumentResult) -> dict[str, Any]:
    return result.to_dict()


def _pairs(value: Any) -> dict[str, Any]:
    """Maps come back from Arrow as lists of (key, value) pairs, from JSON as dicts."""
    if value is None:
        return {}
    return dict(value) if not isinstance(value, dict) else value


def from_row(row: dict[str, Any]) -> DocumentResult:
    row = {k: (json.loads(v) if k in NESTED and isinstance(v, str) else v) for k, v in row.items()}
    findings = tuple(
        Finding(
            label=f["label"], start=int(f["start"]), end=int(f["end"]),
            confidence=float(f["confidence"]), detector=f["detector"], digest=f["digest"],
            preview=f["preview"], evidence=tuple(f.get("evidence") or ()),
            facets=tuple(sorted(_pairs(f.get("facets")).items())), value=f.get("value"),
        )
        for f in row.get("findings") or ()
    )
    minhash = row.get("minhash")
    return DocumentResult(
        source=row["source"], parent=row.get("parent"),
        media_type=row.get("media_type") or "application/octet-stream",
        size=int(row.get("size") or 0), sha256=row.get("sha256") or "",
        status=row.get("status") or "ok", error_kind=row.get("error_kind"),
        error_message=row.get("error_message"), doc_type=row.get("doc_type") or "other",
        doc_type_scores=_pairs(row.get("doc_type_scores")),
        doc_type_evidence=tuple(row.get("doc_type_evidence") or ()),
        signed=row.get("signed"),
        doc_type_confidence=float(row.get("doc_type_confidence") or 0.0),
        doc_type_uncertain=_flag(row.get("doc_type_uncertain"), default=True),
        score=int(row.get("score") or 0),
        level=row.get("level") or "public",
        reasons=tuple((_reason(r)) for r in row.get("reasons") or ()),
        unread_reason=row.get("unread_reason") or None,
        contents_level=row.get("contents_level") or None,
        contents_score=_opt_int(row.get("contents_score")),
        findings=findings, text_chars=int(row.get("text_chars") or 0),
        ner_chars=int(row.get("ner_chars") or 0),
        limits_hit=tuple(row.get("limits_hit") or ()),
        text_source=row.get("text_source") or None,
        ocr_confidence=_opt_float(row.get("ocr_confidence")),
        children_expected=_opt_int(row.get("children_expected")),
        children_emitted=_opt_int(row.get("children_emitted")),
        children_failed=_opt_int(row.get("children_failed")),
        duplicate_of=row.get("duplicate_of"), copies=tuple(row.get("copies") or ()),
        text_sha256=row.get("text_sha256"),
        minhash=tuple(int(x) for x in minhash) if minhash is not None else None,
        doc_date=row.get("doc_date"), mtime=row.get("mtime"),
        timings=_pairs(row.get("timings")),
    )


def _missing(value: Any) -> bool:
    """None, NaN (pandas) or an empty CSV cell."""
    return value is None or value == "" or (isinstance(value, float) and value != value)


def _opt_int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _opt_float(value: Any) -> float | None:
    return None if _missing(value) else float(value)


def _flag(value: Any, *, default: bool) -> bool:
    if _missing(value):
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def _reason(r: Any) -> tuple[str, int]:
    if isinstance(r, dict):
        return (r["reason"], int(r["points"]))
    return (r[0], int(r[1]))


def _arrow_ready(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["reasons"] = [{"reason": r, "points": int(p)} for r, p in row.get("reasons") or ()]
    out["findings"] = [
        {**f, "facets": list((f.get("facets") or {}).items()), "value": f.get("value")}
        for f in row.get("findings") or ()
    ]
    for key in ("doc_type_scores", "timings"):
        out[key] = list((row.get(key) or {}).items())
    return {name: out.get(name) for name in COLUMNS}


def to_table(rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Rows (``DocumentResult.to_dict()`` form) to an Arrow table with ``SCHEMA``."""
    return pa.Table.from_pylist([_arrow_ready(r) for r in rows], schema=SCHEMA)


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: json.dumps(row.get(k), sort_keys=True) if k in NESTED else row.get(k) for k in COLUMNS
    }


def top_of(source: str) -> str:
    """The top-level file a row belongs to: ``dump/a.zip!/b.pdf`` -> ``dump/a.zip``."""
    return source.split("!/", 1)[0]
