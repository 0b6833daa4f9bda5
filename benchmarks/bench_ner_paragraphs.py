"""NER on long lines: judged sentence by sentence (default) vs line by line, same paragraphs.

    .venv/bin/python benchmarks/bench_ner_paragraphs.py [--paragraphs 200]

Each paragraph is 8 template sentences (detect_corpus.sentences, seeds 300+, unused by the other
benchmarks) joined on one line, so it is longer than ``ner.PARAGRAPH_CHARS``. Prints precision,
recall and F1 for the NER types with sentence splitting off and on.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_pii_accuracy import Sample, fmt, prf, run_leakclf, score
from detect_corpus import sentences

from leakclf.detectors import ner

TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "DATE_TIME"}


def paragraphs(n: int) -> list[Sample]:
    out = []
    for seed in range(300, 300 + n):
        parts, spans, pos = [], [], 0
        for text, gold in sentences(8, seed=seed):
            spans += [(s + pos, e + pos, label) for s, e, label in gold]
            parts.append(text)
            pos += len(text) + 1
        out.append((" ".join(parts), spans))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=200)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    samples = paragraphs(args.paragraphs)
    gold = [g for _, g in samples]
    default = ner.PARAGRAPH_CHARS
    print(
        "| long lines read | "
        + " | ".join(f"{t} P / R / F1" for t in sorted(TYPES))
        + " | micro F1 |"
    )
    print("|---|" + "---:|" * (len(TYPES) + 1))
    for name, limit in (("line by line", 10**9), ("sentence by sentence", default)):
        ner.PARAGRAPH_CHARS = limit
        scores = score(gold, run_leakclf(samples), TYPES)
        cells = [" / ".join(fmt(x) for x in prf(scores[t])) for t in sorted(TYPES)]
        micro = prf(sum(scores.values(), Counter()))[2]
        print(f"| {name} | " + " | ".join(cells) + f" | {fmt(micro)} |")
    ner.PARAGRAPH_CHARS = default


if __name__ == "__main__":
    main()
