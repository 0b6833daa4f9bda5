"""The notification list: who to tell, at which organisation, about which kinds of data.

One row per (organisation, person cluster). The organisation is the registrable domain of an
address linked to the person (the owner's own domain included: its staff are exposed too);
a person with no address, or only a free-mail or placeholder one, has organisation "".
``data_types`` are the labels found in the documents that mention the person: a document
that names a person beside an SSN exposes that person's document, whether or not the SSN is
theirs, so the list errs towards notifying.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf.census.excluded import excluded
from leakclf.errors import OutputError
from leakclf.model import DocumentResult

if TYPE_CHECKING:
    import pandas as pd

    from leakclf.census.entities import Tally

#: Labels that name or place a document, not data about a person.
NOT_DATA = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "DATE_TIME", "PROJECT"})
COLUMNS = (
    "organization",
    "person",
    "preview",
    "corroborated",
    "emails",
    "data_types",
    "documents",
    "paths",
)


def people_rows(
    results: Sequence[DocumentResult], tally: Tally, *, reveal: bool = False
) -> list[dict[str, Any]]:
    rows = []
    for c in tally.clusters:
        docs = sorted(c.documents)
        types = {
            f.label
            for i in docs
            for f in results[i].findings
            if f.label not in NOT_DATA and f.label != "EMAIL_ADDRESS"
        }
        if c.emails:
            types.add("EMAIL_ADDRESS")
        orgs = sorted(d for d in c.domains if not excluded(d)) or [""]
        for org in orgs:
            row: dict[str, Any] = {
                "organization": org,
                "person": c.key,
                "preview": c.preview,
                "corroborated": c.corroborated,
                "emails": len(c.emails),
                "data_types": ";".join(sorted(types)),
                "documents": len(docs),
                "paths": ";".join(sorted({results[i].source for i in docs})),
            }
            if reveal:
                row["name"] = c.value
            rows.append(row)
    rows.sort(
        key=lambda r: (r["organization"], not r["corroborated"], -r["documents"], r["person"])
    )
    return rows


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """``frame`` as CSV at ``path``, readable by its owner only (0600), even if it existed."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            frame.to_csv(fh, index=False)
    except OSError as exc:
        raise OutputError(
            f"cannot write the notification list to {str(path)!r} ({type(exc).__name__}); "
            "check the folder exists and is writable"
        ) from None
    return path
