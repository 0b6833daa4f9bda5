"""Byte-level makers for hostile and seed files: PDFs, Office, archives, bombs, mail.

Everything is built in memory from code; ``builders.py`` decides which inputs a suite holds.
"""

from __future__ import annotations

import io
import random
import tarfile
import zipfile
import zlib

from leakclf.config import MiB


def pdf(pages: list[str], **encryption: str) -> bytes:
    from fpdf import FPDF

    doc = FPDF()
    if encryption:
        doc.set_encryption(**encryption)
    doc.set_font("helvetica", size=12)
    for text in pages:
        doc.add_page()
        doc.cell(text=text)
    return bytes(doc.output())


def blank_pdf(pages: int) -> bytes:
    """A PDF with text on page 1 and ``pages - 1`` empty pages, written object by object."""
    text = b"BT /F1 12 Tf 72 720 Td (first page of many blank ones) Tj ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{i + 5} 0 R" for i in range(pages))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} /MediaBox [0 0 612 792] >>")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append(f"<< /Length {len(text)} >>\nstream\n{text.decode()}\nendstream")
    objs.append(
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    )
    objs += ["<< /Type /Page /Parent 2 0 R >>"] * (pages - 1)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(f"{num} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def docx_bytes(text: str = "Hostile docx body") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes], level: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def tar_bytes(members: dict[str, bytes], gz: bool = False) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz" if gz else "w") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def random_bytes(seed: int, size: int = 4096) -> bytes:
    """Binary noise (with NULs) that starts with no known magic number."""
    rng = random.Random(seed)
    return b"\x00\xff\x00" + bytes(rng.getrandbits(8) for _ in range(size))


def mail(headers: str, body: bytes) -> bytes:
    base = (
        "From: Sender <sender@example.com>\r\nTo: rcpt@example.net\r\n"
        "Date: Mon, 2 Mar 2020 10:00:00 +0000\r\n"
        "Message-ID: <h8@example.com>\r\nMIME-Version: 1.0\r\n"
    )
    return (base + headers + "\r\n").encode() + body


def encrypt_office(plain: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("hostile-pw", out)
    return out.getvalue()


def zeros_zip(mib: int) -> bytes:
    """One member of ``mib`` MiB of zeros, sizes declared honestly (ratio ~1000)."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("zeros.bin", "w", force_zip64=True) as fh,
    ):
        chunk = bytes(MiB)
        for _ in range(mib):
            fh.write(chunk)
    return buf.getvalue()


def gzip_bomb(mib: int) -> bytes:
    """A .tgz that is really ``mib`` MiB of zeros, gzip-compressed (ratio ~1000)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip header and trailer
    chunk, out = bytes(MiB), []
    for _ in range(mib):
        out.append(comp.compress(chunk))
    out.append(comp.flush())
    return b"".join(out)


def lying_zip() -> bytes:
    """A member that declares 1 KiB but inflates to 64 MiB (headers patched after writing)."""
    data = bytes(64 * MiB)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = comp.compress(data) + comp.flush()
    crc = zlib.crc32(data)  # of the real content: a reader that stops at 1 KiB sees a bad CRC
    name = b"liar.txt"
    local = (
        b"PK\x03\x04"
        + (20).to_bytes(2, "little")
        + bytes(2)
        + (8).to_bytes(2, "little")
        + bytes(4)
        + crc.to_bytes(4, "little")
        + len(stream).to_bytes(4, "little")
        + (1024).to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + bytes(2)
        + name
    )
    central = (
        b"PK\x01\x02"
        + (20).to_bytes(2, "little") * 2
        + bytes(2)
        + (8).to_bytes(2, "little")
        + bytes(4)
        + crc.to_bytes(4, "little")
        + len(stream).to_bytes(4, "little")
        + (1024).to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + bytes(12)
        + name
    )
    cd_offset = len(local) + len(stream)
    end = (
        b"PK\x05\x06"
        + bytes(4)
        + (1).to_bytes(2, "little") * 2
        + len(central).to_bytes(4, "little")
        + cd_offset.to_bytes(4, "little")
        + bytes(2)
    )
    return local + stream + central + end


def nested_bomb() -> bytes:
    """16 inner zips of one 3 MiB member each (ratio ~70, under max_ratio and max_file_bytes):
    48 MiB in all, over max_total_uncompressed."""
    rng = random.Random(9)
    block = bytearray(4096)
    blob = bytearray()
    for _ in range(3 * 256):
        block[:40] = bytes(rng.getrandbits(8) for _ in range(40))
        blob += block
    inner = zip_bytes({"blob.txt": bytes(blob)})
    return zip_bytes({f"inner{i:02d}.zip": inner for i in range(16)}, level=0)


def nested(depth: int) -> bytes:
    """``depth`` archives inside each other (zip, tar, tgz in turn), core.txt at the bottom."""
    data, name = b"the core of the onion", "core.txt"
    for level in range(depth, 0, -1):
        kind = ("zip", "tar", "tgz")[level % 3] if level > 1 else "zip"
        wrapped = {name: data}
        data = zip_bytes(wrapped) if kind == "zip" else tar_bytes(wrapped, gz=kind == "tgz")
        name = f"level{level:02d}.{kind}"
    return data


def bad_boundary() -> bytes:
    body = (
        b"preamble\r\n--xyz\r\nContent-Type: text/plain\r\n\r\nfirst part text\r\n"
        b"--abc\r\nContent-Type: text/html\r\n\r\n<p>second part\r\n--ab"
    )
    return mail('Subject: boundaries\r\nContent-Type: multipart/mixed; boundary="abc"\r\n', body)


def many_attachments(count: int) -> bytes:
    parts = [b"--B\r\nContent-Type: text/plain\r\n\r\nthe body of a mail with many attachments\r\n"]
    for i in range(count):
        parts.append(
            f'--B\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="a{i:04d}.txt"'
            f"\r\n\r\nattachment {i}\r\n".encode()
        )
    parts.append(b"--B--\r\n")
    return mail('Subject: many\r\nContent-Type: multipart/mixed; boundary="B"\r\n', b"".join(parts))


def text_png() -> bytes:
    """A small PNG with a line of text."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (900, 120), 255)
    ImageDraw.Draw(image).text((20, 30), "Hostile image text", font=ImageFont.load_default(size=40))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` x ``height`` pixels (CRC fixed up)."""
    import struct

    data = bytearray(text_png())
    at = data.index(b"IHDR")
    data[at + 4 : at + 12] = struct.pack(">II", width, height)
    data[at + 17 : at + 21] = struct.pack(">I", zlib.crc32(bytes(data[at : at + 17])))
    return bytes(data)
