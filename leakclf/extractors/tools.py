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
from dataclasses import dataclass

from leakclf.errors import CorruptFile, LimitExceeded
from leakclf.extractors.base import Job

#: The wrapper that applies the limits and then becomes the program (``exec``): address space
#: in KiB, the largest file it may write in 512-byte blocks.
_LIMITED = 'ulimit -v "$1" 2>/dev/null; ulimit -f "$2" 2>/dev/null; shift 2; exec "$@"'


class ToolMissing(Exception):
    """The program is not installed; the handler decides what that means for the file."""


@dataclass(frozen=True)
class Ran:
    """How a run ended, and the files it wrote under ``{output}`` (path, bytes), sorted."""

    returncode: int
    stdout: bytes
    stderr: bytes
    files: tuple[tuple[str, bytes], ...] = ()


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
    limit: str = "tool_timeout_s",
) -> Ran:
    """Run ``argv`` bounded; ``{input}`` in ``argv`` is replaced by a temporary copy of ``data``,
    ``{output}`` by an empty private folder whose files are read back (bounded) before removal.

    Raises ``ToolMissing`` when the program is absent and ``LimitExceeded`` (``tool_timeout_s``)
    when it runs too long (named ``limit``: the setting that bounded it). The caller checks the
    return code.
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
        out_dir = os.path.join(tmp, "out")
        os.mkdir(out_dir, 0o700)
        args = [out_dir if a == "{output}" else a for a in args]
        blocks = job.ctx.limits.max_file_bytes // 512 + 1
        cmd = ["/bin/sh", "-c", _LIMITED, "sh", str(cfg.tool_memory_mb * 1024), str(blocks), *args]
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
            raise LimitExceeded(
                f"{job.label}: {argv[0]} did not finish within {timeout:.1f} s (limit "
                f"{limit}); raise it in the config if you trust this file",
                source=job.label,
                limit=limit,
            ) from None
        except BaseException:
            _kill(proc)
            raise
        files = _collect(job, out_dir) if "{output}" in argv else ()
    return Ran(proc.returncode, out, err, files)


def _collect(job: Job, root: str) -> tuple[tuple[str, bytes], ...]:
    """Regular files under ``root`` (never following links), within the unpack budget."""
    found: list[tuple[str, bytes]] = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            size = os.path.getsize(path)
            if size > min(job.ctx.budget(), job.ctx.limits.max_file_bytes):
                job.hit("max_total_uncompressed")
                continue
            with open(path, "rb") as fh:
                data = fh.read(size + 1)
            job.ctx.unpacked += len(data)
            found.append((os.path.relpath(path, root), data))
    return tuple(found)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill the program and everything it started; close the pipes (stdin may be half written)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            try:
                pipe.close()
            except OSError:  # a broken pipe to a killed reader
                pass
    proc.wait()


def failed(job: Job, program: str, proc: Ran) -> CorruptFile:
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
