"""Doc-type model averaged over generated draws: grouped CV per fold split, K = 1..n draws, each draw alone.

    .venv/bin/python benchmarks/bench_doctype_draws.py --ks 1 2 3 4 5 --singles 1 2 3 4 [--salt a|b]
    .venv/bin/python benchmarks/bench_doctype_draws.py --ks 1 3 5 --lang-weight 2 [--salt a|b]
    .venv/bin/python benchmarks/bench_doctype_draws.py --ks 1 --singles 1 2 3 4 --real-weight 6 [--salt a|b]
    .venv/bin/python benchmarks/bench_doctype_draws.py --ks 1 --singles 1 2 3 4 --localized 0 [--salt a|b]

Every fold model is ``train.average`` of one ``train.fit`` per draw of generated documents (draw ``d``:
``generated_items(d, --per-template)``, as ``train.draws(0, ..., K)`` draws them) plus the other folds'
real documents; the first K draws are averaged and calibrated on the split's own out-of-fold
predictions (``train.calibrated``; the shipped model pools three splits, ``train.pooled``). The per-draw fold models are kept in ``--store`` (float64 arrays, not the
rounded model file), so ``--ks`` and ``--singles`` of one split share the fits (5 per draw).
``--lang-weight``: real documents not in English at that many times their weight (as ``explore
languages``). ``--real-weight``, ``--per-template``, ``--c``: the training settings (default: the
shipped ``REAL_WEIGHT``, ``PER_TEMPLATE``, ``C``); a setting that is not the default enters the stored
fits' names. ``--localized N``: N documents per wild training template, type and language written
wholly in one of ``--languages`` (Spanish, Portuguese, French, German, Italian or Dutch;
``localized.localized_examples``) in each draw (default: the shipped ``LOCALIZED`` in
``LOCALIZED_LANGUAGES``; 0 is the eighth session's training), named in the stored fits. Prints documents right of 308, accuracy, macro-F1, the lowest type, temperature, uncertain
threshold, ECE (in-sample and cross-fitted), features per fold model and right per language.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from leakclf.doctypes.linear import LinearModel
from leakclf.model import DOC_TYPES
from training.doctypes.explore import by_language
from training.doctypes.localized import LANGUAGES
from training.doctypes.real import extractor_version, real_examples
from training.doctypes.train import (
    FOLDS,
    LOCALIZED,
    LOCALIZED_LANGUAGES,
    PER_TEMPLATE,
    REAL_WEIGHT,
    C,
    average,
    calibrated,
    ece,
    fit,
    fold_of,
    fold_training,
    generated_items,
    metrics,
    real_items,
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--salt", default="", help="another fold split (a, b: the second, third)")
    ap.add_argument("--ks", type=int, nargs="+", default=[1, 3, 5], help="draws averaged")
    ap.add_argument("--singles", type=int, nargs="*", default=[], help="these draws alone too")
    ap.add_argument("--lang-weight", type=float, default=1.0)
    ap.add_argument("--real-weight", type=float, default=REAL_WEIGHT)
    ap.add_argument("--per-template", type=int, default=PER_TEMPLATE)
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument(
        "--localized", type=int, default=LOCALIZED, help="per template, type and language"
    )
    ap.add_argument("--languages", nargs="+", default=list(LOCALIZED_LANGUAGES), choices=LANGUAGES)
    ap.add_argument("--store", default="/tmp/leakclf-doctype-draws")
    args = ap.parse_args()
    real = real_examples()
    items = real_items(real, args.real_weight)
    if args.lang_weight != 1.0:
        items = [
            it if e.lang == "en" else replace(it, weight=it.weight * args.lang_weight)
            for it, e in zip(items, real, strict=True)
        ]
    folds = [fold_of(e.group, args.salt) for e in real]
    train = fold_training(items, folds)
    store = Path(args.store)
    store.mkdir(parents=True, exist_ok=True)
    n = max([*args.ks, *(d + 1 for d in args.singles)])
    setting = (
        ""
        if (args.real_weight, args.per_template, args.c) == (REAL_WEIGHT, PER_TEMPLATE, C)
        else f"-rw{args.real_weight}-pt{args.per_template}-c{args.c}"
    ) + f"-x{extractor_version()}"  # fits of texts read by other extractors are not reused
    if args.localized:
        setting += f"-loc{args.localized}{''.join(args.languages)}"
    per: list[list[LinearModel]] = [[] for _ in range(FOLDS)]
    t0 = time.process_time()
    for d in range(n):
        paths = [
            store / f"s{args.salt or '0'}-lw{args.lang_weight}{setting}-f{k}-d{d}.npz"
            for k in range(FOLDS)
        ]
        gen = (
            None
            if all(p.exists() for p in paths)
            else generated_items(
                d, args.per_template, localized=args.localized, languages=args.languages
            )
        )
        for k, p in enumerate(paths):
            if gen is None:
                z = np.load(p, allow_pickle=False)
                m = LinearModel(
                    list(DOC_TYPES), [str(f) for f in z["features"]], z["weights"], z["bias"]
                )
            else:
                m = fit(gen + train[k], c=args.c)
                np.savez(p, features=np.array(m.features), weights=m.weights, bias=m.bias)
            per[k].append(m)
        print(f"draw {d}: 5 fold models ({time.process_time() - t0:.0f} CPU s)", flush=True)
    runs = [(f"K={k}", [average(per[f][:k]) for f in range(FOLDS)]) for k in args.ks]
    runs += [(f"draw {d} alone", [per[f][d] for f in range(FOLDS)]) for d in args.singles]
    split = args.salt or "training's"
    for name, models in runs:
        cv, t, cut, honest = calibrated(models, real, args.salt)
        scores = metrics(cv.gold, cv.pred)
        right = sum(g == p for g, p in zip(cv.gold, cv.pred))
        low = min(scores["per_type"].items(), key=lambda kv: kv[1]["f1"])
        ok = [g == p for g, p in zip(cv.gold, cv.pred)]
        size = sum(len(x.features) for x in models) // FOLDS
        print(
            f"split {split}, language weight {args.lang_weight}, real weight {args.real_weight}, "
            f"per template {args.per_template}, C {args.c}, localized {args.localized} "
            f"{''.join(args.languages) if args.localized else ''}, {name}: {right}/{len(real)} "
            f"accuracy {scores['accuracy']:.3f} macro-F1 {scores['macro_f1']:.3f} lowest {low[0]} "
            f"{low[1]['f1']:.2f}; temperature {t}, uncertain below {cut}, ECE "
            f"{ece(cv.confidence, ok):.3f} (cross-fitted {honest:.3f}); ~{size} features | "
            f"{by_language(real, cv.pred)}",
            flush=True,
        )


if __name__ == "__main__":
    main()
