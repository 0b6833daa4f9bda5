"""Where a scan's CPU goes: characters analysed per CPU-second of each stage, in one process.

    .venv/bin/python benchmarks/bench_stages.py [--dump /tmp/leakclf-bench/dump-2000]
        [--files 300] [--scan-json /tmp/leakclf-bench/bench-scan-dump-2000.json]
        [--tree-cpu-s S --tree-chars C]

Runs the stages of ``Pipeline.process_many`` by hand on the first ``--files`` files of a
bench_scan dump, in batches of ``scan.batch_files`` (as the scan does), timing each with ``time.process_time``
(CPU of this process: robust on a loaded machine, unlike the workers' wall-clock ``timings``):
extract; detect split into patterns (a DetectorSet without NER) and NER (the full DetectorSet
minus the patterns); classify; score; signature. Every stage is warmed up on other files
first. A text already detected is not detected again (``Pipeline`` reuses its detection), so
detection here reads each distinct text once, as a scan worker does; likewise a document met
again (the same content under the same name, with the same meta and parts) is not classified,
scored or signed again (``Pipeline._judge``), and ``Pipeline.extract`` reads a leaf document
met again from its ``Reuse``. With ``--scan-json`` (the
report bench_scan.py wrote, same code; its ``leakclf w2`` run) or ``--tree-cpu-s`` and
``--tree-chars`` the remainder is "engine", estimated as the scan's CPU minus the stage CPU
scaled to its characters, and split into the driver process (listing, hashing, journal,
writing: measured by bench_scan) and the workers' own overhead (start-up, messages, batching).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.pipeline import Pipeline, _text_key
from leakclf.signatures import text_signature

KEY = b"t" * 64


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default="/tmp/leakclf-bench/dump-2000")
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--tree-cpu-s", type=float)
    ap.add_argument("--tree-chars", type=int)
    ap.add_argument("--scan-json", help="a bench_scan.py report: tree CPU, chars, driver CPU")
    ap.add_argument("--run", default="leakclf w2", help="which run of --scan-json")
    args = ap.parse_args()
    main_cpu = None
    if args.scan_json:
        run = json.loads(Path(args.scan_json).read_text())["runs"][args.run]
        args.tree_cpu_s, args.tree_chars = run["cpu_s"], run["chars_analysed"]
        main_cpu = run.get("main_cpu_s")
    logging.disable(logging.WARNING)
    files = sorted(p for p in Path(args.dump).rglob("*") if p.is_file())
    pipe = Pipeline(Config(key=KEY))
    patterns = DetectorSet(Config(key=KEY, detect=DetectConfig(ner=False)))
    cpu: Counter[str] = Counter()
    chars = 0
    detected: dict[str, Any] = {}  # text -> its detection (the pipeline reuses it)
    judged: dict[tuple[bytes, str, str, str], Any] = {}  # what Pipeline._judge keys and compares

    def run(paths: list[Path], count: bool) -> None:
        nonlocal chars
        n = pipe.config.scan.batch_files
        for i in range(0, len(paths), n):
            c = time.process_time()
            docs = [d for p in paths[i : i + n] for d in pipe.extract(p)]
            readable = [d for d in docs if d.status == "ok" or d.text]
            texts = [d.text for d in readable]
            new = list(dict.fromkeys(x for x in texts if x not in detected))
            t = [c, time.process_time()]
            patterns.detect_many(new)
            t.append(time.process_time())
            detected.update(zip(new, pipe.detectors.detect_many(new)))
            t.append(time.process_time())
            fresh = []  # the documents the pipeline judges afresh (not met before)
            for d in readable:
                key = (_text_key(d.text), d.name, d.media_type, d.sha256)
                if judged.get(key) != (d.meta, d.parts):
                    judged[key] = (d.meta, d.parts)
                    fresh.append(d)
            found = [detected[d.text] for d in fresh]
            classes = [pipe.classifier.classify(d, f.findings) for d, f in zip(fresh, found)]
            t.append(time.process_time())
            for cls, f in zip(classes, found):
                pipe.scorer.score(cls.doc_type, cls.signed, f.findings)
            t.append(time.process_time())
            for d in fresh:
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
            f"| engine (scan {args.tree_cpu_s:.1f} CPU s - stages scaled {stages:.1f}) | "
            f"{rest:.1f} | {rest / args.tree_cpu_s:.0%} of the scan | "
            f"{args.tree_chars / rest:,.0f} |"
            if rest > 0
            else "| engine | ~0 | | |"
        )
        if rest > 0 and main_cpu is not None:
            workers = rest - main_cpu
            for label, value in (("driver process", main_cpu), ("workers' own", workers)):
                print(
                    f"|   engine: {label} | {value:.1f} | {value / args.tree_cpu_s:.0%} of the "
                    f"scan | {args.tree_chars / value:,.0f} |"
                    if value > 0
                    else f"|   engine: {label} | ~0 | | |"
                )


if __name__ == "__main__":
    main()
