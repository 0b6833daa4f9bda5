"""The local engine with the shipped FakePipeline: rows, duplicates, odd files, budgets."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from leakclf.config import Config, Limits, ScanConfig
from leakclf.model import DocumentResult
from leakclf.scan import scan
from leakclf.scan.testing import FakePipeline, SlowLoadingPipeline, WhereLoadedPipeline

from .conftest import KEY, write_dump


def _rows(root: Path, config: Config, **kw: object) -> list[tuple[object, ...]]:
    s = scan(root, config=config, progress=False, pipeline_factory=FakePipeline, **kw)
    return sorted((r.source, r.parent, r.status, r.level, r.error_kind, r.duplicate_of) for r in s)


def test_rows_children_and_duplicates(dump: Path, config: Config) -> None:
    # the canonical copy is the shortest path (then lexical order), not the first to finish
    assert _rows(dump, config, workers=2) == [
        ("dump/a.txt", None, "ok", "confidential", None, None),
        ("dump/b.txt", None, "ok", "internal", None, None),
        ("dump/box-copy.zip", None, "duplicate", "restricted", None, "dump/box.zip"),
        (
            "dump/box-copy.zip!/m1.txt",
            "dump/box-copy.zip",
            "duplicate",
            "restricted",
            None,
            "dump/box.zip!/m1.txt",
        ),
        (
            "dump/box-copy.zip!/m2.txt",
            "dump/box-copy.zip",
            "duplicate",
            "public",
            None,
            "dump/box.zip!/m2.txt",
        ),
        ("dump/box.zip", None, "ok", "restricted", None, None),
        ("dump/box.zip!/m1.txt", "dump/box.zip", "ok", "restricted", None, None),
        ("dump/box.zip!/m2.txt", "dump/box.zip", "ok", "public", None, None),
        ("dump/sub/b-copy.txt", None, "duplicate", "internal", None, "dump/b.txt"),
        ("dump/sub/deep/c.txt", None, "ok", "public", None, None),
    ]


def test_copies_listed_on_the_canonical_row_and_inside_archives(tmp_path: Path) -> None:
    from .conftest import _zip

    root = write_dump(
        tmp_path / "d",
        {
            "zz/long-name-first.txt": b"INTERNAL same",  # sorts first, finishes first, not canonical
            "a.txt": b"INTERNAL same",
            "old.zip": _zip({"inner/a.txt": b"INTERNAL same", "other.txt": b"x"}),
        },
    )
    for workers in (1, 2):
        s = scan(
            root,
            config=Config(key=b"k" * 64),
            progress=False,
            pipeline_factory=FakePipeline,
            workers=workers,
        ).wait()
        rows = {r.source: r for r in s}
        assert (rows["d/a.txt"].status, rows["d/a.txt"].copies) == (
            "ok",
            ("d/old.zip!/inner/a.txt", "d/zz/long-name-first.txt"),
        )
        for copy in ("d/zz/long-name-first.txt", "d/old.zip!/inner/a.txt"):
            assert (rows[copy].status, rows[copy].duplicate_of, rows[copy].copies) == (
                "duplicate",
                "d/a.txt",
                (),
            )
        assert rows["d/old.zip"].status == "ok" and rows["d/old.zip!/other.txt"].status == "ok"
        assert s.summary()["duplicates"] == 2


def test_single_archive_root(dump: Path, config: Config) -> None:
    assert [r[:3] for r in _rows(dump / "box.zip", config, workers=1)] == [
        ("box.zip", None, "ok"),
        ("box.zip!/m1.txt", "box.zip", "ok"),
        ("box.zip!/m2.txt", "box.zip", "ok"),
    ]


def _odd(root: Path) -> None:
    os.mkfifo(root / "pipe")
    (root / "escape").symlink_to("/etc/hostname")
    (root / "inside").symlink_to(root / "a.txt")
    (root / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"latin-1 name")


@pytest.mark.parametrize(
    ("follow", "inside"),
    [
        pytest.param(
            False,
            ("dump/inside", None, "unsupported", "internal", "Symlink", None),
            id="symlinks-not-followed",
        ),
        pytest.param(
            True,
            ("dump/inside", None, "duplicate", "confidential", None, "dump/a.txt"),
            id="symlink-inside-root-followed",
        ),
    ],
)
def test_odd_files_get_rows(dump: Path, follow: bool, inside: tuple[object, ...]) -> None:
    _odd(dump)
    config = Config(key=b"k" * 64).replace(scan=ScanConfig(follow_symlinks=follow))
    rows = {r[0]: r for r in _rows(dump, config, workers=1)}
    assert rows["dump/pipe"] == ("dump/pipe", None, "unsupported", "internal", "SpecialFile", None)
    assert rows["dump/escape"][2:5] == ("error", "internal", "SymlinkOutsideRoot")
    assert rows["dump/inside"] == inside
    assert rows["dump/caf\\xe9.txt"][2] == "ok"


@pytest.mark.parametrize(
    ("content", "limits", "kind"),
    [
        pytest.param(b"HANG", Limits(time_budget_s=1.5), "Timeout", id="hang-timeout"),
        pytest.param(b"BLOAT", Limits(memory_budget_mb=300), "MemoryLimit", id="memory-budget"),
        pytest.param(b"CRASH", Limits(), "WorkerCrashed", id="worker-dies"),
    ],
)
def test_bad_worker_is_replaced_and_scan_goes_on(
    tmp_path: Path, content: bytes, limits: Limits, kind: str
) -> None:
    root = write_dump(
        tmp_path / "d", {"1-bad.txt": content, "2.txt": b"INTERNAL", "3.txt": b"CONFIDENTIAL"}
    )
    rows = _rows(root, Config(key=b"k" * 64, limits=limits), workers=1)
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("d/1-bad.txt", "error", kind),
        ("d/2.txt", "ok", None),
        ("d/3.txt", "ok", None),
    ]


@pytest.mark.parametrize(
    ("include", "exclude", "expected"),
    [
        pytest.param(("*.zip",), (), ["dump/box-copy.zip", "dump/box.zip"], id="include-glob"),
        pytest.param((), ("*.zip", "sub/*"), ["dump/a.txt", "dump/b.txt"], id="exclude-globs"),
    ],
)
def test_include_exclude(
    dump: Path, include: tuple[str, ...], exclude: tuple[str, ...], expected: list[str]
) -> None:
    config = Config(key=b"k" * 64).replace(scan=ScanConfig(include=include, exclude=exclude))
    assert sorted({r[0] for r in _rows(dump, config, workers=1) if "!/" not in r[0]}) == expected


def test_missing_root_is_a_config_error(tmp_path: Path) -> None:
    from leakclf.errors import ConfigError

    with pytest.raises(ConfigError, match="does not exist"):
        scan(tmp_path / "nope", progress=False, pipeline_factory=FakePipeline).wait()


def test_unreadable_file_gets_a_row(
    dump: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leakclf.scan import runner

    real = runner.sha256_local

    def deny(path: str) -> str:
        if path.endswith("a.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(runner, "sha256_local", deny)
    rows = {r[0]: r for r in _rows(dump, config, workers=1)}
    assert rows["dump/a.txt"] == ("dump/a.txt", None, "error", "internal", "Unreadable", None)
    assert rows["dump/b.txt"][2] == "ok"


def test_memory_url_with_size_limit(config: Config) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe({"/case/dump/small.txt": b"INTERNAL", "/case/dump/big.txt": b"x" * 2048})
    try:
        limited = config.replace(limits=Limits(max_file_bytes=1024))
        rows = _rows("memory://case/dump", limited, workers=1)  # type: ignore[arg-type]
    finally:
        fs.rm("/case", recursive=True)
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("dump/big.txt", "skipped_limit", "LimitExceeded"),
        ("dump/small.txt", "ok", None),
    ]


def test_wall_time_is_recorded_for_every_file_killed_ones_included(tmp_path: Path) -> None:
    budget = 1.5
    root = write_dump(
        tmp_path / "d",
        {"1-hang.txt": b"HANG", "2-slow.txt": b"SLOW INTERNAL", "3.txt": b"CONFIDENTIAL"},
    )
    s = scan(
        root,
        config=Config(key=b"k" * 64, limits=Limits(time_budget_s=budget)),
        progress=False,
        pipeline_factory=FakePipeline,
        workers=1,
    )
    wall = {r.source: r.timings.get("wall") for r in s if r.parent is None}
    assert set(wall) == {"d/1-hang.txt", "d/2-slow.txt", "d/3.txt"}
    # killed at the budget, seen within one poll (0.2 s); 2 s of slack for a loaded machine
    assert budget <= wall["d/1-hang.txt"] <= budget + 2.0  # type: ignore[operator]
    assert 0.3 <= wall["d/2-slow.txt"] <= 0.3 + 2.0  # type: ignore[operator]  # sleeps 0.3 s
    assert 0 <= wall["d/3.txt"] <= 2.0  # type: ignore[operator]


def test_model_loading_is_not_charged_to_the_first_file(tmp_path: Path) -> None:
    # Loading takes longer than a file's whole budget: the worker loads before it reports
    # ready, so no file is killed for it.
    write_dump(tmp_path / "dump", {"a.txt": b"x@contoso.example", "b.txt": b"plain"})
    config = Config(key=KEY, limits=Limits(time_budget_s=SlowLoadingPipeline.LOAD_S / 2))
    rows = list(
        scan(
            tmp_path / "dump",
            config=config,
            workers=1,
            progress=False,
            pipeline_factory=SlowLoadingPipeline,
        )
    )
    assert sorted((r.source, r.status) for r in rows) == [
        ("dump/a.txt", "ok"),
        ("dump/b.txt", "ok"),
    ]


def scan_where_loaded(
    root: Path, files: dict[str, bytes], limits: Limits | None = None
) -> dict[str, DocumentResult]:
    """``files`` scanned one per task by two workers running ``WhereLoadedPipeline``, by source."""
    write_dump(root, files)
    config = Config(key=KEY, limits=limits or Limits(), scan=ScanConfig(batch_files=1))
    s = scan(root, config=config, workers=2, progress=False, pipeline_factory=WhereLoadedPipeline)
    return {r.source: r for r in s}


def test_workers_are_forked_from_one_loaded_pipeline(tmp_path: Path) -> None:
    # Models load once per scan, in the zygote; every worker (the two first ones and those
    # that replace a worker killed for its budget or dead) is forked from it, already loaded.
    files = {f"{i:02d}.txt": b"INTERNAL %d" % i for i in range(12)}
    files.update({"03-hang.txt": b"HANG", "07-crash.txt": b"CRASH"})
    rows = scan_where_loaded(tmp_path / "d", files, Limits(time_budget_s=1.5))
    assert (rows["d/03-hang.txt"].error_kind, rows["d/07-crash.txt"].error_kind) == (
        "Timeout",
        "WorkerCrashed",
    )
    assert "exit code 3" in (rows["d/07-crash.txt"].error_message or "")
    ok = [r for r in rows.values() if r.status == "ok"]
    assert len(ok) == 12
    loaded_in = {r.timings["loaded_in"] for r in ok}
    workers = {r.timings["pid"] for r in ok}
    assert len(loaded_in) == 1 and loaded_in.isdisjoint(workers)
    assert len(workers) >= 3  # replaced workers too
    assert all(r.timings["frozen"] > 0 for r in ok)


def test_a_dead_zygote_leaves_the_scan_going(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The zygote is killed by a file (and its worker dies): that file gets its row, the
    # driver starts a worker of its own instead, and every other file is analysed (by it or
    # by the other worker, which outlives its parent).
    files = {f"{i:02d}.txt": b"INTERNAL %d" % i for i in range(10)}
    files["04-orphan.txt"] = b"ORPHAN"
    rows = scan_where_loaded(tmp_path / "d", files)
    assert len(rows) == 11
    assert rows["d/04-orphan.txt"].error_kind == "WorkerCrashed"
    assert "exit code None" in (rows["d/04-orphan.txt"].error_message or "")  # nobody to ask
    assert sum(r.status == "ok" for r in rows.values()) == 10
    assert "zygote process is gone" in caplog.text


def test_a_dask_sandbox_worker_loads_its_own_pipeline(tmp_path: Path) -> None:
    # One worker: no zygote beside it (a second loaded copy only to replace it faster); a
    # replaced worker (here after a timeout) loads its own too.
    from leakclf.scan.dask_engine import Sandbox
    from leakclf.scan.local import Task

    root = write_dump(tmp_path / "d", {"a.txt": b"INTERNAL", "b.txt": b"HANG", "c.txt": b"x"})
    sandbox = Sandbox(WhereLoadedPipeline, Config(key=KEY, limits=Limits(time_budget_s=1.5)))
    outcomes = [
        sandbox.process(Task(i, p.name, str(p))) for i, p in enumerate(sorted(root.iterdir()))
    ]
    a, hung, c = outcomes
    assert getattr(hung, "kind", None) == "Timeout"
    pids = [(rows[0].timings["loaded_in"], rows[0].timings["pid"]) for rows in (a, c)]  # type: ignore[index]
    assert all(loaded == pid for loaded, pid in pids)
    assert pids[0] != pids[1]


def test_an_engine_started_but_never_run_leaves_no_process(tmp_path: Path) -> None:
    # A scan starts the zygote before it opens its journal; an error there must not leave it.
    import psutil

    from leakclf.scan.local import LocalEngine

    def children() -> dict[int, psutil.Process]:
        kids = psutil.Process().children()
        return {p.pid: p for p in kids if "resource_tracker" not in " ".join(p.cmdline())}

    before = children()  # other tests' processes may still be here: not the last child
    engine = LocalEngine(Config(key=KEY), 2, FakePipeline)
    engine.start()
    started = [p for pid, p in children().items() if pid not in before]
    assert started, "start() started no process"
    engine.stop()
    _, alive = psutil.wait_procs(started, timeout=5)
    assert not alive


@pytest.mark.parametrize(
    ("first", "events"),
    [
        # the worker gets the next file before the caller records the first one's rows
        pytest.param(b"INTERNAL", ["take 0", "take 1", "rows 0", "rows 1"], id="done"),
        # a failed file: the caller sees it before any other file is taken (it may want to
        # send files again, and must not find the tasks ended)
        pytest.param(b"CRASH", ["take 0", "rows 0", "take 1", "rows 1"], id="failed"),
    ],
)
def test_an_idle_worker_gets_its_next_task_before_the_rows_are_recorded(
    tmp_path: Path, first: bytes, events: list[str]
) -> None:
    from leakclf.scan.local import LocalEngine, Task

    root = write_dump(tmp_path / "d", {"0.txt": first, "1.txt": b"CONFIDENTIAL"})
    seen: list[str] = []

    def tasks() -> Iterator[Task]:
        for i, path in enumerate(sorted(root.iterdir())):
            seen.append(f"take {i}")
            yield Task(i, path.name, str(path))

    for task, _ in LocalEngine(Config(key=KEY), 1, FakePipeline).run(tasks()):
        seen.append(f"rows {task.tid}")
    assert seen == events
