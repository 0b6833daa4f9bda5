"""PII accuracy: precision / recall / F1 per entity type, leakclf vs stock Presidio, same data.

    .venv/bin/python benchmarks/bench_pii_accuracy.py [--sentences 1000] [--docs 300]
        [--spacy-model NAME]

``--spacy-model`` sets leakclf's ``detect.spacy_model`` (default: the config's default);
stock Presidio always runs the best installed ``en_core_web_*`` package.

Data (fixed seeds, see detect_corpus.py): (a) template sentences filled by Faker in the style
of presidio-evaluator's generator; (b) generated invoices, contracts and e-mails with injected
values and identifier-shaped near-misses. A prediction is a true positive when it overlaps an
unmatched gold span of the same type (one-to-one). leakclf's DATE_OF_BIRTH counts as DATE_TIME;
Presidio's country ID types (UK_NHS, ES_NIF, ...) count as NATIONAL_ID.
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from detect_corpus import Sample, business, sentences
from presidio_stock import presidio_label, stock_engine

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.detectors.ner import resolve_model

Span = tuple[int, int, str]
#: Identifier types measured for precision even where the data holds none of them.
ALWAYS = {
    "US_BANK_NUMBER",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "US_ITIN",
    "US_ROUTING_NUMBER",
    "NATIONAL_ID",
    "CREDIT_CARD",
    "US_SSN",
    "IBAN_CODE",
    "CRYPTO",
}
CHECKSUMMED = {
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_ROUTING_NUMBER",
    "US_SSN",
    "NATIONAL_ID",
    "VAT_ID",
    "CRYPTO",
}


def score(
    gold: list[list[Span]], pred: list[list[Span]], types: set[str]
) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {t: Counter() for t in types}
    for g_doc, p_doc in zip(gold, pred):
        for t in types:
            g = [s for s in g_doc if s[2] == t]
            p = [s for s in p_doc if s[2] == t]
            used: set[int] = set()
            for ps, pe, _ in p:
                hit = next(
                    (i for i, (gs, ge, _) in enumerate(g) if i not in used and ps < ge and gs < pe),
                    None,
                )
                if hit is None:
                    out[t]["fp"] += 1
                else:
                    used.add(hit)
                    out[t]["tp"] += 1
            out[t]["fn"] += len(g) - len(used)
    return out


def prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
    f = 2 * p * r / (p + r) if not (math.isnan(p) or math.isnan(r)) and p + r else float("nan")
    return p, r, f


def fmt(x: float) -> str:
    return "-" if math.isnan(x) else f"{x:.3f}"


def run_leakclf(samples: list[Sample], model: str | None) -> list[list[Span]]:
    det = DetectorSet(Config(detect=DetectConfig(spacy_model=model)) if model else Config())
    found = det.detect_many([t for t, _ in samples])
    relabel = {"DATE_OF_BIRTH": "DATE_TIME"}
    return [[(f.start, f.end, relabel.get(f.label, f.label)) for f in d.findings] for d in found]


def run_presidio(engine: object, samples: list[Sample], threshold: float) -> list[list[Span]]:
    out = []
    for text, _ in samples:
        res = engine.analyze(text, language="en", score_threshold=threshold)  # type: ignore[attr-defined]
        out.append([(r.start, r.end, presidio_label(r.entity_type)) for r in res])
    return out


def table(
    name: str, samples: list[Sample], engine: object, shared: set[str], model: str | None
) -> None:
    gold = [g for _, g in samples]
    leak = run_leakclf(samples, model)
    stock = run_presidio(engine, samples, 0.0)
    stock40 = run_presidio(engine, samples, 0.4)
    types = {s[2] for g in gold for s in g} | (ALWAYS & {s[2] for d in leak + stock for s in d})
    sl, ss, s4 = score(gold, leak, types), score(gold, stock, types), score(gold, stock40, types)
    print(f"\n### {name}: {len(samples)} texts, {sum(len(t) for t, _ in samples):,} chars\n")
    print("| type | gold | leakclf P | R | F1 | Presidio P | R | F1 | Presidio(>=0.4) F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for t in sorted(types):
        gl = sl[t]["tp"] + sl[t]["fn"]
        lp, lr, lf = prf(sl[t])
        if t in shared:
            sp, sr, sf = prf(ss[t])
            cols = f"{fmt(sp)} | {fmt(sr)} | {fmt(sf)} | {fmt(prf(s4[t])[2])}"
        else:
            cols = "n/a | n/a | n/a | n/a"
        print(f"| {t} | {gl} | {fmt(lp)} | {fmt(lr)} | {fmt(lf)} | {cols} |")
    both = types & shared
    tot = [sum((sc[t] for t in both), Counter()) for sc in (sl, ss, s4)]
    print(
        f"| **micro, shared types** | | {' | '.join(fmt(x) for x in prf(tot[0]))} | "
        f"{' | '.join(fmt(x) for x in prf(tot[1]))} | {fmt(prf(tot[2])[2])} |"
    )
    all_leak = sum((sl[t] for t in types), Counter())
    print(
        f"| **micro, all leakclf types** | | {' | '.join(fmt(x) for x in prf(all_leak))} | | | | |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--spacy-model", help="leakclf's detect.spacy_model")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    engine = stock_engine(resolve_model(None))
    shared = {presidio_label(e) for e in engine.get_supported_entities(language="en")}
    leak_model = args.spacy_model or Config().detect.spacy_model or resolve_model(None)
    print(
        f"spaCy model: Presidio {resolve_model(None)}, leakclf {leak_model}; "
        f"Presidio entity types: {', '.join(sorted(shared))}"
    )
    table(
        "(a) template sentences, seed 42",
        sentences(args.sentences, seed=42),
        engine,
        shared,
        args.spacy_model,
    )
    table(
        "(b) business documents with near-misses, seed 7",
        business(args.docs, seed=7),
        engine,
        shared,
        args.spacy_model,
    )


if __name__ == "__main__":
    main()
