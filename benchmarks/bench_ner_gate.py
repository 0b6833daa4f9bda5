"""The NER gate: characters NER reads and what it finds, with the gate on and off, same run.

    .venv/bin/python benchmarks/bench_ner_gate.py [--real ../shared/fixtures/real-world]

(a) and (b) are bench_pii_accuracy's two labelled sets (leakclf only: precision / recall per
NER type and micro F1 over every type); "real" is every file under ``--real`` extracted by
leakclf (no labels: the findings with the gate off are the reference, and the script lists
NER findings lost and gained with the gate on, by label, masked).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_pii_accuracy import prf, score
from detect_corpus import business, sentences

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.errors import LeakclfError
from leakclf.model import Detection

KEY = b"g" * 64
NER_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "DATE_TIME")
RELABEL = {"DATE_OF_BIRTH": "DATE_TIME"}


def detect(texts: list[str], gated: bool) -> tuple[list[Detection], int, float]:
    det = DetectorSet(Config(key=KEY, detect=DetectConfig(ner_gate=gated)))
    det.detect_many(["Warm-up: Jane Doe of Contoso Ltd in Paris, 3 May 2024."])
    assert det.ner is not None
    det.ner.clear_cache()
    read: list[int] = []
    original = det.ner.read

    def counting(pieces):  # type: ignore[no-untyped-def]
        read.append(sum(map(len, pieces)))
        return original(pieces)

    det.ner.read = counting  # type: ignore[method-assign]
    c0 = time.process_time()
    found = det.detect_many(texts)
    return found, sum(read), time.process_time() - c0


def labelled(name: str, samples: list[tuple[str, list[tuple[int, int, str]]]]) -> None:
    texts, gold = [t for t, _ in samples], [g for _, g in samples]
    types = {s[2] for g in gold for s in g}
    chars = sum(map(len, texts))
    rows = []
    for gated in (False, True):
        found, read, cpu = detect(texts, gated)
        pred = [
            [(f.start, f.end, RELABEL.get(f.label, f.label)) for f in d.findings] for d in found
        ]
        sc = score(gold, pred, types)
        micro = prf(sum((sc[t] for t in types), Counter()))[2]
        per = {t: prf(sc[t]) for t in NER_TYPES if t in types}
        rows.append((gated, read, cpu, micro, per))
    print(f"\n{name}: {len(texts)} texts, {chars:,} chars")
    print(
        "| gate | NER chars | CPU s | micro F1 | "
        + " | ".join(f"{t} P / R" for t in rows[0][4])
        + " |"
    )
    print("|---|---:|---:|---:|" + "---:|" * len(rows[0][4]))
    for gated, read, cpu, micro, per in rows:
        cells = " | ".join(f"{p:.3f} / {r:.3f}" for p, r, _ in per.values())
        print(f"| {'on' if gated else 'off'} | {read:,} | {cpu:.2f} | {micro:.4f} | {cells} |")


def real(root: Path) -> None:
    from leakclf.pipeline import Pipeline

    pipe = Pipeline(Config(key=KEY))
    texts: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".md"):
        try:
            texts += [d.text for d in pipe.extract(path) if d.text]
        except LeakclfError:
            continue  # empty or corrupt samples: nothing to read
    off, read_off, cpu_off = detect(texts, False)
    on, read_on, cpu_on = detect(texts, True)
    lost: Counter[str] = Counter()
    gained: Counter[str] = Counter()
    examples: list[str] = []
    for a, b in zip(off, on):
        fa = {(f.label, f.start, f.end): f for f in a.findings}
        fb = {(f.label, f.start, f.end): f for f in b.findings}
        for k in fa.keys() - fb.keys():
            lost[k[0]] += 1
            examples.append(f"  lost   {k[0]:13} {fa[k].preview}")
        for k in fb.keys() - fa.keys():
            gained[k[0]] += 1
            examples.append(f"  gained {k[0]:13} {fb[k].preview}")
    total = Counter(f.label for d in off for f in d.findings)
    print(f"\nreal documents under {root}: {len(texts)} texts, {sum(map(len, texts)):,} chars")
    print(
        f"NER chars: gate off {read_off:,}, on {read_on:,} ({1 - read_on / read_off:.1%} fewer); "
        f"CPU s {cpu_off:.2f} -> {cpu_on:.2f}"
    )
    print("| label | findings (gate off) | lost | gained |")
    print("|---|---:|---:|---:|")
    for label in sorted(total.keys() | lost.keys() | gained.keys()):
        print(f"| {label} | {total[label]} | {lost[label]} | {gained[label]} |")
    print("\n".join(sorted(examples)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument(
        "--real",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared/fixtures/real-world",
    )
    ap.add_argument("--no-synthetic", action="store_true")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    if not args.no_synthetic:
        labelled("(a) template sentences, seed 42", sentences(args.sentences, seed=42))
        labelled("(b) business documents with near-misses, seed 7", business(args.docs, seed=7))
    if args.real.is_dir():
        real(args.real)


if __name__ == "__main__":
    main()
