"""Wording for the "wild" training templates: how each type tends to look outside this project.

Written from general knowledge of business documents (ERP print formats, government SOW/PWS,
CV layouts, minutes, challans, price lists), in English, Italian, German, French and Spanish.
The wording is data, ``data/wild_vocab.json``: ``pools`` maps type -> titles, heads (headings),
labels (key-value labels), cols (table headers) and lines (sentences); each entry is
``|``-separated alternatives. ``wild.py`` gives every template a different slice of each pool
and reserves some entries for held-out templates. The other keys are wording every type may carry:
filler (legal and page text), prose (subject matter), letterhead lines, cover-page fields,
revision-history headings and table-of-contents headings.
"""

from __future__ import annotations

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "data" / "wild_vocab.json").read_text(encoding="utf-8"))

POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    doc_type: {key: tuple(values) for key, values in pools.items()}
    for doc_type, pools in _DATA["pools"].items()
}
FILLER: tuple[str, ...] = tuple(_DATA["filler"])
PROSE: tuple[str, ...] = tuple(_DATA["prose"])
LETTERHEAD: tuple[str, ...] = tuple(_DATA["letterhead"])
COVER: tuple[str, ...] = tuple(_DATA["cover"])
HISTORY: tuple[str, ...] = tuple(_DATA["history"])
CONTENTS: str = _DATA["contents"]
