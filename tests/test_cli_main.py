"""The CLI's own plumbing: logging stays leakclf's, a closed pipe is not an error."""

import logging
import subprocess
import sys

from leakclf.cli import _configure_logging


def test_only_leakclf_records_reach_stderr(capsys):
    root = logging.getLogger()
    try:
        _configure_logging(2)
        _configure_logging(2)  # a second call replaces the handler, it does not add one
        assert [h.get_name() for h in root.handlers].count("leakclf-cli") == 1
        logging.getLogger("pdfminer.psparser").warning("raw bytes b'4111 1111 1111 1111'")
        logging.getLogger("leakclf.scan").debug("scanned 3 files")
        err = capsys.readouterr().err
    finally:
        for h in [h for h in root.handlers if h.get_name() == "leakclf-cli"]:
            root.removeHandler(h)
        logging.getLogger("leakclf").setLevel(logging.NOTSET)
    assert "scanned 3 files" in err
    assert "4111" not in err


def test_closed_pipe_is_not_a_traceback(tmp_path):
    """`leakclf demo ... | head -0`: the reader is gone before anything is printed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "leakclf", "demo", str(tmp_path / "d"), "--files", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert b"Traceback" not in err and b"BrokenPipe" not in err
