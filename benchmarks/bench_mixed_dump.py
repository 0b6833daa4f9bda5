"""A dump mixing everything a real share holds: is every file read, or unread with a specific reason?

    .venv/bin/python benchmarks/bench_mixed_dump.py [--files 44] [--out /tmp/mixed-dump]

The dump: the demo dump (scans with noise and skew, photos, .doc/.xls/.odt, mails with photo
attachments, archives, ...), every real-world legacy sample from ``../shared/fixtures/real-world/
legacy`` (.doc .xls .ppt .odt .ods .odp .pst, scanned PDFs, images), key and credential files,
a truncated PDF, an encrypted PDF, a zero-byte file and random bytes. Every row of the scan is
one of: read (it has text, or a key-file finding), or unread with a specific ``unread_reason``.
A row that is ``ok`` with no text and no reason, or a generic reason ("no text", "error (...)"),
counts as a failure: a readable file that was never read.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leakclf
from leakclf.config import Config, DetectConfig
from leakclf.demo import generate
from tests.extractors import make

REAL = ROOT.parent / "shared/fixtures/real-world/legacy"
GENERIC = ("no text",)


def build(root: Path, files: int) -> None:
    generate(root / "demo", files=files, seed=7)
    if REAL.is_dir():
        for path in sorted(REAL.rglob("*")):
            if path.is_file() and path.name != "README.md":
                target = root / "real" / path.relative_to(REAL)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
    odd = root / "odd"
    odd.mkdir(parents=True, exist_ok=True)
    pdf = make.pdf_bytes(tuple(f"Page {i} of the signed contract" for i in range(1, 7)))
    (odd / "truncated.pdf").write_bytes(pdf[: len(pdf) * 2 // 3])
    (odd / "encrypted.pdf").write_bytes(make.pdf_bytes(password="pw"))
    (odd / "empty.docx").write_bytes(b"")
    (odd / "noise.bin").write_bytes(bytes(range(256)) * 16)
    (odd / "client.p12").write_bytes(b"\x30\x82\x04\x00" + bytes(range(256)) * 4)
    (odd / "vault.kdbx").write_bytes(b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5" + bytes(64))
    (odd / "id_ed25519").write_bytes(
        b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
        b"-----END OPENSSH PRIVATE KEY-----\n"
    )
    (odd / ".env").write_bytes(b"DATABASE_URL=postgres://app:s3cret@db.internal/app\n")
    (odd / "dump.sql").write_bytes(b"INSERT INTO users VALUES ('jane.doe@contoso.com');\n" * 5000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=44)
    ap.add_argument("--out", default="/tmp/leakclf-mixed-dump")
    args = ap.parse_args()
    root = Path(args.out)
    shutil.rmtree(root, ignore_errors=True)
    build(root, args.files)
    pipe = leakclf.Pipeline(Config(detect=DetectConfig(ner=False)))
    rows = []
    t0 = time.perf_counter()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rows.extend(pipe.process(path))
    seconds = time.perf_counter() - t0
    read = unread = 0
    reasons: Counter[str] = Counter()
    failures = []
    for r in rows:
        key_file = any(f.label == "SECRET_KEY_FILE" for f in r.findings)
        if r.text_chars > 0 or (key_file and r.unread_reason in (None, "encrypted")):
            read += 1
            continue
        if r.children_emitted:  # a container: its children have their own rows
            read += 1
            continue
        reason = r.unread_reason
        if not reason or reason in GENERIC or reason.startswith("error ("):
            failures.append((r.source, r.status, r.error_kind, reason))
        else:
            unread += 1
            reasons[reason] += 1
    sources = Counter("scan" if r.text_source in ("ocr", "mixed") else "text" for r in rows
                      if r.text_chars)  # fmt: skip
    print(f"{len(rows)} rows from {sum(1 for p in root.rglob('*') if p.is_file())} files "
          f"in {seconds:.0f} s: read {read} (OCR {sources['scan']}), unread with a reason "
          f"{unread}, failures {len(failures)}")  # fmt: skip
    for reason, n in reasons.most_common():
        print(f"  unread: {reason}: {n}")
    for failure in failures:
        print(f"  FAILURE: {failure}")


if __name__ == "__main__":
    main()
