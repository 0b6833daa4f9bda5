"""What ``leakclf scan`` and ``leakclf classify`` print: plain-text tables, masked values only."""

from __future__ import annotations

import heapq
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from leakclf.counts import Counts
from leakclf.model import LEVELS, DocumentResult
from leakclf.rows import from_row


def table(headers: list[str], rows: Iterable[list[str]], out: TextIO) -> None:
    rows = list(rows)
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip(), file=out)


def _short(text: str, n: int = 60, *, keep_end: bool = True) -> str:
    if len(text) <= n:
        return text
    return "…" + text[-(n - 1) :] if keep_end else text[: n - 1] + "…"


@dataclass(frozen=True, slots=True)
class _Row:
    """A row of an output kept by ``Tally.add_output`` before it is read whole."""

    index: int


class Tally:
    """Keeps the ``limit`` highest-scored documents and the counts (bounded memory).

    It takes DocumentResults (``add``) or rows in ``DocumentResult.to_dict``'s shape
    (``add_row``: a scan's rows as it writes them, so nothing is read back); only the rows it
    prints become DocumentResults."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.top: list[tuple[int, int, DocumentResult | Mapping[str, Any] | _Row]] = []
        self.counts = Counts()
        self._n = 0

    @property
    def unread(self) -> Counter[str]:
        return self.counts.not_read

    def add(self, r: DocumentResult) -> None:
        self.counts.add(r)
        if r.status != "duplicate":
            self._keep(r.score, r)

    def add_row(self, row: Mapping[str, Any]) -> None:
        self.counts.add_row(row)
        if row["status"] != "duplicate":
            self._keep(row["score"], row)

    def add_output(self, path: str | Path) -> None:
        """``add_row`` for every row of a Parquet output, in its order: the counts and the
        ranking read only their columns, and only the rows kept are read whole."""
        import pyarrow.compute as pc  # load time: pyarrow only for a Parquet output
        import pyarrow.parquet as pq

        cols = ["parent", "size", "status", "level", "doc_type", "unread_reason", "score"]
        table = pq.read_table(path, columns=[*cols, "findings"])
        findings = pc.list_value_length(table.column("findings")).fill_null(0).to_pylist()
        values = [table.column(c).to_pylist() for c in cols]
        for i, (parent, size, status, level, doc_type, reason, score) in enumerate(zip(*values)):
            self.counts.add_fields(parent, size, status, level, doc_type, reason, findings[i])
            if status != "duplicate":
                self._keep(score, _Row(i))
        wanted = sorted(r.index for _, _, r in self.top if isinstance(r, _Row))
        if wanted:
            rows = dict(zip(wanted, pq.read_table(path).take(wanted).to_pylist()))
            self.top = [(s, n, rows[r.index] if isinstance(r, _Row) else r) for s, n, r in self.top]
            heapq.heapify(self.top)  # the same keys: the same order

    def _keep(self, score: int, r: DocumentResult | Mapping[str, Any] | _Row) -> None:
        self._n += 1
        item = (score, -self._n, r)
        if len(self.top) < self.limit:
            heapq.heappush(self.top, item)
        elif self.limit:
            heapq.heappushpop(self.top, item)

    def reached(self, level: str | None) -> bool:
        """``--fail-on level``: a document at or above it, or any unread document (what was
        not read cannot be shown to be below the threshold; docs/policy.md)."""
        if level is None:
            return False
        return bool(self.counts.not_read) or self.counts.at_or_above(level) > 0

    def print(self, out: TextIO = sys.stdout) -> None:
        c = self.counts
        ranked = [
            r if isinstance(r, DocumentResult) else from_row(r)
            for _, _, r in sorted(self.top, key=lambda t: (-t[0], -t[1]))
            if not isinstance(r, _Row)  # add_output reads its kept rows before it returns
        ]
        if ranked:
            print(f"Top {len(ranked)} documents by score (duplicates left out):", file=out)
            table(
                ["source", "type", "level", "score", "top reason"],
                (
                    [
                        _short(r.source),
                        r.doc_type if r.status == "ok" else r.status,
                        _level(r),
                        str(r.score),
                        _reason(r),
                    ]
                    for r in ranked
                ),
                out,
            )
            print(file=out)
        print(
            f"Summary: {c.files:,} files ({c.bytes / 1e6:.1f} MB), {c.documents:,} documents "
            f"(files, attachments and archive members), {c.findings:,} findings (every "
            f"mention, copies included), {c.duplicates:,} duplicates",
            file=out,
        )
        table(["level", "documents"], ([lv, f"{c.levels[lv]:,}"] for lv in reversed(LEVELS)), out)
        print(file=out)
        table(["status", "documents"], ([k, f"{v:,}"] for k, v in c.statuses.most_common()), out)
        if c.not_read:
            print(f"\nnot read - {sum(c.not_read.values()):,} documents, by reason:", file=out)
            table(
                ["reason", "documents"], ([k, f"{v:,}"] for k, v in c.not_read.most_common()), out
            )
        if c.doc_types:
            print(file=out)
            table(
                ["doc type", "documents"],
                ([k, f"{v:,}"] for k, v in c.doc_types.most_common()),
                out,
            )


def _level(r: DocumentResult) -> str:
    """A container holding something above its own level says so: ``public, holds restricted``."""
    inner = r.contents_level
    if inner and LEVELS.index(inner) > LEVELS.index(r.level):
        return f"{r.level}, holds {inner}"
    return r.level


def _reason(r: DocumentResult) -> str:
    if r.error_kind:
        return r.error_kind
    if not r.reasons:
        return ""
    text, points = max(r.reasons, key=lambda rp: rp[1])
    return _short(f"{text} (+{points})", 50, keep_end=False)


def print_classify(results: list[DocumentResult], *, as_json: bool, out: TextIO) -> None:
    if as_json:
        json.dump([r.to_dict() for r in results], out, indent=2, ensure_ascii=False)
        print(file=out)
        return
    for r in results:
        head = f"{r.source}  [{r.media_type}]"
        print(head, file=out)
        if r.status != "ok":
            print(f"  status: {r.status} ({r.error_kind}): {r.error_message}", file=out)
        prob = r.doc_type_scores.get(r.doc_type)
        prob_text = f" ({prob:.0%})" if prob is not None else ""
        signed = "" if r.signed is None else ("  signed" if r.signed else "  unsigned")
        print(f"  type: {r.doc_type}{prob_text}{signed}", file=out)
        print(f"  level: {r.level}  score: {r.score}", file=out)
        for text, points in r.reasons:
            print(f"    +{points:<3} {text}", file=out)
        counts = Counter(f.label for f in r.findings)
        if counts:
            print("  findings: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()), file=out)
            for f in r.findings[:20]:
                shown = f.value if f.value is not None else f.preview
                print(f"    {f.label:<18} {shown}  ({f.confidence:.2f}, {f.detector})", file=out)
            if len(r.findings) > 20:
                print(f"    ... {len(r.findings) - 20} more", file=out)
        print(file=out)
