"""One scan at a time per output: ``<out>.lock``, held with ``flock`` for the whole run.

The lock file names its holder (pid, host, start time) so a second scan can say who has it.
The kernel drops a ``flock`` when its process dies, so a crashed scan never leaves a stale
lock behind: the next scan takes it over.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from leakclf.errors import OutputError


class OutputLock:
    def __init__(self, out: str | Path) -> None:
        self.path = Path(str(out) + ".lock")
        self._fh: IO[str] | None = None

    def acquire(self) -> OutputLock:
        for _ in range(10):  # retried only when a finishing scan removed the file under us
            fh = self._open()
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _holder(fh)
                fh.close()
                raise OutputError(
                    f"{str(self.path)[:-5]!r} is being written by another scan ({holder}); "
                    "wait for it to finish, or pass another -o/--out"
                ) from None
            if _same_file(fh, self.path):
                break
            fh.close()
        else:
            raise OutputError(f"cannot take the lock {str(self.path)!r}; try again")
        fh.seek(0)
        fh.truncate()
        fh.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "started": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            )
        )
        fh.flush()
        self._fh = fh
        return self

    def _open(self) -> IO[str]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return open(self.path, "a+", encoding="utf-8")  # held until release()
        except OSError as exc:
            raise OutputError(
                f"cannot create the lock {str(self.path)!r}: {exc.strerror}; "
                "check the output folder is writable"
            ) from None

    def release(self) -> None:
        if self._fh is None:
            return
        fh, self._fh = self._fh, None
        try:
            self.path.unlink()
        except OSError:
            pass
        fh.close()  # closing drops the flock


def _same_file(fh: IO[str], path: Path) -> bool:
    try:
        return os.fstat(fh.fileno()).st_ino == path.stat().st_ino
    except OSError:
        return False


def _holder(fh: IO[str]) -> str:
    try:
        fh.seek(0)
        info = json.loads(fh.read() or "{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return "holder unknown"
    return f"pid {info.get('pid')} on {info.get('host')}, started {info.get('started')}"
