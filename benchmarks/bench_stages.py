"""Where a scan's CPU goes: characters analysed per CPU-second of each stage, in one process.

    .venv/bin/python benchmarks/bench_stages.py [--dump /tmp/leakclf-bench/dump-2000]
        [--files 300] [--tree-cpu-s S --tree-chars C]

Runs the stages of ``Pipeline.process_many`` by hand on the first ``--files`` files of a
bench_scan dump, in batches of 8 (as the scan does), timing each with ``time.process_time``
(CPU of this process: robust on a loaded machine, unlike the workers' wall-clock ``timings``):
extract; detect split into patterns (a DetectorSet without NER) and NER (the full DetectorSet
minus the patterns); classify; score; signature. Every stage is warmed up on other files
first. With ``--tree-cpu-s`` and ``--tree-chars`` (CPU seconds and characters analysed of a
whole ``leakclf scan`` from bench_scan.py, same code) the remainder is "engine" (listing,
hashing, dispatch, journal, writing, worker start-up), estimated as the tree's CPU minus the
stage CPU scaled to the tree's characters.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.pipeline import Pipeline
from leakclf.signatures import text_signature

KEY = b"t" * 64


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default="/tmp/leakclf-bench/dump-2000")
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--tree-cpu-s", type=float)
    ap.add_argument("--tree-chars", type=int)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    files = sorted(p for p in Path(args.dump).rglob("*") if p.is_file())
    pipe = Pipeline(Config(key=KEY))
    patterns = DetectorSet(Config(key=KEY, detect=DetectConfig(ner=False)))
    cpu: Counter[str] = Counter()
    chars = 0

    def run(paths: list[Path], count: bool) -> None:
        nonlocal chars
        for i in range(0, len(paths), 8):
            c = time.process_time()
            docs = [d for p in paths[i : i + 8] for d in pipe.extract(p)]
            readable = [d for d in docs if d.status == "ok" or d.text]
            texts = [d.text for d in readable]
            t = [c, time.process_time()]
            patterns.detect_many(texts)
            t.append(time.process_time())
            found = pipe.detectors.detect_many(texts)
            t.append(time.process_time())
            classes = [pipe.classifier.classify(d, f.findings) for d, f in zip(readable, found)]
            t.append(time.process_time())
            for cls, f in zip(classes, found):
                pipe.scorer.score(cls.doc_type, cls.signed, f.findings)
            t.append(time.process_time())
            for d in readable:
                text_signature(d.text, pipe.config.census)
            t.append(time.process_time())
            if count:
                chars += sum(map(len, texts))
                for name, a, b in (
                    ("extract", 0, 1),
                    ("patterns", 1, 2),
                    ("detect", 2, 3),
                    ("classify", 3, 4),
                    ("score", 4, 5),
                    ("signature", 5, 6),
                ):
                    cpu[name] += t[b] - t[a]

    run(files[-40:], count=False)  # warm-up: models, tables, lists
    run(files[: args.files], count=True)
    cpu["ner"] = cpu["detect"] - cpu["patterns"]
    total = sum(cpu[k] for k in ("extract", "detect", "classify", "score", "signature"))
    print(f"{args.files} files, {chars:,} characters analysed, {total:.1f} CPU s in stages")
    print("| stage | CPU s | share | chars per CPU-second |")
    print("|---|---:|---:|---:|")
    for name in ("extract", "detect", "ner", "patterns", "classify", "score", "signature"):
        label = {"ner": "  detect: NER", "patterns": "  detect: patterns"}.get(name, name)
        print(f"| {label} | {cpu[name]:.2f} | {cpu[name] / total:.0%} | {chars / cpu[name]:,.0f} |")
    print(f"| all stages | {total:.2f} | | {chars / total:,.0f} |")
    if args.tree_cpu_s and args.tree_chars:
        stages = total * args.tree_chars / chars
        rest = args.tree_cpu_s - stages
        print(
            f"| engine (tree {args.tree_cpu_s:.1f} CPU s - stages scaled {stages:.1f}) | "
            f"{rest:.1f} | {rest / args.tree_cpu_s:.0%} of the tree | "
            f"{args.tree_chars / rest:,.0f} |"
            if rest > 0
            else "| engine | ~0 | | |"
        )


if __name__ == "__main__":
    main()
