"""pandas views of scan results: documents, findings and a summary (masked only)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from leakclf.model import DOC_TYPES, LEVELS, STATUSES

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

_CATEGORIES = {"level": LEVELS, "status": STATUSES, "doc_type": DOC_TYPES}


def documents(table: pa.Table) -> pd.DataFrame:
    import pandas as pd  # load time: pandas only when used

    df = table.to_pandas()
    for column, values in _CATEGORIES.items():
        extra = sorted(set(df[column].dropna()) - set(values))  # never lose an unknown label
        df[column] = pd.Categorical(
            df[column], categories=[*values, *extra], ordered=column == "level"
        )
    for column in ("media_type", "error_kind"):
        df[column] = df[column].astype("category")
    df["mtime"] = pd.to_datetime(df["mtime"], unit="s", utc=True)
    for column in ("doc_type_scores", "timings"):  # Arrow maps arrive as (key, value) lists
        df[column] = df[column].map(lambda v: dict(v) if v is not None else {})
    return df


def findings(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd  # load time: pandas only when used

    records = []
    for row in rows:
        for f in row.get("findings") or ():
            records.append(
                {
                    "source": row["source"],
                    "doc_type": row["doc_type"],
                    "level": row["level"],
                    "label": f["label"],
                    "start": f["start"],
                    "end": f["end"],
                    "confidence": f["confidence"],
                    "detector": f["detector"],
                    "digest": f["digest"],
                    "preview": f["preview"],
                    **({"value": f["value"]} if "value" in f else {}),
                }
            )
    columns = [
        "source",
        "doc_type",
        "level",
        "label",
        "start",
        "end",
        "confidence",
        "detector",
        "digest",
        "preview",
    ]
    df = pd.DataFrame.from_records(
        records, columns=columns + (["value"] if any("value" in r for r in records) else [])
    )
    for column in ("level", "doc_type", "label", "detector"):
        df[column] = df[column].astype("category")
    return df.astype({"start": "int64", "end": "int64", "confidence": "float64"})
