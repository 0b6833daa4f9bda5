"""Listing what to scan: a local folder, a single file or archive, or an fsspec URL.

Every path found gets an ``Entry``; the ones that cannot be scanned (FIFOs, devices,
symlinks leaving the root) carry ``problem`` = (status, error_kind, message) and still get a row.
Names that are not valid UTF-8 become ``\\xNN`` escapes in ``source`` (always valid UTF-8).
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leakclf.config import ScanConfig
from leakclf.errors import ConfigError
from leakclf.scan.globs import PathFilter

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Entry:
    """One top-level file. ``location`` is a local path or a path inside ``fs``."""

    source: str  # virtual name in outputs: "<root name>/<relative path>"
    location: str
    size: int
    mtime: float | None
    problem: tuple[str, str, str] | None = None  # (status, error_kind, message)


def safe_name(raw: str | bytes) -> str:
    """A valid-UTF-8 string for any file name (undecodable bytes become ``\\xNN``)."""
    data = raw if isinstance(raw, bytes) else os.fsencode(raw)
    return data.decode("utf-8", "backslashreplace")


def is_url(root: str | Path) -> bool:
    return isinstance(root, str) and "://" in root


def _warn_unmatched(paths: PathFilter, root: str) -> None:
    for kind, pattern in paths.unmatched():
        hint = (
            "; a pattern with '/' is anchored at the root: prefix '**/' to match at any depth"
            if "/" in pattern.rstrip("/") and not pattern.startswith("**")
            else ""
        )
        log.warning(
            "scan.%s pattern %r matched no path under %s (paths are relative to the "
            "scanned root)%s",
            kind,
            pattern,
            root,
            hint,
        )


def list_local(root: str | Path, scan: ScanConfig) -> Iterator[Entry]:
    """Walk a folder (sorted, no symlink following out of it); a single file is one entry."""
    base = Path(root)
    if not base.exists() and not base.is_symlink():
        raise ConfigError(
            f"scan root {safe_name(str(root))!r} does not exist; pass a folder, "
            "an archive or an fsspec URL"
        )
    if not base.is_dir():
        yield _local_entry(base, safe_name(base.name), base.parent.resolve(), scan)
        return
    real_root = base.resolve()
    label = safe_name(real_root.name or "root")
    paths = PathFilter.of(scan.include, scan.exclude)
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, base)
        for name in sorted(filenames) + sorted(
            d for d in dirnames if os.path.islink(os.path.join(dirpath, d))
        ):
            rel = name if rel_dir == "." else os.path.join(rel_dir, name)
            rel_safe = safe_name(rel).replace(os.sep, "/")
            if not paths.wanted(rel_safe):
                continue
            yield _local_entry(Path(dirpath, name), f"{label}/{rel_safe}", real_root, scan)
    _warn_unmatched(paths, safe_name(str(root)))


def _local_entry(path: Path, source: str, real_root: Path, scan: ScanConfig) -> Entry:
    try:
        st = path.lstat()
    except OSError as exc:
        return Entry(source, str(path), 0, None, ("error", "Unreadable", _os_msg(source, exc)))
    if stat.S_ISLNK(st.st_mode):
        try:
            target = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            return Entry(
                source,
                str(path),
                0,
                st.st_mtime,
                ("unsupported", "Symlink", f"{source!r} is a symlink loop; not followed"),
            )
        inside = target == real_root or real_root in target.parents
        if not inside:
            return Entry(
                source,
                str(path),
                0,
                st.st_mtime,
                (
                    "error",
                    "SymlinkOutsideRoot",
                    f"{source!r} is a symlink pointing outside the scanned root; not followed",
                ),
            )
        if not scan.follow_symlinks or not target.is_file():
            return Entry(
                source,
                str(path),
                0,
                st.st_mtime,
                (
                    "unsupported",
                    "Symlink",
                    f"{source!r} is a symlink; set scan.follow_symlinks to scan its target",
                ),
            )
        st = target.stat()
        path = target
    if stat.S_ISREG(st.st_mode):
        return Entry(source, str(path), st.st_size, st.st_mtime)
    kind = (
        "FIFO" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode) else "device"
    )
    return Entry(
        source,
        str(path),
        0,
        st.st_mtime,
        ("unsupported", "SpecialFile", f"{source!r} is a {kind}, not a regular file; not opened"),
    )


def _os_msg(source: str, exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return f"{source!r} could not be read ({reason}); check permissions and rescan"


def open_fs(root: str, storage_options: dict[str, Any] | None) -> tuple[Any, str]:
    import fsspec  # load time: fsspec only when used

    try:
        return fsspec.core.url_to_fs(root, **(storage_options or {}))
    except (ImportError, ValueError) as exc:
        raise ConfigError(f"cannot open {root!r}: {exc}; install leakclf[cloud] for az:// s3://")


def list_url(fs: Any, path: str, scan: ScanConfig) -> Iterator[Entry]:
    """List files under an fsspec path (sorted); a path naming one file is one entry."""
    path = path.rstrip("/")
    label = path.rsplit("/", 1)[-1] or "root"
    if fs.isfile(path):
        info = fs.info(path)
        yield Entry(label, path, int(info.get("size") or 0), _mtime(info))
        return
    if not fs.isdir(path):
        raise ConfigError(f"scan root {path!r} does not exist in {fs.protocol!r}")
    found = fs.find(path, detail=True)
    paths = PathFilter.of(scan.include, scan.exclude)
    for full in sorted(found):
        info = found[full]
        if info.get("type") == "directory":
            continue
        rel = full[len(path) :].lstrip("/")
        if paths.wanted(rel):
            yield Entry(f"{label}/{rel}", full, int(info.get("size") or 0), _mtime(info))
    _warn_unmatched(paths, path)


def _mtime(info: dict[str, Any]) -> float | None:
    for key in ("mtime", "LastModified", "last_modified", "created"):
        value = info.get(key)
        if value is None:
            continue
        if hasattr(value, "timestamp"):
            return float(value.timestamp())
        try:
            return float(value)
        except (TypeError, ValueError):
            continue
    return None


def sha256_local(path: str) -> str:
    """Streaming sha256 of a local file (constant memory)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
