"""Turn a file into Documents: the file itself first, then every child in order, recursively.

    extract("dump/mail.eml", config=cfg) -> [mail.eml, mail.eml!/q3.pdf, mail.eml!/a.zip, ...]

Only the top-level file raises (the ``ExtractionError`` tree); a child that fails becomes a
Document with ``error_kind`` and ``error_message`` and the parent goes on. Members and
attachments live in memory only. Each format family is one module; ``leakclf.registry``
maps sniffed media types to their handlers.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path

from leakclf.config import Config
from leakclf.errors import (
    ConfigError,
    CorruptFile,
    ExtractionError,
    LimitExceeded,
    UnsupportedFormat,
)
from leakclf.extractors.base import Child, Context, Job, TextBuilder, clean_meta, limit_error
from leakclf.extractors.keyfiles import key_file
from leakclf.extractors.reuse import Kept, Reuse
from leakclf.extractors.sniff import DOCX, MSG, PPTX, PST, XLSX, sniff
from leakclf.model import Document, Part

PDF_ENGINES = ("pdfium", "pdfminer")

#: What the common formats' handlers import on first use (about 0.4 CPU s in all). ``warm()``
#: imports them now: a scan's zygote does, so the workers it forks do not each import them.
WARM_MODULES = (
    "leakclf.registry",
    "lxml.etree",
    "openpyxl",
    "pptx.oxml",
    "pptx.shapes.group",
    "pptx.slide",
    "pypdfium2",
    "striprtf.striprtf",
)


def warm() -> None:
    """Import the libraries of ``WARM_MODULES`` now (one that is not installed is skipped)."""
    import importlib  # load time: only when warming up

    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def extract(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    config: Config,
    reuse: Reuse | None = None,
) -> list[Document]:
    """The documents in ``source`` (a path, or bytes with a ``name``), parent before children.
    ``reuse``: documents extracted before with this ``config`` (from this file or others),
    read instead of extracted again when the same content comes under the same name."""
    if config.extract.pdf_engine not in PDF_ENGINES:
        raise ConfigError(
            f"unknown extract.pdf_engine {config.extract.pdf_engine!r}; expected one of {PDF_ENGINES}"
        )
    if reuse is not None:
        reuse.bind(config)
    ctx = Context(config)
    if isinstance(source, bytes):
        label = name or "<bytes>"
        if len(source) > config.limits.max_file_bytes:
            raise limit_error(label, "max_file_bytes", f"is {len(source)} bytes")
        data = source
    else:
        label = name or str(source)
        data = _read_path(Path(source), label, config.limits.max_file_bytes)
    out: list[Document] = []
    _extract_one(data, label, None, 0, ctx, out, reuse, top=True)
    return out


def media_of(source: str | Path | bytes, name: str | None, config: Config) -> str:
    """The media type of a top-level file that could not be extracted, for its error row:
    sniffed from the content when it can be read within the limits, else guessed from the
    extension (a file too big to read), else ``application/octet-stream``."""
    label = name or ("<bytes>" if isinstance(source, bytes) else str(source))
    base = label.rsplit("/", 1)[-1]
    media = "application/octet-stream"
    try:
        if isinstance(source, bytes):
            data = source[: config.limits.max_file_bytes]
        else:
            data = _read_path(Path(source), label, config.limits.max_file_bytes)
        media = sniff(data, base) if data.strip() else media
    except ExtractionError:
        pass  # a link, a FIFO, unreadable, too big: never read here either
    if media == "application/octet-stream":
        import mimetypes  # load time: only for files that failed

        ext = base.rpartition(".")[2].lower() if "." in base else ""
        # then Python's built-in table (no system mime.types files), so every machine agrees
        guessed = _BY_EXTENSION.get(ext) or mimetypes.MimeTypes().guess_type(base)[0]
        media = guessed or media
    return media


#: Formats leakclf reads that Python's built-in table does not know by extension.
_BY_EXTENSION = {
    "docx": DOCX, "xlsx": XLSX, "pptx": PPTX, "msg": MSG, "pst": PST, "ost": PST,
    "mbox": "application/mbox", "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation", "rtf": "application/rtf",
    "tgz": "application/gzip", "gz": "application/gzip",
}  # fmt: skip


def _read_path(path: Path, label: str, max_bytes: int) -> bytes:
    """Read a regular file; never follow a symlink, never open a FIFO or device."""
    try:
        st = path.lstat()
    except OSError as exc:
        raise CorruptFile(
            f"{label}: cannot be read ({exc.strerror}); check the path and permissions",
            source=label,
        ) from exc
    if not stat.S_ISREG(st.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "not a regular file"
        raise UnsupportedFormat(
            f"{label}: is {kind}; leakclf reads regular files only (links, FIFOs and devices "
            "are never opened) — scan the target file itself",
            source=label,
        )
    if st.st_size > max_bytes:
        raise limit_error(label, "max_file_bytes", f"is {st.st_size} bytes")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped since lstat
                raise UnsupportedFormat(f"{label}: is not a regular file; not opened", source=label)
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise CorruptFile(
            f"{label}: cannot be read ({exc.strerror}); check the path and permissions",
            source=label,
        ) from exc
    if len(data) > max_bytes:
        raise limit_error(label, "max_file_bytes", "grew past the size limit while being read")
    return data


def _extract_one(
    data: bytes,
    label: str,
    parent: str | None,
    depth: int,
    ctx: Context,
    out: list[Document],
    reuse: Reuse | None,
    *,
    top: bool = False,
) -> None:
    """Append the Document for ``data`` and then its children; raise only when ``top``."""
    sha256 = hashlib.sha256(data).hexdigest()
    # the name too: the sniffer, the key-file check and the mbox handler read it
    key = (sha256, label.rsplit("/", 1)[-1])
    kept = reuse.get(key) if reuse is not None else None
    if kept is not None and kept.fits(ctx):
        kept.spend(ctx)
        known = kept.doc
        out.append(replace(known, source=label, parent=parent, depth=depth, meta=dict(known.meta)))
        return
    spent = (ctx.unpacked, ctx.ocr_pages)
    media = sniff(data, key[1])
    base = Document(
        source=label, parent=parent, media_type=media, text="", depth=depth,
        sha256=sha256, size=len(data),
    )  # fmt: skip
    job = Job(label=label, media_type=media, ctx=ctx, text=TextBuilder(ctx.limits.max_chars))
    try:
        _run(data, job)
    except ExtractionError as exc:
        if top:
            raise
        out.append(_failed(base, exc))
        return
    if found := key_file(data, label.rsplit("!/", 1)[-1]):
        job.meta["key_file"], job.meta["key_file_by"] = found
    index = len(out)
    out.append(base)  # a placeholder: the parent comes before its children
    error, emitted, failed = _children(job, label, depth, ctx, out, reuse)
    if job.text.full:
        job.hit("max_chars")
    text = job.text.text()
    if top and error is not None and len(out) == index + 1:
        raise error
    if top and job.limits and not text and len(out) == index + 1:
        raise limit_error(label, job.limits[0], "hit a limit before any text could be read")
    container = job.expected is not None or emitted > 0
    done = replace(
        base, media_type=job.media_type, text=text, parts=tuple(job.text.parts),
        meta=clean_meta(job.meta), limits_hit=tuple(job.limits),
        text_source=_text_source(job.text.parts), ocr_confidence=_ocr_confidence(job),
        children_expected=job.expected if container else None,
        children_emitted=emitted if container else None,
        children_failed=failed if container else None,
    )  # fmt: skip
    out[index] = _failed(done, error) if error is not None else done
    if reuse is not None and error is None and not container and not job.limits:
        reuse.put(key, Kept(done, ctx.unpacked - spent[0], ctx.ocr_pages - spent[1]))


def _text_source(parts: list[Part]) -> str | None:
    """ "text", "ocr" or "mixed" from the parts that hold text; None when there is none."""
    sources = {p.source for p in parts if p.end > p.start}
    if not sources:
        return None
    return sources.pop() if len(sources) == 1 else "mixed"


def _ocr_confidence(job: Job) -> float | None:
    """Mean OCR word confidence over every OCR'd page, weighted by its words."""
    pages = [(n, c) for n, c in job.ocr_words if c is not None and n > 0]
    words = sum(n for n, _ in pages)
    return round(sum(n * c for n, c in pages) / words, 2) if words else None


def _failed(doc: Document, exc: ExtractionError) -> Document:
    """``doc`` marked as failed with ``exc`` (kind, message, and the limit if one was hit)."""
    limits = doc.limits_hit
    if isinstance(exc, LimitExceeded) and exc.limit and exc.limit not in limits:
        limits += (exc.limit,)
    return replace(doc, error_kind=exc.kind, error_message=str(exc), limits_hit=limits)


#: Extensions of formats leakclf reads: a file named so whose content is not, is mislabeled.
_CLAIMS = {
    "pdf", "docx", "xlsx", "pptx", "eml", "msg", "mbox", "html", "htm", "rtf", "txt", "csv",
    "json", "xml", "log", "zip", "tar", "tgz", "gz", "doc", "xls", "ppt", "odt", "ods", "odp",
    "pst", "ost", "png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp",
}  # fmt: skip


def _run(data: bytes, job: Job) -> None:
    """Run the handler for ``job.media_type``; library exceptions become CorruptFile."""
    # the registry imports this package: looked up when called
    from leakclf.registry import EXTRACTORS

    handler = EXTRACTORS.get(job.media_type)
    if handler is None:
        ext = job.label.rsplit("/", 1)[-1].rpartition(".")[2].lower()
        if ext in _CLAIMS and job.media_type == "application/octet-stream":
            raise CorruptFile(
                f"{job.label}: the name says .{ext} but the content is not recognisable as any "
                "format; the file is damaged or mislabeled — check its origin",
                source=job.label,
            )
        claim = f"the name says .{ext} but " if ext in _CLAIMS else ""
        raise UnsupportedFormat(
            f"{job.label}: {claim}the content is {job.media_type}, not a format leakclf reads; "
            "see docs/formats.md for the supported ones",
            source=job.label,
        )
    if not data.strip():
        what = "is empty (0 bytes)" if not data else f"holds only whitespace ({len(data)} bytes)"
        raise CorruptFile(
            f"{job.label}: {what}; nothing to extract — check whether the copy was truncated",
            source=job.label,
        )
    try:
        handler(data, job)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 — libraries raise anything on damaged input; keep the type only
        raise corrupt(job, exc) from None  # the cause's text may quote the document


def corrupt(job: Job, exc: BaseException) -> CorruptFile:
    """A CorruptFile naming the file and the library exception type (never its text)."""
    return CorruptFile(
        f"{job.label}: could not be read as {job.media_type} ({type(exc).__name__}); the file "
        "is damaged or not what it claims to be — try opening it in its own application",
        source=job.label,
    )


def _children(
    job: Job, label: str, depth: int, ctx: Context, out: list[Document], reuse: Reuse | None
) -> tuple[ExtractionError | None, int, int]:
    """Extract each child in order: (the container's own failure, rows emitted, rows failed)."""
    iterator = iter(job.children)
    emitted = failed = 0
    while True:
        at = len(out)  # where this child's own row goes
        try:
            child = next(iterator)
        except StopIteration:
            return None, emitted, failed
        except ExtractionError as exc:
            return exc, emitted, failed
        except Exception as exc:  # noqa: BLE001 — the container broke part-way: keep what came before
            return corrupt(job, exc), emitted, failed
        if job.over_time():  # checked before each child; the rest are not read
            return None, emitted, failed
        source = f"{label}!/{child.name}"
        if child.error is None and depth + 1 > ctx.limits.max_depth:
            job.hit("max_depth")
            child = Child(
                child.name, child.data, limit_error(source, "max_depth", "is nested too deep")
            )
        if child.error is not None or child.data is None:
            _failed_child(child, source, label, depth + 1, out)
        else:
            _extract_one(child.data, source, label, depth + 1, ctx, out, reuse)
        emitted += 1
        failed += out[at].status != "ok"


def _failed_child(child: Child, source: str, parent: str, depth: int, out: list[Document]) -> None:
    data = child.data or b""
    exc = child.error or CorruptFile(f"{source}: has no content", source=source)
    media = sniff(data, source) if data else "application/octet-stream"
    digest = hashlib.sha256(data).hexdigest() if data else ""
    doc = Document(source=source, parent=parent, media_type=media, text="", sha256=digest,
                   size=len(data), depth=depth)  # fmt: skip
    out.append(_failed(doc, exc))


__all__ = ["Reuse", "extract", "media_of"]
