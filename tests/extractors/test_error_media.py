"""A top-level file that cannot be extracted still says what it is: its error row's media type
is sniffed from the content (within the limits), else taken from the extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from leakclf.config import Config, Limits
from leakclf.pipeline import Pipeline

KEY = b"m" * 64
BINARY = bytes(range(256))


@pytest.mark.parametrize(
    ("name", "data", "status", "media"),
    [
        pytest.param("broken.pdf", b"%PDF-1.4 not really", "error", "application/pdf", id="pdf-sniffed"),
        pytest.param("prog.exe", b"MZ\x90\x00" + BINARY, "unsupported", "application/x-msdownload", id="exe-sniffed"),
        pytest.param("noise.eml", b"\x00\x01\x02" * 40, "error", "message/rfc822", id="eml-by-extension"),
        pytest.param("noise.docx", b"\x00\x01\x02" * 40, "error", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", id="docx-by-extension"),
        pytest.param("noise.xyz", BINARY, "unsupported", "application/octet-stream", id="unknown-stays-octet-stream"),
    ],
)  # fmt: skip
def test_error_row_media_type(
    tmp_path: Path, name: str, data: bytes, status: str, media: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    pipe = Pipeline(Config(key=KEY))
    from_path, from_bytes = pipe.process(path)[0], pipe.process(data, name=name)[0]
    assert (from_path.status, from_path.media_type) == (status, media)
    assert (from_bytes.status, from_bytes.media_type) == (status, media)


def test_too_big_file_is_named_by_extension_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    path.write_bytes(b"\x00" * 4096)  # the content would say octet-stream: the name decides
    pipe = Pipeline(Config(key=KEY, limits=Limits(max_file_bytes=1024)))
    row = pipe.process(path)[0]
    assert (row.status, row.error_kind, row.media_type) == (
        "skipped_limit",
        "LimitExceeded",
        "application/pdf",
    )


def test_a_link_is_never_opened_for_its_media_type(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("Jane Doe")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    row = Pipeline(Config(key=KEY)).process(link)[0]
    assert row.status != "ok" and row.media_type == "application/pdf"  # the name, not the target
