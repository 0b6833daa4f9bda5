"""The Dask engine and cloud buckets (Azurite, moto) give the same rows as the local engine."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from leakclf.config import Config
from leakclf.scan import TIMING_COLUMNS, read_results, scan
from leakclf.scan.testing import FakePipeline

from .conftest import FILES, KEY, write_dump

ROOT = Path(__file__).resolve().parents[2]
AZURITE = ROOT / ".tools" / "node_modules" / ".bin" / "azurite-blob"


def _rows(results: Any, drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    skip = (*TIMING_COLUMNS, *drop)
    return sorted(
        ({k: v for k, v in r.to_dict().items() if k not in skip} for r in results),
        key=lambda r: r["source"],
    )


def _local(dump: Path) -> list[dict[str, Any]]:
    return _rows(
        scan(
            dump, config=Config(key=KEY), workers=2, progress=False, pipeline_factory=FakePipeline
        ),
        drop=("mtime",),
    )


def _dask_scan(dump: Path, out: Path, *, workers: int) -> None:
    """Scan ``dump`` into ``out`` on an in-process Dask cluster of ``workers`` workers."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=workers, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        scan(
            dump,
            out=out,
            engine="dask",
            scheduler=client,
            config=Config(key=KEY),
            progress=False,
            pipeline_factory=FakePipeline,
        ).wait()


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_matches_local(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "dask.parquet"
    _dask_scan(dump, out, workers=2)
    assert out.is_dir() and sorted(p.suffix for p in out.iterdir()) == [".parquet"]
    assert _rows(read_results(out), drop=("mtime",)) == _local(dump)


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_dataset_inside_the_scanned_folder_is_not_scanned(dump: Path) -> None:
    out = dump / "results.parquet"  # a folder of parts, written into the dump itself
    (dump / "notes").mkdir()
    (dump / "notes" / "results.parquet").write_bytes(b"INTERNAL")  # the same name elsewhere
    _dask_scan(dump, out, workers=1)
    first = _rows(read_results(out), drop=("mtime",))
    _dask_scan(dump, out, workers=1)  # now the dataset's parts sit in the scanned folder
    again = _rows(read_results(out), drop=("mtime",))
    assert again == first
    sources = {r["source"] for r in again}
    assert {s for s in sources if "results.parquet" in s} == {"dump/notes/results.parquet"}


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
@pytest.mark.parametrize("name", ["results.jsonl", "results.csv"])
def test_dask_honours_the_requested_format(dump: Path, tmp_path: Path, name: str) -> None:
    """``-o results.jsonl`` with the Dask engine writes JSONL (not a Parquet folder)."""
    out = tmp_path / name
    _dask_scan(dump, out, workers=1)
    assert out.is_file()
    if name.endswith(".jsonl"):
        assert out.read_text(encoding="utf-8").startswith("{")
    assert _rows(read_results(out), drop=("mtime",)) == _local(dump)


BUDGETED = {
    "1-hang.txt": b"HANG",
    "2-crash.txt": b"CRASH",
    "3-ok.txt": b"INTERNAL a@b.example",
    "4-ok.txt": b"plain",
    "5-slow.txt": b"SLOW CONFIDENTIAL",
}


def _budget_rows(results: Any) -> dict[str, tuple[str, str | None]]:
    return {r.source.rsplit("/", 1)[-1]: (r.status, r.error_kind) for r in results}


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_enforces_the_time_budget(tmp_path: Path) -> None:
    """A hanging file gets a Timeout row and a crashing one WorkerCrashed; their partition
    neighbours get their own rows, the same as with the local engine."""
    from distributed import Client, LocalCluster

    from leakclf.config import Limits

    root = write_dump(tmp_path / "d", BUDGETED)
    config = Config(key=KEY, limits=Limits(time_budget_s=1.5))
    with (
        LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        got = scan(
            root,
            engine="dask",
            scheduler=client,
            config=config,
            progress=False,
            pipeline_factory=FakePipeline,
        ).results()
    local = scan(
        root, workers=1, config=config, progress=False, pipeline_factory=FakePipeline
    ).results()
    assert (
        _budget_rows(got)
        == _budget_rows(local)
        == {
            "1-hang.txt": ("error", "Timeout"),
            "2-crash.txt": ("error", "WorkerCrashed"),
            "3-ok.txt": ("ok", None),
            "4-ok.txt": ("ok", None),
            "5-slow.txt": ("ok", None),
        }
    )
    assert _rows(got, drop=("mtime", "error_message")) == _rows(
        local, drop=("mtime", "error_message")
    )


def _wait_port(port: int, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
                pytest.fail(f"dask scheduler did not listen on 127.0.0.1:{port}")
            time.sleep(0.2)


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_on_a_hand_started_cluster(tmp_path: Path) -> None:
    """docs/scaling.md's recipe: `dask scheduler` and `dask worker` started by hand on
    127.0.0.1, then a scan with --scheduler: same rows as the local engine, JSONL as asked,
    the time budget enforced on the worker."""
    import os
    import sys

    from distributed import Client

    from leakclf.config import Limits

    root = write_dump(tmp_path / "d", {**FILES, **BUDGETED})
    dask = str(Path(sys.executable).parent / "dask")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        _wait_port(port, procs)
        procs.append(
            subprocess.Popen(
                [
                    dask,
                    "worker",
                    f"tcp://127.0.0.1:{port}",
                    "--nthreads",
                    "1",
                    "--nworkers",
                    "2",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                ],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        with Client(f"tcp://127.0.0.1:{port}", timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        config = Config(key=KEY, limits=Limits(time_budget_s=1.5))
        out = tmp_path / "results.jsonl"
        scan(
            root,
            out=out,
            engine="dask",
            scheduler=f"tcp://127.0.0.1:{port}",
            config=config,
            progress=False,
            pipeline_factory=FakePipeline,
        ).wait()
        assert out.is_file()
        local = scan(
            root, workers=2, config=config, progress=False, pipeline_factory=FakePipeline
        ).results()
        got = read_results(out).results()
        assert _budget_rows(got)["1-hang.txt"] == ("error", "Timeout")
        assert _rows(got, drop=("mtime", "error_message")) == _rows(
            local, drop=("mtime", "error_message")
        )
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _upload(fs: Any, dump: Path, base: str) -> None:
    for path in sorted(p for p in dump.rglob("*") if p.is_file()):
        fs.pipe_file(f"{base}/{path.relative_to(dump).as_posix()}", path.read_bytes())


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_s3_bucket_matches_local(dump: Path) -> None:
    import s3fs
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    try:
        server.start()
    except Exception as exc:  # noqa: BLE001 - any start failure must fail the test
        pytest.fail(f"could not start moto's S3 server on 127.0.0.1:{port}: {exc}")
    try:
        options = {
            "endpoint_url": f"http://127.0.0.1:{port}",
            "key": "test",
            "secret": "test",
            "client_kwargs": {"region_name": "us-east-1"},
        }
        fs = s3fs.S3FileSystem(**options)
        fs.call_s3("create_bucket", Bucket="leak")
        _upload(fs, dump, "leak/dump")
        got = scan(
            "s3://leak/dump",
            config=Config(key=KEY),
            workers=2,
            progress=False,
            pipeline_factory=FakePipeline,
            storage_options=options,
        )
        assert _rows(got, drop=("mtime",)) == _local(dump)
    finally:
        server.stop()


@pytest.fixture
def azurite(tmp_path: Path) -> Any:
    if not AZURITE.exists():
        pytest.fail(f"Azurite not installed at {AZURITE}; run `make tools` (npm install azurite)")
    port = _free_port()
    proc = subprocess.Popen(
        [
            str(AZURITE),
            "--blobHost",
            "127.0.0.1",
            "--blobPort",
            str(port),
            "--inMemoryPersistence",
            "--skipApiVersionCheck",
            "--silent",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                pytest.fail(f"Azurite did not start on 127.0.0.1:{port} (exit {proc.returncode})")
            time.sleep(0.2)
    account, key = (
        "devstoreaccount1",
        (
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
        ),
    )
    yield (
        f"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};"
        f"BlobEndpoint=http://127.0.0.1:{port}/{account};"
    )
    proc.terminate()
    proc.wait(10)


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_azure_container_matches_local(dump: Path, azurite: str) -> None:
    import adlfs

    options = {"connection_string": azurite}
    fs = adlfs.AzureBlobFileSystem(**options)
    fs.mkdir("leak")
    _upload(fs, dump, "leak/dump")
    got = scan(
        "az://leak/dump",
        config=Config(key=KEY),
        workers=2,
        progress=False,
        pipeline_factory=FakePipeline,
        storage_options=options,
    )
    assert _rows(got, drop=("mtime",)) == _local(dump)
