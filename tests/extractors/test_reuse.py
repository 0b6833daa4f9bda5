"""Documents read again, not extracted again: the same content under the same name (``Reuse``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

import leakclf
from leakclf.config import Config, Limits
from leakclf.extractors import Reuse, extract
from leakclf.pipeline import Pipeline

from . import make


@pytest.fixture
def pdf_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The labels of the PDFs the PDF handler actually read."""
    from leakclf import registry
    from leakclf.extractors import pdf

    reads: list[str] = []

    def counted(data: bytes, job: object) -> None:
        reads.append(job.label)  # type: ignore[attr-defined]
        pdf.extract_pdf(data, job)  # type: ignore[arg-type]

    monkeypatch.setitem(registry.EXTRACTORS, "application/pdf", counted)
    yield reads


def _thread(name: str = "q3-invoice.pdf", pdf: bytes | None = None) -> bytes:
    attached = pdf if pdf is not None else make.pdf_bytes()
    return make.eml_bytes(attachments=((name, attached, "application/pdf"),))


def test_the_same_attachment_in_two_mails_is_read_once(pdf_reads: list[str]) -> None:
    reuse = Reuse()
    mail = _thread()  # one copy: a mail's MIME boundary is drawn at random
    first = extract(mail, name="a/one.eml", config=Config(), reuse=reuse)
    second = extract(mail, name="b/two.eml", config=Config(), reuse=reuse)
    assert pdf_reads == ["a/one.eml!/q3-invoice.pdf"]
    plain = extract(mail, name="b/two.eml", config=Config())
    assert second == plain  # every field, the reused one's source, parent and depth included
    assert second[1].source == "b/two.eml!/q3-invoice.pdf" and second[1].parent == "b/two.eml"
    assert second[1].text == first[1].text == "Invoice page one\n\nTotal due page two"
    assert second[1].meta is not first[1].meta  # a copy: one row's meta never changes another's


@pytest.mark.parametrize(
    ("other", "read_again"),
    [
        pytest.param(_thread(), False, id="same-bytes-same-name"),
        pytest.param(_thread(name="renamed.pdf"), True, id="other-name"),
        pytest.param(_thread(pdf=make.pdf_bytes(("Other text",))), True, id="other-bytes"),
    ],
)
def test_only_the_same_content_under_the_same_name(
    pdf_reads: list[str], other: bytes, read_again: bool
) -> None:
    reuse = Reuse()
    extract(_thread(), name="one.eml", config=Config(), reuse=reuse)
    extract(other, name="two.eml", config=Config(), reuse=reuse)
    assert len(pdf_reads) == (2 if read_again else 1)


def test_a_document_that_hit_a_limit_is_extracted_again(pdf_reads: list[str]) -> None:
    config = Config(limits=Limits(max_pages=1))  # the two-page PDF stops at page one
    reuse = Reuse()
    extract(_thread(), name="one.eml", config=config, reuse=reuse)
    docs = extract(_thread(), name="two.eml", config=config, reuse=reuse)
    assert len(pdf_reads) == 2
    assert docs[1].limits_hit == ("max_pages",)


def test_containers_are_extracted_again() -> None:
    """A container's row counts its children, which are rows of their own: never reused."""
    inner = make.zip_bytes({"a.txt": b"kept"})
    reuse = Reuse()
    extract(inner, name="one/a.zip", config=Config(), reuse=reuse)
    docs = extract(inner, name="two/a.zip", config=Config(), reuse=reuse)
    assert [(d.source, d.parent) for d in docs] == [
        ("two/a.zip", None),
        ("two/a.zip!/a.txt", "two/a.zip"),  # the member itself is a leaf: reused, re-parented
    ]
    assert docs[0].children_emitted == 1
    assert docs == extract(inner, name="two/a.zip", config=Config())


def test_bounded_in_documents_and_characters() -> None:
    def doc(n: int, chars: int) -> leakclf.Document:
        return leakclf.Document(
            source=f"d{n}",
            parent=None,
            media_type="text/plain",
            text="x" * chars,
            sha256="",
            size=0,
        )

    reuse = Reuse(documents=2, chars=10)
    for n in range(3):
        reuse.put((str(n), "n"), doc(n, 3))
    assert [reuse.get((str(n), "n")) is not None for n in range(3)] == [False, True, True]
    reuse.put(("big", "n"), doc(9, 8))  # 3 + 8 > 10: the least recently used go
    assert reuse.get(("1", "n")) is None and reuse.get(("big", "n")) is not None
    reuse.put(("huge", "n"), doc(10, 11))  # larger than the whole budget: not kept
    assert reuse.get(("huge", "n")) is None


def test_a_pipeline_reads_a_repeated_attachment_once(pdf_reads: list[str]) -> None:
    pipe = Pipeline(Config(key=b"k" * 32))
    one, two = _thread(), _thread()  # the same PDF in mails with other MIME boundaries
    rows = pipe.process_many([(one, "one.eml"), (two, "two.eml")])
    assert len(pdf_reads) == 1
    fresh = Pipeline(Config(key=b"k" * 32)).process(two, name="two.eml")
    strip = [dataclasses.replace(r, timings={}) for r in rows[1]]
    assert strip == [dataclasses.replace(r, timings={}) for r in fresh]
