"""The results schema (docs/report-format.md) in Arrow, and the row writers' helpers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

#: Bump when a column is added, removed or changes meaning.
SCHEMA_VERSION = "1.1"

_FINDING = pa.struct(
    [
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
    ]
)

SCHEMA = pa.schema(
    [
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
    ]
)

COLUMNS = tuple(SCHEMA.names)
#: Columns that vary from run to run; compare results without them.
TIMING_COLUMNS = ("timings",)
#: Nested columns JSON-encoded in CSV.
NESTED = (
    "doc_type_scores",
    "doc_type_evidence",
    "reasons",
    "findings",
    "limits_hit",
    "copies",
    "minhash",
    "timings",
)


def _arrow_ready(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` as ``pa.Table.from_pylist`` takes it: reasons as structs, no map left None
    (an empty map, as the row means). Dicts go in as they are: pyarrow reads a dict as a map
    and a struct's missing field (or column) as null, so findings are not copied (copying
    every finding and column cost 3-4x the CPU, the same table)."""
    out = dict(row)
    out["reasons"] = [{"reason": r, "points": int(p)} for r, p in row.get("reasons") or ()]
    out["findings"] = [
        f if f.get("facets") is not None else {**f, "facets": {}} for f in row.get("findings") or ()
    ]
    for key in ("doc_type_scores", "timings"):
        if out.get(key) is None:
            out[key] = {}
    return out


def to_table(rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Rows (``DocumentResult.to_dict()`` form) to an Arrow table with ``SCHEMA``."""
    return pa.Table.from_pylist([_arrow_ready(r) for r in rows], schema=SCHEMA)


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """Nested columns as JSON; key order is kept so facets read back in the order written."""
    return {k: json.dumps(row.get(k)) if k in NESTED else row.get(k) for k in COLUMNS}
