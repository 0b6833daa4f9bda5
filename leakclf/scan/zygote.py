"""Workers forked from one process that has already loaded the pipeline (a "zygote").

Loading the models costs about 2 CPU seconds; a scan used to pay it in every worker, and again
in every worker that replaced one killed for its time or memory budget. The zygote is started
like a worker (``spawn.Worker``: a fresh interpreter that never re-imports the caller's
``__main__``), builds and loads the pipeline once, moves everything it allocated out of the
garbage collector's reach (``gc.freeze``: the collector then never walks the model objects,
neither in the zygote nor in its children, which also keeps those pages shared), and then only
forks. The zygote holds no thread and no task: its children start with the loaded pipeline and
nothing else.

Protocol on the zygote's connection (one request at a time, from the scan driver):

* ``("fork",)`` followed by a socket passed with ``send_handle``: the zygote forks a child that
  serves tasks on that socket (``local.serve``) and answers with the child's pid;
* ``("wait", pid, timeout)``: reap ``pid`` within ``timeout`` seconds (0: only look) and answer
  with its exit code (``-N`` for signal N, as ``subprocess`` says it), or None while it runs;
* ``None``: stop. Children still running keep running until their own connection closes.

The driver kills a child with ``os.kill`` and learns its exit code from the zygote, which is
the child's parent and the only process that can reap it.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle
from typing import Any

from leakclf.config import Config
from leakclf.scan.spawn import Worker


def zygote_main(conn: Connection, factory: Callable[[Config], Any], config: Config) -> None:
    """The loop of the zygote process (started by ``spawn.Worker``)."""
    from leakclf.scan.local import build, serve, settle  # load time: the worker loop lives there

    pipeline = build(conn, factory, config)
    if pipeline is None:
        return
    settle()  # the loaded models: never walked again by the collector, here or in children
    conn.send(("ready", time.monotonic()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if msg is None:
            return
        if msg[0] == "fork":
            fd = recv_handle(conn)
            pid = os.fork()
            if pid == 0:  # the child: serve tasks on its own socket, never return here
                code = 0
                try:
                    conn.close()
                    serve(Connection(fd), pipeline)
                except BaseException:  # noqa: BLE001 - a child must never run the zygote loop
                    code = 1
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(code)
            os.close(fd)
            conn.send(pid)
        elif msg[0] == "wait":
            conn.send(_reap(msg[1], msg[2]))


def _reap(pid: int, timeout: float) -> int | None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            got, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return None  # not ours (already reaped): the driver keeps the code it was given
        if got == pid:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.01)


class Zygote:
    """The driver's side: start the zygote, ask it for workers and for their exit codes."""

    def __init__(self, payload: tuple[Any, ...]) -> None:
        self.proc = Worker(payload, main="leakclf.scan.zygote:zygote_main")
        self.conn = self.proc.conn
        self.pid = self.proc.pid
        self.started = time.monotonic()

    def fork(self) -> Forked:
        return Forked(self)

    def request(self, msg: tuple[Any, ...], fd: int | None = None) -> Any:
        self.conn.send(msg)
        if fd is not None:
            send_handle(self.conn, fd, self.pid)
        return self.conn.recv()

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(5)
        self.proc.kill()


class Forked:
    """A worker forked by the zygote, with ``spawn.Worker``'s interface."""

    def __init__(self, zygote: Zygote) -> None:
        self.zygote = zygote
        mine, theirs = socket.socketpair()
        try:
            self.pid: int = zygote.request(("fork",), theirs.fileno())
        except BaseException:
            mine.close()
            raise
        finally:
            theirs.close()
        self.conn = Connection(mine.detach())
        self._dead = False
        self._code: int | None = None

    def _wait(self, timeout: float) -> None:
        if self._dead:
            return
        try:
            code = self.zygote.request(("wait", self.pid, timeout))
        except (EOFError, OSError):  # the zygote is gone: its children went to init
            deadline = time.monotonic() + timeout
            while _running(self.pid):
                if time.monotonic() >= deadline:
                    return
                time.sleep(0.01)
            self._dead = True  # its exit code is lost with the zygote that could reap it
            return
        if code is not None:
            self._dead, self._code = True, code

    def is_alive(self) -> bool:
        self._wait(0.0)
        return not self._dead

    @property
    def exitcode(self) -> int | None:
        """The exit code (``-N`` for signal N); None while it runs, or if nobody could tell."""
        self._wait(0.0)
        return self._code

    def join(self, timeout: float) -> None:
        self._wait(timeout)

    def kill(self) -> None:
        if self.is_alive():
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.join(5)
        self.conn.close()


def _running(pid: int) -> bool:
    import psutil  # load time: only when the zygote died under its children

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
