"""Truncated, corrupt, encrypted, zero-byte and mislabeled files: each family gets its typed error.

Messages name the file and what to do, and never quote document content.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

import leakclf
from leakclf.config import Config
from leakclf.errors import CorruptFile, EncryptedFile, ExtractionError, UnsupportedFormat

from . import make

SECRET = "SECRET-CANARY-7731"
NOISE = random.Random(7).randbytes(4000)


def _msg() -> bytes:

    from tests.conftest import SHARED

    path = SHARED / "email" / "fake-email.msg"
    if not path.exists():
        pytest.skip(f"real-world fixtures not found at {SHARED}")
    return path.read_bytes()


def _canary_pdf() -> bytes:
    return make.pdf_bytes((f"page with {SECRET}",))


def _half(build: Callable[[], bytes]) -> Callable[[], bytes]:
    return lambda: build()[: len(build()) // 2]


def _scrambled(build: Callable[[], bytes]) -> Callable[[], bytes]:
    """The first 64 bytes kept (magic intact), the rest noise."""

    def go() -> bytes:
        data = build()
        return data[:64] + NOISE[: len(data) - 64] + SECRET.encode()

    return go


def _encrypted_zip() -> bytes:
    data = bytearray(make.zip_bytes({"a.txt": SECRET.encode()}))
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" flag bit
        at = data.index(sig)
        data[at + off] |= 0x1
    return bytes(data)


def _smime_mail() -> bytes:
    return make.eml_bytes(attachments=(("smime.p7m", NOISE, "application/pkcs7-mime"),))


TOP = [
    # truncated
    # (a PDF cut after its pages is read, salvaged: tests/extractors/test_damaged_pdf.py)
    pytest.param(lambda: _canary_pdf()[:200], "t.pdf", CorruptFile, id="pdf-cut-before-a-page"),
    pytest.param(_half(make.docx_bytes), "t.docx", CorruptFile, id="docx-truncated"),
    pytest.param(_half(make.xlsx_bytes), "t.xlsx", CorruptFile, id="xlsx-truncated"),
    pytest.param(_half(make.pptx_bytes), "t.pptx", CorruptFile, id="pptx-truncated"),
    pytest.param(_half(_msg), "t.msg", CorruptFile, id="msg-truncated"),
    pytest.param(
        _half(lambda: make.zip_bytes({"a.txt": NOISE})), "t.zip", CorruptFile, id="zip-truncated"
    ),
    pytest.param(
        _half(lambda: make.tar_bytes({"a.txt": NOISE * 4})),
        "t.tar",
        CorruptFile,
        id="tar-truncated",
    ),
    pytest.param(_half(lambda: make.gz_bytes(NOISE)), "t.gz", CorruptFile, id="gz-truncated"),
    # corrupt (right magic, garbage after)
    pytest.param(_scrambled(_canary_pdf), "c.pdf", CorruptFile, id="pdf-corrupt"),
    pytest.param(_scrambled(make.docx_bytes), "c.docx", CorruptFile, id="docx-corrupt"),
    pytest.param(_scrambled(make.xlsx_bytes), "c.xlsx", CorruptFile, id="xlsx-corrupt"),
    pytest.param(_scrambled(_msg), "c.msg", CorruptFile, id="msg-corrupt"),
    pytest.param(_scrambled(lambda: make.gz_bytes(NOISE)), "c.gz", CorruptFile, id="gz-corrupt"),
    # encrypted
    pytest.param(lambda: make.pdf_bytes(password="pw"), "e.pdf", EncryptedFile, id="pdf-encrypted"),
    pytest.param(make.encrypted_docx_bytes, "e.docx", EncryptedFile, id="ooxml-encrypted"),
    # zero bytes and whitespace only
    *[
        pytest.param(lambda: b"", f"z.{ext}", CorruptFile, id=f"{ext}-zero-bytes")
        for ext in ("pdf", "docx", "eml", "msg", "zip", "txt")
    ],
    pytest.param(lambda: b"   \n\n  \n", "w.eml", CorruptFile, id="eml-whitespace-only"),
    # mislabeled
    *[
        pytest.param(lambda: NOISE, f"m.{ext}", CorruptFile, id=f"random-bytes-named-{ext}")
        for ext in ("pdf", "docx", "xlsx", "eml", "msg", "zip")
    ],
    pytest.param(
        lambda: b"\x89PNG\r\n\x1a\n" + NOISE, "photo.pdf", CorruptFile, id="png-header-then-noise"
    ),
    pytest.param(lambda: NOISE, "blob.bin", UnsupportedFormat, id="unknown-binary"),
    # legacy office: the main stream holds noise
    pytest.param(
        lambda: make.legacy_ole_bytes("WordDocument"), "l.doc", CorruptFile, id="legacy-doc-noise"
    ),
    pytest.param(
        lambda: make.legacy_ole_bytes("Workbook"), "l.xls", CorruptFile, id="legacy-xls-noise"
    ),
    pytest.param(
        lambda: make.legacy_ole_bytes("PowerPoint Document"),
        "l.ppt",
        CorruptFile,
        id="legacy-ppt-noise",
    ),
    pytest.param(
        lambda: make.legacy_ole_bytes("SomethingElse"), "o.ole", UnsupportedFormat, id="other-ole"
    ),
]


@pytest.mark.parametrize(("build", "name", "error"), TOP)
def test_top_level_typed_error(
    build: Callable[[], bytes], name: str, error: type[ExtractionError]
) -> None:
    with pytest.raises(ExtractionError) as info:
        leakclf.extract(build(), name=f"dump/{name}", config=Config())
    exc = info.value
    assert type(exc) is error
    message = str(exc)
    assert message.startswith(f"dump/{name}: ") and exc.source == f"dump/{name}"
    assert SECRET not in message and ";" in message  # what was wrong; what to do


CHILDREN = [
    pytest.param(_encrypted_zip, "a.txt", "EncryptedFile", id="zip-member-encrypted"),
    pytest.param(_smime_mail, "smime.p7m", "EncryptedFile", id="smime-mail-part-encrypted"),
    pytest.param(
        lambda: make.zip_bytes({"in.pdf": _scrambled(_canary_pdf)()}),
        "in.pdf",
        "CorruptFile",
        id="zip-member-corrupt-pdf",
    ),
    pytest.param(
        lambda: make.eml_bytes(
            attachments=(("x.docx", _half(make.docx_bytes)(), "application/octet-stream"),)
        ),
        "x.docx",
        "CorruptFile",
        id="mail-attachment-truncated",
    ),
    pytest.param(
        lambda: make.lying_zip_bytes(b"A" * 300_000, 1000),
        "bomb.txt",
        "CorruptFile",
        id="zip-member-lies-about-size",
    ),
]


@pytest.mark.parametrize(("build", "child", "kind"), CHILDREN)
def test_child_failure_is_a_document(build: Callable[[], bytes], child: str, kind: str) -> None:
    docs = leakclf.extract(build(), name="box", config=Config())
    assert docs[0].status == "ok"
    bad = [d for d in docs if d.name == child]
    assert len(bad) == 1 and bad[0].error_kind == kind and bad[0].text == ""
    assert bad[0].error_message.startswith(f"box!/{child}: ") and SECRET not in bad[0].error_message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            lambda: make.eml_bytes()[:150], "From: Sam Sender", id="eml-truncated-keeps-headers"
        ),
        pytest.param(lambda: make.html_bytes()[:170], "", id="html-truncated-no-visible-text"),
        pytest.param(lambda: make.rtf_bytes()[:60], "", id="rtf-truncated"),
    ],
)
def test_truncated_text_formats_keep_what_is_there(
    data: Callable[[], bytes], expected: str
) -> None:
    doc = leakclf.extract(data(), name="t", config=Config())[0]
    assert doc.status == "ok" and doc.text.startswith(expected)


def test_library_exception_text_never_reaches_the_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from leakclf.extractors.opc import Package

    def leaky(*args: object, **kwargs: object) -> None:
        raise ValueError(f"cannot parse value {SECRET}")

    data = make.docx_bytes()
    monkeypatch.setattr(Package, "xml", leaky)  # as lxml would, quoting the document
    with pytest.raises(CorruptFile) as info:
        leakclf.extract(data, name="d.docx", config=Config())
    assert "ValueError" in str(info.value) and SECRET not in str(info.value)
