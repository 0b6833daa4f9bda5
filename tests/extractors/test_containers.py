"""Every child accounted for (expected / emitted / failed), Outlook PST, key files, damaged PDFs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import leakclf
from leakclf.config import Config, DetectConfig, Limits
from leakclf.extractors.pst import _stable_boundaries
from tests.extractors import make

NEEDS_READPST = pytest.mark.skipif(
    shutil.which("readpst") is None, reason="readpst is not installed (make system: pst-utils)"
)


def _counts(doc: leakclf.Document) -> tuple[int | None, int | None, int | None]:
    return doc.children_expected, doc.children_emitted, doc.children_failed


@pytest.mark.parametrize(
    ("data", "name", "counts"),
    [
        pytest.param(
            make.zip_bytes({"a.txt": b"one", "b.pdf": b"%PDF-1.7 broken", "c.txt": b""}),
            "z.zip", (3, 3, 2), id="zip",
        ),
        pytest.param(make.tar_bytes({"a.txt": b"one", "b.txt": b"two"}), "t.tar", (2, 2, 0), id="tar"),
        pytest.param(make.tar_bytes({"a.txt": b"one"}, gz=True), "t.tgz", (1, 1, 0), id="tgz"),
        pytest.param(make.gz_bytes(b"plain text"), "a.txt.gz", (1, 1, 0), id="gz"),
        pytest.param(
            make.mbox_bytes([make.eml_bytes(), make.eml_bytes(), make.eml_bytes()]),
            "box.mbox", (3, 3, 0), id="mbox",
        ),
        pytest.param(
            make.eml_bytes(attachments=(("a.txt", b"hi", "text/plain"), ("b.pdf", b"%PDF-1", "application/pdf"))),
            "m.eml", (2, 2, 1), id="mail-two-attachments",
        ),
        pytest.param(make.eml_bytes(), "m.eml", (0, 0, 0), id="mail-no-attachment"),
        pytest.param(make.docx_bytes(), "d.docx", (None, None, None), id="not-a-container"),
    ],
)  # fmt: skip
def test_child_counts(data: bytes, name: str, counts: tuple) -> None:
    docs = leakclf.extract(data, name=name, config=Config())
    assert _counts(docs[0]) == counts
    if counts[1] is not None:
        direct = [d for d in docs if d.parent == docs[0].source]
        assert len(direct) == counts[1]
        assert sum(d.status != "ok" for d in direct) == counts[2]


def test_members_over_the_limit_show_as_expected_but_not_emitted() -> None:
    data = make.zip_bytes({f"m{i}.txt": b"x" for i in range(5)})
    doc = leakclf.extract(data, name="z.zip", config=Config(limits=Limits(max_members=2)))[0]
    assert _counts(doc) == (5, 2, 0) and "max_members" in doc.limits_hit


def test_truncated_mbox_counts_what_it_declares() -> None:
    box = make.mbox_bytes([make.eml_bytes(), make.eml_bytes()])
    doc = leakclf.extract(box[: len(box) - 40], name="cut.mbox", config=Config())[0]
    assert doc.children_expected == 2 and doc.children_emitted == 2


def test_results_carry_counts_and_provenance() -> None:
    pipe = leakclf.Pipeline(Config(detect=DetectConfig(ner=False)))
    rows = pipe.process(make.zip_bytes({"a.txt": b"hello there", "b.txt": b""}), name="z.zip")
    assert (rows[0].children_expected, rows[0].children_emitted, rows[0].children_failed) == (
        2,
        2,
        1,
    )
    assert rows[1].text_source == "text" and rows[1].ocr_confidence is None
    assert rows[2].text_source is None


# -- Outlook PST -------------------------------------------------------------------------------


@NEEDS_READPST
def test_pst_every_message_with_folder_and_attachments(real_world: Path) -> None:
    path = real_world / "legacy/pst/four_messages_attachments.pst"
    docs = leakclf.extract(path, config=Config())
    top = docs[0]
    assert top.media_type == "application/vnd.ms-outlook-pst" and top.status == "ok"
    messages = [d for d in docs if d.parent == top.source]
    assert _counts(top) == (18, 18, 0) and len(messages) == 18  # libpff's count = readpst's rows
    folders = {m.source.split("!/", 1)[1].rsplit("/", 1)[0] for m in messages}
    assert folders == {"Personal folders/Inbox", "Personal folders/Deleted Items"}
    assert all(m.media_type == "message/rfc822" and m.status == "ok" for m in messages)
    inbox = {m.source.rsplit("/", 1)[1]: m for m in messages if "/Inbox/" in m.source}
    with_att = inbox["4.eml"]
    assert with_att.meta["subject"] == "Message with Attachments"
    names = sorted(d.name for d in docs if d.parent == with_att.source)
    assert names == ["1.doc", "1.txt", "message-1.eml"]  # the attached Outlook message too
    attached = next(d for d in docs if d.parent == with_att.source and d.name == "message-1.eml")
    assert attached.media_type == "message/rfc822"
    assert "creating an outlook message file" in attached.text
    license_txt = next(d for d in docs if d.name == "License.txt")
    assert "PRODUCT LICENSE" in license_txt.text.upper()


@NEEDS_READPST
def test_pst_messages_are_the_same_bytes_every_time(real_world: Path) -> None:
    """readpst draws its MIME boundaries at random: two reads must still agree byte for byte."""
    path = real_world / "legacy/pst/four_messages_attachments.pst"
    first, second = (leakclf.extract(path, config=Config()) for _ in range(2))
    assert [(d.source, d.sha256, d.size) for d in first] == [
        (d.source, d.sha256, d.size) for d in second
    ]
    assert len({d.sha256 for d in first}) > 20  # messages and attachments, not one empty digest


def test_pst_boundaries_renumbered_in_order() -> None:
    def mail(outer: bytes, inner: bytes) -> bytes:
        return b"".join(
            b"--boundary-LibPST-iamunique-%s_-_-\n" % n for n in (outer, inner, inner, outer)
        )

    assert _stable_boundaries(mail(b"1037300255", b"55")) == mail(b"1", b"2")
    assert _stable_boundaries(mail(b"2", b"728792595")) == mail(b"1", b"2")


@NEEDS_READPST
def test_pst_recipients_in_headers(real_world: Path) -> None:
    docs = leakclf.extract(real_world / "legacy/pst/one_message_cc.pst", config=Config())
    assert _counts(docs[0]) == (1, 1, 0)
    message = docs[1]
    assert message.source.endswith("!/sample/myInbox/2.eml")
    assert "cc1@domain.com" in message.text and "Recipient 3" in message.text
    assert "This line is in bold" in message.text


@NEEDS_READPST
@pytest.mark.parametrize("cut", [pytest.param(0.5, id="half"), pytest.param(0.02, id="head")])
def test_pst_truncated_is_typed_or_partial(real_world: Path, cut: float) -> None:
    data = (real_world / "legacy/pst/four_messages_attachments.pst").read_bytes()
    try:
        docs = leakclf.extract(data[: int(len(data) * cut)], name="cut.pst", config=Config())
    except leakclf.ExtractionError as exc:
        assert exc.kind == "CorruptFile"
        return
    top = docs[0]
    emitted = top.children_emitted or 0
    assert top.children_expected is None or emitted <= top.children_expected
    if top.children_expected is not None and emitted < top.children_expected:
        assert "messages_missing" in top.limits_hit


@NEEDS_READPST
def test_pst_named_wrong_and_zero_length(real_world: Path) -> None:
    data = (real_world / "legacy/pst/one_message_cc.pst").read_bytes()
    docs = leakclf.extract(data, name="archive.zip", config=Config())
    assert docs[0].media_type == "application/vnd.ms-outlook-pst" and len(docs) == 2
    with pytest.raises(leakclf.CorruptFile):
        leakclf.extract(b"", name="empty.pst", config=Config())


# -- key and credential files ------------------------------------------------------------------

PEM = b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n"


@pytest.mark.parametrize(
    ("name", "data", "kind", "by", "status"),
    [
        pytest.param("cert.p12", b"\x30\x82\x0a\x00" + bytes(range(256)) * 4, "PKCS#12 keystore", "name", "ok", id="p12"),
        pytest.param("client.pfx", b"\x30\x82\x01\x00" + bytes(200), "PKCS#12 keystore", "name", "ok", id="pfx"),
        pytest.param("store.jks", b"\xfe\xed\xfe\xed\x00\x00\x00\x02" + bytes(64), "Java keystore (JKS)", "content", "ok", id="jks"),
        pytest.param("app.keystore", b"\xce\xce\xce\xce" + bytes(64), "Java keystore (JCEKS)", "content", "ok", id="jceks"),
        pytest.param("vault.kdbx", b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5" + bytes(64), "KeePass 2 database", "content", "ok", id="kdbx"),
        pytest.param("renamed.bin", b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5" + bytes(64), "KeePass 2 database", "content", "ok", id="kdbx-renamed"),
        pytest.param("id_rsa", PEM, "OpenSSH private key", "content", "ok", id="ssh-key"),
        pytest.param("key.asc", b"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----\n", "PGP private key", "content", "ok", id="pgp"),
        pytest.param("host.ppk", b"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n", "PuTTY private key", "content", "ok", id="ppk"),
        pytest.param("corp.ovpn", b"client\nremote vpn.example.com 1194\n<key>\nMIIE\n</key>\n", "OpenVPN profile", "name", "ok", id="ovpn"),
        pytest.param(".env", b"DB_PASSWORD=s3cr3t-Value\n", "environment file (.env)", "name", "ok", id="env"),
        pytest.param(".env.production", b"API_URL=https://x\n", "environment file (.env)", "name", "ok", id="env-production"),
    ],
)  # fmt: skip
def test_key_files_are_findings(name: str, data: bytes, kind: str, by: str, status: str) -> None:
    pipe = leakclf.Pipeline(Config(detect=DetectConfig(ner=False)))
    row = pipe.process(data, name=name)[0]
    assert row.status == status
    found = [f for f in row.findings if f.label == "SECRET_KEY_FILE"]
    assert len(found) == 1 and found[0].preview == kind
    assert f"known by its {by}" in found[0].evidence[0]
    text_by_name = by == "name" and row.media_type != "application/x-keystore"
    assert row.level in (("confidential", "restricted") if text_by_name else ("restricted",))
    if row.media_type == "application/x-keystore":  # never opened: unread, yet restricted
        assert row.unread_reason == "encrypted" and row.text_chars == 0


def test_plain_files_are_not_key_files() -> None:
    pipe = leakclf.Pipeline(Config(detect=DetectConfig(ner=False)))
    for name, data in (("id_rsa.pub", b"ssh-ed25519 AAAAC3Nza user@host\n"), ("notes.txt", b"env")):
        row = pipe.process(data, name=name)[0]
        assert not [f for f in row.findings if f.label == "SECRET_KEY_FILE"], name


@pytest.mark.parametrize("ext", ["sql", "log", "ini", "conf"])
def test_config_and_log_files_are_text_without_a_size_cliff(ext: str) -> None:
    line = b"2024-03-01 user=jane.doe@contoso.com action=login ok\n"
    data = line * 200_000  # ~10 MB
    doc = leakclf.extract(data, name=f"big.{ext}", config=Config())[0]
    assert doc.status == "ok" and doc.text.startswith("2024-03-01") and len(doc.text) > 9_000_000


# -- damaged PDFs ------------------------------------------------------------------------------


@pytest.mark.parametrize("cut", [0.9, 0.6, 0.4])
def test_truncated_pdf_yields_the_pages_that_survive(cut: float) -> None:
    pages = tuple(f"Page {i} of the contract, clause {i}" for i in range(1, 11))
    data = make.pdf_bytes(pages)
    doc = leakclf.extract(data[: int(len(data) * cut)], name="cut.pdf", config=Config())[0]
    assert doc.status == "ok" and "damaged" in doc.limits_hit
    read = [p for p in pages if p in doc.text]
    assert 1 <= len(read) <= 10 and read == list(pages[: len(read)])
    assert doc.meta["salvaged_pages"] >= len(read)


def test_pdf_with_garbage_in_the_middle_still_reads() -> None:
    data = bytearray(make.pdf_bytes(tuple(f"Page {i} body" for i in range(1, 6))))
    xref = data.rindex(b"xref")
    data[xref : xref + 40] = b"\x00" * 40  # the cross-reference table smashed
    doc = leakclf.extract(bytes(data), name="x.pdf", config=Config())[0]
    assert doc.status == "ok" and "Page 5 body" in doc.text


def test_encrypted_pdf_stays_an_encrypted_row() -> None:
    with pytest.raises(leakclf.EncryptedFile):
        leakclf.extract(make.pdf_bytes(password="pw"), name="e.pdf", config=Config())
    half = make.pdf_bytes(password="pw")
    try:
        leakclf.extract(half[: len(half) // 2], name="e.pdf", config=Config())
    except leakclf.ExtractionError as exc:
        assert exc.kind in ("EncryptedFile", "CorruptFile")


def test_ten_thousand_pages_stop_at_the_page_cap() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=8)
    for i in range(10_000):
        pdf.add_page()
        pdf.cell(0, 5, f"p{i}")
    doc = leakclf.extract(bytes(pdf.output()), name="many.pdf", config=Config())[0]
    assert doc.meta["pages"] == 10_000 and "max_pages" in doc.limits_hit
    assert len(doc.parts) == Limits().max_pages
