"""Mails leakclf did not generate (../shared/fixtures/real-world/email): text and headers, or a typed error."""

from __future__ import annotations

from pathlib import Path

import pytest

import leakclf
from leakclf.config import Config

EMAIL_FILES = sorted(
    p.name
    for p in (Path(__file__).resolve().parents[2].parent / "shared/fixtures/real-world/email").glob(
        "*"
    )
) or ["(fixtures absent)"]


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in EMAIL_FILES])
def test_every_mail_extracts_or_raises_typed(real_world: Path, name: str) -> None:
    path = real_world / "email" / name
    if name == "empty.eml":
        with pytest.raises(leakclf.CorruptFile, match="only whitespace"):
            leakclf.extract(path, config=Config())
        return
    docs = leakclf.extract(path, config=Config())
    top = docs[0]
    assert top.status == "ok" and top.media_type in ("message/rfc822", "application/vnd.ms-outlook")
    assert top.parts[0].kind == "headers" and top.text.startswith("From: ")
    assert top.meta["from"] and top.meta["subject"]
    assert all(d.parent is not None and d.source.startswith(f"{path}!/") for d in docs[1:])


@pytest.mark.parametrize(
    ("name", "body", "meta", "children"),
    [
        pytest.param(
            "fake-email-attachment.msg",
            "Here's the attachments!",
            {
                "subject": "Fake email with attachment",
                "from": '"Mallori Harrell" <mallori@unstructured.io>',
            },
            [("fake-attachment.txt", "Hey this is a fake attachment!")],
            id="msg-with-attachment",
        ),
        pytest.param(
            "fake-email-with-cc-and-bcc.msg",
            None,
            {"cc": "steve@unstructured.io", "bcc": "hello@unstructured.io"},
            [],
            id="msg-cc-bcc",
        ),
        pytest.param("fake-email.msg", None, {"subject": "Test Email"}, [], id="msg-plain"),
        pytest.param(
            "fake-email-utf-16-be.eml",
            None,
            {"subject": "Test Email", "date": "2022-12-16T17:04:16-05:00"},
            [],
            id="eml-utf16-be-without-bom",
        ),
        pytest.param(
            "mime-word-encoded-subject.eml",
            None,
            {"subject": "Simple email with ☸☿ Unicode subject"},
            [],
            id="eml-rfc2047-subject",
        ),
        pytest.param("mime-html-only.eml", "This is a text/html", {}, [], id="eml-html-only"),
        pytest.param(
            "test-invalid-date.eml",
            "invalid date format",
            {"date": None},
            [],
            id="eml-invalid-date",
        ),
        pytest.param(
            "mime-multipart-digest.eml",
            None,
            {},
            [
                ("message-1.eml", "This is the first message in the digest."),
                ("message-2.eml", "This is the second message in the digest."),
                ("message-3.eml", "This is the third message in the digest."),
            ],
            id="eml-digest-messages",
        ),
    ],
)
def test_known_mail_content(
    real_world: Path,
    name: str,
    body: str | None,
    meta: dict[str, object],
    children: list[tuple[str, str]],
) -> None:
    docs = leakclf.extract(real_world / "email" / name, config=Config())
    top = docs[0]
    if body is not None:
        assert body in "".join(top.text[p.start : p.end] for p in top.parts if p.kind == "body")
    assert {k: top.meta.get(k) for k in meta} == meta
    got = [(d.name, d.text.rsplit("\n\n", 1)[-1]) for d in docs[1:] if d.depth == 1]
    assert got == children


def test_mp3_attachment_is_unsupported_child(real_world: Path) -> None:
    docs = leakclf.extract(real_world / "email" / "mime-attach-mp3.eml", config=Config())
    assert [(d.name, d.media_type, d.status) for d in docs[1:]] == [
        ("sample-3s.mp3", "audio/mpeg", "unsupported")
    ]
