"""PowerPoint 97-2003 (.ppt): the text of the current edit, read from the record stream.

A .ppt saved incrementally keeps every earlier edit in the file; ``catppt`` prints the text of
all of them (a deck saved three times comes out three times). This reader follows the
``Current User`` stream to the last ``UserEditAtom``, merges the persist directories of the
edit chain (newer entries win) and reads text atoms only from the records that edit uses:
the document's slide lists (outline text, one ``slide`` part per slide), then the text of
shapes on each slide, the speaker notes of each notes page (``notes``), then the masters' own text (a "DRAFT" or "Confidential"
mark on every slide), without their placeholder prompts, and the header/footer strings. [MS-PPT] 2.3.3 (Current User), 2.3.4, 2.4.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

from leakclf.errors import CorruptFile
from leakclf.extractors.base import Job

_DOCUMENT, _SLIDE, _NOTES, _MAIN_MASTER = 0x03E8, 0x03EE, 0x03F0, 0x03F8
_SLIDE_LIST, _SLIDE_PERSIST = 0x0FF0, 0x03F3
_TEXT_CHARS, _TEXT_BYTES, _CSTRING = 0x0FA0, 0x0FA8, 0x0FBA
_USER_EDIT, _PERSIST_DIR, _HEADERS_FOOTERS = 0x0FF5, 0x1772, 0x0FD9
#: The placeholder prompts of a master slide, not text anyone wrote.
_PROMPTS = ("Click to edit", "Second level", "Third level", "Fourth level", "Fifth level")
_MAX_RECORDS = 1_000_000  # records walked per file: a loop or a bomb stops here


def extract_ppt(data: bytes, job: Job) -> None:
    import olefile  # load time: olefile only when used

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        stream = ole.openstream("PowerPoint Document").read()
        current = ole.openstream("Current User").read() if ole.exists("Current User") else b""
    offsets = _persist_offsets(stream, current, job)
    doc_id = offsets.pop("doc", None)
    if doc_id is None or doc_id not in offsets:
        raise CorruptFile(
            f"{job.label}: the presentation has no document record; the file is damaged — "
            "re-copy it or open it in PowerPoint",
            source=job.label,
        )
    budget = [_MAX_RECORDS]
    lists: dict[str, list[int]] = {"slide": [], "master": [], "notes": []}
    for kind, texts, persist in _slide_lists(stream, offsets[doc_id], budget):
        if persist is not None:
            lists[kind].append(persist)
        if kind == "slide":
            job.text.add(kind, "\n".join(texts), f"slide {len(lists['slide'])}")
    footers = list(_headers_footers(stream, offsets[doc_id], budget))
    job.text.add("footer", "\n".join(dict.fromkeys(footers)))
    records = [
        *(("slide", f"slide {i} shapes", p) for i, p in enumerate(lists["slide"], 1)),
        *(("notes", f"notes {i}", p) for i, p in enumerate(lists["notes"], 1)),
        *(("slide", "master", p) for p in lists["master"]),
    ]
    for kind, name, persist in records:
        if job.over_time() or job.text.full:
            return
        at = offsets.get(persist)
        if at is not None:
            texts = [t for t in _texts(stream, at, budget) if not t.startswith(_PROMPTS)]
            job.text.add(kind, "\n".join(texts), name)


def _persist_offsets(stream: bytes, current: bytes, job: Job) -> dict[int | str, int]:
    """persistId -> stream offset for the current edit, plus "doc": the document's persistId."""
    if len(current) >= 20:
        (edit_at,) = struct.unpack_from("<I", current, 16)
    else:  # no Current User stream: the last UserEditAtom in the file
        edit_at = stream.rfind(struct.pack("<HHI", 0, _USER_EDIT, 28))
    out: dict[int | str, int] = {}
    seen: set[int] = set()
    while edit_at and edit_at not in seen and 0 <= edit_at < len(stream) - 8:
        seen.add(edit_at)
        _ver, rtype, _length = struct.unpack_from("<HHI", stream, edit_at)
        if rtype != _USER_EDIT:
            raise CorruptFile(
                f"{job.label}: the presentation's edit chain is broken; the file is damaged — "
                "re-copy it or open it in PowerPoint",
                source=job.label,
            )
        last, dir_at, doc_ref = struct.unpack_from("<III", stream, edit_at + 16)
        out.setdefault("doc", doc_ref)
        for pid, offset in _directory(stream, dir_at):
            out.setdefault(pid, offset)  # the newest edit is read first and wins
        edit_at = last
    return out


def _directory(stream: bytes, at: int) -> Iterator[tuple[int, int]]:
    _ver, rtype, length = struct.unpack_from("<HHI", stream, at)
    if rtype != _PERSIST_DIR:
        return
    pos, end = at + 8, min(at + 8 + length, len(stream))
    while pos + 4 <= end:
        (entry,) = struct.unpack_from("<I", stream, pos)
        first, count = entry & 0xFFFFF, entry >> 20
        pos += 4
        for k in range(count):
            if pos + 4 > end:
                return
            yield first + k, struct.unpack_from("<I", stream, pos)[0]
            pos += 4


def _records(
    stream: bytes, start: int, end: int, budget: list[int]
) -> Iterator[tuple[int, int, int, int]]:
    """(type, instance, body start, body end) of each record in [start, end)."""
    pos = start
    while pos + 8 <= end:
        budget[0] -= 1
        if budget[0] < 0:
            return
        ver_inst, rtype, length = struct.unpack_from("<HHI", stream, pos)
        body = pos + 8
        stop = min(body + length, end)
        yield rtype, ver_inst >> 4, body, stop
        if (ver_inst & 0xF) == 0xF:  # a container: descend
            yield from _records(stream, body, stop, budget)
        pos = body + length


def _text(stream: bytes, rtype: int, start: int, end: int) -> str | None:
    if rtype in (_TEXT_CHARS, _CSTRING):
        return stream[start:end].decode("utf-16-le", "replace").replace("\r", "\n")
    if rtype == _TEXT_BYTES:
        return stream[start:end].decode("latin-1").replace("\r", "\n")
    return None


def _slide_lists(
    stream: bytes, at: int, budget: list[int]
) -> Iterator[tuple[str, list[str], int | None]]:
    """(part kind, texts, slide persistId) per slide in the document's slide lists."""
    _ver, rtype, length = struct.unpack_from("<HHI", stream, at)
    if rtype != _DOCUMENT:
        return
    end = min(at + 8 + length, len(stream))
    for rtype, inst, start, stop in _records(stream, at + 8, end, budget):
        if rtype != _SLIDE_LIST:
            continue
        kind = {0: "slide", 1: "master", 2: "notes"}.get(inst, "slide")
        texts: list[str] = []
        persist: int | None = None
        started = False
        for sub, _i, s, e in _records(stream, start, stop, budget):
            if sub == _SLIDE_PERSIST:
                if started:
                    yield kind, texts, persist
                texts, started = [], True
                persist = struct.unpack_from("<I", stream, s)[0] if e - s >= 4 else None
            elif (text := _text(stream, sub, s, e)) is not None and sub != _CSTRING:
                texts.append(text)
        if started:
            yield kind, texts, persist


def _headers_footers(stream: bytes, at: int, budget: list[int]) -> Iterator[str]:
    """Header, footer and date strings of the document (a "DRAFT" footer on every slide)."""
    _ver, _rtype, length = struct.unpack_from("<HHI", stream, at)
    end = min(at + 8 + length, len(stream))
    for rtype, _inst, start, stop in _records(stream, at + 8, end, budget):
        if rtype == _HEADERS_FOOTERS:
            for sub, _i, s, e in _records(stream, start, stop, budget):
                text = _text(stream, sub, s, e)
                if sub == _CSTRING and text and text.strip():
                    yield text.strip()


def _texts(stream: bytes, at: int, budget: list[int]) -> Iterator[str]:
    """Text atoms inside the record at ``at`` (a slide's shapes)."""
    if at + 8 > len(stream):
        return
    _ver, _rtype, length = struct.unpack_from("<HHI", stream, at)
    end = min(at + 8 + length, len(stream))
    for rtype, _inst, start, stop in _records(stream, at + 8, end, budget):
        text = _text(stream, rtype, start, stop)
        if text is not None and rtype != _CSTRING and text.strip():
            yield text
