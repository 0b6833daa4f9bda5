"""Hostile inputs, generated in code into a folder (nothing large is kept in the repo).

``build_all(root)`` writes every input and returns one ``Case`` per top-level entry: what the
scan must say about it (allowed statuses and error kinds, limits that must be recorded) and,
for containers, a ``check`` on the rows of its children. ``HOSTILE_LIMITS`` are the small
limits the suite runs with, so the whole scan is quick.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leakclf.config import Limits, MiB

from .makers import (
    bad_boundary,
    blank_pdf,
    bomb_png,
    docx_bytes,
    encrypt_office,
    gzip_bomb,
    lying_zip,
    mail,
    many_attachments,
    nested,
    nested_bomb,
    pdf,
    random_bytes,
    text_png,
    zeros_zip,
    zip_bytes,
)

Row = dict[str, Any]

HOSTILE_LIMITS = Limits(
    max_file_bytes=4 * MiB,
    max_depth=10,
    max_members=200,
    max_total_uncompressed=32 * MiB,
    max_ratio=200.0,
    max_attachments=100,
    max_chars=200_000,
    max_pages=200,
    time_budget_s=10.0,  # roomy for a loaded CI box; hangs are cut at 10 s
    memory_budget_mb=1024,
)

EXTENSIONS = (
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "eml",
    "msg",
    "mbox",
    "html",
    "rtf",
    "txt",
    "csv",
    "zip",
    "tar",
    "tgz",
    "doc",
    "xls",
    "ppt",
    "odt",
    "ods",
    "odp",
    "pst",
    "png",
    "jpg",
    "tif",
    "gif",
    "bmp",
)
OUTSIDE_MARKER = "outside-secret-h8@example.org"  # written outside the root; must never be read
EVIL_NAMES = ("../../evil_h8_rel.txt", "/tmp/evil_h8_abs.txt", "..\\..\\evil_h8_win.txt")
ANY_ERROR = ("CorruptFile", "UnsupportedFormat")
# every case build_all makes, listed so that tests get one id each (a test pins the list)
FILE_CASES = [
    "pdf_truncated.pdf",
    "pdf_truncated_header.pdf",
    "pdf_garbage_xref.pdf",
    "pdf_encrypted.pdf",
    "pdf_blank_3000.pdf",
    *[f"{kind}.{ext}" for ext in EXTENSIONS for kind in ("zero", "random")],
    "docx_no_document.docx",
    "encrypted.docx",
    "bomb_honest.zip",
    "bomb_lying.zip",
    "bomb_nested.zip",
    "bomb.tgz",
    "members_5000.zip",
    "traversal.zip",
    "nested20.zip",
    "mime_bad_boundary.eml",
    "many_attachments.eml",
    "charset_ascii_is_utf8.eml",
    "charset_utf8_is_cp1252.eml",
    "charset_unknown.eml",
    "broken.mbox",
    "long_text.txt",
    "huge_sparse.txt",
    "image_bomb.png",
    "image_truncated.png",
    "keystore_random.p12",
]
SCAN_ONLY_CASES = [
    "bad-name-",
    "unreadable.txt",
    "fifo.txt",
    "loop_a.txt",
    "loop_b.txt",
    "outside_link.txt",
    "outside_dir",
]


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


def _check_members(top: Row, kids: list[Row]) -> None:
    assert len(kids) <= HOSTILE_LIMITS.max_members + 1, len(kids)
    assert sum(k["status"] == "ok" for k in kids) == HOSTILE_LIMITS.max_members


def _check_traversal(top: Row, kids: list[Row]) -> None:
    assert len(kids) == len(EVIL_NAMES) + 1, [k["source"] for k in kids]
    # the evil members share their bytes: a scan analyses one and marks the others its
    # duplicates; extraction alone (no scan) reads each
    statuses = [(k["source"], k["status"]) for k in kids]
    assert {s for _, s in statuses} <= {"ok", "duplicate"}, statuses
    assert sum(s == "ok" for _, s in statuses) >= 2, statuses  # fine.txt and one evil member
    canonical = {k["source"] for k in kids if k["status"] == "ok"}
    assert all(k.get("duplicate_of") in canonical for k in kids if k["status"] == "duplicate")


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
    good = pdf(["Hostile marker alpha", "second page bravo"])
    # cut in half: the first page survives and is read, marked damaged (extractors/pdf_salvage.py)
    put(
        "pdf_truncated.pdf",
        good[: len(good) // 2],
        ("ok",),
        (None,),
        limits=("damaged",),
        text="Hostile marker alpha",
    )
    put("pdf_truncated_header.pdf", good[:300], ("error",), ("CorruptFile",))
    cut = good.rfind(b"xref")
    garbage = (
        good[:cut] + b"xref\n0 9\ngarbage 99999 n\n" + b"\x00" * 50 + good[good.rfind(b"trailer") :]
    )
    put(
        "pdf_garbage_xref.pdf",
        garbage,
        ("ok",),
        (None,),  # pdfium rebuilds the xref
        text="Hostile marker alpha",
    )
    put(
        "pdf_encrypted.pdf",
        pdf(["secret"], owner_password="o", user_password="u"),
        ("error",),
        ("EncryptedFile",),
    )
    put(
        "pdf_blank_3000.pdf",
        blank_pdf(3000),
        ("ok",),
        (None,),
        limits=("max_pages",),
        text="first page of many blank ones",
    )

    # zero-byte and random-byte files under every extension
    for i, ext in enumerate(EXTENSIONS):
        put(f"zero.{ext}", b"", ("ok", "error", "unsupported"), (None, *ANY_ERROR))
        put(f"random.{ext}", random_bytes(i), ("error", "unsupported"), ANY_ERROR)

    # images (OCR): a header declaring 100,000 x 100,000 pixels; a PNG cut short
    put(
        "image_bomb.png",
        bomb_png(100_000, 100_000),
        ("skipped_limit",),
        ("LimitExceeded",),
        limits=("max_image_pixels",),
    )
    put("image_truncated.png", text_png()[:400], ("error",), ("CorruptFile",))
    # a key file is a finding even when its bytes are noise
    put("keystore_random.p12", b"\x30\x82" + random_bytes(99), ("ok",), (None,))

    # Office
    real = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    put(
        "docx_no_document.docx",
        zip_bytes({n: real.read(n) for n in real.namelist() if n != "word/document.xml"}),
        ("error",),
        ("CorruptFile",),
    )
    put(
        "encrypted.docx",
        encrypt_office(docx_bytes("encrypted body")),
        ("error",),
        ("EncryptedFile",),
    )

    # archives
    put("bomb_honest.zip", zeros_zip(1024), ("ok",), (None,), check=_check_bomb)
    put("bomb_lying.zip", lying_zip(), ("ok",), (None,), check=_check_lying)
    put("bomb_nested.zip", nested_bomb(), ("ok",), (None,), check=_check_nested_bomb)
    put("bomb.tgz", gzip_bomb(256), ("skipped_limit",), ("LimitExceeded",))
    put(
        "members_5000.zip",
        zip_bytes({f"m{i:04d}.txt": b"member %d" % i for i in range(5000)}),
        ("ok",),
        (None,),
        limits=("max_members",),
        check=_check_members,
    )
    put(
        "traversal.zip",
        zip_bytes(
            {**{n: b"traversal member text" for n in EVIL_NAMES}, "fine.txt": b"a fine member"}
        ),
        ("ok",),
        (None,),
        check=_check_traversal,
        text="traversal member text",
    )
    put("nested20.zip", nested(20), ("ok",), (None,), check=_check_nested20)

    # mail
    put("mime_bad_boundary.eml", bad_boundary(), ("ok",), (None,), text="first part text")
    put(
        "many_attachments.eml",
        many_attachments(3000),
        ("ok",),
        (None,),
        limits=("max_attachments",),
        check=_check_many,
    )
    for name, charset, body, text in (
        ("charset_ascii_is_utf8.eml", "us-ascii", "Grüße aus Köln, Straße".encode(), "Köln"),
        ("charset_utf8_is_cp1252.eml", "utf-8", "Grüße aus Köln, Straße".encode("cp1252"), "Köln"),
        ("charset_unknown.eml", "x-no-such-charset", b"plain words here \xe9\xe8", "plain words"),
    ):
        put(
            name,
            mail(
                f'Subject: charset\r\nContent-Type: text/plain; charset="{charset}"\r\n'
                "Content-Transfer-Encoding: 8bit\r\n",
                body,
            ),
            ("ok",),
            (None,),
            text=text,
        )
    put(
        "broken.mbox",
        b"From a@example.com Mon Mar  2 10:00:00 2020\nSubject: one\n\nbody one\n"
        b">From an escaped line\nFrom \n\nbody without headers\nFrom b@example.com\nSubject: cut",
        ("ok",),
        (None,),
    )

    # text and file-system oddities
    put(
        "long_text.txt",
        b"lorem ipsum dolor sit amet " * 12_000,
        ("ok",),
        (None,),
        limits=("max_chars",),
        text="lorem ipsum",
    )
    with open(root / "huge_sparse.txt", "wb") as fh:
        fh.truncate(1 << 30)  # 1 GiB, sparse: costs nothing on disk unless read
    cases.append(
        Case("huge_sparse.txt", ("skipped_limit",), ("LimitExceeded",), limits=("max_file_bytes",))
    )
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
        cases.append(
            Case(name, ("unsupported", "error"), ("Symlink", "Unreadable"), scan_only=True)
        )
    (outside / "secret.txt").write_text(f"mail {OUTSIDE_MARKER}\n")
    os.symlink(outside / "secret.txt", root / "outside_link.txt")
    cases.append(Case("outside_link.txt", ("error",), ("SymlinkOutsideRoot",), scan_only=True))
    os.symlink(outside, root / "outside_dir")
    cases.append(Case("outside_dir", ("error",), ("SymlinkOutsideRoot",), scan_only=True))
    return cases
