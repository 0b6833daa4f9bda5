"""Property tests: arbitrary and mutated bytes into every extractor, arbitrary text into
``analyze_text``. Nothing may escape but the documented ``ExtractionError`` tree."""

from __future__ import annotations

import io
import warnings
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leakclf
from leakclf.config import Config, DetectConfig, Limits, MiB
from leakclf.errors import ExtractionError

from .builders import EXTENSIONS
from .makers import docx_bytes, mail, pdf, tar_bytes, zip_bytes

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CONFIG = Config(
    limits=Limits(max_file_bytes=MiB, time_budget_s=5.0), detect=DetectConfig(ner=False)
)
KINDS = {None, "CorruptFile", "EncryptedFile", "UnsupportedFormat", "LimitExceeded"}


@cache
def seed(ext: str) -> bytes:
    """A small valid file of each format, the starting point for mutations."""
    if ext == "pdf":
        return pdf(["fuzz seed page"])
    if ext == "docx":
        return docx_bytes("fuzz seed paragraph")
    if ext == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        wb.active.append(["name", "mail"])
        wb.active.append(["Seed", "seed@example.com"])
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    if ext == "pptx":
        import pptx

        deck = pptx.Presentation()
        deck.slides.add_slide(deck.slide_layouts[5]).shapes.title.text = "fuzz seed slide"
        buf = io.BytesIO()
        deck.save(buf)
        return buf.getvalue()
    if ext in ("eml", "msg"):  # no .msg writer: a mail under the wrong name is a fine seed too
        return mail(
            "Subject: seed\r\nContent-Type: text/plain\r\n", b"seed body seed@example.com\r\n"
        )
    if ext == "mbox":
        return b"From a@example.com Mon Mar  2 10:00:00 2020\n" + seed("eml").replace(
            b"\r\n", b"\n"
        )
    if ext == "html":
        return b"<html><body><p>seed <b>text</b></p><script>x()</script></body></html>"
    if ext == "rtf":
        return rb"{\rtf1\ansi{\fonttbl\f0 Arial;}\f0 seed \b text\b0\par}"
    if ext in ("txt", "csv"):
        return b"name,mail\nSeed,seed@example.com\n"
    if ext == "zip":
        return zip_bytes({"a.txt": b"seed member", "b.html": seed("html")})
    return tar_bytes({"a.txt": b"seed member"}, gz=ext == "tgz")


@st.composite
def mutated(draw: st.DrawFn, ext: str) -> bytes:
    data = bytearray(seed(ext))
    for _ in range(draw(st.integers(0, 8))):
        pos = draw(st.integers(0, len(data) - 1))
        data[pos] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        del data[draw(st.integers(0, len(data))) :]
    return bytes(data)


def check_extract(data: bytes, ext: str) -> None:
    with warnings.catch_warnings():  # library warnings are not failures in production
        warnings.simplefilter("ignore")
        try:
            docs = leakclf.extract(data, name=f"x.{ext}", config=CONFIG)
        except ExtractionError:
            return
    assert docs and docs[0].parent is None and docs[0].source == f"x.{ext}"
    assert {d.error_kind for d in docs} <= KINDS, {d.error_kind for d in docs}
    assert all(isinstance(d.text, str) for d in docs)


@pytest.mark.parametrize("ext", [pytest.param(e, id=e) for e in EXTENSIONS])
def test_random_bytes_into_extractor(ext: str) -> None:
    @FUZZ
    @given(st.binary(max_size=2048))
    def run(data: bytes) -> None:
        check_extract(data, ext)

    run()


@pytest.mark.parametrize("ext", [pytest.param(e, id=e) for e in EXTENSIONS])
def test_mutated_files_into_extractor(ext: str) -> None:
    check_extract(seed(ext), ext)  # the seed itself must be readable

    @FUZZ
    @given(mutated(ext))
    def run(data: bytes) -> None:
        check_extract(data, ext)

    run()


FRAGMENTS = [
    "jane.doe@contoso.com",
    "4111 1111 1111 1111",
    "+44 20 7946 0958",
    "https://x.example.org/a?b=c",
    "DE89 3704 0044 0532 0130 00",
    "password: hunter2",
    "AKIAIOSFODNN7EXAMPLE",
    "\n",
    " ",
    "Statement of Work",
    "IN WITNESS WHEREOF",
    "\u200b",
    "\ud800",
    "é",
    "ß",
]


@FUZZ
@given(
    st.lists(
        st.sampled_from(FRAGMENTS) | st.text(st.characters(blacklist_categories=()), max_size=40),
        max_size=30,
    ).map("".join)
)
def test_analyze_text_takes_any_text(text: str) -> None:
    result = leakclf.analyze_text(text, config=CONFIG)
    assert isinstance(result, leakclf.DocumentResult)
    assert result.status == "ok" and 0 <= result.score <= 100
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text) and f.value is None, f
