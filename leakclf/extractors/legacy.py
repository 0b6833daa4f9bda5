"""Word and Excel 97-2003: ``.doc`` through antiword (catdoc as the fallback), ``.xls`` through xlrd.

- ``.doc``: no maintained pure-Python reader exists. antiword (Debian ``antiword``) keeps table
  cells and hidden text and prints UTF-8; catdoc (Debian ``catdoc``) reads some files antiword
  refuses (Word 6/95, fast-saved files). Both run through ``tools.run``: a timeout, a memory
  limit, a private temporary copy that is always removed.
- ``.xls``: xlrd 2.x reads only the BIFF ``.xls`` format, in process, with no external program;
  it is small, stable and the reference reader for that format. Encrypted workbooks (``FILEPASS``)
  are reported as ``EncryptedFile``.
- ``.ppt`` is in ppt.py (the current edit only).
"""

from __future__ import annotations

import re

from leakclf.errors import CorruptFile, EncryptedFile, UnsupportedFormat
from leakclf.extractors.base import Job
from leakclf.extractors.tools import ToolMissing, failed, run

_RULES = re.compile(r"(?m)^[ \t|]*$\n?")  # antiword's empty table rows
_CELL_PAD = re.compile(r"[ \t]*\|[ \t]*")
_MULTI_SPACE = re.compile(r"[ \t]{2,}")


def extract_doc(data: bytes, job: Job) -> None:
    fib = _fib(data)
    if fib[:2] != b"\xec\xa5":  # wIdent: a Word binary document starts its FIB so
        raise CorruptFile(
            f"{job.label}: the WordDocument stream is not a Word 97-2003 document; the file is "
            "damaged or not what it claims to be",
            source=job.label,
        )
    if fib[11] & 0x01:  # fEncrypted
        raise EncryptedFile(
            f"{job.label}: a password-protected Word 97-2003 document; leakclf never guesses "
            "passwords — open it with the password, save a copy and scan that",
            source=job.label,
        )
    text, missing = None, []
    for argv in (
        ["antiword", "-m", "UTF-8.txt", "-w", "0", "-s", "{input}"],
        ["catdoc", "-d", "utf-8", "-w", "{input}"],
    ):
        try:
            proc = run(job, argv, data=data, suffix=".doc")
        except ToolMissing:
            missing.append(argv[0])
            continue
        out = proc.stdout.decode("utf-8", "replace")
        if proc.returncode == 0 and out.strip():
            text = out
            job.meta["reader"] = argv[0]
            break
        error = failed(job, argv[0], proc)
    if text is None:
        if len(missing) == 2:
            raise UnsupportedFormat(
                f"{job.label}: Word 97-2003 .doc needs antiword or catdoc, and neither is "
                "installed (Debian packages antiword, catdoc; `make system`)",
                source=job.label,
            )
        raise error
    job.text.add("body", tidy_doc_text(text))


def tidy_doc_text(text: str) -> str:
    """antiword's table drawing (``|cell   |``) as tab-separated cells; padding removed."""
    lines = []
    for line in text.replace("\r", "\n").replace("\x0c", "\n").splitlines():
        if "|" in line and line.strip().startswith("|"):
            cells = [c.strip() for c in _CELL_PAD.split(line.strip().strip("|"))]
            line = "\t".join(cells).strip("\t")
        else:
            line = _MULTI_SPACE.sub(" ", line).strip()
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _fib(data: bytes) -> bytes:
    """The first 12 bytes of the File Information Block; zeros if the container is unreadable."""
    import io  # load time: io only when used

    import olefile  # load time: olefile only when used

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            fib = ole.openstream("WordDocument").read(12)
    except Exception:  # noqa: BLE001 — a damaged container: no FIB
        return bytes(12)
    return fib.ljust(12, b"\x00")


def extract_xls(data: bytes, job: Job) -> None:
    import xlrd  # load time: xlrd only when used

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_Null())
    except xlrd.biffh.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise EncryptedFile(
                f"{job.label}: a password-protected Excel 97-2003 workbook; leakclf never guesses "
                "passwords — open it with the password, save a copy and scan that",
                source=job.label,
            ) from None
        raise CorruptFile(
            f"{job.label}: not a readable Excel 97-2003 workbook (XLRDError); the file is "
            "damaged or not what it claims to be",
            source=job.label,
        ) from None
    try:
        for index in range(book.nsheets):
            if job.over_time() or job.text.full:
                break
            sheet = book.get_sheet(index)
            job.text.add("sheet", "\n".join(_sheet_rows(sheet, book, job)), sheet.name)
            book.unload_sheet(index)
    finally:
        book.release_resources()


def _sheet_rows(sheet: object, book: object, job: Job) -> list[str]:
    import xlrd  # load time: xlrd only when used

    rows: list[str] = []
    budget = job.text.max_chars
    for r in range(sheet.nrows):  # type: ignore[attr-defined]
        if r % 1000 == 0 and job.over_time():
            break
        cells = []
        for cell in sheet.row(r):  # type: ignore[attr-defined]
            cells.append(_cell(cell, book, xlrd))
        line = "\t".join(cells).rstrip("\t")
        if line:
            rows.append(line)
            budget -= len(line) + 1
            if budget < 0:
                break
    return rows


def _cell(cell: object, book: object, xlrd: object) -> str:
    ctype, value = cell.ctype, cell.value  # type: ignore[attr-defined]
    if ctype in (0, 6):  # XL_CELL_EMPTY, XL_CELL_BLANK
        return ""
    if ctype == 3:  # XL_CELL_DATE
        try:
            when = xlrd.xldate.xldate_as_datetime(value, book.datemode)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 — an out-of-range date serial: keep the number
            return repr(value)
        return when.isoformat(sep=" ").removesuffix(" 00:00:00")
    if ctype == 2:  # XL_CELL_NUMBER: 42.0 -> "42" like openpyxl's int cells
        return str(int(value)) if float(value).is_integer() else repr(value)
    if ctype == 4:  # XL_CELL_BOOLEAN
        return "TRUE" if value else "FALSE"
    if ctype == 5:  # XL_CELL_ERROR
        return ""
    return str(value)


class _Null:
    """xlrd writes warnings to a log file; leakclf keeps them out of its output."""

    def write(self, _text: str) -> int:
        return 0
