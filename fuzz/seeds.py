"""Write a small seed corpus per target: ``python fuzz/seeds.py fuzz/corpus``.

The seeds are the valid files the hypothesis tests mutate (tests/hostile/test_fuzz.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile.test_fuzz import seed

FAMILIES = {
    "pdf": ("pdf",),
    "office": ("docx", "xlsx", "pptx"),
    "email": ("eml", "mbox", "msg"),
    "archive": ("zip", "tar", "tgz"),
    "text": ("html", "rtf", "txt", "csv"),
}

if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus")
    for family, exts in FAMILIES.items():
        (out / family).mkdir(parents=True, exist_ok=True)
        for i, ext in enumerate(exts):
            # the first byte picks the extension (ConsumeIntInRange reads it), the rest is the file
            (out / family / f"seed-{ext}").write_bytes(bytes([i]) + seed(ext))
        print(f"{out / family}: {len(exts)} seeds")
