"""docs/tutorial.ipynb runs from top to bottom (small demo, one worker), so it cannot rot.

The kernel is a subprocess that talks to this process over zmq. It uses the ``ipc``
transport (unix sockets in the temp folder), so no network socket is opened at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"


def _parameters(nb: object, **values: object) -> None:
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))  # type: ignore[attr-defined]
    cell.source += "\n" + "\n".join(f"{k} = {v!r}" for k, v in values.items())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client/zmq internals
@pytest.mark.timeout(300)
def test_tutorial_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    nb = nbformat.read(NOTEBOOK, as_version=4)
    _parameters(nb, FILES=20, WORKERS=1)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    config = Config()
    config.KernelManager.transport = "ipc"  # unix sockets, named from this path
    config.KernelManager.ip = str(tmp_path / "kernel")
    client = NotebookClient(
        nb,
        timeout=240,
        kernel_name="python3",
        config=config,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 4  # the four plots rendered, not "<Figure ...>" reprs
    assert (tmp_path / "demo-dump").is_dir()
    assert (tmp_path / "demo-results.parquet").is_file()
    report = (tmp_path / "demo-report.html").read_text(encoding="utf-8")
    assert '<table id="file-table"' in report
