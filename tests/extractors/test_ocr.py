"""OCR: scanned PDF pages, images standalone and attached, pictures in empty DOCX/PPTX; off/auto/force;
without Tesseract; the per-page time limit; bomb-sized images; page caps. Real Tesseract runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import leakclf
from leakclf.config import Config, Limits, OcrConfig
from leakclf.errors import LimitExceeded, OcrUnavailable
from tests.extractors import make

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed (make system)"
)

LINES = ("Invoice INV-2024-0042", "Contoso Limited Berlin", "Total due 1234.50 EUR")
WORDS = ("Invoice", "INV-2024-0042", "Contoso", "Berlin", "1234.50")


def _config(mode: str = "auto", **ocr: object) -> Config:
    return Config(ocr=OcrConfig(mode=mode, **ocr))  # type: ignore[arg-type]


def _has_words(text: str, words: tuple[str, ...] = WORDS) -> bool:
    return all(w in text for w in words)


@pytest.fixture(scope="module")
def page() -> object:
    return make.text_image(LINES)


@pytest.mark.parametrize(
    ("fmt", "name", "media", "options"),
    [
        pytest.param("PNG", "scan.png", "image/png", {}, id="png"),
        pytest.param("JPEG", "scan.jpg", "image/jpeg", {"quality": 85}, id="jpeg"),
        pytest.param("TIFF", "scan.tif", "image/tiff", {"compression": "tiff_lzw"}, id="tiff"),
        pytest.param("BMP", "scan.bmp", "image/bmp", {}, id="bmp"),
        pytest.param("GIF", "scan.gif", "image/gif", {}, id="gif"),
    ],
)
def test_image_formats_are_read(
    page: object, fmt: str, name: str, media: str, options: dict
) -> None:
    doc = leakclf.extract(make.image_bytes(page, fmt, **options), name=name, config=_config())[0]
    assert doc.status == "ok" and doc.media_type == media
    assert _has_words(doc.text), doc.text
    assert doc.text_source == "ocr" and doc.ocr_confidence is not None and doc.ocr_confidence > 80
    assert [(p.kind, p.source) for p in doc.parts] == [("page", "ocr")]
    assert doc.parts[0].ocr_confidence == doc.ocr_confidence


def test_multi_page_tiff_gives_a_part_per_frame(page: object) -> None:
    other = make.text_image(("Second page Fabrikam GmbH",))
    data = make.image_bytes(page, "TIFF", save_all=True, append_images=[other])
    doc = leakclf.extract(data, name="two.tiff", config=_config())[0]
    assert [(p.name, p.source) for p in doc.parts] == [("page 1", "ocr"), ("page 2", "ocr")]
    assert _has_words(doc.text) and "Fabrikam" in doc.text


def test_modes_on_a_scanned_pdf(page: object) -> None:
    data = make.scanned_pdf_bytes([page])
    off = leakclf.extract(data, name="s.pdf", config=_config("off"))[0]
    assert off.status == "ok" and off.text == "" and off.text_source is None
    assert off.meta["scanned_pages"] == 1  # the row knows a page went unread
    auto = leakclf.extract(data, name="s.pdf", config=_config("auto"))[0]
    assert _has_words(auto.text) and auto.text_source == "ocr"
    assert [(p.kind, p.name, p.source) for p in auto.parts] == [("page", "page 1", "ocr")]


def test_modes_on_a_pdf_with_a_text_layer(page: object) -> None:
    data = make.scanned_pdf_bytes([page], text="Typed cover letter for the contract")
    auto = leakclf.extract(data, name="m.pdf", config=_config("auto"))[0]
    assert [(p.name, p.source) for p in auto.parts] == [("page 1", "text"), ("page 2", "ocr")]
    assert auto.text_source == "mixed" and _has_words(auto.text)
    text_only = leakclf.extract(make.pdf_bytes(("A typed page with enough text",)), name="t.pdf",
                                config=_config("auto"))[0]  # fmt: skip
    assert text_only.text_source == "text" and text_only.ocr_confidence is None
    forced = leakclf.extract(make.pdf_bytes(("Typed page, forced OCR",)), name="f.pdf",
                             config=_config("force"))[0]  # fmt: skip
    assert [(p.name, p.source) for p in forced.parts] == [("page 1", "text"), ("page 1", "ocr")]
    assert forced.text_source == "mixed" and "forced" in forced.text.split("\n\n")[-1]


def test_ocr_max_pages_caps_the_pages_read(page: object) -> None:
    data = make.scanned_pdf_bytes([page, page, page])
    doc = leakclf.extract(data, name="p.pdf", config=_config(max_pages=2))[0]
    assert [p.name for p in doc.parts] == ["page 1", "page 2"]
    assert "ocr_max_pages" in doc.limits_hit


def test_pictures_in_an_empty_docx_and_pptx(page: object) -> None:
    doc = leakclf.extract(make.docx_with_image(page), name="scan.docx", config=_config())[0]
    assert _has_words(doc.text) and doc.text_source == "ocr"
    assert [(p.kind, p.source) for p in doc.parts] == [("image", "ocr")]
    deck = leakclf.extract(make.pptx_with_image(page), name="scan.pptx", config=_config())[0]
    assert _has_words(deck.text) and deck.text_source == "ocr"
    typed = leakclf.extract(make.docx_with_image(page, text="A typed memo about the budget"),
                            name="memo.docx", config=_config())[0]  # fmt: skip
    assert typed.text == "A typed memo about the budget" and typed.text_source == "text"


def test_image_attached_to_mail_is_read(page: object) -> None:
    data = make.eml_with_attachment("scan.jpg", make.image_bytes(page, "JPEG"), "image", "jpeg")
    docs = leakclf.extract(data, name="m.eml", config=_config())
    assert [d.name for d in docs] == ["m.eml", "scan.jpg"]
    assert _has_words(docs[1].text) and docs[1].text_source == "ocr"
    assert (docs[0].children_expected, docs[0].children_emitted, docs[0].children_failed) == (
        1,
        1,
        0,
    )


@pytest.fixture
def no_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH with everything but tesseract."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "antiword", "catdoc", "readpst"):
        if found := shutil.which(tool):
            (bin_dir / tool).symlink_to(found)
    monkeypatch.setenv("PATH", str(bin_dir))


@pytest.mark.usefixtures("no_tesseract")
def test_without_tesseract_scans_are_unread_with_a_reason(page: object) -> None:
    with pytest.raises(OcrUnavailable, match="needs OCR.*tesseract program is not installed"):
        leakclf.extract(make.scanned_pdf_bytes([page]), name="s.pdf", config=_config())
    mixed = leakclf.extract(make.scanned_pdf_bytes([page], text="Typed cover page text here"),
                            name="m.pdf", config=_config())[0]  # fmt: skip
    assert mixed.status == "ok" and "ocr_unavailable" in mixed.limits_hit
    docs = leakclf.extract(make.zip_bytes({"a.png": make.image_bytes(page, "PNG")}), name="z.zip",
                           config=_config())  # fmt: skip
    assert (docs[1].status, docs[1].error_kind) == ("error", "OcrUnavailable")
    assert "OCR" in (docs[1].error_message or "")
    off = leakclf.extract(make.image_bytes(page, "PNG"), name="a.png", config=_config("off"))[0]
    assert off.status == "ok" and off.text == ""  # off: never needs Tesseract


@pytest.mark.usefixtures("no_tesseract")
def test_pipeline_reports_ocr_unavailable_rows(page: object) -> None:
    from leakclf.config import DetectConfig

    pipe = leakclf.Pipeline(Config(detect=DetectConfig(ner=False)))
    row = pipe.process(make.image_bytes(page, "PNG"), name="scan.png")[0]
    assert (row.status, row.error_kind, row.text_source) == ("error", "OcrUnavailable", None)


def test_missing_language_data_is_ocr_unavailable(page: object) -> None:
    with pytest.raises(OcrUnavailable, match="no data for the languages 'qqq'"):
        leakclf.extract(make.image_bytes(page, "PNG"), name="a.png",
                        config=_config(languages=("qqq",)))  # fmt: skip


def test_page_time_limit_stops_one_page_not_the_file(
    page: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    slow = bin_dir / "tesseract"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    data = make.scanned_pdf_bytes([page], text="Typed cover page text here")
    doc = leakclf.extract(data, name="slow.pdf", config=_config(page_timeout_s=1.0))[0]
    assert doc.status == "ok" and "page_timeout_s" in doc.limits_hit
    assert doc.text == "Typed cover page text here"


@pytest.mark.parametrize(
    ("data", "limit"),
    [
        pytest.param(make.bomb_png(100_000, 100_000), "max_image_pixels", id="png-100k-squared"),
        pytest.param(make.bomb_png(2**31 - 1, 2), "max_image_pixels", id="png-2g-wide"),
    ],
)
def test_bomb_sized_images_are_refused_before_decoding(data: bytes, limit: str) -> None:
    with pytest.raises(LimitExceeded) as info:
        leakclf.extract(data, name="bomb.png", config=_config())
    assert info.value.limit == limit


def test_huge_pdf_page_is_rendered_within_the_pixel_limit() -> None:
    """A 200 x 200 inch scanned page would be 3.6 gigapixels at 300 dpi."""
    from fpdf import FPDF

    pdf = FPDF(unit="in", format=(200, 200))
    pdf.add_page()
    pdf.image(make.text_image(LINES), x=0, y=0, w=200)
    config = Config(limits=Limits(max_image_pixels=4_000_000), ocr=OcrConfig())
    doc = leakclf.extract(bytes(pdf.output()), name="huge.pdf", config=config)[0]
    assert "max_image_pixels" in doc.limits_hit and doc.status == "ok"


@pytest.mark.parametrize("cut", [pytest.param(0.5, id="half"), pytest.param(0.1, id="tenth")])
def test_truncated_images(page: object, cut: float) -> None:
    data = make.image_bytes(page, "PNG")
    data = data[: int(len(data) * cut)]
    with pytest.raises(leakclf.ExtractionError) as info:
        leakclf.extract(data, name="cut.png", config=_config())
    assert info.value.kind in ("CorruptFile",)


def test_zero_length_and_wrong_extension(page: object) -> None:
    with pytest.raises(leakclf.CorruptFile, match="empty"):
        leakclf.extract(b"", name="x.png", config=_config())
    doc = leakclf.extract(make.image_bytes(page, "PNG"), name="report.pdf", config=_config())[0]
    assert doc.media_type == "image/png" and _has_words(doc.text)  # content decides


@pytest.mark.parametrize(
    "name", ["image/receipt_electronics_store.jpg", "image/energy_assistance_form.png",
             "image/swiss_qr_bill_letter.jpg", "scanned_pdf/fax_test_letter_1972.pdf"],
)  # fmt: skip
def test_real_scans(real_world: Path, name: str) -> None:
    words = {
        "image/receipt_electronics_store.jpg": ["MEGA MARKET", "HDMI", "SUBTOTAL"],
        "image/energy_assistance_form.png": ["ENERGY ASSISTANCE", "APPLICATION FOR ASSISTANCE"],
        "image/swiss_qr_bill_letter.jpg": ["Rutschmann", "Rorschach"],
        "scanned_pdf/fax_test_letter_1972.pdf": ["SLEREXE", "facsimile", "photocell"],
    }[name]
    doc = leakclf.extract(real_world / "legacy" / name, config=_config())[0]
    low = doc.text.lower()
    assert doc.text_source == "ocr" and all(w.lower() in low for w in words), words


def test_file_time_budget_stops_ocr_between_pages(
    page: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page may take page_timeout_s, the file no more than limits.time_budget_s."""
    import time

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    slow = bin_dir / "tesseract"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    data = make.scanned_pdf_bytes([page] * 6, text="Typed cover page text here")
    config = Config(limits=Limits(time_budget_s=2.5), ocr=OcrConfig(page_timeout_s=1.0))
    started = time.monotonic()
    doc = leakclf.extract(data, name="slow.pdf", config=config)[0]
    assert time.monotonic() - started < 8
    assert {"page_timeout_s", "time_budget_s"} <= set(doc.limits_hit)
    assert doc.text == "Typed cover page text here"
