"""Mail headers are parsed once per message; what comes out is what the stock modern policy
gives, header for header (encoded words, folded lines, repeated and broken headers)."""

from __future__ import annotations

import email
import email.policy

import pytest

from leakclf.config import Config
from leakclf.extractors import extract
from leakclf.extractors.mail import HEADER_FIELDS, _ParsedOnce

from . import make

TRICKY = (
    b"From: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <jm@contoso.example>\r\n"
    b'To: Jane Roe <jane@fabrikam.example>,\r\n  "Doe, John" <john@fabrikam.example>\r\n'
    b"Cc: undisclosed-recipients:;\r\n"
    b"Subject: =?iso-8859-1?q?R=E9sum=E9?= and\r\n a folded line\r\n"
    b"Date: not a date\r\n"
    b"Message-ID: <1@contoso.example>\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n'
    b"--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello Jane, call me.\r\n"
    b"--XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment;"
    b" filename*=utf-8''notes%20%C3%A9.txt\r\n\r\nIBAN GB82 WEST 1234 5698 7654 32\r\n"
    b"--XX--\r\n"
)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TRICKY, id="encoded-folded-broken-date"),
        pytest.param(make.eml_bytes(), id="plain-with-attachment"),
    ],
)
def test_headers_match_the_stock_policy(data: bytes) -> None:
    stock = email.message_from_bytes(data, policy=email.policy.default)
    once = email.message_from_bytes(
        data, policy=email.policy.default.clone(header_factory=_ParsedOnce())
    )
    for name in (*HEADER_FIELDS, "Message-ID", "Content-Type"):
        assert str(once[name]) == str(stock[name])
        assert once[name] is once[name]  # parsed once, then handed out again
    assert [p.get_content_type() for p in once.walk()] == [
        p.get_content_type() for p in stock.walk()
    ]
    assert [p.get_filename() for p in once.walk()] == [p.get_filename() for p in stock.walk()]


def test_extracted_mail_keeps_decoded_headers_and_attachment() -> None:
    docs = extract(TRICKY, name="m.eml", config=Config(key=b"k" * 64))
    top = docs[0]
    assert top.meta["from"] == "Jürgen Müller <jm@contoso.example>"
    assert top.meta["subject"] == "Résumé and a folded line"
    assert "date" not in top.meta  # "not a date" gives no date, as before
    assert [d.source for d in docs] == ["m.eml", "m.eml!/notes é.txt"]
    assert "GB82 WEST" in docs[1].text
