"""Grouped-CV experiments behind the fourth session's "tried and not kept" rows (model card, docs/accuracy.md).

    python -m training.doctypes.explore baseline [--salt a]       # the shipped settings
    python -m training.doctypes.explore augment --scale 1 [--real-copies-only]
    python -m training.doctypes.explore shift --l2 0 0.01 0.1
    python -m training.doctypes.explore stack --meta-c 0.03 0.1 0.3 1 [--salt a]
    python -m training.doctypes.explore name [--domain-bias]
    python -m training.doctypes.explore concepts --scale 0 0.5 2 [--salt a]     (fifth session)
    python -m training.doctypes.explore sheets --per-kind 20 --weight 1 [--kinds schedule week-grid register]
    python -m training.doctypes.explore articles --per-kind 6
    python -m training.doctypes.explore languages --lang-weight 1.5 2 3 [--salt a]   (seventh session)

Each prints accuracy, macro-F1 and the F1 of every type. The folds are training's (group = source
repository, ``fold_of``); ``--salt`` splits the repositories differently (``sha256(salt + repository)``),
to see how much the split alone moves a figure. Every held-out document runs through the full
``Classifier`` with its rules, as in training. Every variant is still one ``LinearModel``:

- ``augment``: feature augmentation for domain adaptation. Each feature of a real document is also
  copied as ``R|feature`` (and of a generated one as ``G|feature``, unless ``--real-copies-only``),
  scaled by ``--scale``, with a real-domain intercept ``R|bias``; the model used is the shared weights
  plus the real-domain ones (what a real file would get).
- ``shift``: per-type intercept shifts fitted (softmax likelihood, L2 ``--l2``) on the out-of-fold logits
  of the other folds and added to the held-out fold's model (cross-fitted).
- ``stack``: three linear models on feature groups (title region; body words; cues and statistics)
  and a multinomial second level on their logits, fitted on inner out-of-fold logits (nested in each
  outer fold). The second level is linear in the group logits, so it folds into one linear model.
- ``name``: real documents without the ``name:'document'`` feature of their neutral file name, and
  with ``--domain-bias`` an explicit real-domain intercept folded into the bias instead.
- ``concepts``: the ``concept:`` features (``leakclf/doctypes/concepts.py``) scaled by ``--scale``
  (0: without them, the fourth session's features).
- ``sheets``: the training data plus generated spreadsheets (``sheets.py``: project registers and
  timelines, and everyday sheets that are ``other``), ``--per-kind`` per kind, weighted ``--weight``
  (times the generated weight of their type), only ``--kinds`` when given.
- ``articles``: the training data plus generated articles about a type, labelled ``other``
  (``articles.py``), ``--per-kind`` per type.
- ``languages``: real documents not in English weighted ``--lang-weight`` times their usual weight
  (the generated documents are English, so the real ones are the only examples of the six other
  languages); prints the documents right per language too.
"""

from __future__ import annotations

import argparse
import copy
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from leakclf.config import Config
from leakclf.doctypes import Classifier
from leakclf.doctypes.linear import LinearModel
from leakclf.model import DOC_TYPES
from training.doctypes.articles import article_examples
from training.doctypes.generated import Example
from training.doctypes.real import RealExample, real_examples
from training.doctypes.sheets import KINDS, sheet_examples
from training.doctypes.train import (
    FOLDS,
    PER_TEMPLATE,
    REAL_WEIGHT,
    TYPE_WEIGHT,
    Item,
    extract,
    fit,
    fold_of,
    fold_training,
    generated_items,
    metrics,
    readable,
    real_items,
)

_HEAD = ("title:", "tc:", "head:", "caps:", "cue:", "name:", "section:", "kv:")
GROUPS = ("head", "body", "cues")
FitFold = Callable[
    [list[Item], list[Item]], LinearModel
]  # (generated, real training items) -> model


def folds_of(real: Sequence[RealExample], salt: str) -> list[int]:
    """Training's folds when ``salt`` is empty (``train.fold_of``), another split otherwise."""
    return [fold_of(e.group, salt) for e in real]


def fold_models(
    fit_fold: FitFold, gen: list[Item], items: list[Item], folds: list[int]
) -> list[LinearModel]:
    return [fit_fold(gen, train) for train in fold_training(items, folds)]


def predict(models: list[LinearModel], real: Sequence[RealExample], folds: list[int]) -> list[str]:
    return [
        Classifier(Config(), model=models[f]).classify(e.doc).doc_type for e, f in zip(real, folds)
    ]


def show(name: str, real: Sequence[RealExample], pred: list[str]) -> None:
    m = metrics([e.label for e in real], pred)
    f1 = " ".join(f"{t} {v['f1']:.2f}" for t, v in m["per_type"].items())
    print(f"{name}: accuracy {m['accuracy']:.3f} macro-F1 {m['macro_f1']:.3f} | {f1}", flush=True)


def by_language(real: Sequence[RealExample], pred: list[str]) -> str:
    """Documents right per language, the seven languages first: "en 171/189 de 30/32 ..."."""
    langs = ("en", "de", "es", "fr", "pt", "it", "nl")
    ok = Counter(e.lang for e, p in zip(real, pred) if p == e.label)
    total = Counter(e.lang if e.lang in langs else "other" for e in real)
    ok_other = sum(n for lang, n in ok.items() if lang not in langs)
    right = {**{lang: ok[lang] for lang in langs}, "other": ok_other}
    return " ".join(f"{lang} {right[lang]}/{total[lang]}" for lang in (*langs, "other"))


# -- language balance (seventh session, second round) --------------------------------------------


def language_weighted(items: list[Item], real: Sequence[RealExample], weight: float) -> list[Item]:
    """Real documents not in English at ``weight`` times their weight; English ones unchanged."""
    return [
        it if e.lang == "en" else replace(it, weight=it.weight * weight)
        for it, e in zip(items, real, strict=True)
    ]


# -- feature augmentation ------------------------------------------------------------------------


def augmented(scale: float, generated_copies: bool) -> FitFold:
    def tag(items: list[Item], domain: str) -> list[Item]:
        out = []
        for it in items:
            feats = dict(it.feats)
            feats.update({f"{domain}|{f}": scale * v for f, v in it.feats.items()})
            feats[f"{domain}|bias"] = 1.0
            out.append(replace(it, feats=feats))
        return out

    def fit_fold(gen: list[Item], train: list[Item]) -> LinearModel:
        m = fit((tag(gen, "G") if generated_copies else gen) + tag(train, "R"))
        names = sorted(
            {f for f in m.features if not f.startswith(("R|", "G|"))}
            | {f[2:] for f in m.features if f.startswith("R|") and f != "R|bias"}
        )
        w = np.zeros((len(m.labels), len(names)))
        for j, f in enumerate(names):
            if f in m.index:
                w[:, j] += m.weights[:, m.index[f]]
            if "R|" + f in m.index:
                w[:, j] += scale * m.weights[:, m.index["R|" + f]]
        bias = m.bias + (m.weights[:, m.index["R|bias"]] if "R|bias" in m.index else 0.0)
        return LinearModel(m.labels, names, w, bias)

    return fit_fold


# -- intercept shifts ----------------------------------------------------------------------------


def intercept_shift(z: np.ndarray, y: np.ndarray, l2: float, steps: int = 500) -> np.ndarray:
    """Per-type shifts b minimising the softmax negative log-likelihood of z + b plus l2 * |b|^2."""
    b = np.zeros(z.shape[1])
    onehot = np.eye(z.shape[1])[y]
    for _ in range(steps):
        s = z + b
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        b -= 0.5 * ((p - onehot).mean(axis=0) + 2 * l2 * b)
    return b - b.mean()


def shifted(
    models: list[LinearModel], items: list[Item], folds: list[int], l2: float
) -> list[LinearModel]:
    rows = [i for i, it in enumerate(items) if readable(it)]
    z = np.vstack([models[folds[i]].logits(items[i].feats) for i in rows])
    y = np.array([DOC_TYPES.index(items[i].label) for i in rows])
    out = []
    for k in range(FOLDS):
        other = np.array([folds[i] != k for i in rows])
        m = copy.copy(models[k])
        m.bias = m.bias + intercept_shift(z[other], y[other], l2)
        out.append(m)
    return out


# -- stacking ------------------------------------------------------------------------------------


def _group(feature: str) -> str:
    if feature.startswith(_HEAD):
        return "head"
    return "body" if feature.startswith("word:") else "cues"


def _only(items: list[Item], group: str) -> list[Item]:
    return [
        replace(it, feats={f: v for f, v in it.feats.items() if _group(f) == group}) for it in items
    ]


def _group_models(gen: list[Item], train: list[Item]) -> dict[str, LinearModel]:
    return {g: fit(_only(gen, g) + _only(train, g)) for g in GROUPS}


def _group_logits(models: dict[str, LinearModel], items: list[Item]) -> np.ndarray:
    return np.hstack([np.vstack([models[g].logits(it.feats) for it in items]) for g in GROUPS])


def _collapse(
    models: dict[str, LinearModel], coef: np.ndarray, intercept: np.ndarray
) -> LinearModel:
    """The second level applied to the group models' logits, as one linear model."""
    names = sorted({f for m in models.values() for f in m.features})
    pos = {f: j for j, f in enumerate(names)}
    w, bias = np.zeros((len(DOC_TYPES), len(names))), intercept.copy()
    for gi, g in enumerate(GROUPS):
        block, m = coef[:, gi * len(DOC_TYPES) : (gi + 1) * len(DOC_TYPES)], models[g]
        w[:, [pos[f] for f in m.features]] += block @ m.weights
        bias += block @ m.bias
    return LinearModel(list(DOC_TYPES), names, w, bias)


def stacked(
    gen: list[Item], items: list[Item], folds: list[int], meta_c: Sequence[float]
) -> dict[float, list[LinearModel]]:
    from sklearn.linear_model import LogisticRegression

    out: dict[float, list[LinearModel]] = {c: [] for c in meta_c}
    for k in range(FOLDS):
        outer = [i for i, it in enumerate(items) if folds[i] != k and readable(it)]
        z, y = [], []
        for j in (j for j in range(FOLDS) if j != k):
            inner = _group_models(gen, [items[i] for i in outer if folds[i] != j])
            held = [i for i in outer if folds[i] == j]
            z.append(_group_logits(inner, [items[i] for i in held]))
            y += [DOC_TYPES.index(items[i].label) for i in held]
        full = _group_models(gen, [items[i] for i in outer])
        for c in meta_c:
            meta = LogisticRegression(C=c, max_iter=2000).fit(np.vstack(z), np.array(y))
            out[c].append(_collapse(full, meta.coef_, meta.intercept_))
    return out


# -- the neutral file name -----------------------------------------------------------------------


def without_name(items: list[Item], domain_bias: bool) -> list[Item]:
    out = []
    for it in items:
        feats = {f: v for f, v in it.feats.items() if f != "name:'document'"}
        if domain_bias:
            feats["domain:real"] = 1.0
        out.append(replace(it, feats=feats))
    return out


def fold_domain_bias(m: LinearModel) -> LinearModel:
    j = m.index.get("domain:real")
    if j is None:
        return m
    keep = [i for i in range(len(m.features)) if i != j]
    return LinearModel(
        m.labels, [m.features[i] for i in keep], m.weights[:, keep], m.bias + m.weights[:, j]
    )


# -- concepts and generated additions (fifth session) --------------------------------------------


def concepts_scaled(items: list[Item], scale: float) -> list[Item]:
    """``concept:`` features times ``scale``; 0 leaves them out."""
    out = []
    for it in items:
        feats = {
            f: v * scale if f.startswith("concept:") else v
            for f, v in it.feats.items()
            if scale or not f.startswith("concept:")
        }
        out.append(replace(it, feats=feats))
    return out


def concepts_fit(scale: float) -> FitFold:
    """A model trained on concept features times ``scale``, for texts whose concept features are
    1 (what the classifier reads): its concept weights times ``scale``."""

    def fit_fold(gen: list[Item], train: list[Item]) -> LinearModel:
        m = fit(gen + train)
        cols = [j for j, f in enumerate(m.features) if f.startswith("concept:")]
        w = m.weights.copy()
        w[:, cols] *= scale
        return LinearModel(m.labels, m.features, w, m.bias)

    return fit_fold


def extra_items(data: list[Example], weight: float) -> list[Item]:
    return [
        Item(extract(e.text, e.name), e.label, weight * TYPE_WEIGHT.get(e.label, 1.0)) for e in data
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument(
        "experiment",
        choices=(
            "baseline",
            "augment",
            "shift",
            "stack",
            "name",
            "concepts",
            "sheets",
            "articles",
            "languages",
        ),
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--salt", default="", help="another split of the repositories into folds")
    ap.add_argument("--scale", type=float, nargs="+", default=[1.0])
    ap.add_argument("--real-copies-only", action="store_true")
    ap.add_argument("--l2", type=float, nargs="+", default=[0.0])
    ap.add_argument("--meta-c", type=float, nargs="+", default=[0.03])
    ap.add_argument("--domain-bias", action="store_true")
    ap.add_argument("--per-kind", type=int, default=20)
    ap.add_argument("--weight", type=float, default=1.0)
    ap.add_argument("--lang-weight", type=float, nargs="+", default=[2.0])
    ap.add_argument("--kinds", nargs="+", choices=tuple(KINDS), default=list(KINDS))
    args = ap.parse_args(argv)
    real = real_examples()
    gen = generated_items(args.seed, PER_TEMPLATE)
    items = real_items(real, REAL_WEIGHT)
    folds = folds_of(real, args.salt)
    split = f" (split {args.salt!r})" if args.salt else ""

    def plain(g: list[Item], r: list[Item]) -> LinearModel:
        return fit(g + r)

    if args.experiment == "baseline":
        show(
            f"shipped settings{split}",
            real,
            predict(fold_models(plain, gen, items, folds), real, folds),
        )
    elif args.experiment == "augment":
        for scale in args.scale:
            fit_fold = augmented(scale, not args.real_copies_only)
            what = "real copies only" if args.real_copies_only else "both domains"
            pred = predict(fold_models(fit_fold, gen, items, folds), real, folds)
            show(f"feature augmentation, scale {scale}, {what}{split}", real, pred)
    elif args.experiment == "concepts":
        for scale in args.scale:
            g, r = concepts_scaled(gen, scale), concepts_scaled(items, scale)
            pred = predict(fold_models(concepts_fit(scale), g, r, folds), real, folds)
            show(f"concept features times {scale}{split}", real, pred)
    elif args.experiment == "sheets":
        data = [
            e
            for e in sheet_examples(seed=args.seed, per_kind=args.per_kind)
            if e.template[6:] in args.kinds
        ]
        g = gen + extra_items(data, args.weight)
        pred = predict(fold_models(plain, g, items, folds), real, folds)
        what = f"{args.per_kind} per kind of {' '.join(args.kinds)}, weight {args.weight}"
        show(f"+ generated sheets, {what}{split}", real, pred)
    elif args.experiment == "articles":
        g = gen + extra_items(article_examples(seed=args.seed, per_type=args.per_kind), 1.0)
        pred = predict(fold_models(plain, g, items, folds), real, folds)
        show(f"+ generated articles, {args.per_kind} per type{split}", real, pred)
    elif args.experiment == "languages":
        for weight in args.lang_weight:
            r = language_weighted(items, real, weight)
            pred = predict(fold_models(plain, gen, r, folds), real, folds)
            show(f"real documents not in English at {weight}x{split}", real, pred)
            print(f"  right per language: {by_language(real, pred)}", flush=True)
    elif args.experiment == "shift":
        models = fold_models(plain, gen, items, folds)
        for l2 in args.l2:
            pred = predict(shifted(models, items, folds, l2), real, folds)
            show(f"cross-fitted intercept shifts, L2 {l2}{split}", real, pred)
    elif args.experiment == "stack":
        for c, models in stacked(gen, items, folds, args.meta_c).items():
            show(f"stacking, second-level C {c}{split}", real, predict(models, real, folds))
    else:
        items = without_name(items, args.domain_bias)

        def named(g: list[Item], r: list[Item]) -> LinearModel:
            return fold_domain_bias(fit(g + r))

        what = "a real-domain intercept" if args.domain_bias else "no domain feature"
        pred = predict(fold_models(named, gen, items, folds), real, folds)
        show(f"real documents without name:'document', {what}{split}", real, pred)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
