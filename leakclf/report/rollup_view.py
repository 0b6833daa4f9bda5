"""The report's folder rollup: which part of the dump to read first (``leakclf.rollup``)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from leakclf.config import Config
from leakclf.model import LEVELS, DocumentResult

FOLDER_DEPTH = 2  # the dump's root, then its first-level folders
TOP_FOLDERS = 30


def folder_section(results: Sequence[DocumentResult], config: Config) -> str:
    """Folders by max score, then files; the census k-threshold applies as in ``rollup``."""
    from leakclf.rollups import rollup  # load time: pandas only when the section is drawn

    frame = rollup(list(results), by="folder", config=config, depth=FOLDER_DEPTH)
    pcol = next(c for c in frame.columns if c.startswith("p") and c.endswith("_score"))
    rows = []
    for row in frame.head(TOP_FOLDERS).to_dict("records"):
        levels = "".join(f'<td class="num">{int(row[lv]):,}</td>' for lv in reversed(LEVELS))
        rows.append(
            f'<tr><td class="src">{escape(str(row["folder"]))}</td>'
            f'<td class="num">{int(row["files"]):,}</td>{levels}'
            f'<td class="num">{int(row["max_score"])}</td><td class="num">{int(row[pcol])}</td>'
            f"<td>{escape('; '.join(row['top_reasons']))}</td></tr>"
        )
    heads = "".join(f'<th class="num">{lv}</th>' for lv in reversed(LEVELS))
    more = len(frame) - TOP_FOLDERS
    note = f" The first {TOP_FOLDERS} of {len(frame)} are shown." if more > 0 else ""
    k = max(config.census.k_threshold, 1)
    if k > 1:
        note += f" Folders with fewer than {k} files (the k-threshold) are left out."
    return (
        '<section id="folders"><h2>Sensitivity by folder</h2>'
        f'<p class="note">Scored documents (attachments and members count in their file\'s '
        f"folder), highest score first.{escape(note)}</p>"
        '<table><thead><tr><th>folder</th><th class="num">documents</th>'
        f'{heads}<th class="num">max score</th><th class="num">{escape(pcol[:-6])} score</th>'
        "<th>top reasons</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )
