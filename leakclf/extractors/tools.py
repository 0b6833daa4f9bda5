"""External readers (antiword, catdoc, catppt, tesseract): bounded runs on private temporary files.

Every run has a wall-clock timeout (``extract.tool_timeout_s``, never past the file's time budget)
and an address-space limit (``extract.tool_memory_mb``, applied with ``ulimit -v`` by ``/bin/sh``
before the program starts, so no ``preexec_fn`` runs in a threaded worker). Input goes to a
private temporary directory (mode 0700, the file 0600) that is removed when the run ends,
whatever happens. The program's own diagnostics are never shown: they can quote the document.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence

from leakclf.errors import CorruptFile, LimitExceeded
from leakclf.extractors.base import Job

#: The wrapper that applies the limits and then becomes the program (``exec``).
_LIMITED = 'ulimit -v "$1" 2>/dev/null; shift; exec "$@"'


class ToolMissing(Exception):
    """The program is not installed; the handler decides what that means for the file."""


def which(program: str) -> str | None:
    return shutil.which(program)


def run(
    job: Job,
    argv: Sequence[str],
    *,
    data: bytes | None = None,
    suffix: str = ".bin",
    stdin: bytes | None = None,
    timeout_s: float | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``argv`` bounded; ``{input}`` in ``argv`` is replaced by a temporary copy of ``data``.

    Raises ``ToolMissing`` when the program is absent and ``LimitExceeded`` (``tool_timeout_s``)
    when it runs too long. The caller checks the return code.
    """
    exe = which(argv[0])
    if exe is None:
        raise ToolMissing(argv[0])
    cfg = job.ctx.extract
    timeout = min(
        timeout_s or cfg.tool_timeout_s, cfg.tool_timeout_s, max(job.ctx.remaining(), 1.0)
    )
    with tempfile.TemporaryDirectory(prefix="leakclf-") as tmp:  # 0700, removed on exit
        args = [exe, *argv[1:]]
        if data is not None:
            path = os.path.join(tmp, "input" + suffix)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            args = [path if a == "{input}" else a for a in args]
        cmd = ["/bin/sh", "-c", _LIMITED, "sh", str(cfg.tool_memory_mb * 1024), *args]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
               "HOME": tmp, "OMP_THREAD_LIMIT": "1"}  # fmt: skip
        proc = subprocess.Popen(  # a fixed program list; the input is a file, never shell text
            cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp, env=env,
            start_new_session=True,
        )  # fmt: skip
        try:
            out, err = proc.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            job.hit("tool_timeout_s")
            raise LimitExceeded(
                f"{job.label}: {argv[0]} did not finish within {timeout:.0f} s (limit "
                "tool_timeout_s); raise extract.tool_timeout_s if you trust this file",
                source=job.label,
                limit="tool_timeout_s",
            ) from None
        except BaseException:
            _kill(proc)
            raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


def failed(job: Job, program: str, proc: subprocess.CompletedProcess[bytes]) -> CorruptFile:
    """A CorruptFile for a run that ended badly (never quoting the program's output)."""
    how = (
        f"was killed by signal {-proc.returncode}"
        if proc.returncode < 0
        else (f"exited with status {proc.returncode}")
    )
    return CorruptFile(
        f"{job.label}: {program} {how} reading it as {job.media_type}; the file is damaged, "
        "too large for extract.tool_memory_mb, or not what it claims to be",
        source=job.label,
    )
