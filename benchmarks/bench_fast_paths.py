"""The sixth session's NER fast paths, switched off and on in one process, rounds alternated.

    .venv/bin/python benchmarks/bench_fast_paths.py [--dump /tmp/leakclf-bench/dump-2000]
        [--files 2000] [--rounds 3]

CPU seconds (``time.process_time``) of ``DetectorSet.detect_many`` over the distinct texts of
the dump's first ``--files`` files, 24 at a time, NER's kept pieces and gate verdicts cleared
first, per round and per setting: "off" reads NER with ``model.predict`` at every step of the
transition loop (``ner_decode._scorer`` bypassed) and judges every segment afresh (``runs``
without kept verdicts). One process, so the machine's load weighs on both settings alike; the
order of the two alternates from round to round. The findings are the same either way
(``--check`` compares the last round's).
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from leakclf.config import Config
from leakclf.detectors import DetectorSet, ner, ner_decode
from leakclf.pipeline import Pipeline

KEY = b"t" * 64


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default="/tmp/leakclf-bench/dump-2000")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--check", action="store_true", help="compare the last round's results")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    config = Config(key=KEY)
    files = sorted(p for p in Path(args.dump).rglob("*") if p.is_file())[: args.files]
    pipe = Pipeline(config)
    docs = [d for p in files for d in pipe.extract(p)]
    texts = list(dict.fromkeys(d.text for d in docs if d.status == "ok" or d.text))
    detectors = DetectorSet(config)
    detectors.detect_many(texts[-50:])  # warm-up: the model, word lists, patterns
    scorer, runs = ner_decode._scorer, ner.runs
    print(f"{len(texts)} distinct texts, {sum(map(len, texts)):,} characters")
    print("| round | setting | detect CPU s |")
    print("|---|---|---:|")
    last: dict[str, Any] = {}
    for r in range(1, args.rounds + 1):
        for on in (False, True) if r % 2 else (True, False):
            ner_decode._scorer = scorer if on else (lambda model: model.predict)
            ner.runs = (
                runs
                if on
                else (lambda text, mask, words=None, judged=None: runs(text, mask, words))
            )
            assert detectors.ner is not None
            detectors.ner.clear_cache()
            c = time.process_time()
            found = [
                f
                for i in range(0, len(texts), 24)
                for f in detectors.detect_many(texts[i : i + 24])
            ]
            detect = time.process_time() - c
            print(f"| {r} | {'on' if on else 'off'} | {detect:.2f} |")
            last["on" if on else "off"] = found
    ner_decode._scorer, ner.runs = scorer, runs
    if args.check:
        same = last["on"] == last["off"]
        print(f"findings the same with and without: {same}")


if __name__ == "__main__":
    main()
