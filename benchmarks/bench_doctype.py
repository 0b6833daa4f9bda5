"""Doc-type classifier: grouped CV on the real corpus, calibration, the dev set, held-out templates, throughput.

    .venv/bin/python benchmarks/bench_doctype.py            # from the repository root; ~5-8 min on one core
    .venv/bin/python benchmarks/bench_doctype.py --no-cv    # the shipped model only (dev set, templates, speed)
    .venv/bin/python benchmarks/bench_doctype.py --no-dev --salt a    # the grouped CV on a second fold split
    .venv/bin/python benchmarks/bench_doctype.py --no-dev --salt b    # ... and a third

The fold of a repository is ``sha256(salt + repository) mod 5``; no salt is training's split (the
figures stored in the model file). A figure that holds on three splits is less the luck of one split.
Every run fits the fold models of all three splits (``train.SALTS``), because the temperature and the
uncertain threshold are fitted on their pooled out-of-fold predictions, as training fits them;
``--salt`` picks the split whose tables are printed, and the calibration table covers all three.

One run reports:
1. grouped cross-validation on ``../shared/corpus/doctypes-train`` (5 folds, group = source repository,
   generated documents in every training fold, the full Classifier with its rules on each held-out
   fold): accuracy, macro-F1, per-type precision/recall/F1, the confusion matrix, accuracy per
   language and per format; per fold split, the temperature and threshold fitted on that split alone
   against the pooled ones, expected calibration error in-sample and cross-fitted, the uncertain
   share and its accuracy; and
   the short-text check (no document under 100 characters of content with a business type at
   confidence >= 0.5);
2. the shipped model on the dev set ``../shared/fixtures/real-world/doctypes`` (evaluation only,
   file names hidden and shown);
3. the shipped model on held-out generator templates (demo 8-9, wild 12-13);
4. throughput: features plus predict (``Classifier.classify``) in documents per CPU-second of one
   process (one core; wall time on a shared machine measures the neighbours), against a keyword
   baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from leakclf.config import ClassifyConfig, Config
from leakclf.doctypes import Classifier
from leakclf.doctypes.rules import MIN_CONTENT, content_chars
from leakclf.model import DOC_TYPES, Document
from training.doctypes.real import CORPUS, DEV, real_examples
from training.doctypes.train import (
    DRAWS,
    PER_TEMPLATE,
    SALTS,
    Calibration,
    Outcome,
    calibrated,
    draws,
    ece,
    fold_models,
    generated,
    metrics,
    pooled,
)

_KEYWORDS = {
    "sow": "statement of work",
    "invoice": "invoice",
    "purchase_order": "purchase order",
    "quote": "quotation",
    "contract": "agreement",
    "proof_of_execution": "delivery note",
    "poc": "proof of concept",
    "project_plan": "project plan",
    "resume": "curriculum vitae",
}


def keyword_baseline(text: str) -> str:
    head = text[:400].lower()
    hits = [(head.find(k), t) for t, k in _KEYWORDS.items() if k in head]
    return min(hits)[1] if hits else "other"


def _rate(fn: Callable[[Document], object], docs: Sequence[Document]) -> float:
    """Documents per CPU-second of this process (one core), best of three passes: the machine is shared."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for d in docs:
            fn(d)
        best = min(best, time.process_time() - t0)
    return len(docs) / best


def _table(title: str, m: dict) -> None:
    print(f"\n{title}: n={m['n']} accuracy {m['accuracy']:.3f} macro-F1 {m['macro_f1']:.3f}")
    print("| type | n | precision | recall | F1 |\n|---|---:|---:|---:|---:|")
    for t, v in m["per_type"].items():
        print(f"| {t} | {v['n']} | {v['precision']:.2f} | {v['recall']:.2f} | {v['f1']:.2f} |")


def _confusion(title: str, m: dict) -> None:
    labels = [
        t for t in DOC_TYPES if t in m["confusion"] or any(t in r for r in m["confusion"].values())
    ]
    print(f"\nconfusion ({title}; rows gold, columns predicted):")
    print("| gold \\ pred | " + " | ".join(t[:8] for t in labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for g, row in m["confusion"].items():
        print(f"| {g} | " + " | ".join(str(row.get(t, "")) for t in labels) + " |")


def _by(title: str, keys: Sequence[str], gold: Sequence[str], pred: Sequence[str]) -> None:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, g, p in zip(keys, gold, pred):
        tally[k][0] += 1
        tally[k][1] += g == p
    print(f"\naccuracy per {title}:\n| {title} | n | correct | accuracy |\n|---|---:|---:|---:|")
    for k, (n, ok) in sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0])):
        print(f"| {k} | {n} | {ok} | {ok / n:.2f} |")


def grouped_cv(seed: int, salt: str = "", count: int = DRAWS) -> list[Document]:
    real = real_examples(CORPUS)
    t0 = time.perf_counter()
    gens = draws(seed, PER_TEMPLATE, count)
    models = {s: fold_models(gens, real, salt=s) for s in SALTS}
    cal = pooled(models, real)
    split = next(s for s in cal.splits if s.salt == salt)
    cv = split.outcome
    m = metrics(cv.gold, cv.pred)
    name = f"fold split salt {salt!r}" if salt else "training's fold split"
    print(
        f"## Grouped cross-validation on {CORPUS}, {name}, {count} generated draw(s) averaged "
        f"({time.perf_counter() - t0:.0f} s; fold models of the {len(SALTS)} splits {list(SALTS)})"
    )
    _table("grouped CV (5 folds by source repository)", m)
    _confusion("grouped CV", m)
    _by("language", [e.lang for e in real], cv.gold, cv.pred)
    _by("format", [e.fmt for e in real], cv.gold, cv.pred)
    _calibration(cal, {s: calibrated(models[s], real, s) for s in SALTS})
    short = [
        (p, c)
        for e, p, c in zip(real, cv.pred, cv.confidence)
        if content_chars(e.doc) < MIN_CONTENT
    ]
    bad = sum(p != "other" and c >= 0.5 for p, c in short)
    print(
        f"short texts (< {MIN_CONTENT} characters of content): {len(short)}, with a business type at confidence >= 0.5: {bad}"
    )
    return [e.doc for e in real]


def _below(confidence: Sequence[float], correct: Sequence[bool], cuts: Sequence[float]) -> str:
    """How many documents fall below their threshold, and how often they and the rest are right."""
    below = [c < t for c, t in zip(confidence, cuts)]
    n = sum(below)
    ok_below = sum(o for o, b in zip(correct, below) if b)
    ok_above = sum(o for o, b in zip(correct, below) if not b)
    return (
        f"{n} below, right {ok_below} ({ok_below / max(n, 1):.2f}); "
        f"above {ok_above} of {len(below) - n} ({ok_above / max(len(below) - n, 1):.2f})"
    )


def _calibration(cal: Calibration, alone: dict[str, tuple[Outcome, float, float, float]]) -> None:
    """Per fold split: the split alone (the earlier sessions' calibration) against the pooled one
    that ships, in-sample and cross-fitted (temperature and threshold fitted without the fold)."""
    print(
        f"\ncalibration: temperature {cal.temperature}, uncertain below {cal.threshold}, fitted on the "
        f"pooled out-of-fold predictions of fold splits {[s.salt for s in cal.splits]}"
    )
    print(
        "| split | alone: temperature, threshold | alone: uncertain | pooled: uncertain | "
        "pooled: ECE | cross-fitted: temperatures, thresholds | cross-fitted: uncertain | "
        "cross-fitted: ECE |\n|---|---|---|---|---:|---|---|---:|"
    )
    for s in cal.splits:
        o = s.outcome
        correct = [g == p for g, p in zip(o.gold, o.pred)]
        a, t_a, cut_a, _ = alone[s.salt]
        a_ok = [g == p for g, p in zip(a.gold, a.pred)]
        print(
            f"| {s.salt!r} | {t_a}, {cut_a} | {_below(a.confidence, a_ok, [cut_a] * len(a_ok))} | "
            f"{_below(o.confidence, correct, [cal.threshold] * len(correct))} | "
            f"{ece(o.confidence, correct):.3f} | {sorted(set(s.honest_temperature))}, "
            f"{sorted(set(s.honest_threshold))} | "
            f"{_below(s.honest_confidence, s.honest_correct, s.honest_threshold)} | "
            f"{s.honest_ece:.3f} |"
        )


def short_probe(clf: Classifier) -> None:
    """Every prefix length 0-99 of generated documents: none may get a business type at >= 0.5."""
    bad = total = 0
    for e in generated(7, 1, "held_out"):
        for n in range(0, 100, 7):
            r = clf.classify(Document(e.name, None, "text/plain", e.text[:n], "", n))
            total += 1
            bad += r.doc_type != "other" and r.confidence >= 0.5
    print(
        f"short prefixes of generated documents: {total}, with a business type at confidence >= 0.5: {bad}"
    )


def dev_set(clf: Classifier) -> list[Document]:
    data = real_examples(DEV)
    for title, docs in (
        ("dev set, file names hidden", [e.doc for e in data]),
        ("dev set, file names shown", [replace(e.doc, source=Path(e.path).name) for e in data]),
    ):
        results = [clf.classify(d) for d in docs]
        gold = [e.label for e in data]
        m = metrics(gold, [r.doc_type for r in results])
        correct = [g == r.doc_type for g, r in zip(gold, results)]
        _table(title, m)
        print(
            f"ECE {ece([r.confidence for r in results], correct):.3f}; uncertain {sum(r.uncertain for r in results)}"
        )
    _confusion(
        "dev set, names hidden",
        metrics([e.label for e in data], [clf.classify(e.doc).doc_type for e in data]),
    )
    return [e.doc for e in data]


def templates(clf: Classifier, seed: int) -> None:
    held = generated(seed, 20, "held_out")
    for title, data in (
        ("held-out demo templates 8-9", [e for e in held if not e.template.startswith("wild")]),
        ("held-out wild templates 12-13", [e for e in held if e.template.startswith("wild")]),
        ("held-out templates, both", held),
    ):
        pred = [
            clf.classify(Document(e.name, None, "text/plain", e.text, "", len(e.text))).doc_type
            for e in data
        ]
        m = metrics([e.label for e in data], pred)
        print(f"{title}: n={m['n']} accuracy {m['accuracy']:.3f} macro-F1 {m['macro_f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=100)
    ap.add_argument(
        "--model", default=None, help="a candidate model file (default: the shipped one)"
    )
    ap.add_argument(
        "--no-cv", action="store_true", help="skip the grouped cross-validation (minutes)"
    )
    ap.add_argument("--no-dev", action="store_true", help="do not read the dev set")
    ap.add_argument(
        "--salt",
        default="",
        choices=SALTS,
        help="the fold split whose tables are printed (a, b: the second, third); calibration "
        "is printed for all three, as training pools them",
    )
    ap.add_argument(
        "--draws",
        type=int,
        default=DRAWS,
        help="generated draws each fold model averages over (default: training's)",
    )
    args = ap.parse_args()
    clf = Classifier(Config(classify=ClassifyConfig(model=args.model)))
    docs: list[Document] = []
    if not (CORPUS / "labels.csv").is_file():
        print(f"training corpus {CORPUS} not found: grouped CV skipped")
    elif args.no_cv:
        docs += [e.doc for e in real_examples(CORPUS)]  # for the throughput figure only
    else:
        docs += grouped_cv(0, args.salt, args.draws)
    print("\n## The shipped model" if args.model is None else f"\n## Model {args.model}")
    if (DEV / "labels.csv").is_file() and not args.no_dev:
        docs += dev_set(clf)
    print()
    templates(clf, args.seed)
    short_probe(clf)
    gen = [
        Document(e.name, None, "text/plain", e.text, "", len(e.text))
        for e in generated(args.seed, 2, "held_out")
    ]
    for title, sample in (("real documents", docs), ("generated documents", gen)):
        if sample:
            rate = _rate(clf.classify, sample)
            base = _rate(lambda d: keyword_baseline(d.text), sample)
            print(
                f"throughput on {len(sample)} {title}: {rate:.0f} docs/s on one core "
                f"(keyword baseline {base:.0f} docs/s; {base / rate:.0f}x the baseline's time)"
            )


if __name__ == "__main__":
    main()
