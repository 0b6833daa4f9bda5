"""Worker processes that never re-import the caller's ``__main__``.

multiprocessing's ``spawn`` (and ``forkserver``) re-run the parent's main script in every
child, so a script that calls ``leakclf.scan()`` without an ``if __name__ == "__main__":``
guard would start a scan again inside each worker. A worker here is a fresh interpreter started
as ``python -c BOOT``: it imports leakclf and the pipeline factory, nothing else, whatever
started the parent (a script, ``python -c``, a REPL, a notebook).

Each worker runs in its own process group, so Ctrl-C in a terminal (SIGINT to the foreground
group) reaches only the parent, which then stops the workers: no worker tracebacks.
"""

from __future__ import annotations

import multiprocessing.spawn
import os
import socket
import subprocess
import sys
from multiprocessing.connection import Connection
from typing import Any

from leakclf.errors import ConfigError

# The bootstrap: take the connection, adopt the parent's sys.path, then run ``module:function``
# (a worker's loop, or the zygote's). When the parent says stop, exit at once: tearing down the
# loaded models (spaCy, the word lists) took about 1 CPU second per worker, at the end of every
# scan, for nothing (no state to save).
BOOT = (
    "import os, sys\n"
    "from importlib import import_module\n"
    "from multiprocessing.connection import Connection\n"
    "conn = Connection(int(sys.argv[1]))\n"
    "sys.path[:] = conn.recv()\n"
    "module, function = sys.argv[2].split(':')\n"
    "getattr(import_module(module), function)(conn, *conn.recv())\n"
    "sys.stdout.flush()\n"
    "sys.stderr.flush()\n"
    "os._exit(0)\n"
)


def python_executable() -> str:
    """The interpreter workers run on (``multiprocessing.set_executable`` is honoured)."""
    exe = multiprocessing.spawn.get_executable()
    path = os.fsdecode(exe) if exe else ""
    if not path or not os.access(path, os.X_OK):
        raise ConfigError(
            f"cannot start scan workers: the Python interpreter {path!r} is not executable; "
            "call multiprocessing.set_executable() with the path of python, or pass workers=1 "
            "in a normal Python process"
        )
    return path


class Worker:
    """One worker process and the connection to it."""

    def __init__(
        self, payload: tuple[Any, ...], *, main: str = "leakclf.scan.local:worker_main"
    ) -> None:
        """Start a process that runs ``main(conn, *payload)`` (``main`` as ``module:function``)."""
        if os.name != "posix":
            raise ConfigError(
                "the local scan engine needs a POSIX system (Linux, macOS); "
                "use engine='dask' elsewhere"
            )
        mine, theirs = socket.socketpair()
        try:
            self.proc = subprocess.Popen(
                [python_executable(), "-c", BOOT, str(theirs.fileno()), main],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                process_group=0,
            )
        finally:
            theirs.close()
        self.conn = Connection(mine.detach())
        self.pid = self.proc.pid
        self.conn.send(list(sys.path))
        self.conn.send(payload)

    def is_alive(self) -> bool:
        return self.proc.poll() is None

    @property
    def exitcode(self) -> int | None:
        return self.proc.poll()

    def join(self, timeout: float) -> None:
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pass

    def kill(self) -> None:
        if self.is_alive():
            self.proc.kill()
        self.join(5)
        self.conn.close()
