"""A document met again (the same content under the same name: an attachment forwarded in
several mails) is classified, scored and signed once; its rows are those of a fresh pipeline."""

from __future__ import annotations

import dataclasses
from typing import Any

from leakclf.config import Config
from leakclf.model import Document
from leakclf.pipeline import Pipeline
from leakclf.scan import TIMING_COLUMNS
from tests.extractors.make import zip_bytes

KEY = b"k" * 32
MEMO = b"Dear Jane Doe, your IBAN GB82 WEST 1234 5698 7654 32 is on file. Call +44 20 7946 0018."


def _plain(rows: list[Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.to_dict().items() if k not in TIMING_COLUMNS} for r in rows]


def _counting(pipe: Pipeline) -> list[str]:
    seen: list[str] = []
    classify = pipe.classifier.classify

    def counted(doc: Document, findings: Any = ()) -> Any:
        seen.append(doc.source)
        return classify(doc, findings)

    pipe.classifier.classify = counted  # type: ignore[method-assign]
    return seen


def test_the_same_document_is_judged_once_with_the_same_rows() -> None:
    files: list[tuple[str | bytes, str | None]] = [
        (MEMO, "a/memo.txt"),
        (zip_bytes({"x/memo.txt": MEMO, "y/other-name.txt": MEMO}), "box.zip"),
        (MEMO, "b/memo.txt"),
    ]
    pipe = Pipeline(Config(key=KEY))
    judged = _counting(pipe)
    rows = pipe.process_many(files[:2]) + pipe.process_many(files[2:])  # across batches too
    # memo.txt once; the zip; the same text under another name is judged again (names count)
    assert judged == ["a/memo.txt", "box.zip", "box.zip!/y/other-name.txt"]
    fresh = [Pipeline(Config(key=KEY)).process(data, name=name) for data, name in files]
    assert [_plain(r) for r in rows] == [_plain(r) for r in fresh]
    assert rows[2][0].timings["classify"] == 0.0  # judged before: it took no time this time
    assert any(f.label == "IBAN_CODE" for f in rows[2][0].findings)


def test_other_meta_or_parts_are_judged_afresh() -> None:
    """Same bytes, name and text, but what the classifier also reads differs: not reused."""
    pipe = Pipeline(Config(key=KEY))
    judged = _counting(pipe)
    doc = Document(
        source="a/note.eml", parent=None, media_type="message/rfc822", text=MEMO.decode(),
        sha256="0" * 64, size=len(MEMO), meta={"from": "jane@contoso.com"},
    )  # fmt: skip
    other_meta = dataclasses.replace(doc, source="b/note.eml", meta={"from": "j@fabrikam.com"})
    same = dataclasses.replace(doc, source="c/note.eml", meta=dict(doc.meta))
    results = pipe.analyze([doc, same, other_meta])
    assert judged == ["a/note.eml", "b/note.eml"]  # c/note.eml reused a/note.eml's
    assert _plain(results[1:2]) == _plain(Pipeline(Config(key=KEY)).analyze([same]))
