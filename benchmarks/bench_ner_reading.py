"""Can NER read less? What it reads today, and what reading token windows would change.

    .venv/bin/python benchmarks/bench_ner_reading.py [--docs 120] [--real ../shared/fixtures/real-world]

For bench_detect's corpus (and, when present, every text under ``--real``) this takes the
segments NER reads today (lines, or sentences of long lines, that the gate lets through) and
reports:

1. how many of their characters are in segments where NER finds nothing that survives
   leakclf's filters: the most a better line-level gate could still save;
2. NER on token windows instead: only +-k tokens around "anchor" tokens (a capitalised word,
   or also a word with a digit), windows merged when they touch. For each k: the share of
   tokens read and the spaCy entities lost and gained against reading the whole segment
   (same model, exact offsets);
3. a stricter gate: a capitalised ordinary word (the gate's ``common`` list, never a name)
   does not make a segment worth reading anywhere in it, not only at a sentence start or in
   capitals. Characters it would skip, and leakclf's NER candidates in them (lost);
4. where NER's CPU goes inside spaCy: the tokenizer, the ``ner`` tok2vec, the rest (the
   transition loop);
5. ``--blas`` (bench_detect's corpus only): NER's CPU over the same segments as leakclf runs
   it (numpy's BLAS, one thread), with numpy's BLAS on the threads the process has, and with
   thinc's default blis, alternating, 3 rounds, and whether the entities are identical. Run
   it without OMP_NUM_THREADS and friends set, as a user would.

``--train N`` adds N files sampled (seed 3) from ``../shared/corpus/doctypes-train``, the
corpus the gate's word lists may be tuned on.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from detect_corpus import business, sentences

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, blank, gate
from leakclf.detectors.ner import _NOT_NER, NerDetector, segments, unquote
from leakclf.errors import LeakclfError

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME"}  # what leakclf keeps


def read_segments(texts: list[str]) -> list[str]:
    """The distinct segments NER reads today (gate on, pattern findings blanked)."""
    patterns = DetectorSet(Config(detect=DetectConfig(ner=False)))
    floor = patterns.config.detect.min_confidence
    words = gate.GateWords.load()
    out: dict[str, None] = {}
    for text in texts:
        mask = blank(text, [c for c in patterns._patterns(text) if c.confidence >= floor])
        for start, end in segments(mask):
            if gate.worth_reading(mask[start:end], words):
                out.setdefault(unquote(text[start:end])[0])
    return [s for s in out if s.strip()]


def strict(segment: str, words: gate.GateWords) -> bool:
    """Worth reading when a capitalised word is neither vocabulary nor ordinary anywhere."""
    for m in gate._WORD.finditer(segment):
        word = m.group().strip(".'’-&")
        if len(word) < 2 or any(c.isdigit() for c in word) or not word[0].isupper():
            continue
        key = word.casefold()
        if key in gate.stop_words() or gate.is_vocab(word) or words.ordinary(key):
            continue
        return True
    lower = [w.casefold().strip(".,;:") for w in segment.split()]
    return any(words.lower_name(a) and words.lower_name(b) for a, b in pairwise(lower))


def anchors(doc: Any, digits: bool) -> list[int]:
    return [
        t.i for t in doc if t.text[:1].isupper() or (digits and any(c.isdigit() for c in t.text))
    ]


def windows(doc: Any, k: int, digits: bool) -> list[tuple[int, int]]:
    """(start char, end char) of the merged +-k token windows around the anchors."""
    spans: list[list[int]] = []
    for i in anchors(doc, digits):
        lo, hi = max(0, i - k), min(len(doc), i + k + 1)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return [(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)) for lo, hi in spans]


def ents(doc: Any, offset: int = 0) -> set[tuple[int, int, str]]:
    return {
        (e.start_char + offset, e.end_char + offset, e.label_)
        for e in doc.ents
        if e.label_ in NER_LABELS
    }


def report(name: str, texts: list[str], ner: NerDetector) -> None:
    segs = read_segments(texts)
    nlp = ner.nlp
    docs = list(nlp.pipe(segs))
    tokens = sum(map(len, docs))
    chars = sum(map(len, segs))
    empty = sum(len(s) for s, d in zip(segs, docs) if not list(ner._candidates(d, s, 0)))
    print(f"\n### {name}: {len(texts)} texts, {sum(map(len, texts)):,} chars")
    print(
        f"NER reads {len(segs):,} distinct segments, {chars:,} chars, {tokens:,} tokens; "
        f"{empty:,} chars ({empty / chars:.1%}) are in segments where nothing survives the "
        "filters (the most a finer line-level gate could save)"
    )
    words = gate.GateWords.load()
    cands = [list(ner._candidates(d, s, 0)) for s, d in zip(segs, docs)]
    skip = [not strict(s, words) for s in segs]
    skipped = sum(len(s) for s, k in zip(segs, skip) if k)
    lost_by = Counter(c.label for cs, k in zip(cands, skip) if k for c in cs)
    total_by = Counter(c.label for cs in cands for c in cs)
    print(
        f"stricter gate: would skip {skipped:,} chars ({skipped / chars:.1%}); NER candidates "
        f"lost: {', '.join(f'{lab} {lost_by[lab]} of {n}' for lab, n in total_by.most_common())}"
    )
    full = [ents(d) for d in docs]
    print("\n| anchors | k | tokens read | entities lost | gained | lost by label |")
    print("|---|---:|---:|---:|---:|---|")
    for digits in (False, True):
        for k in (3, 5, 8):
            parts = [(i, a, b) for i, d in enumerate(docs) for a, b in windows(d, k, digits)]
            got: list[set[tuple[int, int, str]]] = [set() for _ in segs]
            read = 0
            for (i, a, _), doc in zip(parts, nlp.pipe(segs[i][a:b] for i, a, b in parts)):
                got[i] |= ents(doc, a)
                read += len(doc)
            lost = Counter(e[2] for f, g in zip(full, got) for e in f - g)
            gained = sum(len(g - f) for f, g in zip(full, got))
            print(
                f"| {'capitalised or digits' if digits else 'capitalised'} | {k} | "
                f"{read / tokens:.1%} | {sum(lost.values())} | {gained} | "
                f"{', '.join(f'{lab} {n}' for lab, n in lost.most_common())} |"
            )
    ner_pipe = nlp.get_pipe("ner")
    tok2vec = ner_pipe.model.get_ref("tok2vec")
    with ner._blas.limit(limits=1, user_api="blas"):
        c0 = time.process_time()
        made = [nlp.make_doc(s) for s in segs]
        c1 = time.process_time()
        for i in range(0, len(made), 128):
            tok2vec.predict(made[i : i + 128])
        c2 = time.process_time()
        for i in range(0, len(made), 128):
            ner_pipe.predict(made[i : i + 128])
        c3 = time.process_time()
    print(
        f"\nNER CPU inside spaCy: tokenizer {c1 - c0:.2f} s, tok2vec {c2 - c1:.2f} s, "
        f"transition loop (ner.predict minus tok2vec) {(c3 - c2) - (c2 - c1):.2f} s"
    )


def blas(texts: list[str], ner: NerDetector) -> None:
    import spacy  # load time: a second copy of the model, on blis
    from thinc.api import use_ops

    segs = read_segments(texts)
    nlp = ner.nlp
    assert ner.model_name is not None
    with use_ops("numpy", use_blis=True):
        on_blis = spacy.load(ner.model_name, exclude=["tok2vec", *_NOT_NER])
    assert on_blis.pipe_names == nlp.pipe_names

    def leakclf_way() -> list[Any]:
        with ner._blas.limit(limits=1, user_api="blas"):
            return list(nlp.pipe(segs, batch_size=128))

    runs = {
        "numpy BLAS, one thread (leakclf)": leakclf_way,
        "numpy BLAS, the process's threads": lambda: list(nlp.pipe(segs, batch_size=128)),
        "blis (thinc's default)": lambda: list(on_blis.pipe(segs, batch_size=128)),
    }
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    found: dict[str, list[set[tuple[int, int, str]]]] = {}
    for _ in range(3):
        for name, run in runs.items():
            c0 = time.process_time()
            docs = run()
            cpu[name].append(time.process_time() - c0)
            found[name] = [ents(d) for d in docs]
    reference = found["numpy BLAS, one thread (leakclf)"]
    print(f"\nNER over the bench corpus's {len(segs):,} segments, 3 alternating rounds")
    print("| NER matrices on | CPU s per round | entities as leakclf's |")
    print("|---|---|---|")
    for name, times in cpu.items():
        same = "identical" if found[name] == reference else "DIFFERENT"
        print(f"| {name} | {', '.join(f'{t:.2f}' for t in times)} | {same} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument(
        "--real",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared/fixtures/real-world",
    )
    ap.add_argument("--train", type=int, default=0, help="files of doctypes-train to add")
    ap.add_argument("--no-synthetic", action="store_true")
    ap.add_argument("--blas", action="store_true", help="only the BLAS comparison")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    ner = NerDetector(None)
    texts = [t for t, _ in business(args.docs, seed=11)]
    texts += [" ".join(t for t, _ in sentences(8, seed=i)) for i in range(args.docs)]
    if args.blas:
        blas(texts, ner)
        return
    if not args.no_synthetic:
        report("bench_detect corpus", texts, ner)
    if args.real.is_dir():
        report(f"real documents under {args.real}", extracted(sorted(args.real.rglob("*"))), ner)
    train = args.real.parents[1] / "corpus/doctypes-train"
    if args.train and train.is_dir():
        files = sorted(p for p in train.rglob("*") if p.suffix != ".csv")
        sample = random.Random(3).sample(files, min(args.train, len(files)))
        report(f"{len(sample)} files of {train}", extracted(sample), ner)


def extracted(paths: list[Path]) -> list[str]:
    from leakclf.pipeline import Pipeline  # load time: extraction only for real files

    pipe = Pipeline(Config())
    out: list[str] = []
    for path in (p for p in paths if p.is_file() and p.suffix != ".md"):
        try:
            out += [d.text for d in pipe.extract(path) if d.text]
        except LeakclfError:
            continue  # empty or corrupt samples
    return out


if __name__ == "__main__":
    main()
