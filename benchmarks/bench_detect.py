"""Detection throughput: stock Presidio vs leakclf on the same mixed business texts, one run.

    .venv/bin/python benchmarks/bench_detect.py [--docs 120]

Stock Presidio: ``AnalyzerEngine`` with default recognizers and the same spaCy model
(full pipeline, as Presidio loads it). leakclf: ``DetectorSet.detect_many`` (NER-only
pipeline, batched). Both single-process and single-threaded, each warmed up on texts from
another seed (models and lazy tables loaded) before timing. Reports characters/second, the
ratio, and how repetitive the corpus is (leakclf does not run NER twice on the same piece).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core for both engines

sys.path.insert(0, str(Path(__file__).parent))

from detect_corpus import business, sentences
from presidio_stock import stock_engine

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.detectors.ner import resolve_model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--docs", type=int, default=120, help="business documents (plus 4x sentences)"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    texts = [t for t, _ in business(args.docs, seed=11)]
    texts += [" ".join(t for t, _ in sentences(8, seed=i)) for i in range(args.docs)]
    chars = sum(map(len, texts))
    model = resolve_model(None)
    # warm-up texts from other seeds: loads models, phone metadata, the suffix list
    warm = [t for t, _ in business(6, seed=99)] + [t for t, _ in sentences(8, seed=999)]

    leak = DetectorSet(Config(detect=DetectConfig()))
    leak.detect_many(warm)
    t0 = time.perf_counter()
    leak_found = sum(len(d.findings) for d in leak.detect_many(texts))
    t_leak = time.perf_counter() - t0

    patterns = DetectorSet(Config(detect=DetectConfig(ner=False)))
    patterns.detect_many(warm)
    t0 = time.perf_counter()
    patterns.detect_many(texts)
    t_pat = time.perf_counter() - t0

    engine = stock_engine(model)
    for text in warm:
        engine.analyze(text, language="en")
    t0 = time.perf_counter()
    stock_found = sum(len(engine.analyze(t, language="en")) for t in texts)
    t_stock = time.perf_counter() - t0

    lines = [line for t in texts for line in t.splitlines()]
    repeated = sum(map(len, lines)) - sum(map(len, set(lines)))
    print(f"texts: {len(texts)}, characters: {chars:,}, spaCy model: {model}")
    print(f"repetition: {repeated / chars:.1%} of the characters are in repeated lines")
    print("| engine | seconds | chars/s | findings |")
    print("|---|---:|---:|---:|")
    print(
        f"| stock Presidio AnalyzerEngine | {t_stock:.2f} | {chars / t_stock:,.0f} | {stock_found} |"
    )
    print(
        f"| leakclf DetectorSet (NER + patterns) | {t_leak:.2f} | {chars / t_leak:,.0f} | {leak_found} |"
    )
    print(f"| leakclf pattern detectors only | {t_pat:.2f} | {chars / t_pat:,.0f} | - |")
    print(f"\nratio leakclf / stock Presidio: {t_stock / t_leak:.1f}x")


if __name__ == "__main__":
    main()
