"""Media types from content: magic bytes, the zip directory, OLE stream names, text shape.

The name is used only to pick a text subtype (csv vs plain) once the content is known to be text.
"""

from __future__ import annotations

import io
import re
import zipfile

from leakclf.extractors.keyfiles import KEYSTORE, is_keystore

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MSG = "application/vnd.ms-outlook"
PST = "application/vnd.ms-outlook-pst"
OOXML_ENCRYPTED = "application/x-ooxml-encrypted"
#: OpenDocument kinds read as ``application/vnd.oasis.opendocument.<kind>``.
ODF_KINDS = (
    "text", "text-template", "text-master", "spreadsheet", "spreadsheet-template",
    "presentation", "presentation-template", "graphics", "graphics-template",
)  # fmt: skip

_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF8", "image/gif"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"BM", "image/bmp"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"OggS", "audio/ogg"),
    (0, b"fLaC", "audio/flac"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"BZh", "application/x-bzip2"),
    (0, b"\xfd7zXZ\x00", "application/x-xz"),
    (0, b"\x28\xb5\x2f\xfd", "application/zstd"),
    (0, b"\x7fELF", "application/x-executable"),
    (0, b"MZ", "application/x-msdownload"),
    (0, b"%!PS", "application/postscript"),
    (0, b"SQLite format 3\x00", "application/vnd.sqlite3"),
    (0, b"!BDN", PST),
    (0, b"\x1f\x8b", "application/gzip"),
    (257, b"ustar", "application/x-tar"),
    (4, b"ftyp", "video/mp4"),
)

_OLE_STREAMS: tuple[tuple[str, str], ...] = (
    ("EncryptedPackage", OOXML_ENCRYPTED),
    ("__properties_version1.0", MSG),
    ("WordDocument", "application/msword"),
    ("Workbook", "application/vnd.ms-excel"),
    ("Book", "application/vnd.ms-excel"),
    ("PowerPoint Document", "application/vnd.ms-powerpoint"),
)

_ZIP_MAIN: tuple[tuple[str, str], ...] = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
)

_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]{1,76}:[ \t]?\S?")  # Exchange's are long
_MAIL_HEADERS = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "received",
    "return-path",
    "mime-version",
    "delivered-to",
    "reply-to",
    "sender",
    "content-type",
    "x-mailer",
}
_TEXT_SUBTYPES = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/json",
    "xml": "application/xml",
    "log": "text/x-log",
    "md": "text/markdown",
}
TEXT_TYPES = ("text/plain", *_TEXT_SUBTYPES.values())


def sniff(data: bytes, name: str = "") -> str:
    """The media type of ``data``, decided from its content."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_type(data)
    if data.startswith(OLE_MAGIC):
        return _ole_type(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if is_keystore(data, name, binary=head_text(data) is None):
        return KEYSTORE
    for offset, magic, media in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if len(magic) < 4 and head_text(data) is not None:
                continue  # "MZ", "BZh", "ID3" also start ordinary text
            return media
    at = data.find(b"%PDF-", 0, 1024)
    if at > 0 and head_text(data[:at]) is None:  # PDF readers accept binary junk before the header
        return "application/pdf"
    if data.startswith(b"{\\rtf"):
        return "application/rtf"
    head = head_text(data)
    if head is None:
        return "application/octet-stream"
    return _text_type(head, name)


_CONTROLS = bytes(b for b in range(32) if b < 9 or b > 13)  # control bytes text rarely holds


def head_text(data: bytes, size: int = 4096) -> str | None:
    """The start of ``data`` as text (UTF-8/16 or a single-byte charset); None if binary."""
    chunk = data[:size]
    if chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_order(chunk):
        return chunk.decode(utf16_order(chunk) or "utf-16", "replace")
    if b"\x00" in chunk:
        return None
    controls = len(chunk) - len(chunk.translate(None, _CONTROLS))
    if chunk and controls / len(chunk) > 0.05:
        return None
    return chunk.decode("utf-8", "replace")


def utf16_order(chunk: bytes) -> str | None:
    """'utf-16-be'/'utf-16-le' for BOM-less UTF-16 of mostly ASCII text, else None."""
    if chunk.startswith(b"\xfe\xff"):
        return "utf-16"
    if chunk.startswith(b"\xff\xfe"):
        return "utf-16"
    sample = chunk[:512]
    if len(sample) < 8:
        return None
    evens, odds = sample[0::2], sample[1::2]
    if evens.count(0) > 0.8 * len(evens) and odds.count(0) < 0.1 * len(odds):
        return "utf-16-be"
    if odds.count(0) > 0.8 * len(odds) and evens.count(0) < 0.1 * len(evens):
        return "utf-16-le"
    return None


def _text_type(head: str, name: str) -> str:
    stripped = head.lstrip("\ufeff \t\r\n")
    low = stripped[:200].lower()
    if low.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        low.startswith("<?xml") and "<html" in head[:1000].lower()
    ):
        return "text/html"
    if stripped.startswith(">From ") and _looks_like_mail(stripped.split("\n", 1)[-1]):
        return "message/rfc822"  # an attached message as readpst writes it (escaped From line)
    if stripped.startswith("From ") and _looks_like_mail(stripped.split("\n", 1)[-1]):
        return "application/mbox"
    if _looks_like_mail(stripped):
        return "message/rfc822"
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in ("htm", "html") and "<" in stripped:
        return "text/html"
    return _TEXT_SUBTYPES.get(ext, "text/plain")


def _looks_like_mail(text: str) -> bool:
    """At least two header lines first, one of them a known mail header."""
    known = headers = 0
    for line in text.splitlines()[:40]:
        if not line.strip():
            break
        if line[:1] in " \t":
            continue  # folded continuation
        if not _HEADER.match(line):
            return False
        headers += 1
        known += line.split(":", 1)[0].lower() in _MAIL_HEADERS
    return headers >= 2 and known >= 1


def _zip_type(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and zf.getinfo("mimetype").file_size < 200:
                mime = zf.read("mimetype").decode("ascii", "replace").strip()
                if mime.startswith("application/vnd.oasis.opendocument"):
                    return mime
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return "application/zip"  # the archive handler reports the damage
    for part, media in _ZIP_MAIN:
        if part in names:
            return media
    if "[Content_Types].xml" in names:  # an OOXML package missing its main part: a damaged one
        for part, media in _ZIP_MAIN:
            folder = part.split("/", 1)[0] + "/"
            if any(n.startswith(folder) for n in names):
                return media
    return "application/zip"


def _ole_type(data: bytes) -> str:
    import olefile  # load time: olefile only when used

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:  # bytes < 1536 would be a path
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # noqa: BLE001 — olefile raises plain OSError and others on damage
        return "application/x-ole-storage"
    for stream, media in _OLE_STREAMS:
        if stream in streams:
            return media
    if any(s.startswith("__substg1.0_") for s in streams):
        return MSG
    return "application/x-ole-storage"
