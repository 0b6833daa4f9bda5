"""The real pipeline on a small demo dump: local engine == Dask engine; nothing raw is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leakclf.config import Config
from leakclf.scan import TIMING_COLUMNS, read_results, scan

from .conftest import KEY


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from leakclf.demo import generate

    root = tmp_path_factory.mktemp("e2e") / "demo-dump"
    generate(root, files=12, seed=3)
    return root


def _rows(results: Any) -> list[dict[str, Any]]:
    return sorted(
        ({k: v for k, v in r.to_dict().items() if k not in TIMING_COLUMNS} for r in results),
        key=lambda r: r["source"],
    )


@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_local_and_dask_agree_on_the_demo_dump(demo: Path, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    local_out = tmp_path / "local.jsonl"
    local = _rows(
        scan(demo, out=local_out, workers=2, config=Config(key=KEY), progress=False).wait()
    )  # the finished rows: every copy marked
    assert {r["status"] for r in local} <= {"ok", "duplicate", "unsupported"}
    assert len({r["source"] for r in local if r["parent"] is None}) == 12
    assert any(r["findings"] for r in local)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        dask_out = tmp_path / "dask.parquet"
        scan(
            demo,
            out=dask_out,
            engine="dask",
            scheduler=client,
            config=Config(key=KEY),
            progress=False,
        ).wait()
    assert _rows(read_results(dask_out)) == local
    truth = json.loads((demo.parent / "demo-dump.truth.json").read_text())
    raw = [v for v in _strings(truth) if "@" in v][:20]
    written = local_out.read_text() + "".join(p.read_text("latin-1") for p in dask_out.iterdir())
    assert raw and not [v for v in raw if v in written]


def _strings(obj: Any) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []
