"""The real training corpus (``../shared/corpus/doctypes-train``) read through leakclf's own extractors.

    real_examples(folder) -> list[RealExample]      # one per labelled file, in labels.csv order

Each file becomes the document a scan would classify: the file itself, or for a mail folder
(``.mbox``) its first message (the folder is labelled by its messages). File names are replaced
by a neutral ``document.<ext>``: the corpus names were chosen by its labeller and say the type.
Extracted text is cached outside the repository (``cache_dir()``, keyed by the file's SHA-256
and the extractor sources), because PDF extraction is the slow part of training; deleting the
cache only costs time.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leakclf.config import Config
from leakclf.model import Document, Part

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "doctypes-train"
DEV = ROOT.parent / "shared" / "fixtures" / "real-world" / "doctypes"  # evaluation only
META_KEYS = ("from", "to", "cc", "bcc", "subject")  # what the classifier reads from mail meta


@dataclass(frozen=True)
class RealExample:
    path: str  # relative to the corpus folder
    label: str
    group: str  # source repository: cross-validation never splits one
    lang: str
    fmt: str  # file extension
    doc: Document = field(repr=False)


def cache_dir() -> Path:
    return Path(os.environ.get("LEAKCLF_DOCTYPE_CACHE", "/tmp/leakclf-doctype-cache"))


def extractor_version() -> str:
    """A digest of the extractor sources: a changed extractor invalidates the cache."""
    h = hashlib.sha256()
    for p in sorted((ROOT / "leakclf" / "extractors").glob("*.py")):
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def read(folder: Path = CORPUS) -> list[dict[str, str]]:
    with open(folder / "labels.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def real_examples(
    folder: Path = CORPUS, rows: list[dict[str, str]] | None = None
) -> list[RealExample]:
    version = extractor_version()
    out = []
    for row in rows if rows is not None else read(folder):
        fmt = row["path"].rsplit(".", 1)[-1].lower()
        doc = _document(folder / row["path"], version)
        out.append(
            RealExample(
                row["path"],
                row["doc_type"],
                row["source"].split("@", 1)[0],
                row.get("lang") or "en",
                fmt,
                doc,
            )
        )
    return out


def _document(path: Path, version: str) -> Document:
    data = path.read_bytes()
    ext = path.suffix.lower()
    key = hashlib.sha256(data).hexdigest()
    cached = cache_dir() / f"{key}-{version}.json"
    if cached.is_file():
        stored: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
    else:
        stored = _extract(data, "document" + ext)
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cached)
    return Document(
        "document" + ext,
        None,
        stored["media_type"],
        stored["text"],
        key,
        len(data),
        parts=tuple(Part(*p) for p in stored["parts"]),
        meta=stored["meta"],
    )


def _extract(data: bytes, name: str) -> dict[str, Any]:
    from leakclf.api import extract
    from leakclf.errors import ExtractionError

    try:
        with (
            warnings.catch_warnings()
        ):  # library notices (openpyxl) must not turn into errors under pytest
            warnings.simplefilter("ignore")
            docs = extract(data, name=name, config=Config())
    except ExtractionError:  # a scan gives this file a row without text; so does training
        return {"text": "", "media_type": "application/octet-stream", "parts": [], "meta": {}}
    top = docs[0]
    if not top.text.strip() and top.media_type == "application/mbox":
        top = next((d for d in docs[1:] if d.depth == 1 and d.text.strip()), top)
    meta = {k: top.meta[k] for k in META_KEYS if top.meta.get(k)}
    parts = [[p.kind, p.start, p.end, p.name] for p in top.parts]
    return {"text": top.text, "media_type": top.media_type, "parts": parts, "meta": meta}
