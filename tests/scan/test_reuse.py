"""A text met again in a worker (an archive member copying another file, the same attachment
in two mails) reuses its detection: the rows are those of a pipeline reading it afresh."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from leakclf.config import Config
from leakclf.pipeline import Pipeline
from leakclf.scan import TIMING_COLUMNS

from .conftest import KEY

MEMO = b"Dear Jane Doe, your IBAN GB82 WEST 1234 5698 7654 32 is on file. Call +44 20 7946 0018."
OTHER = b"Invoice 42 for Contoso Ltd, paid by card 4111 1111 1111 1111."


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _plain(rows: list[Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.to_dict().items() if k not in TIMING_COLUMNS} for r in rows]


def test_repeated_texts_are_detected_once_with_the_same_rows() -> None:
    files: list[tuple[str | bytes, str | None]] = [
        (MEMO, "memo.txt"),
        (_zip({"a/memo.txt": MEMO, "b/other.txt": OTHER, "c/memo-again.txt": MEMO}), "box.zip"),
    ]
    pipe = Pipeline(Config(key=KEY))
    read: list[str] = []
    detect_many = pipe.detectors.detect_many

    def counting(texts: list[str]) -> Any:
        read.extend(texts)
        return detect_many(texts)

    pipe.detectors.detect_many = counting  # type: ignore[method-assign]
    first = pipe.process_many(files)
    again = pipe.process(files[0][0], name="later/memo.txt")
    assert sorted(read) == ["", MEMO.decode(), OTHER.decode()]  # each once; the zip is ""
    fresh = Pipeline(Config(key=KEY))
    assert [_plain(rows) for rows in first] == [_plain(rows) for rows in fresh.process_many(files)]
    assert _plain(again) == _plain(Pipeline(Config(key=KEY)).process(MEMO, name="later/memo.txt"))
    assert any(f.label == "IBAN_CODE" for f in again[0].findings)  # the reused detection is real
