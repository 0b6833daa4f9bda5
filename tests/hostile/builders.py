"""Hostile inputs, generated in code into a folder (nothing large is kept in the repo).

``build_all(root)`` writes every input and returns one ``Case`` per top-level entry: what the
scan must say about it (allowed statuses and error kinds, limits that must be recorded) and,
for containers, a ``check`` on the rows of its children. ``HOSTILE_LIMITS`` are the small
limits the suite runs with, so the whole scan is quick.
"""

from __future__ import annotations

import io
import os
import random
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leakclf.config import MiB, Limits

Row = dict[str, Any]

HOSTILE_LIMITS = Limits(
    max_file_bytes=4 * MiB,
    max_depth=10,
    max_members=200,
    max_total_uncompressed=32 * MiB,
    max_ratio=200.0,
    max_attachments=100,
    max_chars=1_000_000,
    max_pages=200,
    time_budget_s=5.0,
    memory_budget_mb=1024,
)

EXTENSIONS = ("pdf", "docx", "xlsx", "pptx", "eml", "msg", "mbox", "html", "rtf", "txt", "csv",
              "zip", "tar", "tgz")
OUTSIDE_MARKER = "outside-secret-h8@example.org"  # written outside the root; must never be read
EVIL_NAMES = ("../../evil_h8_rel.txt", "/tmp/evil_h8_abs.txt", "..\\..\\evil_h8_win.txt")
ANY_ERROR = ("CorruptFile", "UnsupportedFormat")
# every case build_all makes, listed so that tests get one id each (a test pins the list)
FILE_CASES = [
    "pdf_truncated.pdf", "pdf_garbage_xref.pdf", "pdf_encrypted.pdf", "pdf_blank_3000.pdf",
    *[f"{kind}.{ext}" for ext in EXTENSIONS for kind in ("zero", "random")],
    "docx_no_document.docx", "encrypted.docx", "bomb_honest.zip", "bomb_lying.zip",
    "bomb_nested.zip", "traversal.zip", "nested20.zip", "mime_bad_boundary.eml",
    "many_attachments.eml", "charset_ascii_is_utf8.eml", "charset_utf8_is_cp1252.eml",
    "charset_unknown.eml", "broken.mbox", "long_text.txt", "huge_sparse.txt",
]
SCAN_ONLY_CASES = ["bad-name-", "unreadable.txt", "fifo.txt", "loop_a.txt", "loop_b.txt",
                   "outside_link.txt", "outside_dir"]


@dataclass(frozen=True)
class Case:
    name: str  # path relative to the root as the scan names it ("<root>/<name>")
    statuses: tuple[str, ...]
    kinds: tuple[str | None, ...]
    limits: tuple[str, ...] = ()  # each must be in the top row's limits_hit
    check: Callable[[Row, list[Row]], None] | None = None  # (top row, child rows)
    scan_only: bool = False  # a file-system object (link, FIFO): only the walker sees it
    prefix: bool = False  # match rows whose name starts with ``name`` (undecodable names)
    text: str | None = None  # some extracted document's text must contain this


# -- small helpers ----------------------------------------------------------------------------


def _pdf(pages: list[str], **encryption: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.cell(text=text)
    return bytes(pdf.output())


def blank_pdf(pages: int) -> bytes:
    """A PDF with text on page 1 and ``pages - 1`` empty pages, written object by object."""
    text = b"BT /F1 12 Tf 72 720 Td (first page of many blank ones) Tj ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{i + 5} 0 R" for i in range(pages))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} /MediaBox [0 0 612 792] >>")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append(f"<< /Length {len(text)} >>\nstream\n{text.decode()}\nendstream")
    objs.append("<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
    objs += ["<< /Type /Page /Parent 2 0 R >>"] * (pages - 1)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(f"{num} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def docx_bytes(text: str = "Hostile docx body") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes], level: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def tar_bytes(members: dict[str, bytes], gz: bool = False) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz" if gz else "w") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def random_bytes(seed: int, size: int = 4096) -> bytes:
    """Binary noise (with NULs) that starts with no known magic number."""
    rng = random.Random(seed)
    return b"\x00\xff\x00" + bytes(rng.getrandbits(8) for _ in range(size))


def _mail(headers: str, body: bytes) -> bytes:
    base = (
        "From: Sender <sender@example.com>\r\nTo: rcpt@example.net\r\n"
        "Date: Mon, 2 Mar 2020 10:00:00 +0000\r\n"
        "Message-ID: <h8@example.com>\r\nMIME-Version: 1.0\r\n"
    )
    return (base + headers + "\r\n").encode() + body


# -- checks on children -----------------------------------------------------------------------


def _check_bomb(top: Row, kids: list[Row]) -> None:
    assert len(kids) == 1, [k["source"] for k in kids]
    assert kids[0]["status"] == "skipped_limit" and kids[0]["error_kind"] == "LimitExceeded"
    assert kids[0]["limits_hit"], "the member row must say which limit stopped it"


def _check_lying(top: Row, kids: list[Row]) -> None:
    assert len(kids) == 1, [k["source"] for k in kids]
    assert kids[0]["error_kind"] in ("CorruptFile", "LimitExceeded"), kids[0]
    assert kids[0]["text_chars"] <= HOSTILE_LIMITS.max_chars


def _check_nested_bomb(top: Row, kids: list[Row]) -> None:
    inner = [k for k in kids if k["source"].endswith(".zip")]
    assert sorted(k["source"].rsplit("!/", 1)[-1] for k in inner) == [
        f"inner{i:02d}.zip" for i in range(16)
    ]
    hit = [r for r in [top, *kids] if "max_total_uncompressed" in (r["limits_hit"] or [])]
    assert hit, "16 x 3 MiB must hit max_total_uncompressed (32 MiB)"
    assert sum(k["text_chars"] for k in kids) <= HOSTILE_LIMITS.max_total_uncompressed


def _check_traversal(top: Row, kids: list[Row]) -> None:
    assert len(kids) == len(EVIL_NAMES) + 1, [k["source"] for k in kids]
    assert all(k["status"] == "ok" for k in kids), [(k["source"], k["status"]) for k in kids]


def _check_nested20(top: Row, kids: list[Row]) -> None:
    limited = [k for k in kids if k["error_kind"] == "LimitExceeded"]
    assert len(limited) == 1 and "max_depth" in limited[0]["limits_hit"], limited
    # depth 0 is the file itself: rows for levels 1..max_depth, then the one refused member
    assert HOSTILE_LIMITS.max_depth - 1 <= len(kids) <= HOSTILE_LIMITS.max_depth + 1, len(kids)
    assert not any(k["source"].endswith("core.txt") for k in kids)


def _check_many(top: Row, kids: list[Row]) -> None:
    ok = [k for k in kids if k["status"] == "ok"]
    assert len(ok) == HOSTILE_LIMITS.max_attachments, len(ok)
    assert all(k["status"] == "skipped_limit" for k in kids if k["status"] != "ok")


def _check_ok_kids(count: int) -> Callable[[Row, list[Row]], None]:
    def check(top: Row, kids: list[Row]) -> None:
        assert [k["status"] for k in kids] == ["ok"] * count, [(k["source"], k["status"]) for k in kids]

    return check


# -- the suite --------------------------------------------------------------------------------


def build_all(root: Path, outside: Path) -> list[Case]:
    """Write every hostile input under ``root`` (and one file in ``outside``)."""
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def put(name: str, data: bytes, *args: Any, **kw: Any) -> None:
        (root / name).write_bytes(data)
        cases.append(Case(name, *args, **kw))

    # PDFs
    good = _pdf(["Hostile marker alpha", "second page bravo"])
    put("pdf_truncated.pdf", good[: len(good) // 2], ("error",), ("CorruptFile",))
    cut = good.rfind(b"xref")
    garbage = good[:cut] + b"xref\n0 9\ngarbage 99999 n\n" + b"\x00" * 50 + good[good.rfind(b"trailer"):]
    put("pdf_garbage_xref.pdf", garbage, ("ok",), (None,),  # pdfium rebuilds the xref
        text="Hostile marker alpha")
    put("pdf_encrypted.pdf", _pdf(["secret"], owner_password="o", user_password="u"),
        ("error",), ("EncryptedFile",))
    put("pdf_blank_3000.pdf", blank_pdf(3000), ("ok",), (None,), limits=("max_pages",),
        text="first page of many blank ones")

    # zero-byte and random-byte files under every extension
    for i, ext in enumerate(EXTENSIONS):
        put(f"zero.{ext}", b"", ("ok", "error", "unsupported"), (None, *ANY_ERROR))
        put(f"random.{ext}", random_bytes(i), ("error", "unsupported"), ANY_ERROR)

    # Office
    real = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    put("docx_no_document.docx",
        zip_bytes({n: real.read(n) for n in real.namelist() if n != "word/document.xml"}),
        ("error",), ("CorruptFile",))
    put("encrypted.docx", _encrypt_office(docx_bytes("encrypted body")), ("error",), ("EncryptedFile",))

    # archives
    put("bomb_honest.zip", _zeros_zip(1024), ("ok",), (None,), check=_check_bomb)
    put("bomb_lying.zip", _lying_zip(), ("ok",), (None,), check=_check_lying)
    put("bomb_nested.zip", _nested_bomb(), ("ok",), (None,), check=_check_nested_bomb)
    put("traversal.zip", zip_bytes({**{n: b"traversal member text" for n in EVIL_NAMES},
                                    "fine.txt": b"a fine member"}),
        ("ok",), (None,), check=_check_traversal, text="traversal member text")
    put("nested20.zip", _nested(20), ("ok",), (None,), check=_check_nested20)

    # mail
    put("mime_bad_boundary.eml", _bad_boundary(), ("ok",), (None,), text="first part text")
    put("many_attachments.eml", _many_attachments(3000), ("ok",), (None,),
        limits=("max_attachments",), check=_check_many)
    for name, charset, body, text in (
        ("charset_ascii_is_utf8.eml", "us-ascii", "Grüße aus Köln, Straße".encode(), "Köln"),
        ("charset_utf8_is_cp1252.eml", "utf-8", "Grüße aus Köln, Straße".encode("cp1252"), "Köln"),
        ("charset_unknown.eml", "x-no-such-charset", b"plain words here \xe9\xe8", "plain words"),
    ):
        put(name, _mail(f'Subject: charset\r\nContent-Type: text/plain; charset="{charset}"\r\n'
                        "Content-Transfer-Encoding: 8bit\r\n", body), ("ok",), (None,), text=text)
    put("broken.mbox", b"From a@example.com Mon Mar  2 10:00:00 2020\nSubject: one\n\nbody one\n"
        b">From an escaped line\nFrom \n\nbody without headers\nFrom b@example.com\nSubject: cut",
        ("ok",), (None,))

    # text and file-system oddities
    put("long_text.txt", b"lorem ipsum dolor sit amet " * 60_000, ("ok",), (None,),
        limits=("max_chars",), text="lorem ipsum")
    with open(root / "huge_sparse.txt", "wb") as fh:
        fh.truncate(1 << 30)  # 1 GiB, sparse: costs nothing on disk unless read
    cases.append(Case("huge_sparse.txt", ("skipped_limit",), ("LimitExceeded",),
                      limits=("max_file_bytes",)))
    with open(os.path.join(os.fsencode(root), b"bad-name-\xff\xfe.txt"), "wb") as fh:
        fh.write(b"text under a name that is not UTF-8")
    cases.append(Case("bad-name-", ("ok",), (None,), prefix=True, scan_only=True))
    unreadable = root / "unreadable.txt"
    unreadable.write_bytes(b"no permission to read this")
    unreadable.chmod(0)
    # root ignores file modes: the file is read; anyone else gets an error row
    if os.geteuid() == 0:
        cases.append(Case("unreadable.txt", ("ok",), (None,), scan_only=True))
    else:
        cases.append(Case("unreadable.txt", ("error",), ("Unreadable",), scan_only=True))
    os.mkfifo(root / "fifo.txt")
    cases.append(Case("fifo.txt", ("unsupported",), ("SpecialFile",), scan_only=True))
    os.symlink("loop_b.txt", root / "loop_a.txt")
    os.symlink("loop_a.txt", root / "loop_b.txt")
    for name in ("loop_a.txt", "loop_b.txt"):
        cases.append(Case(name, ("unsupported", "error"), ("Symlink", "Unreadable"), scan_only=True))
    (outside / "secret.txt").write_text(f"mail {OUTSIDE_MARKER}\n")
    os.symlink(outside / "secret.txt", root / "outside_link.txt")
    cases.append(Case("outside_link.txt", ("error",), ("SymlinkOutsideRoot",), scan_only=True))
    os.symlink(outside, root / "outside_dir")
    cases.append(Case("outside_dir", ("error",), ("SymlinkOutsideRoot",), scan_only=True))
    return cases


def _encrypt_office(plain: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("hostile-pw", out)
    return out.getvalue()


def _zeros_zip(mib: int) -> bytes:
    """One member of ``mib`` MiB of zeros, sizes declared honestly (ratio ~1000)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("zeros.bin", "w", force_zip64=True) as fh:
            chunk = bytes(MiB)
            for _ in range(mib):
                fh.write(chunk)
    return buf.getvalue()


def _lying_zip() -> bytes:
    """A member that declares 1 KiB but inflates to 64 MiB (headers patched after writing)."""
    data = bytes(64 * MiB)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = comp.compress(data) + comp.flush()
    crc = zlib.crc32(data)  # of the real content: a reader that stops at 1 KiB sees a bad CRC
    name = b"liar.txt"
    local = (b"PK\x03\x04" + (20).to_bytes(2, "little") + bytes(2) + (8).to_bytes(2, "little")
             + bytes(4) + crc.to_bytes(4, "little") + len(stream).to_bytes(4, "little")
             + (1024).to_bytes(4, "little") + len(name).to_bytes(2, "little") + bytes(2) + name)
    central = (b"PK\x01\x02" + (20).to_bytes(2, "little") * 2 + bytes(2) + (8).to_bytes(2, "little")
               + bytes(4) + crc.to_bytes(4, "little") + len(stream).to_bytes(4, "little")
               + (1024).to_bytes(4, "little") + len(name).to_bytes(2, "little") + bytes(12) + name)
    cd_offset = len(local) + len(stream)
    end = (b"PK\x05\x06" + bytes(4) + (1).to_bytes(2, "little") * 2
           + len(central).to_bytes(4, "little") + cd_offset.to_bytes(4, "little") + bytes(2))
    return local + stream + central + end


def _nested_bomb() -> bytes:
    """16 inner zips of one 3 MiB member each (ratio ~70, under max_ratio and max_file_bytes):
    48 MiB in all, over max_total_uncompressed."""
    rng = random.Random(9)
    block = bytearray(4096)
    blob = bytearray()
    for _ in range(3 * 256):
        block[:40] = bytes(rng.getrandbits(8) for _ in range(40))
        blob += block
    inner = zip_bytes({"blob.txt": bytes(blob)})
    return zip_bytes({f"inner{i:02d}.zip": inner for i in range(16)}, level=0)


def _nested(depth: int) -> bytes:
    """``depth`` archives inside each other (zip, tar, tgz in turn), core.txt at the bottom."""
    data, name = b"the core of the onion", "core.txt"
    for level in range(depth, 0, -1):
        kind = ("zip", "tar", "tgz")[level % 3] if level > 1 else "zip"
        wrapped = {name: data}
        data = zip_bytes(wrapped) if kind == "zip" else tar_bytes(wrapped, gz=kind == "tgz")
        name = f"level{level:02d}.{kind}"
    return data


def _bad_boundary() -> bytes:
    body = (b"preamble\r\n--xyz\r\nContent-Type: text/plain\r\n\r\nfirst part text\r\n"
            b"--abc\r\nContent-Type: text/html\r\n\r\n<p>second part\r\n--ab")
    return _mail('Subject: boundaries\r\nContent-Type: multipart/mixed; boundary="abc"\r\n', body)


def _many_attachments(count: int) -> bytes:
    parts = [b"--B\r\nContent-Type: text/plain\r\n\r\nthe body of a mail with many attachments\r\n"]
    for i in range(count):
        parts.append(
            f'--B\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="a{i:04d}.txt"'
            f"\r\n\r\nattachment {i}\r\n".encode()
        )
    parts.append(b"--B--\r\n")
    return _mail('Subject: many\r\nContent-Type: multipart/mixed; boundary="B"\r\n', b"".join(parts))
