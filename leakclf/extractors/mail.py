"""Mail: .eml (stdlib email, modern policy) and .mbox (a child per message); .msg is in outlook.py.

The text starts with a ``headers`` part (From/To/Cc/Bcc/Date/Subject lines) so detectors see
the addresses, then the ``body`` and, where a reply marker is found, the ``quoted`` text.
Attachments and attached messages become children; nothing is written to disk.
"""

from __future__ import annotations

import email
import email.policy
import mimetypes
import re
from collections.abc import Iterator
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage, Message

from leakclf.errors import EncryptedFile
from leakclf.extractors.base import Child, Job, iso
from leakclf.extractors.sniff import utf16_order
from leakclf.extractors.text import decode, visible_text

HEADER_FIELDS = ("From", "To", "Cc", "Bcc", "Date", "Subject")
_QUOTE = re.compile(
    r"^(>|On .{0,300}wrote:\s*$|-{2,}\s*Original Message\s*-{2,}|From: .+\n(Sent|Date): )",
    re.MULTILINE,
)
_BOILERPLATE = re.compile(
    r"(?i)^(this is a (multi-?part|mime)[\w -]*message|[\w -]*mime format)[\w .-]*$"
)
_ENCRYPTED = ("application/pkcs7-mime", "application/x-pkcs7-mime", "multipart/encrypted")
# A message starts at a "From " line at the start or after a newline (which the match takes):
# (?:\A|\n)From [^\n]*\n, as two regexes that begin with a literal (30x faster to search).
_MBOX_FIRST = re.compile(rb"From [^\n]*\n")
_MBOX_NEXT = re.compile(rb"\nFrom [^\n]*\n")
_MBOX_UNESCAPE = re.compile(rb"(?m)^>(>*From )")


def add_headers(job: Job, values: dict[str, str | None]) -> None:
    """The header lines at the top of the text, and mail meta."""
    lines = [f"{k}: {v}" for k in HEADER_FIELDS if (v := values.get(k))]
    job.text.add("headers", "\n".join(lines))
    for key in ("From", "To", "Cc", "Bcc", "Subject"):
        job.meta[key.lower()] = values.get(key)


def add_body(job: Job, text: str) -> None:
    """Body text, split into the new message and the quoted text it replies to."""
    text = text.replace("\r\n", "\n")
    m = _QUOTE.search(text)
    if m and text[: m.start()].strip():
        job.text.add("body", text[: m.start()])
        job.text.add("quoted", text[m.start() :])
    else:
        job.text.add("body", text)


# -- .eml ----------------------------------------------------------------------


class _ParsedOnce(HeaderRegistry):
    """The default header registry, but each (name, value) is parsed once per message.

    The modern policy parses a header again on every access (``msg["Date"]``, and
    ``get_content_type`` for each look at a part), about 30 parses per mail for a handful of
    distinct headers. Header objects are immutable, so handing out the same one is safe.
    """

    def __init__(self) -> None:
        super().__init__()
        self._parsed: dict[tuple[str, str], BaseHeader] = {}

    def __call__(self, name: str, value: str) -> BaseHeader:
        key = (name, value)
        header = self._parsed.get(key)
        if header is None:
            header = self._parsed[key] = super().__call__(name, value)
        return header


def extract_eml(data: bytes, job: Job) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_order(data[:512]):
        data = decode(data).encode("utf-8")
    data = data.lstrip(b"\xef\xbb\xbf \t\r\n")  # a BOM or blank lines before the headers
    if data.startswith(b">From "):  # an escaped mbox From line (readpst's attached messages)
        data = data.split(b"\n", 1)[-1]
    policy = email.policy.default.clone(header_factory=_ParsedOnce())
    msg = email.message_from_bytes(data, policy=policy)
    values = {name: _header(msg, name) for name in HEADER_FIELDS}
    add_headers(job, values)
    job.meta["date"] = _date(msg)
    job.meta["message_id"] = _header(msg, "Message-ID")
    bodies = _bodies(msg)
    main = bodies[0] if bodies else None
    text = _part_text(main) if main is not None else ""
    if not text.strip() and len(bodies) > 1:
        text = _part_text(bodies[1])
    add_body(job, text)
    job.text.add("body", "\n\n".join(_preambles(msg)), "MIME preamble")
    job.children = _attachments(msg, {id(b) for b in bodies}, job)


def _date(msg: Message) -> str | None:
    try:
        return iso(getattr(msg["Date"], "datetime", None))
    except Exception:  # noqa: BLE001 — a malformed Date header: no date
        return None


def _header(msg: Message, name: str) -> str | None:
    try:
        value = msg[name]
        return " ".join(str(value).split()) if value is not None else None
    except Exception:  # noqa: BLE001 — the modern parser can fail on a broken header; use the raw bytes
        for key, raw in msg.raw_items() if isinstance(msg, EmailMessage) else msg.items():
            if key.lower() == name.lower():
                return " ".join(str(raw).split())
        return None


def _bodies(msg: EmailMessage) -> list[Message]:
    """The preferred body part (plain, then HTML) and its alternative, if any."""
    out: list[Message] = []
    for pref in (("plain",), ("html",)):
        try:
            part = msg.get_body(preferencelist=pref)
        except Exception:  # noqa: BLE001 — a damaged MIME tree: no body found this way
            part = None
        if part is not None and all(part is not p for p in out):
            out.append(part)
    return out


def _part_text(part: Message) -> str:
    """A text part decoded: its declared charset if the bytes fit it, else UTF-8, else detected."""
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        content = _decode_declared(payload, part.get_content_charset())
    else:
        raw = part.get_payload()
        content = raw if isinstance(raw, str) else ""
    if part.get_content_type() == "text/html":
        return visible_text(content)[0]
    return content


def _decode_declared(payload: bytes, charset: str | None) -> str:
    for encoding in (charset or "utf-8", "utf-8"):  # declared charsets often lie
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return decode(payload)


def _preambles(msg: Message) -> Iterator[str]:
    """Text before the first and after the last MIME boundary, which clients hide."""
    for part in msg.walk():
        for text in (part.preamble, part.epilogue):
            if text and text.strip() and not _BOILERPLATE.match(text.strip()):
                yield text.strip()


def _attachments(msg: EmailMessage, bodies: set[int], job: Job) -> Iterator[Child]:
    count = inline = 0
    job.expected = 0  # attachments the MIME tree declares, counted as they are met
    for part in _leaves(msg):
        if id(part) in bodies:
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and _inline_text(part):
            add_body(job, _part_text(part))  # a second inline text part belongs to the body
            inline += 1
            continue
        filename = _filename(part)
        count += 1
        job.expected = count
        if count > job.ctx.limits.max_attachments:
            job.hit("max_attachments")  # the rest are counted from raw headers, not opened
            job.expected = max(count, _raw_leaf_count(msg) - len(bodies) - inline)
            return
        if ctype in _ENCRYPTED or part.get_param("smime-type") == "enveloped-data":
            name = filename or f"attachment-{count}.p7m"
            yield Child(
                name,
                None,
                EncryptedFile(
                    f"{job.label}!/{name}: an encrypted mail part (S/MIME or PGP); leakclf never "
                    "decrypts — decrypt the message with the recipient's key and scan it",
                    source=f"{job.label}!/{name}",
                ),
            )
        elif ctype == "message/rfc822":
            yield Child(filename or f"message-{count}.eml", _message_bytes(part))
        else:
            ext = mimetypes.guess_extension(ctype) or ".bin"
            payload = part.get_payload(decode=True)
            yield Child(
                filename or f"attachment-{count}{ext}",
                payload if isinstance(payload, bytes) else b"",
            )


def _raw_leaf_count(part: Message) -> int:
    """What ``_leaves`` would yield, counted from raw Content-Type headers (nothing parsed)."""
    ctype = next((str(v) for k, v in part.raw_items() if k.lower() == "content-type"), "")
    ctype = ctype.split(";", 1)[0].strip().lower()
    if ctype in ("message/rfc822", "multipart/encrypted") or not part.is_multipart():
        return 1
    payload = part.get_payload()
    return sum(_raw_leaf_count(p) for p in payload if isinstance(p, Message))


def _inline_text(part: Message) -> bool:
    """A text/plain part with no file name that is not an attachment: more of the body."""
    return part.get_content_disposition() != "attachment" and not _filename(part)


def _leaves(part: Message) -> Iterator[Message]:
    if part.get_content_type() in ("message/rfc822", "multipart/encrypted"):
        yield part  # an attached message, or PGP/MIME ciphertext as one unit
    elif part.is_multipart():
        for sub in part.get_payload():  # type: ignore[union-attr]
            if isinstance(sub, Message):
                yield from _leaves(sub)
    else:
        yield part


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001 — a broken RFC 2231 parameter
        return None
    return name.replace("\\", "/").rsplit("/", 1)[-1] or None if name else None


def _message_bytes(part: Message) -> bytes:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else payload
    if isinstance(inner, Message):
        try:
            return inner.as_bytes(policy=email.policy.default)
        except Exception:  # noqa: BLE001 — headers the generator cannot refold
            return inner.as_bytes(policy=email.policy.compat32)
    raw = part.get_payload(decode=True)
    return raw if isinstance(raw, bytes) else b""


# -- .mbox ---------------------------------------------------------------------


def extract_mbox(data: bytes, job: Job) -> None:
    """A child per message; a single message under a name other than ``.mbox`` (an ``.eml``
    saved with its mbox ``From `` line) is that message: one document, not a folder of one."""
    first = _MBOX_FIRST.match(data)
    rest = _MBOX_NEXT.finditer(data, first.end() if first else 0)
    splits = [first, *rest] if first else list(rest)
    if len(splits) == 1 and not job.label.lower().endswith(".mbox"):
        job.media_type = "message/rfc822"
        extract_eml(_MBOX_UNESCAPE.sub(rb"\1", data[splits[0].end() :]), job)
        return
    job.children = _mbox_messages(data, splits, job)


def _mbox_messages(data: bytes, splits: list[re.Match[bytes]], job: Job) -> Iterator[Child]:
    starts = [m.end() for m in splits]  # the "From " lines, found once
    ends = [m.start() for m in splits][1:] + [len(data)]
    job.meta["messages"] = job.expected = len(starts)
    for n, (start, end) in enumerate(zip(starts, ends), 1):
        if n > job.ctx.limits.max_members:
            job.hit("max_members")
            return
        yield Child(f"message-{n}.eml", _MBOX_UNESCAPE.sub(rb"\1", data[start:end]))
