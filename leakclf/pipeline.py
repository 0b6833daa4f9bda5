"""Pipeline: extract -> detect -> classify -> subject -> score. It owns all configuration.

Constructing a Pipeline is cheap; models load on first use. Two pipelines with
different configs work side by side.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from leakclf.config import Config
from leakclf.errors import ConfigError, ExtractionError
from leakclf.model import (
    Classification,
    Detection,
    Document,
    DocumentResult,
    Finding,
    Part,
    Score,
)
from leakclf.privacy import digest, process_key

if TYPE_CHECKING:
    from leakclf.detectors import DetectorSet
    from leakclf.doctypes import Classifier
    from leakclf.extractors import Reuse
    from leakclf.scoring import Scorer

log = logging.getLogger(__name__)

#: Detections kept per pipeline for texts met again (archive members that copy other files,
#: the same attachment in several mails): detection reads only the text, so it is reused.
SEEN_TEXTS = 4096


#: One file's extraction: its documents (parent first), or its error row when it could not be
#: extracted; and the seconds it took
Extraction = tuple[list[Document] | DocumentResult, float]


class Extractor:
    """The extract stage alone: a file's documents, or its error row (file problems never
    raise). A Pipeline extracts with one; a scan's extract-ahead process uses one on its own,
    without the detectors or any model (``leakclf.scan.ahead``)."""

    def __init__(
        self, config: Config, scorer: Scorer | None = None, reuse: Reuse | None = None
    ) -> None:
        self.config = config
        self._scorer = scorer
        self._reuse = reuse

    @property
    def scorer(self) -> Scorer:
        """The policy, for the unread score of error rows (the pipeline's own, or built here)."""
        if self._scorer is None:
            from leakclf.scoring import Scorer  # load time: the scoring policy only when used

            self._scorer = Scorer(self.config)
        return self._scorer

    def load(self) -> None:
        """Import the extractors' libraries now, instead of on the first file."""
        from leakclf.extractors import warm  # load time: the extractors only when used

        warm()

    def extract(self, source: str | Path | bytes, *, name: str | None = None) -> list[Document]:
        """The file's documents; one met again under the same name (an attachment forwarded
        in several mails) is the one read before: extraction, like detection, is a function of
        the bytes (and the name), so the kept Document is the one reading it again gives."""
        from leakclf.extractors import Reuse, extract  # load time: the extractors when used

        if self._reuse is None:
            self._reuse = Reuse()
        return extract(source, name=name, config=self.config, reuse=self._reuse)

    def extract_many(
        self, files: Sequence[tuple[str | Path | bytes, str | None]]
    ) -> list[Extraction]:
        """Each (source, name) file extracted on its own, with the seconds it took."""
        extracted: list[Extraction] = []
        for source, name in files:
            t0 = time.perf_counter()
            got = self.extract_checked(source, name)
            extracted.append((got, time.perf_counter() - t0))
        return extracted

    def extract_checked(
        self, source: str | Path | bytes, name: str | None
    ) -> list[Document] | DocumentResult:
        """The file's documents, or its error row (file problems never raise)."""
        try:
            return self.extract(source, name=name)
        except ExtractionError as exc:
            limit = getattr(exc, "limit", "") or "max_file_bytes"
            return self._failed_top(source, name, exc.kind, str(exc), limit)
        except Exception as exc:  # noqa: BLE001 - a bug or library failure: keep going, say what kind
            log.debug("extraction crashed on %s: %s", _label(source, name), type(exc).__name__)
            return self._failed_top(
                source,
                name,
                "InternalError",
                f"{type(exc).__name__} while extracting {_label(source, name)!r}; "
                "please report it with -vv output",
            )

    def _failed_top(
        self,
        source: str | Path | bytes,
        name: str | None,
        kind: str,
        message: str,
        limit: str = "max_file_bytes",
    ) -> DocumentResult:
        from leakclf.extractors import media_of  # load time: the extractors only when used
        from leakclf.scoring.unread import mark_unread  # load time: scoring on first use

        doc = Document(
            source=_label(source, name),
            parent=None,
            media_type=media_of(source, name, self.config),
            text="",
            sha256=_sha256_of(source),
            size=_size_of(source),
            error_kind=kind,
            error_message=message,
        )
        if kind == "LimitExceeded":  # the limit that stopped it (image pixels, tool time, ...)
            doc = dataclasses.replace(doc, limits_hit=(limit,))
        return mark_unread(_error_result(doc), "", self.scorer, has_children=False)


class Pipeline:
    #: What a scan's extract-ahead process builds to extract files for this pipeline's
    #: ``analyze_extracted`` (``leakclf.scan.batch.ExtractAhead``)
    extractor_type: ClassVar[type[Extractor]] = Extractor

    def __init__(self, config: Config | None = None) -> None:
        config = config or Config()
        if config.key is None:
            config = config.replace(key=process_key())
        self.config = config
        # Fail at construction, not halfway through a run: bad engine, unknown ids, bad policy.
        from leakclf.extractors import PDF_ENGINES

        if config.extract.pdf_engine not in PDF_ENGINES:
            raise ConfigError(
                f"unknown extract.pdf_engine {config.extract.pdf_engine!r}; "
                f"expected one of {PDF_ENGINES}"
            )
        self.detectors.check()
        self.scorer.check()
        self._seen: OrderedDict[bytes, Detection] = OrderedDict()  # text digest -> detection
        self._judged: OrderedDict[tuple[bytes, str, str, str], _Judged] = OrderedDict()

    @cached_property
    def detectors(self) -> DetectorSet:
        from leakclf.detectors import DetectorSet  # load time: the detectors only when used

        return DetectorSet(self.config)

    @cached_property
    def classifier(self) -> Classifier:
        from leakclf.doctypes import Classifier  # load time: the doc-type model only when used

        return Classifier(self.config)

    @cached_property
    def scorer(self) -> Scorer:
        from leakclf.scoring import Scorer  # load time: the scoring policy only when used

        return Scorer(self.config)

    # -- stages ---------------------------------------------------------------

    @cached_property
    def extractor(self) -> Extractor:
        return self.extractor_type(self.config, self.scorer)

    def extract(self, source: str | Path | bytes, *, name: str | None = None) -> list[Document]:
        return self.extractor.extract(source, name=name)

    def analyze(self, docs: Sequence[Document]) -> list[DocumentResult]:
        """Detect, classify and score extracted documents (NER batched across them)."""
        readable = [d for d in docs if d.status == "ok" or d.text]
        t0 = time.perf_counter()
        keys = [_text_key(d.text) for d in readable]
        detections = self._detect([d.text for d in readable], keys)
        per_doc_detect = (time.perf_counter() - t0) / max(len(readable), 1)
        by_source = {id(d): (key, det) for d, key, det in zip(readable, keys, detections)}
        parents = {d.parent for d in docs}
        results = []
        for doc in docs:
            found = by_source.get(id(doc))
            if found is None:
                result = _error_result(doc)
            else:
                result = self._result(doc, *found, per_doc_detect)
            results.append(self._unread(result, doc.text, doc.source in parents))
        from leakclf.scoring.contents import with_contents  # load time: scoring on first use

        return with_contents(results)

    def _detect(self, texts: list[str], keys: list[bytes]) -> list[Detection]:
        """``detect_many``, reading each distinct text once: detection is a function of the
        text alone, so a text seen before (by this pipeline, or earlier in ``texts``) reuses
        its detection, the same one reading it again would give. ``keys``: the texts'
        ``_text_key``."""
        todo: dict[bytes, str] = {}
        for key, text in zip(keys, texts):
            if key not in self._seen and key not in todo:
                todo[key] = text
        for key, det in zip(todo, self.detectors.detect_many(list(todo.values()))):
            self._seen[key] = det
        out = []
        for key in keys:
            self._seen.move_to_end(key)
            out.append(self._seen[key])
        while len(self._seen) > SEEN_TEXTS:
            self._seen.popitem(last=False)
        return out

    def load(self) -> None:
        """Load every model now (NER, doc types, policy) and import the extractors' libraries,
        instead of on the first document.

        A scan worker calls this before it reports ready, so no file's time budget pays for it;
        a scan's zygote calls it once, before it forks the workers.
        """
        from leakclf.extractors import warm  # load time: the extractors only when used

        if self.config.detect.ner:
            # load time: spaCy, without the command line it imports (see import_spacy)
            from leakclf.detectors.ner_model import import_spacy

            import_spacy()
        warm()
        self.analyze_text("Jane Roe of Contoso Ltd wrote to Paris on 1 March 2024.")

    def analyze_text(self, text: str, *, name: str = "<text>") -> DocumentResult:
        data = text.encode("utf-8", "surrogatepass")
        doc = Document(
            source=name,
            parent=None,
            media_type="text/plain",
            text=text,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
        )
        return self.analyze([doc])[0]

    def process(
        self, source: str | Path | bytes, *, name: str | None = None
    ) -> list[DocumentResult]:
        """Extract and analyze one file; file problems become error rows, never exceptions."""
        return self.process_many([(source, name)])[0]

    def process_many(
        self, files: Sequence[tuple[str | Path | bytes, str | None]]
    ) -> list[list[DocumentResult]]:
        """``process`` for several (source, name) files at once: each is extracted on its own,
        then all their documents are analysed together (NER batched across files). One list
        of rows per file, in order, the same rows ``process`` gives."""
        return self.analyze_extracted(self.extractor.extract_many(files))

    def analyze_extracted(self, extracted: Sequence[Extraction]) -> list[list[DocumentResult]]:
        """The second half of ``process_many``: the rows of files already extracted (by this
        pipeline's ``extractor``, or by an ``Extractor`` with the same config in another
        process)."""
        docs = [d for got, _ in extracted if not isinstance(got, DocumentResult) for d in got]
        analysed = iter(self.analyze(docs))
        out: list[list[DocumentResult]] = []
        for got, t_extract in extracted:
            if isinstance(got, DocumentResult):
                out.append([got])
                continue
            results = [next(analysed) for _ in got]
            share = t_extract / max(len(results), 1)
            out.append(
                [r.replace(timings={"extract": round(share, 6), **r.timings}) for r in results]
            )
        return out

    # -- helpers --------------------------------------------------------------

    def _judge(self, doc: Document, text_key: bytes, detection: Detection) -> _Judged:
        """Classification, findings (whose data each is), score and signature of ``doc``:
        kept for a document met again (the same attachment in several mails, the same file in
        several folders), which the classifier, the scorer and the signature read the same
        way: they read its text, name, meta and parts, and its detection is its text's."""
        key = (text_key, doc.name, doc.media_type, doc.sha256)
        known = self._judged.get(key)
        if known is not None and known.meta == doc.meta and known.parts == doc.parts:
            self._judged.move_to_end(key)
            return dataclasses.replace(known, timings=_UNTIMED)
        judged = self._judge_afresh(doc, detection)
        self._judged[key] = judged
        while len(self._judged) > SEEN_TEXTS:
            self._judged.popitem(last=False)
        return judged

    def _judge_afresh(self, doc: Document, detection: Detection) -> _Judged:
        from leakclf.scoring import subject  # load time: scoring on first use
        from leakclf.signatures import text_signature  # load time: numpy

        findings = detection.findings + _key_file_finding(doc, self.config)
        t1 = time.perf_counter()
        cls = self.classifier.classify(doc, findings)
        # whose data each finding is: after classification, it reads the doc type
        findings = subject.assign(doc, cls.doc_type, findings, uncertain=cls.uncertain)
        t2 = time.perf_counter()
        score = self.scorer.score(
            cls.doc_type, cls.signed, findings, doc_type_uncertain=cls.uncertain
        )
        t3 = time.perf_counter()
        text_sha, minhash = text_signature(doc.text, self.config.census)
        t4 = time.perf_counter()
        return _Judged(
            meta=doc.meta, parts=doc.parts, cls=cls, findings=findings, score=score,
            text_sha=text_sha, minhash=minhash,
            timings=(round(t2 - t1, 6), round(t3 - t2, 6), round(t4 - t3, 6)),
        )  # fmt: skip

    def _result(
        self, doc: Document, text_key: bytes, detection: Detection, detect_s: float
    ) -> DocumentResult:
        judged = self._judge(doc, text_key, detection)
        cls, findings, score = judged.cls, judged.findings, judged.score
        return DocumentResult(
            **_doc_fields(doc),
            doc_type=cls.doc_type,
            doc_type_scores=dict(cls.scores),
            doc_type_evidence=tuple(cls.evidence),
            signed=cls.signed,
            doc_type_confidence=cls.confidence,
            doc_type_uncertain=cls.uncertain,
            score=score.score,
            level=score.level,
            reasons=tuple(score.reasons),
            findings=tuple(findings),
            text_chars=len(doc.text),
            ner_chars=detection.ner_chars,
            text_sha256=judged.text_sha,
            minhash=judged.minhash,
            doc_date=_doc_date(doc),
            timings={
                "detect": round(detect_s, 6),
                **dict(zip(("classify", "score", "signature"), judged.timings)),
            },
        )

    def _unread(self, result: DocumentResult, text: str, has_children: bool) -> DocumentResult:
        """A result with no text gets its reason and the policy's unread score, never public."""
        from leakclf.scoring.unread import mark_unread  # load time: scoring on first use

        return mark_unread(result, text, self.scorer, has_children=has_children)


def _error_result(doc: Document) -> DocumentResult:
    return DocumentResult(**_doc_fields(doc))


def _doc_fields(doc: Document) -> dict[str, Any]:
    """A result's fields that come from the document itself (every row has them)."""
    return {
        "source": doc.source,
        "parent": doc.parent,
        "media_type": doc.media_type,
        "size": doc.size,
        "sha256": doc.sha256,
        "status": doc.status,
        "error_kind": doc.error_kind,
        "error_message": doc.error_message,
        "limits_hit": doc.limits_hit,
        # where the text came from (text layer, OCR) and what a container held
        "text_source": doc.text_source,
        "ocr_confidence": doc.ocr_confidence,
        "children_expected": doc.children_expected,
        "children_emitted": doc.children_emitted,
        "children_failed": doc.children_failed,
    }


@dataclasses.dataclass(frozen=True, slots=True)
class _Judged:
    """What ``Pipeline._judge`` works out for a document, with what it read besides the text
    (a document met again reuses it only when these are equal too) and the seconds it took
    (classify, score, signature)."""

    meta: dict[str, Any]
    parts: tuple[Part, ...]
    cls: Classification
    findings: tuple[Finding, ...]
    score: Score
    text_sha: str | None
    minhash: tuple[int, ...] | None
    timings: tuple[float, float, float]


_UNTIMED = (0.0, 0.0, 0.0)  # a document judged before: its stages took no time this time


def _text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _label(source: str | Path | bytes, name: str | None) -> str:
    if isinstance(source, bytes):
        return name or "<bytes>"
    return str(source) if name is None else name


def _sha256_of(source: str | Path | bytes) -> str:
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest()
    return ""  # not read: the file may be huge, unreadable or not a regular file


def _size_of(source: str | Path | bytes) -> int:
    if isinstance(source, bytes):
        return len(source)
    try:
        return Path(source).lstat().st_size
    except OSError:
        return 0


def _doc_date(doc: Document) -> str | None:
    for key in ("date", "modified", "created"):
        value = doc.meta.get(key)
        if value:
            return str(value)[:10]
    return None


def _key_file_finding(doc: Document, config: Config) -> tuple[Finding, ...]:
    """A key or credential file is a finding in itself, read or not (extractors.keyfiles)."""
    # load time: the extractors and the registry only once a key file is met
    from leakclf.extractors.keyfiles import KEYSTORE
    from leakclf.registry import KEY_FILE_LABEL

    kind = doc.meta.get("key_file")
    if not kind:
        return ()
    by_content = doc.meta.get("key_file_by") == "content"
    why = f"key file: {kind}, known by its {'content' if by_content else 'name'}"
    if doc.media_type == KEYSTORE:  # binary, with a keystore's extension or signature
        why += "; encrypted, not opened"
    sure = by_content or doc.media_type == KEYSTORE  # a .env or .ovpn by name alone is less sure
    finding = Finding(
        label=KEY_FILE_LABEL, start=0, end=0, confidence=0.95 if sure else 0.8,
        detector="extract.key_file/1", preview=kind, evidence=(why,),
        digest=digest(config.key or b"", KEY_FILE_LABEL, doc.sha256),
    )  # fmt: skip
    return (finding,)
