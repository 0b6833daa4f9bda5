"""Documents read again, not extracted again: the same content under the same name (``Reuse``)."""

from __future__ import annotations

import dataclasses
import io
import shutil
import zipfile
from collections.abc import Iterator

import pytest

import leakclf
from leakclf.config import Config, Limits, OcrConfig
from leakclf.errors import ConfigError
from leakclf.extractors import Reuse, extract
from leakclf.extractors.reuse import Kept
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
    def kept(n: int, chars: int) -> Kept:
        doc = leakclf.Document(
            source=f"d{n}",
            parent=None,
            media_type="text/plain",
            text="x" * chars,
            sha256="",
            size=0,
        )
        return Kept(doc, 0, 0)

    reuse = Reuse(documents=2, chars=10)
    for n in range(3):
        reuse.put((str(n), "n"), kept(n, 3))
    assert [reuse.get((str(n), "n")) is not None for n in range(3)] == [False, True, True]
    reuse.put(("big", "n"), kept(9, 8))  # 3 + 8 > 10: the least recently used go
    assert reuse.get(("1", "n")) is None and reuse.get(("big", "n")) is not None
    reuse.put(("huge", "n"), kept(10, 11))  # larger than the whole budget: not kept
    assert reuse.get(("huge", "n")) is None


def test_one_configuration_per_reuse() -> None:
    reuse = Reuse()
    extract(b"some text", name="a.txt", config=Config(), reuse=reuse)
    extract(b"some text", name="b.txt", config=Config(), reuse=reuse)  # an equal one is fine
    with pytest.raises(ConfigError, match="one Reuse per configuration"):
        extract(b"some text", name="c.txt", config=Config(limits=Limits(max_pages=3)), reuse=reuse)


def test_a_reused_package_spends_the_unpack_budget_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each copy of an Office package spends its declared size of the file's unpack budget, read
    or reused: the copy that no longer fits is refused as it would be without reuse."""
    from leakclf import registry
    from leakclf.extractors.sniff import DOCX

    docx = make.docx_bytes()
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        declared = sum(i.file_size for i in zf.infolist())
    data = make.zip_bytes({f"copy{n}/report.docx": docx for n in range(3)})
    budget = Config(limits=Limits(max_total_uncompressed=len(docx) * 3 + 2 * declared + 10))
    plain = extract(data, name="box.zip", config=budget)
    reads: list[str] = []
    handler = registry.EXTRACTORS[DOCX]
    monkeypatch.setitem(
        registry.EXTRACTORS, DOCX, lambda data, job: (reads.append(job.label), handler(data, job))
    )
    docs = extract(data, name="box.zip", config=budget, reuse=Reuse())
    assert reads == ["box.zip!/copy0/report.docx", "box.zip!/copy2/report.docx"]  # 1 reused
    assert docs == plain
    assert [d.status for d in docs] == ["ok", "ok", "ok", "skipped_limit"]
    assert docs[3].limits_hit == ("max_total_uncompressed",)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_reused_scan_spends_the_ocr_pages_again() -> None:
    page = make.text_image(("Invoice for Contoso Ltd",))
    scan = make.scanned_pdf_bytes([page])
    data = make.zip_bytes({f"copy{n}/scan.pdf": scan for n in range(3)})
    config = Config(ocr=OcrConfig(mode="auto", max_pages=2))
    reads: list[int] = []
    from leakclf.extractors import images

    ocr_image = images.ocr_image

    def counted(job: object, image: object) -> object:
        reads.append(1)
        return ocr_image(job, image)  # type: ignore[arg-type]

    images.ocr_image = counted  # type: ignore[assignment]
    try:
        docs = extract(data, name="box.zip", config=config, reuse=Reuse())
    finally:
        images.ocr_image = ocr_image  # type: ignore[assignment]
    assert len(reads) == 1  # OCR'd once, reused once, and the third copy finds no pages left
    assert docs == extract(data, name="box.zip", config=config)
    assert "Contoso" in docs[2].text and "ocr_max_pages" in docs[3].limits_hit


def test_a_pipeline_reads_a_repeated_attachment_once(pdf_reads: list[str]) -> None:
    pipe = Pipeline(Config(key=b"k" * 32))
    one, two = _thread(), _thread()  # the same PDF in mails with other MIME boundaries
    rows = pipe.process_many([(one, "one.eml"), (two, "two.eml")])
    assert len(pdf_reads) == 1
    fresh = Pipeline(Config(key=b"k" * 32)).process(two, name="two.eml")
    strip = [dataclasses.replace(r, timings={}) for r in rows[1]]
    assert strip == [dataclasses.replace(r, timings={}) for r in fresh]
