"""Outlook PST/OST: every message a child ``.eml`` named by its folder path, attachments below it.

Two independent readers, so that a reader dropping messages shows in the counts:

- **readpst** (Debian ``pst-utils``, libpst) writes the messages: ``readpst -e -D -b`` gives one
  RFC 822 file per message (deleted items included) with its attachments and attached Outlook
  messages as MIME parts, in a folder tree named like the mailbox. It runs through
  ``tools.run`` (timeout, memory limit, file-size limit, a private temporary folder that is
  read back and removed). Each message becomes a child ``<folder path>/<n>.eml``, so the
  folder is the provenance in every row's ``source``, and the mail reader turns its
  attachments into grandchildren.
- **libpff** (``libpff-python`` wheels from PyPI) counts the messages of every folder, without
  decoding them: ``children_expected``. A PST that libpff cannot open falls back to readpst's
  own per-folder tally.

A message readpst did not write is therefore visible as ``children_expected`` above
``children_emitted``; the gap is also in ``limits_hit`` as ``messages_missing``.

readpst numbers its MIME boundaries at random; they are renumbered in order, so the same PST
gives the same messages, byte for byte (digests, sizes, duplicates and resumed scans agree).
"""

from __future__ import annotations

import io
import re

from leakclf.errors import UnsupportedFormat
from leakclf.extractors.base import Child, Job
from leakclf.extractors.tools import ToolMissing, failed, run

_TALLY = re.compile(rb'"[^"\n]*" - (\d+) items done, (\d+) items skipped')
_BOUNDARY = re.compile(rb"boundary-LibPST-iamunique-(\d+)_-_-")
_NUMBER = re.compile(r"(\d+)")


def extract_pst(data: bytes, job: Job) -> None:
    counted = count_messages(data)
    try:
        ran = run(job, ["readpst", "-e", "-D", "-b", "-j", "0", "-o", "{output}", "{input}"],
                  data=data, suffix=".pst")  # fmt: skip
    except ToolMissing:
        raise UnsupportedFormat(
            f"{job.label}: an Outlook PST/OST mailbox needs readpst, which is not installed; "
            "install Debian's pst-utils (`make system`) and scan again",
            source=job.label,
        ) from None
    messages = [(path, body) for path, body in ran.files if path.lower().endswith(".eml")]
    if ran.returncode != 0 and not messages:
        raise failed(job, "readpst", ran)
    tally = sum(int(done) for done, _skipped in _TALLY.findall(ran.stdout))
    job.expected = counted if counted is not None else tally
    job.meta["messages"] = job.expected
    job.meta["folders"] = len({path.rsplit("/", 1)[0] for path, _ in messages})
    if len(messages) < job.expected:
        job.hit("messages_missing")
    messages.sort(key=lambda m: _order(m[0]))
    job.children = _messages(messages, job)


def _messages(messages: list[tuple[str, bytes]], job: Job) -> list[Child]:
    out: list[Child] = []
    for n, (path, body) in enumerate(messages, 1):
        if n > job.ctx.limits.max_members:
            job.hit("max_members")
            break
        out.append(Child(path, _stable_boundaries(body)))
    return out


def _stable_boundaries(body: bytes) -> bytes:
    """readpst's random boundary numbers as 1, 2, ... in the order they first appear."""
    numbers: dict[bytes, bytes] = {}

    def renumber(m: re.Match[bytes]) -> bytes:
        n = numbers.setdefault(m.group(1), b"%d" % (len(numbers) + 1))
        return b"boundary-LibPST-iamunique-" + n + b"_-_-"

    return _BOUNDARY.sub(renumber, body)


def _order(path: str) -> tuple[str, int]:
    folder, _, name = path.rpartition("/")
    m = _NUMBER.match(name)
    return folder, int(m.group(1)) if m else 0


def count_messages(data: bytes) -> int | None:
    """Messages in every folder according to libpff; None when libpff cannot read the file."""
    try:
        import pypff  # load time: libpff only for a PST
    except ImportError:
        return None
    pst = pypff.file()
    try:
        pst.open_file_object(io.BytesIO(data))
    except OSError:
        return None
    try:
        total, stack, seen = 0, [pst.get_root_folder()], 0
        while stack and seen < 100_000:
            folder = stack.pop()
            seen += 1
            total += folder.number_of_sub_messages
            stack.extend(folder.get_sub_folder(i) for i in range(folder.number_of_sub_folders))
        return total
    except OSError:
        return None
    finally:
        pst.close()
