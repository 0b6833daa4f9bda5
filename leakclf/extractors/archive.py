"""Archives: ZIP, TAR (plain or compressed), GZIP. Members are read in memory, one at a time.

Every member read is bounded: by its declared size, by the per-member compression ratio,
by ``max_file_bytes`` and by the bytes left of ``max_total_uncompressed`` — and reading stops
as soon as the actual bytes exceed the bound, because archive headers can lie.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
import zlib
from collections.abc import Iterator

from leakclf.errors import CorruptFile, EncryptedFile
from leakclf.extractors.base import Child, Job, limit_error, member_cap, read_bounded


def extract_zip(data: bytes, job: Job) -> None:
    zf = zipfile.ZipFile(io.BytesIO(data))
    job.meta["members"] = job.expected = sum(1 for i in zf.infolist() if not i.is_dir())
    job.children = _zip_members(zf, job)


def _zip_members(zf: zipfile.ZipFile, job: Job) -> Iterator[Child]:
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        for n, info in enumerate(members, 1):
            if n > job.ctx.limits.max_members:
                job.hit("max_members")
                return
            name, source = info.filename, f"{job.label}!/{info.filename}"
            if info.flag_bits & 0x1:
                yield Child(
                    name,
                    None,
                    EncryptedFile(
                        f"{source}: the archive member is password-protected; leakclf never guesses "
                        "passwords — extract it with the password and scan the copy",
                        source=source,
                    ),
                )
                continue
            cap, limit = member_cap(job.ctx, info.compress_size)
            if info.file_size > cap:
                job.hit(limit)
                yield Child(
                    name, None, limit_error(source, limit, f"declares {info.file_size} bytes")
                )
                continue
            try:
                with zf.open(info) as fh:
                    body = read_bounded(fh.read, cap)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                NotImplementedError,
                ValueError,
            ) as exc:
                yield Child(name, None, _damaged(source, exc))
                continue
            if body is None:
                job.hit(limit)
                yield Child(
                    name, None, limit_error(source, limit, "unpacks to more than it declares")
                )
                continue
            job.ctx.unpacked += len(body)
            yield Child(name, body)


def _damaged(source: str, exc: BaseException) -> CorruptFile:
    return CorruptFile(
        f"{source}: the archive member is damaged ({type(exc).__name__}); re-copy the archive "
        "or repair it (zip -FF) and scan again",
        source=source,
    )


def extract_tar(data: bytes, job: Job) -> None:
    tf = tarfile.open(fileobj=io.BytesIO(data), mode="r:")  # noqa: SIM115 — closed by the member generator
    job.expected = _tar_files(data)
    job.children = _tar_members(tf, job)


def _tar_files(data: bytes) -> int:
    """Regular files the tar's headers declare (those before any damage): a header-only pass."""
    count = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tf:
            for info in tf:
                count += info.isfile()
    except (tarfile.TarError, EOFError, OSError, ValueError):
        pass  # the member pass reports the damage
    return count


def _tar_members(tf: tarfile.TarFile, job: Job) -> Iterator[Child]:
    with tf:
        n = 0
        for info in tf:  # streams headers; a truncated tar raises here, after earlier members
            if not info.isfile():
                continue  # links, devices and FIFOs inside a tar are never materialised
            n += 1
            if n > job.ctx.limits.max_members:
                job.hit("max_members")
                return
            source = f"{job.label}!/{info.name}"
            cap, limit = member_cap(job.ctx, info.size)  # tar sizes are exact: ratio 1
            if info.size > cap:
                job.hit(limit)
                yield Child(
                    info.name, None, limit_error(source, limit, f"declares {info.size} bytes")
                )
                continue
            fh = tf.extractfile(info)
            body = read_bounded(fh.read, cap) if fh is not None else b""
            if body is None:
                job.hit(limit)
                yield Child(
                    info.name, None, limit_error(source, limit, "is larger than it declares")
                )
                continue
            job.ctx.unpacked += len(body)
            yield Child(info.name, body)


def extract_gzip(data: bytes, job: Job) -> None:
    """A .gz: a tar inside is listed member by member, anything else is one child."""
    cap, limit = member_cap(job.ctx, len(data))
    body = _gunzip(data, cap)
    if body is None:
        job.hit(limit)
        raise limit_error(job.label, limit, "decompresses past the limit (a likely gzip bomb)")
    job.ctx.unpacked += len(body)
    if body[257:262] == b"ustar":
        extract_tar(body, job)
        return
    name = job.label.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    inner = stem if dot and ext.lower() in ("gz", "gzip") and stem else f"{name}.out"
    job.expected = 1
    job.children = iter([Child(inner, body)])


def _gunzip(data: bytes, cap: int) -> bytes | None:
    """Decompress every gzip member of ``data``; None once more than ``cap`` bytes come out."""
    out: list[bytes] = []
    total = 0
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while True:
            chunk = d.decompress(data, max(cap + 1 - total, 1))
            total += len(chunk)
            out.append(chunk)
            if total > cap:
                return None
            data = d.unconsumed_tail
            if d.eof or not data:
                break
        if not d.eof:
            raise EOFError("gzip stream ends early")
        data = d.unused_data.lstrip(b"\x00")
    return b"".join(out)
