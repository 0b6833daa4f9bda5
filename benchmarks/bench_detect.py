"""Detection throughput: stock Presidio vs leakclf on the same mixed business texts, one run.

    .venv/bin/python benchmarks/bench_detect.py [--docs 120]

Stock Presidio: ``AnalyzerEngine`` with default recognizers and the same spaCy model
(full pipeline, as Presidio loads it). leakclf: ``DetectorSet.detect_many`` (NER-only
pipeline, batched). Both single-process. Reports characters/second and the ratio.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

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

    leak = DetectorSet(Config(detect=DetectConfig()))
    leak.detect("warm up John Smith")  # model load is not throughput
    t0 = time.perf_counter()
    leak_found = sum(len(d.findings) for d in leak.detect_many(texts))
    t_leak = time.perf_counter() - t0

    patterns = DetectorSet(Config(detect=DetectConfig(ner=False)))
    patterns.detect("warm up")
    t0 = time.perf_counter()
    patterns.detect_many(texts)
    t_pat = time.perf_counter() - t0

    engine = stock_engine(model)
    engine.analyze("warm up John Smith", language="en")
    t0 = time.perf_counter()
    stock_found = sum(len(engine.analyze(t, language="en")) for t in texts)
    t_stock = time.perf_counter() - t0

    print(f"texts: {len(texts)}, characters: {chars:,}, spaCy model: {model}")
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
