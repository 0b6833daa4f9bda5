"""Outlook .msg (extract-msg): headers, body (the HTML body when there is no text body), attachments.

The text has the same shape as an .eml (``headers``, ``body``, ``quoted`` parts); attached
Outlook messages are exported to bytes in memory and recursed.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any

from leakclf.errors import CorruptFile
from leakclf.extractors.base import Child, Job, iso
from leakclf.extractors.mail import add_body, add_headers
from leakclf.extractors.text import decode, visible_text


def extract_msg_file(data: bytes, job: Job) -> None:
    import extract_msg  # load time: extract_msg only when used

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        msg = extract_msg.openMsg(io.BytesIO(data))
    values = {
        "From": getattr(msg, "sender", None),
        "To": getattr(msg, "to", None),
        "Cc": getattr(msg, "cc", None),
        "Bcc": getattr(msg, "bcc", None),
        "Date": str(getattr(msg, "date", None) or "") or None,
        "Subject": getattr(msg, "subject", None),
    }
    add_headers(job, {k: " ".join(str(v).split()) for k, v in values.items() if v})
    job.meta["date"] = iso(getattr(msg, "date", None))
    job.meta["message_id"] = getattr(msg, "messageId", None)
    body = getattr(msg, "body", None) or ""
    html = getattr(msg, "htmlBody", None)
    if not body.strip() and isinstance(html, bytes):
        body = visible_text(decode(html))[0]
    add_body(job, body)
    job.children = _msg_attachments(msg, job)


def _msg_attachments(msg: Any, job: Job) -> Iterator[Child]:
    try:
        attachments = list(getattr(msg, "attachments", []))
        job.expected = len(attachments)
        for n, att in enumerate(attachments, 1):
            if n > job.ctx.limits.max_attachments:
                job.hit("max_attachments")
                return
            name = (
                (
                    getattr(att, "longFilename", None)
                    or getattr(att, "shortFilename", None)
                    or f"attachment-{n}.bin"
                )
                .replace("\\", "/")
                .rsplit("/", 1)[-1]
            )
            try:
                data = att.data
                if hasattr(data, "exportBytes"):  # an attached Outlook message
                    data = data.exportBytes()
                    name = name if name.lower().endswith(".msg") else f"message-{n}.msg"
            except Exception as exc:  # noqa: BLE001 — one broken attachment does not stop the others
                yield Child(
                    name,
                    None,
                    CorruptFile(
                        f"{job.label}!/{name}: attachment could not be read ({type(exc).__name__})",
                        source=f"{job.label}!/{name}",
                    ),
                )
                continue
            yield Child(name, data if isinstance(data, bytes) else b"")
    finally:
        msg.close()
