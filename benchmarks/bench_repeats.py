"""Repeated paragraphs across files: mail threads that quote each other, read by one worker.

    .venv/bin/python benchmarks/bench_repeats.py [--threads 40 --depth 5]

Builds mail threads (seeded; bodies from detect_corpus's texts): each reply has a new body, the
sender's signature block and legal disclaimer, and the whole previous message quoted below
("On ... wrote:" and the previous lines, as most mail clients quote: once plain, once with
"> " prefixes). Every message is one file, as in a mail dump. One worker reads them in order,
one ``detect_many`` per file; reported: characters in the files, characters handed to spaCy
(NER), and CPU seconds, for a worker that keeps its NER cache across files (leakclf) and one
that starts afresh for every file, in the same run. Findings are compared too (must be equal).
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from detect_corpus import Values, business, sentences

from leakclf.config import Config
from leakclf.detectors import DetectorSet

KEY = b"r" * 64
DISCLAIMER = (
    "This e-mail and any attachments are confidential and intended solely for the addressee. "
    "If you have received it in error, please notify the sender and delete it. {org} accepts "
    "no liability for any damage caused by this message. {org} is registered in {city}."
)


def threads(n: int, depth: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    v = Values(seed)
    bodies = [t for t, _ in business(n * depth, seed=seed)] + [
        " ".join(t for t, _ in sentences(4, seed=seed * 1000 + i)) for i in range(n * depth)
    ]
    rng.shuffle(bodies)
    people = [
        (v.fake.name(), v.fake.company(), v.fake.city(), v.get("PHONE_NUMBER")) for _ in range(8)
    ]
    out = []
    for t in range(n):
        cast = rng.sample(people, 3)
        previous = ""
        for d in range(depth):
            name, org, city, phone = cast[d % 3]
            sig = f"Kind regards,\n{name}\nAccount manager, {org}\n{city} | {phone}\n"
            msg = f"{bodies[t * depth + d]}\n\n{sig}\n{DISCLAIMER.format(org=org, city=city)}\n"
            if previous:
                quote = "\n".join(
                    f"> {line}" if rng.random() < 0.5 else line for line in previous.splitlines()
                )
                msg += f"\nOn Monday, {cast[(d - 1) % 3][0]} wrote:\n{quote}\n"
            out.append(msg)
            previous = msg
    return out


def run(texts: list[str], keep_cache: bool) -> tuple[int, float, list[object]]:
    det = DetectorSet(Config(key=KEY))
    det.detect_many(["Warm-up: Jane Doe of Contoso Ltd in Paris."])
    assert det.ner is not None
    read: list[int] = []
    original = det.ner.read

    def counting(pieces):  # type: ignore[no-untyped-def]
        read.append(sum(map(len, pieces)))
        return original(pieces)

    det.ner.read = counting  # type: ignore[method-assign]
    found = []
    c0 = time.process_time()
    for text in texts:
        if not keep_cache:
            det.ner.clear_cache()
        found.append(det.detect(text).findings)
    return sum(read), time.process_time() - c0, found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=40)
    ap.add_argument("--depth", type=int, default=5)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    texts = threads(args.threads, args.depth, args.seed)
    chars = sum(map(len, texts))
    lines = [line.removeprefix("> ") for t in texts for line in t.splitlines()]
    repeated = sum(map(len, lines)) - sum(map(len, set(lines)))
    fresh_read, fresh_cpu, fresh_found = run(texts, keep_cache=False)
    kept_read, kept_cpu, kept_found = run(texts, keep_cache=True)
    print(
        f"{len(texts)} messages, {chars:,} chars; {repeated / chars:.0%} of the characters "
        "are in lines seen before (quote prefix ignored)"
    )
    print("| worker | NER chars | CPU s | chars/CPU s |")
    print("|---|---:|---:|---:|")
    for name, read, cpu in (
        ("fresh NER cache per file", fresh_read, fresh_cpu),
        ("NER cache kept across files (leakclf)", kept_read, kept_cpu),
    ):
        print(f"| {name} | {read:,} | {cpu:.2f} | {chars / cpu:,.0f} |")
    print(
        f"NER chars saved: {1 - kept_read / fresh_read:.0%}; CPU saved: "
        f"{1 - kept_cpu / fresh_cpu:.0%}; findings identical: {fresh_found == kept_found}"
    )


if __name__ == "__main__":
    main()
