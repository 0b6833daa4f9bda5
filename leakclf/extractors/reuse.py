"""Documents read again instead of extracted again (``Reuse``).

The same attachment comes in several mails of a thread; the same file is copied into several
folders. A Pipeline keeps one ``Reuse`` for every file it extracts, and ``extract`` looks a
document up by the sha256 of its bytes and the last component of its name (which the sniffer,
the key-file check and the mbox handler read) before extracting it.

Only a finished leaf is kept: read without an error, without hitting a limit, and without
children. Extracting it again gives the same Document and spends the same share of the
top-level file's budgets: the bytes it unpacked (an Office package's declared size) and the
pages it OCR'd are kept with it and spent again when it is reused. It is reused only while
those budgets still hold them (every check the handlers make is "this much still fits", so
each would pass again) and while the file's time is not up (a page loop would stop).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from leakclf.config import Config
from leakclf.errors import ConfigError
from leakclf.extractors.base import Context
from leakclf.model import Document


@dataclass(frozen=True, slots=True)
class Kept:
    """A document as extracted, and what its extraction spent of the file's budgets."""

    doc: Document
    unpacked: int  # bytes of limits.max_total_uncompressed
    ocr_pages: int  # pages of ocr.max_pages

    def fits(self, ctx: Context) -> bool:
        """Whether extracting it again in ``ctx`` would pass every budget check it passed."""
        return (
            not ctx.expired()
            and self.unpacked <= ctx.budget()
            and self.ocr_pages <= ctx.ocr.max_pages - ctx.ocr_pages
        )

    def spend(self, ctx: Context) -> None:
        ctx.unpacked += self.unpacked
        ctx.ocr_pages += self.ocr_pages


class Reuse:
    """Kept documents by (sha256, name): at most ``documents`` of them and ``chars``
    characters of text, the least recently used dropped first. One configuration: the
    documents depend on it (limits, OCR, the PDF engine)."""

    def __init__(self, documents: int = 512, chars: int = 16_000_000) -> None:
        self.documents = documents
        self.chars = chars
        self.config: Config | None = None  # the configuration of the documents kept
        self._kept: OrderedDict[tuple[str, str], Kept] = OrderedDict()
        self._held = 0  # characters of text held

    def bind(self, config: Config) -> None:
        """Use with ``config`` (the first one given); another configuration is refused."""
        if self.config is None:
            self.config = config
        elif config is not self.config and config != self.config:
            raise ConfigError(
                "a Reuse holds documents extracted with another configuration; "
                "use one Reuse per configuration (a Pipeline keeps its own)"
            )

    def get(self, key: tuple[str, str]) -> Kept | None:
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
        return kept

    def put(self, key: tuple[str, str], kept: Kept) -> None:
        if key in self._kept or len(kept.doc.text) > self.chars:
            return
        self._kept[key] = kept
        self._held += len(kept.doc.text)
        while len(self._kept) > self.documents or self._held > self.chars:
            self._held -= len(self._kept.popitem(last=False)[1].doc.text)
