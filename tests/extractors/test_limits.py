"""Limits keep what was safely extracted and record which limit was hit; paths are never followed."""

from __future__ import annotations

import os
import socket
from dataclasses import replace

import pytest

import leakclf
from leakclf.config import Config, Limits
from leakclf.errors import LimitExceeded, UnsupportedFormat

from . import make

MiB = 1 << 20


def _cfg(**limits: object) -> Config:
    return Config(limits=replace(Limits(), **limits))


def _summary(docs: list[leakclf.Document]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(d.name, d.status, d.limits_hit) for d in docs]


CASES = [
    pytest.param(
        make.pdf_bytes(("one", "two", "three")),
        _cfg(max_pages=2),
        [("x", "ok", ("max_pages",))],
        "one\n\ntwo",
        id="pdf-max-pages",
    ),
    pytest.param(
        make.pdf_bytes(("one", "two")),
        _cfg(max_chars=5),
        [("x", "ok", ("max_chars",))],
        "one",
        id="pdf-max-chars-stops-reading",
    ),
    pytest.param(
        b"abcdefghij" * 10,
        _cfg(max_chars=25),
        [("x", "ok", ("max_chars",))],
        "abcdefghijabcdefghijabcde",
        id="text-max-chars-truncates",
    ),
    pytest.param(
        make.zip_bytes({f"m{i}.txt": f"member {i}".encode() for i in range(5)}),
        _cfg(max_members=2),
        [("x", "ok", ("max_members",)), ("m0.txt", "ok", ()), ("m1.txt", "ok", ())],
        "",
        id="zip-max-members",
    ),
    pytest.param(
        make.tar_bytes({f"m{i}.txt": b"member" for i in range(3)}),
        _cfg(max_members=1),
        [("x", "ok", ("max_members",)), ("m0.txt", "ok", ())],
        "",
        id="tar-max-members",
    ),
    pytest.param(
        make.mbox_bytes([make.eml_bytes()] * 3),
        _cfg(max_members=2),
        [("x", "ok", ("max_members",)), ("message-1.eml", "ok", ()), ("message-2.eml", "ok", ())],
        "",
        id="mbox-max-members",
    ),
    pytest.param(
        make.eml_bytes(attachments=tuple((f"a{i}.txt", b"att", "text/plain") for i in range(3))),
        _cfg(max_attachments=1),
        [("x", "ok", ("max_attachments",)), ("a0.txt", "ok", ())],
        None,
        id="mail-max-attachments",
    ),
    pytest.param(
        make.zip_bytes({"bomb.txt": b"\0" * (3 * MiB), "ok.txt": b"fine"}),
        _cfg(max_ratio=50.0),
        [
            ("x", "ok", ("max_ratio",)),
            ("bomb.txt", "skipped_limit", ("max_ratio",)),
            ("ok.txt", "ok", ()),
        ],
        "",
        id="zip-bomb-declared-ratio",
    ),
    pytest.param(
        make.zip_bytes({"a.txt": b"a" * 3000, "b.txt": b"b" * 3000}),
        _cfg(max_total_uncompressed=4000),
        [
            ("x", "ok", ("max_total_uncompressed",)),
            ("a.txt", "ok", ()),
            ("b.txt", "skipped_limit", ("max_total_uncompressed",)),
        ],
        "",
        id="zip-total-uncompressed",
    ),
    pytest.param(
        make.zip_bytes({"big.txt": b"x" * 5000, "s.txt": b"small"}),
        _cfg(max_file_bytes=4096),
        [
            ("x", "ok", ("max_file_bytes",)),
            ("big.txt", "skipped_limit", ("max_file_bytes",)),
            ("s.txt", "ok", ()),
        ],
        "",
        id="zip-member-over-max-file-bytes",
    ),
    pytest.param(
        make.zip_bytes({"in.zip": make.zip_bytes({"deep.txt": b"deep"})}),
        _cfg(max_depth=1),
        [
            ("x", "ok", ()),
            ("in.zip", "ok", ("max_depth",)),
            ("deep.txt", "skipped_limit", ("max_depth",)),
        ],
        "",
        id="archive-max-depth",
    ),
]


@pytest.mark.parametrize(("data", "config", "expected", "text"), CASES)
def test_limit(
    data: bytes, config: Config, expected: list[tuple[str, str, tuple[str, ...]]], text: str | None
) -> None:
    docs = leakclf.extract(data, name="x", config=config)
    assert _summary(docs) == expected
    if text is not None:
        assert docs[0].text == text


@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(make.pdf_bytes(), "slow.pdf", id="pdf"),
        pytest.param(make.zip_bytes({"a.txt": b"member"}), "slow.zip", id="zip"),
        pytest.param(make.xlsx_bytes(), "slow.xlsx", id="xlsx"),
    ],
)
def test_nothing_read_within_the_time_budget_raises(data: bytes, name: str) -> None:
    with pytest.raises(LimitExceeded) as info:
        leakclf.extract(data, name=name, config=_cfg(time_budget_s=0.0))
    assert info.value.limit == "time_budget_s" and "limits.time_budget_s" in str(info.value)


def test_time_budget_keeps_the_children_read_before_it_ran_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from leakclf.extractors import base

    clock = iter(range(100))  # every look at the clock advances one second
    monkeypatch.setattr(base.time, "monotonic", lambda: float(next(clock)))
    data = make.zip_bytes({f"m{i}.txt": b"member" for i in range(5)})
    docs = leakclf.extract(data, name="x", config=_cfg(time_budget_s=2.5))
    assert _summary(docs) == [
        ("x", "ok", ("time_budget_s",)),
        ("m0.txt", "ok", ()),
        ("m1.txt", "ok", ()),
    ]


def test_gzip_bomb_stops_decompressing() -> None:
    bomb = make.gz_bytes(b"\0" * (4 * MiB))
    with pytest.raises(LimitExceeded) as info:
        leakclf.extract(bomb, name="bomb.gz", config=_cfg(max_ratio=10.0))
    assert info.value.limit == "max_ratio"


def test_docx_bomb_refused_before_parsing() -> None:
    data = make.zip_bytes({"word/document.xml": b" " * (3 * MiB), "[Content_Types].xml": b"<x/>"})
    with pytest.raises(LimitExceeded):
        leakclf.extract(data, name="bomb.docx", config=_cfg(max_ratio=20.0))


@pytest.mark.parametrize(
    ("source", "config"),
    [
        pytest.param("path", _cfg(max_file_bytes=10), id="path"),
        pytest.param("bytes", _cfg(max_file_bytes=10), id="bytes"),
    ],
)
def test_max_file_bytes_top_level(tmp_path, source: str, config: Config) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(LimitExceeded) as info:
        leakclf.extract(
            path if source == "path" else path.read_bytes(),
            name=None if source == "path" else "big.txt",
            config=config,
        )
    assert info.value.limit == "max_file_bytes"


def _symlink(tmp_path) -> str:
    (tmp_path / "target.txt").write_text("target text")
    os.symlink(tmp_path / "target.txt", tmp_path / "link.txt")
    return str(tmp_path / "link.txt")


def _fifo(tmp_path) -> str:
    os.mkfifo(tmp_path / "pipe")
    return str(tmp_path / "pipe")


def _socket(tmp_path) -> str:
    path = str(tmp_path / "sock")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(path)
    sock.close()
    return path


@pytest.mark.parametrize(
    ("make_path", "what"),
    [
        pytest.param(_symlink, "symbolic link", id="symlink-not-followed"),
        pytest.param(_fifo, "not a regular file", id="fifo-never-opened"),
        pytest.param(_socket, "not a regular file", id="unix-socket"),
        pytest.param(lambda p: str(p), "not a regular file", id="directory"),
        pytest.param(lambda p: "/dev/zero", "not a regular file", id="device"),
    ],
)
def test_only_regular_files_are_opened(tmp_path, make_path, what: str) -> None:
    path = make_path(tmp_path)
    with pytest.raises(UnsupportedFormat, match=what):  # a FIFO would block forever if opened
        leakclf.extract(path, config=Config())


def test_missing_file_is_a_typed_error(tmp_path) -> None:
    with pytest.raises(leakclf.ExtractionError, match="cannot be read"):
        leakclf.extract(tmp_path / "nope.pdf", config=Config())
