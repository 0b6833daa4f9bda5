"""Children: attachments, archive members, attached messages, mbox messages — order, sources, depth."""

from __future__ import annotations

import pytest

import leakclf
from leakclf.config import Config

from . import make


def _tree(docs: list[leakclf.Document]) -> list[tuple[str, str | None, int, str, str]]:
    return [(d.source, d.parent, d.depth, d.media_type, d.status) for d in docs]


def test_mail_with_pdf_and_zip_with_docx() -> None:
    inner = make.zip_bytes({"b/c.docx": make.docx_bytes(), "../../etc/evil.txt": b"kept as a name"})
    data = make.eml_bytes(
        attachments=(
            ("q3-invoice.pdf", make.pdf_bytes(), "application/pdf"),
            ("a.zip", inner, "application/zip"),
        )
    )
    docs = leakclf.extract(data, name="dump/mail.eml", config=Config())
    assert _tree(docs) == [
        ("dump/mail.eml", None, 0, "message/rfc822", "ok"),
        ("dump/mail.eml!/q3-invoice.pdf", "dump/mail.eml", 1, "application/pdf", "ok"),
        ("dump/mail.eml!/a.zip", "dump/mail.eml", 1, "application/zip", "ok"),
        (
            "dump/mail.eml!/a.zip!/b/c.docx",
            "dump/mail.eml!/a.zip",
            2,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ok",
        ),
        ("dump/mail.eml!/a.zip!/../../etc/evil.txt", "dump/mail.eml!/a.zip", 2, "text/plain", "ok"),
    ]
    assert docs[1].text == "Invoice page one\n\nTotal due page two"
    assert docs[3].text.startswith("First paragraph") and docs[4].text == "kept as a name"
    assert docs[2].name == "a.zip" and docs[3].name == "c.docx"


def test_attached_message_is_recursed() -> None:
    inner = make.eml_bytes(attachments=(("n.txt", b"inner attachment", "text/plain"),))
    data = make.eml_bytes(attachments=(("fwd.eml", inner, "message/rfc822"),))
    docs = leakclf.extract(data, name="outer.eml", config=Config())
    assert _tree(docs) == [
        ("outer.eml", None, 0, "message/rfc822", "ok"),
        ("outer.eml!/message-1.eml", "outer.eml", 1, "message/rfc822", "ok"),
        ("outer.eml!/message-1.eml!/n.txt", "outer.eml!/message-1.eml", 2, "text/plain", "ok"),
    ]
    assert docs[1].meta["subject"] == "Q3 invoice" and docs[2].text == "inner attachment"


def test_mbox_each_message_its_own_document() -> None:
    data = make.mbox_bytes([make.eml_bytes(), make.eml_bytes(body="From the start of a line\nbye")])
    docs = leakclf.extract(data, name="box.mbox", config=Config())
    assert _tree(docs) == [
        ("box.mbox", None, 0, "application/mbox", "ok"),
        ("box.mbox!/message-1.eml", "box.mbox", 1, "message/rfc822", "ok"),
        ("box.mbox!/message-2.eml", "box.mbox", 1, "message/rfc822", "ok"),
    ]
    assert docs[0].meta == {"messages": 2}
    assert "From the start of a line\nbye" in docs[2].text  # ">From " un-escaped


@pytest.mark.parametrize(
    ("name", "tree"),
    [
        pytest.param(
            "saved.eml", [("saved.eml", None, 0, "message/rfc822", "ok")], id="eml-one-row"
        ),
        pytest.param(
            "box.mbox",
            [
                ("box.mbox", None, 0, "application/mbox", "ok"),
                ("box.mbox!/message-1.eml", "box.mbox", 1, "message/rfc822", "ok"),
            ],
            id="mbox-stays-a-folder",
        ),
    ],
)
def test_single_message_with_mbox_from_line(name: str, tree: list[tuple]) -> None:
    """An .eml saved with its mbox ``From `` line is that message: one row with its headers."""
    data = make.mbox_bytes([make.eml_bytes(body="From the start of a line\nbye")])
    docs = leakclf.extract(data, name=name, config=Config())
    assert _tree(docs) == tree
    assert docs[-1].meta["subject"] == "Q3 invoice"
    assert "From the start of a line\nbye" in docs[-1].text and "From sender@" not in docs[-1].text


@pytest.mark.parametrize(
    ("data", "name", "children"),
    [
        pytest.param(
            make.tar_bytes({"a/b.txt": b"tar text", "c.csv": b"a,b\n1,2\n"}),
            "x.tar",
            [("x.tar!/a/b.txt", "tar text"), ("x.tar!/c.csv", "a,b\n1,2")],
            id="tar",
        ),
        pytest.param(
            make.tar_bytes({"a/b.txt": b"tgz text"}, gz=True),
            "x.tgz",
            [("x.tgz!/a/b.txt", "tgz text")],
            id="tgz-members-listed-directly",
        ),
        pytest.param(
            make.gz_bytes(b"gzipped text"),
            "notes.txt.gz",
            [("notes.txt.gz!/notes.txt", "gzipped text")],
            id="gz-single-file",
        ),
        pytest.param(
            make.zip_bytes({"d/": b"", "d/x.txt": b"stored"}, method=0),
            "s.zip",
            [("s.zip!/d/x.txt", "stored")],
            id="zip-stored-directories-skipped",
        ),
    ],
)
def test_archives(data: bytes, name: str, children: list[tuple[str, str]]) -> None:
    docs = leakclf.extract(data, name=name, config=Config())
    assert docs[0].text == "" and docs[0].status == "ok"
    assert [(d.source, d.text) for d in docs[1:]] == children


def test_failed_child_keeps_parent_and_siblings() -> None:
    data = make.zip_bytes(
        {
            "ok.txt": b"fine",
            "bad.pdf": b"%PDF-1.7 broken",
            "empty.txt": b"",
            "img.png": b"\x89PNG\r\n\x1a\n0000",
            "locked.docx": make.encrypted_docx_bytes(),
        }
    )
    docs = leakclf.extract(data, name="mix.zip", config=Config())
    assert [(d.name, d.status, d.error_kind) for d in docs] == [
        ("mix.zip", "ok", None),
        ("ok.txt", "ok", None),
        ("bad.pdf", "error", "CorruptFile"),
        ("empty.txt", "error", "CorruptFile"),
        ("img.png", "error", "CorruptFile"),  # a PNG signature, then no image
        ("locked.docx", "error", "EncryptedFile"),
    ]
    assert docs[2].media_type == "application/pdf" and docs[4].media_type == "image/png"
    assert all(d.text == "" and d.error_message.startswith(d.source) for d in docs[2:])


def test_pdf_embedded_files_are_children() -> None:
    data = make.pdf_with_attachment_bytes("inner.txt", b"embedded text")
    docs = leakclf.extract(data, name="p.pdf", config=Config())
    assert _tree(docs) == [
        ("p.pdf", None, 0, "application/pdf", "ok"),
        ("p.pdf!/inner.txt", "p.pdf", 1, "text/plain", "ok"),
    ]
    assert docs[0].text == "Cover page" and docs[1].text == "embedded text"


def test_pdf_embedded_file_over_the_size_limit() -> None:
    from dataclasses import replace

    from leakclf.config import Limits

    data = make.pdf_with_attachment_bytes("big.txt", b"x" * 5000)
    config = Config(limits=replace(Limits(), max_total_uncompressed=4000))
    docs = leakclf.extract(data, name="p.pdf", config=config)
    assert [(d.name, d.status, d.limits_hit) for d in docs] == [
        ("p.pdf", "ok", ("max_total_uncompressed",)),
        ("big.txt", "skipped_limit", ("max_total_uncompressed",)),
    ]


def test_hostile_member_names_stay_virtual_and_nothing_is_written(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    names = ["../../up.txt", "/abs/root.txt", "C:\\win\\drive.txt", "a/./b/../c.txt"]
    data = make.zip_bytes({n: f"text of {i}".encode() for i, n in enumerate(names)})
    docs = leakclf.extract(data, name="evil.zip", config=Config())
    assert [(d.source, d.text) for d in docs[1:]] == [
        (f"evil.zip!/{n}", f"text of {i}") for i, n in enumerate(names)
    ]
    assert list(tmp_path.iterdir()) == []
