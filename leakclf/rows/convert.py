"""One result row, in any shape it is stored in, back to a ``DocumentResult``.

Accepted shapes: ``DocumentResult.to_dict()`` (JSONL), Arrow rows (Parquet: maps as (key, value)
pairs, reasons as structs), CSV rows (every cell a string, nested columns JSON-encoded) and pandas
records (numpy arrays and scalars, NaN for a missing value, ``Timestamp`` for ``mtime``).
Every field round-trips; facets keep the order they were written in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from leakclf.errors import ConfigError
from leakclf.model import DocumentResult, Finding


def from_row(row: Mapping[str, Any]) -> DocumentResult:
    """A DocumentResult from one stored row (see the module docstring for the shapes)."""
    if not isinstance(row, Mapping):
        raise ConfigError(f"a result row must be a mapping, found {type(row).__name__}")
    get = row.get
    minhash = _seq(get("minhash"), none=True)
    return DocumentResult(
        source=_str(get("source"), ""),
        parent=_opt_str(get("parent")),
        media_type=_str(get("media_type"), "application/octet-stream"),
        size=_int(get("size")),
        sha256=_str(get("sha256"), ""),
        status=_str(get("status"), "ok"),
        error_kind=_opt_str(get("error_kind")),
        error_message=_opt_str(get("error_message")),
        doc_type=_str(get("doc_type"), "other"),
        doc_type_scores=_floats(get("doc_type_scores")),
        doc_type_evidence=_strs(get("doc_type_evidence")),
        signed=_opt_bool(get("signed")),
        doc_type_confidence=_float(get("doc_type_confidence")),
        doc_type_uncertain=_flag(get("doc_type_uncertain"), default=True),
        score=_int(get("score")),
        level=_str(get("level"), "public"),
        reasons=tuple(_reason(r) for r in _seq(get("reasons"))),
        unread_reason=_opt_str(get("unread_reason")),
        contents_level=_opt_str(get("contents_level")),
        contents_score=_opt_int(get("contents_score")),
        findings=tuple(_finding(f) for f in _seq(get("findings"))),
        text_chars=_int(get("text_chars")),
        ner_chars=_int(get("ner_chars")),
        limits_hit=_strs(get("limits_hit")),
        text_source=_opt_str(get("text_source")),
        ocr_confidence=_opt_float(get("ocr_confidence")),
        children_expected=_opt_int(get("children_expected")),
        children_emitted=_opt_int(get("children_emitted")),
        children_failed=_opt_int(get("children_failed")),
        duplicate_of=_opt_str(get("duplicate_of")),
        copies=_strs(get("copies")),
        text_sha256=_opt_str(get("text_sha256")),
        minhash=tuple(int(x) for x in minhash) if minhash is not None else None,
        doc_date=_opt_str(get("doc_date")),
        mtime=_mtime(get("mtime")),
        timings=_floats(get("timings")),
    )


def _finding(raw: Any) -> Finding:
    f = raw if type(raw) is dict else _mapping(raw)  # exact type checks first: this is hot
    get = f.get
    label, start, end, conf = get("label"), get("start"), get("end"), get("confidence")
    detector, dig, preview, value = get("detector"), get("digest"), get("preview"), get("value")
    evidence, facets = get("evidence"), get("facets")
    if type(facets) is list:  # Arrow map: (key, value) pairs
        pairs = tuple([(str(k), str(v)) for k, v in facets if v is not None])
    elif type(facets) is dict:  # JSON
        pairs = tuple([(str(k), str(v)) for k, v in facets.items() if v is not None])
    else:
        pairs = tuple((str(k), str(v)) for k, v in _pairs(facets) if not _missing(v))
    return Finding(
        label=label if type(label) is str else _str(label, ""),
        start=start if type(start) is int else _int(start),
        end=end if type(end) is int else _int(end),
        confidence=conf if type(conf) is float else _float(conf),
        detector=detector if type(detector) is str else _str(detector, ""),
        digest=dig if type(dig) is str else _str(dig, ""),
        preview=preview if type(preview) is str else _str(preview, ""),
        evidence=tuple(evidence) if type(evidence) is list else _strs(evidence),
        facets=pairs,
        value=None if value is None else _opt_str(value),
    )


def _mapping(raw: Any) -> Mapping[str, Any]:
    if isinstance(raw, str):
        raw = json.loads(raw)
    if not isinstance(raw, Mapping):
        raise ConfigError(f"a finding must be a mapping, found {type(raw).__name__}")
    return raw


def _reason(raw: Any) -> tuple[str, int]:
    if isinstance(raw, Mapping):  # Parquet stores reasons as {reason, points} structs
        return (_str(raw.get("reason"), ""), _int(raw.get("points")))
    return (str(raw[0]), _int(raw[1]))


def _missing(value: Any) -> bool:
    """None, "", NaN and pandas NA/NaT all mean "no value"."""
    if value is None or (type(value) is str and value == ""):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _json(value: Any) -> Any:
    """A CSV cell of a nested column holds JSON."""
    return json.loads(value) if isinstance(value, str) and value.strip() else value


def _seq(value: Any, *, none: bool = False) -> Any:
    """Lists, tuples, numpy arrays and JSON text as a list; a missing value as [] (or None)."""
    value = _json(value)
    if type(value) is list:  # the common case, first
        return value
    if isinstance(value, Mapping):
        return list(value.items())
    if hasattr(value, "__len__") and not isinstance(value, str):  # tuples, numpy arrays
        return list(value)
    if isinstance(value, str) or _missing(value):
        return None if none else []
    raise ConfigError(f"expected a list in a result row, found {type(value).__name__}")


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    """A map stored as a dict (JSON), as (key, value) pairs (Arrow) or as JSON text (CSV)."""
    value = _json(value)
    if isinstance(value, Mapping):
        return list(value.items())
    return [(k, v) for k, v in _seq(value)]


def _floats(value: Any) -> dict[str, float]:
    return {str(k): float(v) for k, v in _pairs(value)}


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in _seq(value))


def _str(value: Any, default: str) -> str:
    if type(value) is str:  # the common case, first
        return value or default
    return default if _missing(value) else str(value)


def _opt_str(value: Any) -> str | None:
    if type(value) is str:
        return value or None
    return None if _missing(value) else str(value)


def _int(value: Any) -> int:
    if type(value) is int:  # the common case, first: this runs for every finding
        return value
    return 0 if _missing(value) else int(value)


def _opt_int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _float(value: Any) -> float:
    return 0.0 if _missing(value) else float(value)


def _opt_float(value: Any) -> float | None:
    return None if _missing(value) else float(value)


def _opt_bool(value: Any) -> bool | None:
    if _missing(value):
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def _flag(value: Any, *, default: bool) -> bool:
    found = _opt_bool(value)
    return default if found is None else found


def _mtime(value: Any) -> float | None:
    """Seconds since the epoch; pandas gives a ``Timestamp`` (``Scan.to_pandas``)."""
    if _missing(value):
        return None
    stamp = getattr(value, "timestamp", None)
    if callable(stamp):
        return float(stamp())
    return float(value)
