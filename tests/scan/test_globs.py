"""--include / --exclude: gitignore-like globs over paths relative to the scanned root."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from leakclf.config import Config, ScanConfig
from leakclf.scan import scan
from leakclf.scan.globs import Glob
from leakclf.scan.testing import FakePipeline

from .conftest import KEY, write_dump


@pytest.mark.parametrize(
    ("pattern", "path", "hit"),
    [
        pytest.param("*.tmp", "x.tmp", True, id="name-at-root"),
        pytest.param("*.tmp", "a/b/x.tmp", True, id="name-at-any-depth"),
        pytest.param("*.tmp", "x.tmpl", False, id="name-whole-only"),
        pytest.param("CVs/*", "CVs/a.pdf", True, id="anchored-folder-content"),
        pytest.param("CVs/*", "CVs/2019/a.pdf", True, id="anchored-folder-deep-content"),
        pytest.param("CVs/*", "HR/CVs/a.pdf", False, id="anchored-not-elsewhere"),
        pytest.param("**/CVs/*", "HR/CVs/a.pdf", True, id="double-star-any-depth"),
        pytest.param("CVs/", "HR/CVs/a.pdf", True, id="folder-name-any-depth"),
        pytest.param("CVs/", "CVs", False, id="trailing-slash-folders-only"),
        pytest.param("CVs", "HR/CVs", True, id="bare-name-matches-a-file-too"),
        pytest.param("**/drafts/**", "a/drafts/b/c.doc", True, id="double-star-both-sides"),
        pytest.param("**/drafts/**", "drafts/c.doc", True, id="double-star-no-folder-above"),
        pytest.param("/notes.txt", "notes.txt", True, id="leading-slash-anchors"),
        pytest.param("/notes.txt", "a/notes.txt", False, id="leading-slash-root-only"),
        pytest.param("a*b", "a/b", False, id="star-stays-in-one-folder"),
        pytest.param("f?.txt", "f1.txt", True, id="question-mark"),
        pytest.param("[!a]*.txt", "b.txt", True, id="negated-class"),
        pytest.param("[!a]*.txt", "a.txt", False, id="negated-class-miss"),
        pytest.param("*.PDF", "x.pdf", False, id="case-sensitive"),
    ],
)
def test_glob(pattern: str, path: str, hit: bool) -> None:
    assert Glob.parse(pattern).matches(path) is hit


def _sources(root: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> list[str]:
    config = Config(key=KEY, scan=ScanConfig(include=include, exclude=exclude))
    s = scan(root, config=config, progress=False, pipeline_factory=FakePipeline, workers=1)
    return sorted(r.source for r in s if r.parent is None)


def test_exclude_relative_to_the_root_and_warn_on_no_match(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_dump(
        tmp_path / "dump",
        {
            "CVs/jane.txt": b"cv",
            "HR/CVs/bob.txt": b"cv2",
            "a.tmp": b"t",
            "x/drafts/d.txt": b"d",
            "keep.txt": b"k",
        },
    )
    with caplog.at_level(logging.WARNING, logger="leakclf"):
        got = _sources(root, exclude=("CVs/*", "*.tmp", "**/drafts/**", "Archive/*", "*.bak"))
    assert got == ["dump/HR/CVs/bob.txt", "dump/keep.txt"]
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 2, warned
    assert "scan.exclude pattern 'Archive/*' matched no path" in warned[0]
    assert "prefix '**/' to match at any depth" in warned[0]
    assert "scan.exclude pattern '*.bak' matched no path" in warned[1]
    assert "anchored" not in warned[1]


def test_include_folders(tmp_path: Path) -> None:
    root = write_dump(
        tmp_path / "dump", {"CVs/jane.txt": b"cv", "HR/CVs/bob.txt": b"cv2", "keep.txt": b"k"}
    )
    assert _sources(root, include=("CVs/",)) == ["dump/CVs/jane.txt", "dump/HR/CVs/bob.txt"]
