"""Train the doc-type model from the demo generator and write it as JSON.

    .venv/bin/python -m training.doctypes --seed 0   # writes leakclf/data/doctype/model.json

Trains on demo-generator templates 0-7 and wild templates 0-11 (``wild.py``) of every type;
measures on fresh samples of the same templates (in-template) and on demo templates 8-9 and
wild templates 12-13, whose wording training never saw (held-out). C comes from
``--select-c`` (cross-validation grouped by template). Needs scikit-learn
(the ``dev`` extra); inference does not.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from leakclf.doctypes.features import extract
from leakclf.doctypes.linear import DEFAULT_PATH, LinearModel
from leakclf.model import DOC_TYPES
from training.doctypes.generated import HELD_OUT, Example, examples
from training.doctypes.wild import WILD_HELD_OUT, WILD_TEMPLATES, wild_examples

TRAIN_TEMPLATES = tuple(t for t in range(10) if t not in HELD_OUT)
WILD_TRAIN = tuple(t for t in range(WILD_TEMPLATES) if t not in WILD_HELD_OUT)
PER_TEMPLATE = 30  # documents per template and type
C_GRID = (0.1, 0.3, 1.0, 3.0)
C = 1.0  # chosen by `--select-c` (template-grouped cross-validation); see the model card


def fit(
    train: list[Example], *, max_features: int = 10000, min_df: int = 3, c: float = 0.5
) -> LinearModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    feats = [extract(e.text, e.name) for e in train]
    df = Counter(f for fs in feats for f in fs)
    vocab = sorted((f for f, n in df.items() if n >= min_df), key=lambda f: (-df[f], f))[
        :max_features
    ]
    vocab.sort()
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, fs in enumerate(feats):
        for f, v in fs.items():
            if f in index:
                rows.append(r)
                cols.append(index[f])
                vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(feats), len(vocab)))
    y = np.array([DOC_TYPES.index(e.label) for e in train])
    clf = LogisticRegression(C=c, max_iter=2000, tol=1e-6)
    clf.fit(x, y)
    return LinearModel(list(DOC_TYPES), vocab, clf.coef_, clf.intercept_)


def evaluate(model: LinearModel, data: list[Example]) -> dict[str, Any]:
    pred = [
        model.labels[int(np.argmax(model.predict(extract(e.text, e.name))[0]))] for e in data
    ]  # no rules
    return metrics([e.label for e in data], pred)


def metrics(gold: list[str], pred: list[str]) -> dict[str, Any]:
    labels = sorted(
        set(gold) | set(pred), key=lambda t: DOC_TYPES.index(t) if t in DOC_TYPES else 99
    )
    f1s = []
    for lab in sorted(set(gold)):
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        fp = sum(p == lab != g for g, p in zip(gold, pred))
        fn = sum(g == lab != p for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    confusion = {
        g: {p: n for p in labels if (n := sum(a == g and b == p for a, b in zip(gold, pred)))}
        for g in labels
        if g in gold
    }
    return {
        "n": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1), 4),
        "macro_f1": round(sum(f1s) / max(len(f1s), 1), 4),
        "confusion": confusion,
    }


def training_set(seed: int, per_template: int) -> list[Example]:
    """Demo-generator templates 0-7 plus wild templates 0-11 (no held-out wording)."""
    return examples(
        seed=seed, per_template=per_template, templates=TRAIN_TEMPLATES
    ) + wild_examples(seed=seed, per_template=per_template, templates=WILD_TRAIN)


def held_out_set(seed: int, per_template: int) -> list[Example]:
    """Demo templates 8-9 plus wild templates 12-13: wording training never saw."""
    return examples(seed=seed, per_template=per_template, templates=HELD_OUT) + wild_examples(
        seed=seed, per_template=per_template, templates=WILD_HELD_OUT
    )


def select_c(seed: int, per_template: int, grid: tuple[float, ...] = C_GRID) -> dict[float, float]:
    """Mean macro-F1 per C over 3 folds, each leaving out a third of the training templates."""
    data = training_set(seed, per_template)
    scores: dict[float, list[float]] = {c: [] for c in grid}
    for fold in range(3):
        out = [e for e in data if _template_no(e.template) % 3 == fold]
        keep = [e for e in data if _template_no(e.template) % 3 != fold]
        for c in grid:
            scores[c].append(evaluate(fit(keep, c=c), out)["macro_f1"])
    return {c: round(sum(v) / len(v), 4) for c, v in scores.items()}


def _template_no(template: str) -> int:
    return int(template.rsplit("-", 1)[1])


def build(seed: int = 0, per_template: int = PER_TEMPLATE) -> LinearModel:
    train = training_set(seed, per_template)
    model = fit(train, c=C)
    in_t = training_set(seed + 1, 5)
    held = held_out_set(seed + 2, 10)
    demo_held = [e for e in held if not e.template.startswith("wild")]
    wild_held = [e for e in held if e.template.startswith("wild")]
    model.info = {
        "training": {
            "seed": seed,
            "per_template": per_template,
            "c": C,
            "templates": list(TRAIN_TEMPLATES),
            "held_out_templates": list(HELD_OUT),
            "wild_templates": list(WILD_TRAIN),
            "wild_held_out_templates": list(WILD_HELD_OUT),
            "documents": len(train),
            "command": f"python -m training.doctypes --seed {seed} --per-template {per_template}",
        },
        "metrics": {  # held_out: demo templates 8-9 (the goal); wild: templates 12-13
            "in_template": evaluate(model, in_t),
            "held_out": evaluate(model, demo_held),
            "held_out_wild": evaluate(model, wild_held),
            "held_out_all": evaluate(model, held),
        },
    }
    return model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-template", type=int, default=PER_TEMPLATE)
    ap.add_argument("--out", default=str(DEFAULT_PATH))
    ap.add_argument("--select-c", action="store_true", help="print cross-validated macro-F1 per C")
    args = ap.parse_args(argv)
    if args.select_c:
        for c, f1 in select_c(args.seed, 10).items():
            print(f"C={c}: held-out-template CV macro-F1 {f1}")
        return 0
    model = build(args.seed, args.per_template)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(model.to_json() + "\n", encoding="utf-8")
    m = model.info["metrics"]
    print(
        f"wrote {args.out}: {len(model.features)} features; in-template acc {m['in_template']['accuracy']}, "
        f"held-out macro-F1: demo {m['held_out']['macro_f1']}, wild {m['held_out_wild']['macro_f1']}, "
        f"all {m['held_out_all']['macro_f1']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
