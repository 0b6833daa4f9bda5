"""Doc-type classifier against a peer checkout: identical outputs, and throughput in one session.

    mkdir /tmp/peer && git archive <commit> leakclf | tar -x -C /tmp/peer      # the other code's package
    .venv/bin/python benchmarks/bench_doctype_peer.py --peer /tmp/peer         # from the repository root

1. Identity: every corpus text (``../shared/corpus/doctypes-train``), every generated held-out
   text (seeds 100 and 7, 20 per template) and every generated training text of the shipped model
   (seed 0, 15 per template) is classified by both trees, in child processes with the
   same ``PYTHONHASHSEED`` (word features come from a set, and the sum of contributions follows
   their order); doc type, evidence, signed, uncertain, every score and the confidence (compared as
   ``float.hex``), and the features of ``features.extract`` in order, must be equal.
2. Throughput: ``Classifier.classify`` on the corpus texts in documents per CPU-second of one
   process, best of three passes per child, the two trees alternating for ``--rounds`` rounds
   (the machine is shared: only figures from one session compare).
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HASH_SEED = "0"


def documents(out: Path) -> None:
    from leakclf.model import Document
    from training.doctypes.real import CORPUS, real_examples
    from training.doctypes.train import generated

    corpus = [e.doc for e in real_examples(CORPUS)]
    held_out = [e for seed in (100, 7) for e in generated(seed, 20, "held_out")]
    train = generated(0, 15, "train")  # what ``python -m training.doctypes --seed 0`` reads
    gen = [Document(e.name, None, "text/plain", e.text, "", len(e.text)) for e in held_out + train]
    out.write_bytes(pickle.dumps({"corpus": corpus, "generated": gen}))


def outputs(docs_path: Path, out: Path) -> None:
    """(classification fields, extracted features) per document, floats as hex."""
    from leakclf.doctypes import Classifier
    from leakclf.doctypes.features import extract

    docs = pickle.loads(docs_path.read_bytes())
    clf = Classifier()
    rows = []
    for d in docs["corpus"] + docs["generated"]:
        r = clf.classify(d)
        feats = [(k, v.hex()) for k, v in extract(d.text, d.name).items()]
        scores = [(t, v.hex()) for t, v in r.scores.items()]
        fields = (r.doc_type, scores, r.evidence, r.signed, r.confidence.hex(), r.uncertain)
        rows.append((fields, feats))
    out.write_bytes(pickle.dumps(rows))


def speed(docs_path: Path) -> None:
    from leakclf.doctypes import Classifier

    docs = pickle.loads(docs_path.read_bytes())["corpus"]
    clf = Classifier()
    for d in docs:  # warm-up: model load, lazy imports
        clf.classify(d)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for d in docs:
            clf.classify(d)
        best = min(best, time.process_time() - t0)
    print(len(docs) / best)


def _child(tree: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": HASH_SEED}
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    return subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", type=Path, help="a folder holding the other code's leakclf package")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, *paths = args.child
        {"documents": documents, "outputs": outputs, "speed": speed}[mode](*map(Path, paths))
        return
    if args.peer is None:
        ap.error("--peer is required")
    trees = {"peer": args.peer.resolve(), "this": ROOT}
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs.pkl"
        _child(ROOT, "--child", "documents", str(docs))
        n = len(pickle.loads(docs.read_bytes())["corpus"])
        rows = {}
        for name, tree in trees.items():
            _child(tree, "--child", "outputs", str(docs), str(Path(tmp) / name))
            rows[name] = pickle.loads((Path(tmp) / name).read_bytes())
        same_cls = sum(a[0] == b[0] for a, b in zip(rows["peer"], rows["this"]))
        same_feats = sum(a[1] == b[1] for a, b in zip(rows["peer"], rows["this"]))
        total = len(rows["this"])
        print(
            f"identical classifications: {same_cls} of {total} "
            f"({n} corpus, {total - n} generated); identical features: {same_feats} of {total}"
        )
        if same_cls < total or same_feats < total:
            sys.exit("outputs differ: not the same classifier")
        rates: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                rates[name].append(float(_child(tree, "--child", "speed", str(docs))))
    for name, tree in trees.items():
        shown = ", ".join(f"{r:.0f}" for r in rates[name])
        print(f"{name} ({tree}): {shown} docs/s; best {max(rates[name]):.0f}")
    print(f"this / peer (best of each): {max(rates['this']) / max(rates['peer']):.2f}x")


if __name__ == "__main__":
    main()
