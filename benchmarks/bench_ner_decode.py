"""NER's decoder against spaCy's own: same entities, CPU seconds of each, on real documents.

    .venv/bin/python benchmarks/bench_ner_decode.py [--model NAME] [ROOT ...]

Reads every file under the ROOTs (default ../shared/corpus/doctypes-train and
../shared/fixtures/real-world) through leakclf's extractors, cuts the pieces leakclf hands NER
(pattern findings blanked, the gate, sentences of long lines, quote markers removed), and runs
each distinct piece through ``nlp.pipe`` (spaCy's greedy decoder) and ``ner_decode.pipe`` (the
same greedy loop driven with the GIL held) without and with the first layer's rows kept
(``ner_embed``, as leakclf reads), all with one BLAS thread. Prints the pieces whose entities
differ (none expected) and the CPU seconds of each. Only counts and spans are printed, never
text. ``--pieces`` reads a pickled list of batches of pieces instead (the CPU figures then
include no extraction).
"""

from __future__ import annotations

import argparse
import logging
import os
import pickle
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, blank, ner_decode, ner_embed
from leakclf.detectors.ner import BATCH_SIZE, runs, unquote
from leakclf.errors import LeakclfError
from leakclf.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"


def texts_under(roots: list[Path]) -> list[str]:
    pipe = Pipeline(Config())
    out: list[str] = []
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".md"):
            try:
                out += [d.text for d in pipe.extract(path) if d.text]
            except LeakclfError:
                continue  # empty or corrupt samples
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("roots", nargs="*", type=Path)
    parser.add_argument("--model", help="detect.spacy_model (default: the config's)")
    parser.add_argument("--pieces", type=Path, help="read these pieces instead (a pickle)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    roots = args.roots or [SHARED / "corpus" / "doctypes-train", SHARED / "fixtures" / "real-world"]
    texts = [] if args.pieces else texts_under(roots)
    detect = DetectConfig(spacy_model=args.model) if args.model else DetectConfig()
    det = DetectorSet(Config(detect=detect))
    assert det.ner is not None
    cap, floor = det.config.detect.ner_max_chars, det.config.detect.min_confidence
    fresh: dict[str, None] = {}
    for text in texts:
        mask = blank(text[:cap], [c for c in det._patterns(text) if c.confidence >= floor])
        for _, piece in runs(text[:cap], mask, det.ner.gate_words):
            fresh.setdefault(unquote(piece)[0], None)
    pieces = list(fresh)
    if args.pieces:  # a pickled list of batches of pieces, e.g. a dump's
        pieces = [p for batch in pickle.loads(args.pieces.read_bytes()) for p in batch]
    nlp = det.ner.nlp
    cache = det.ner.embeds  # the first layer's rows kept (ner_embed), as leakclf reads
    with det.ner._blas.limit(limits=1, user_api="blas"):
        with ner_embed.bypassed(cache):
            c0 = time.process_time()
            greedy = [entities(d) for d in nlp.pipe(pieces, batch_size=BATCH_SIZE)]
            c_greedy = time.process_time() - c0
            c0 = time.process_time()
            plain = [entities(d) for d in ner_decode.pipe(nlp, pieces, BATCH_SIZE)]
            c_plain = time.process_time() - c0
        c0 = time.process_time()
        ours = [entities(d) for d in ner_decode.pipe(nlp, pieces, BATCH_SIZE)]
        c_ours = time.process_time() - c0
    tokens = sum(len(d) for d in nlp.tokenizer.pipe(pieces))
    print(
        f"model {det.ner.model_name}: {len(texts)} texts, {len(pieces):,} distinct pieces, "
        f"{sum(map(len, pieces)):,} chars, {tokens:,} tokens, "
        f"{sum(map(len, greedy)):,} entities; first-layer rows kept: "
        f"{len(cache.rows) if cache else 'none (no MultiHashEmbed layer)'}"
    )
    for name, found in (
        ("ner_decode.pipe without the kept rows", plain),
        ("as leakclf reads", ours),
    ):
        differ = [i for i, (a, b) in enumerate(zip(greedy, found)) if a != b]
        print(f"pieces whose entities differ from nlp.pipe's, {name}: {len(differ)}")
        for i in differ[:20]:
            print(f"  piece {i}: nlp.pipe {greedy[i]} / {found[i]}")
    print(
        f"CPU s: nlp.pipe {c_greedy:.2f}, ner_decode.pipe {c_plain:.2f}, "
        f"with the kept rows {c_ours:.2f}"
    )


def entities(doc: object) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
