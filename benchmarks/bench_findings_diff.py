"""Did a change move the real-world dev set's findings? Save them with one code version,
compare with another.

    PYTHONPATH=<old checkout> .venv/bin/python benchmarks/bench_findings_diff.py --save before.json
    .venv/bin/python benchmarks/bench_findings_diff.py --compare before.json [--spacy-model NAME]

Extracts every file under ``--real`` (default ../shared/fixtures/real-world), runs
``DetectorSet.detect_many`` with a fixed digest key, and stores per document (source name and
the sha256 of its text) each finding's label, span, digest and masked preview - never a raw
value. ``--compare`` diffs documents whose text is the same in both versions (extractor
changes are left out and counted) and prints, per label, findings before, lost, gained and
the change in count; lost and gained ones are listed masked. ``--time N`` also prints the CPU
seconds of N more ``detect_many`` rounds over the same texts (model loaded, NER cache cleared).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
from collections import Counter
from pathlib import Path

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet
from leakclf.errors import LeakclfError
from leakclf.pipeline import Pipeline

KEY = b"d" * 64


def collect(root: Path, model: str | None = None, rounds: int = 0) -> dict[str, list[list[object]]]:
    config = Config(key=KEY, detect=DetectConfig(spacy_model=model)) if model else Config(key=KEY)
    pipe = Pipeline(Config(key=KEY))
    docs: list[tuple[str, str]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".md"):
        try:
            docs += [(d.source, d.text) for d in pipe.extract(path) if d.text]
        except LeakclfError:
            continue  # empty or corrupt samples
    det = DetectorSet(config)
    found = det.detect_many([t for _, t in docs])
    cpu = []
    for _ in range(rounds):  # the model is loaded now; NER's cache must not serve the pieces
        if det.ner is not None:
            det.ner.clear_cache()
        c0 = time.process_time()
        det.detect_many([t for _, t in docs])
        cpu.append(time.process_time() - c0)
    if cpu:
        chars = sum(len(t) for _, t in docs)
        print(
            f"detect_many over {len(docs)} texts ({chars:,} chars), CPU s per round: "
            + ", ".join(f"{c:.2f}" for c in cpu)
        )
    out: dict[str, list[list[object]]] = {}
    for (source, text), det in zip(docs, found):
        sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        out[f"{source}#{sha}"] = [
            [f.label, f.start, f.end, f.digest, f.preview] for f in det.findings
        ]
    return out


def compare(before: dict[str, list[list[object]]], after: dict[str, list[list[object]]]) -> None:
    shared = before.keys() & after.keys()
    print(
        f"documents: {len(shared)} with the same text in both, {len(before.keys() - shared)} "
        f"only before, {len(after.keys() - shared)} only after (extractor changes: not diffed)"
    )
    total: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    gained: Counter[str] = Counter()
    lines = []
    for doc in sorted(shared):
        a = {tuple(f[:3]): f for f in before[doc]}
        b = {tuple(f[:3]): f for f in after[doc]}
        total.update(str(f[0]) for f in before[doc])
        for k in a.keys() - b.keys():
            lost[str(k[0])] += 1
            lines.append(f"  lost   {k[0]:13} {a[k][4]}")
        for k in b.keys() - a.keys():
            gained[str(k[0])] += 1
            lines.append(f"  gained {k[0]:13} {b[k][4]}")
    print("| label | before | lost | gained | net change |")
    print("|---|---:|---:|---:|---:|")
    for label in sorted(total.keys() | gained.keys()):
        net = gained[label] - lost[label]
        print(
            f"| {label} | {total[label]} | {lost[label]} | {gained[label]} | "
            f"{net:+d} ({net / max(total[label], 1):+.1%}) |"
        )
    print("\n".join(sorted(lines)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--real",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared/fixtures/real-world",
    )
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    ap.add_argument("--spacy-model", help="detect.spacy_model (default: the config's default)")
    ap.add_argument("--time", type=int, default=0, help="also time N more detect_many rounds")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    now = collect(args.real, args.spacy_model, args.time)
    if args.save:
        args.save.write_text(json.dumps(now), encoding="utf-8")
        print(f"saved {sum(map(len, now.values()))} findings of {len(now)} documents")
    else:
        compare(json.loads(args.compare.read_text(encoding="utf-8")), now)


if __name__ == "__main__":
    main()
