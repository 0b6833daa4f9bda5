"""Parts of the per-file stages timed on their own, in one process (the seventh session's figures).

    .venv/bin/python benchmarks/bench_stage_parts.py extract-reuse [--dump D] [--files N] [--rounds R]
    .venv/bin/python benchmarks/bench_stage_parts.py classify-parts [--dump D] [--files N] [--rounds R]
    .venv/bin/python benchmarks/bench_stage_parts.py post OLD_CHECKOUT [--dump D] [--files N] [--rounds R]

``extract-reuse``: every file of the dump's first ``--files`` extracted twice in turn, without
and with one ``extractors.Reuse`` kept across files (the order alternating from file to file),
CPU seconds (``time.process_time``) summed per setting; the documents compared.

``classify-parts``: ``Classifier.classify`` over the readable documents, with the doc-type
functions it calls wrapped in ``time.process_time`` (their sums; nested calls count in their
callers too).

``post``: the inputs of ``people.add_people_facets`` and of ``people_context.is_street`` captured
from one ``detect_many`` pass over the distinct texts, then each function of this checkout and of
``OLD_CHECKOUT`` (its ``leakclf/detectors`` files loaded beside this one's) run over the same
inputs, alternated; the outputs compared.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from leakclf.config import Config
from leakclf.extractors import Reuse, extract
from leakclf.pipeline import Pipeline

KEY = b"t" * 64


def _files(args: argparse.Namespace) -> list[Path]:
    return sorted(p for p in Path(args.dump).rglob("*") if p.is_file())[: args.files]


def extract_reuse(args: argparse.Namespace) -> None:
    config = Config(key=KEY)
    files = _files(args)
    for p in files[-40:]:
        extract(p, config=config)  # warm-up: the handlers' libraries

    def one(path: Path, reuse: Reuse | None) -> Any:
        try:
            return extract(path, config=config, reuse=reuse)
        except Exception as exc:  # noqa: BLE001 - a top-level failure is a result too
            return type(exc).__name__

    for r in range(1, args.rounds + 1):
        reuse, cpu, same = Reuse(), Counter[str](), True
        for i, path in enumerate(files):
            got = {}
            for with_reuse in (False, True) if (i + r) % 2 else (True, False):
                c = time.process_time()
                got[with_reuse] = one(path, reuse if with_reuse else None)
                cpu["reuse" if with_reuse else "plain"] += time.process_time() - c
            same = same and got[True] == got[False]
        ratio = cpu["reuse"] / cpu["plain"]
        print(
            f"round {r}: plain {cpu['plain']:.2f} CPU s, with reuse {cpu['reuse']:.2f} "
            f"({ratio:.3f}); the same documents: {same}"
        )


def classify_parts(args: argparse.Namespace) -> None:
    pipe = Pipeline(Config(key=KEY))
    docs = [d for p in _files(args) for d in pipe.extract(p)]
    readable = [d for d in docs if d.status == "ok" or d.text]
    found = pipe.detectors.detect_many([d.text for d in readable])
    acc: Counter[str] = Counter()

    def wrap(module: str, name: str, *also: str) -> None:
        mod = importlib.import_module(module)
        orig = getattr(mod, name)

        def timed(*a: Any, **k: Any) -> Any:
            c = time.process_time()
            try:
                return orig(*a, **k)
            finally:
                acc[f"{module.rsplit('.', 1)[-1]}.{name}"] += time.process_time() - c

        for target in (mod, *map(importlib.import_module, also)):
            if getattr(target, name, None) is orig:
                setattr(target, name, timed)

    d = "leakclf.doctypes"
    wrap(f"{d}.features", "read", d)
    for name in ("concepts", "cues", "layout", "title_cue", "unspaced"):
        wrap(f"{d}.features", name)
    wrap(f"{d}.signed", "signed", d)
    wrap(f"{d}.rules", "parties", d)
    wrap(f"{d}.rules", "content_chars", d)
    model = pipe.classifier.model
    predict = model.predict

    def timed_predict(feats: dict[str, float]) -> Any:
        c = time.process_time()
        try:
            return predict(feats)
        finally:
            acc["linear.predict"] += time.process_time() - c

    model.predict = timed_predict  # type: ignore[method-assign]
    pipe.classifier.classify(readable[0], found[0].findings)
    for r in range(1, args.rounds + 1):
        acc.clear()
        c = time.process_time()
        for doc, det in zip(readable, found):
            pipe.classifier.classify(doc, det.findings)
        total = time.process_time() - c
        parts = ", ".join(f"{k} {v:.2f}" for k, v in acc.most_common())
        print(f"round {r}: classify {total:.2f} CPU s over {len(readable)} documents: {parts}")


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def post(args: argparse.Namespace) -> None:
    from leakclf.detectors import DetectorSet, people, people_context, people_orgs

    old_root = Path(args.old) / "leakclf" / "detectors"
    old_people = _load(old_root / "people.py", "old_people")
    old_context = _load(old_root / "people_context.py", "old_people_context")
    pipe = Pipeline(Config(key=KEY))
    docs = [d for p in _files(args) for d in pipe.extract(p)]
    texts = list(dict.fromkeys(d.text for d in docs if d.status == "ok" or d.text))
    facets: list[tuple[Any, ...]] = []
    lines: list[str] = []
    add, street = people.add_people_facets, people_context.is_street
    people.add_people_facets = lambda *a: (facets.append(a), add(*a))[1]  # type: ignore[assignment]
    people_orgs.is_street = lambda line: (lines.append(line), street(line))[1]
    try:
        detectors = DetectorSet(Config(key=KEY))
        for i in range(0, len(texts), 24):
            detectors.detect_many(texts[i : i + 24])
    finally:
        people.add_people_facets, people_orgs.is_street = add, street
    print(f"{len(facets)} add_people_facets calls, {len(lines)} is_street calls")
    pairs: list[tuple[str, Callable[..., Any], Callable[..., Any], list[Any]]] = [
        ("add_people_facets", old_people.add_people_facets, add, facets),
        ("is_street", old_context.is_street, street, [(line,) for line in lines]),
    ]
    for name, old, new, inputs in pairs:
        same = [old(*x) for x in inputs] == [new(*x) for x in inputs]
        print(f"{name}: the same outputs: {same}")
        for r in range(1, args.rounds + 1):
            cpu = {}
            for label, fn in (
                (("old", old), ("new", new)) if r % 2 else (("new", new), ("old", old))
            ):
                c = time.process_time()
                for x in inputs:
                    fn(*x)
                cpu[label] = time.process_time() - c
            print(f"  round {r}: old {cpu['old']:.3f} CPU s, new {cpu['new']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("part", choices=("extract-reuse", "classify-parts", "post"))
    ap.add_argument("old", nargs="?", help="post: the checkout to compare with")
    ap.add_argument("--dump", default="/tmp/leakclf-bench/dump-2000")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    if args.part == "post" and not args.old:
        ap.error("post needs OLD_CHECKOUT")
    {"extract-reuse": extract_reuse, "classify-parts": classify_parts, "post": post}[args.part](
        args
    )


if __name__ == "__main__":
    main()
