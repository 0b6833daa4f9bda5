"""Census accuracy on two sources, and (``--timing``) census time against scan time.

    .venv/bin/python benchmarks/bench_census.py [--source demo|real|both] [--files 60] [--seed 7]
        [--workers 2]
    .venv/bin/python benchmarks/bench_census.py --timing [--rows 20000]

Accuracy: unique-count error of emails, phones, persons (the lower bound N and the upper bound
M) and organisations against a truth, and the person precision of N (the share of corroborated
clusters that are real people, matched by keyed digest); on the real set also the organisation
precision and recall (counted organisations matched to the truth's organisation keys).

* ``demo``: a demo dump (``leakclf.demo.generate``, seed 7) scanned by the full pipeline, against
  the generator's ``<dump>.truth.json``. Organisations in the truth: its email domains plus the
  organisations it names with no address in the dump (the census counts both).
* ``real``: 35 documents of ``../shared/corpus/doctypes-train`` (mail, letters, contracts,
  résumés, invoices), hand-labelled in ``benchmarks/census_truth_real.json``: keyed digests
  (under ``BENCH_KEY``) of the normalised values, never the values; its ``about`` field gives
  the labelling rules. The scan uses ``BENCH_KEY`` too, so digests compare directly.

Timing (issue 7 goal: census time < 10% of the estimated scan time of the same rows): the demo
dump's scan time per row, then ``--rows`` synthetic rows built from the scanned ones (each copy
with its own source, hashes and entity digests, 1 in 3 keeping the original digests; every 5th
keeping its MinHash, a near duplicate LSH must find), written to Parquet and censused.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import leakclf
from leakclf.config import Config, ScanConfig
from leakclf.demo import generate
from leakclf.model import DocumentResult
from leakclf.scan import write_rows

#: The fixed key of the benchmark: truth digests and scan digests are both made with it.
BENCH_KEY = b"leakclf-census-benchmark-key-v1!"
ROOT = Path(__file__).resolve().parent
TRUTH = ROOT / "census_truth_real.json"
CORPUS = ROOT.parent.parent / "shared" / "corpus" / "doctypes-train"


def person_digests(census: Any) -> list[tuple[bool, set[str]]]:
    """(corroborated, full-name digests) per person cluster."""
    return [(c.corroborated, set(c.names)) for c in census._tally.clusters]


def org_keys(census: Any) -> list[str]:
    """One keyed digest per counted organisation, as the truth's ``organization_forms`` key it:
    a registrable domain's digest (ORG label), or a name's first name-form digest."""
    from leakclf.privacy import digest

    keys = census._tally.by_kind["organizations"]
    return [k[5:] if k.startswith("name:") else digest(BENCH_KEY, "ORG", k) for k in keys]


def org_match(census: Any, forms: list[list[str]]) -> None:
    """Organisation precision (the share of counted organisations the truth lists) and recall
    (the share of the truth's organisations counted)."""
    counted = org_keys(census)
    known = {d for org in forms for d in org}
    real = sum(1 for k in counted if k in known)
    found = sum(1 for org in {tuple(o) for o in forms} if set(org) & set(counted))
    total = len({tuple(o) for o in forms})
    print(
        f"organisation precision: {real}/{len(counted)} = {real / max(len(counted), 1):.3f}; "
        f"recall: {found}/{total} = {found / max(total, 1):.3f}"
    )


def report(name: str, census: Any, truth: dict[str, int], real_people: set[str] | None) -> None:
    s = census.summary()
    got = {
        "emails": s["entities"]["emails"]["unique"],
        "phones": s["entities"]["phones"]["unique"],
        "persons N (at least)": s["persons"]["at_least"],
        "persons M (up to)": s["persons"]["up_to"],
        "organizations": s["entities"]["organizations"]["unique"],
    }
    want = {
        "emails": truth["emails"],
        "phones": truth["phones"],
        "persons N (at least)": truth["persons"],
        "persons M (up to)": truth["persons"],
        "organizations": truth["organizations"],
    }
    print(f"\n### {name}\n")
    print("| count | truth | census | error |")
    print("|---|---:|---:|---:|")
    for key, value in got.items():
        err = (value - want[key]) / want[key] if want[key] else float("nan")
        print(f"| {key} | {want[key]} | {value} | {err:+.1%} |")
    if real_people is not None:
        clusters = person_digests(census)
        corroborated = [names for ok, names in clusters if ok]
        real = sum(1 for names in corroborated if names & real_people)
        found = {d for _, names in clusters for d in names} & real_people
        found_n = {d for names in corroborated for d in names} & real_people
        print(
            f"\nperson precision of N: {real}/{len(corroborated)} = "
            f"{real / max(len(corroborated), 1):.3f}; truth name forms (aliases included) in some "
            f"cluster: {len(found)}/{len(real_people)}; in a corroborated one: "
            f"{len(found_n)}/{len(real_people)}"
        )
    print(f"domains not counted as organisations: {s['domains_not_counted']}")


def demo(files: int, workers: int, tmp: Path, seed: int = 7) -> list[DocumentResult]:
    from leakclf.domains import domain_forms, name_forms, registrable_domain
    from leakclf.normalize import normalise_person, person_forms

    dump = generate(tmp / "dump", files=files, seed=seed)
    config = Config(key=BENCH_KEY)
    scanned = list(leakclf.scan(dump, workers=workers, progress=False, config=config))
    truth = json.loads((dump.parent / (dump.name + ".truth.json")).read_text(encoding="utf-8"))
    injected = truth["injected"]
    domains = {registrable_domain(e.rsplit("@", 1)[1]) for e in injected["EMAIL_ADDRESS"]}
    forms = {f for d in domains for f in domain_forms(d)}
    unmatched = {n for n in injected.get("ORGANIZATION", []) if not forms & set(name_forms(n))}
    from leakclf.privacy import digest

    people = set()
    for name in injected.get("PERSON", []):
        full, initial = person_forms(normalise_person(name))
        people.add(digest(BENCH_KEY, "PERSON", full or initial or ""))
    counts = {
        "emails": truth["unique"]["emails"],
        "phones": truth["unique"]["phones"],
        "persons": truth["unique"]["persons"],
        "organizations": len(domains) + len(unmatched),
    }
    census = leakclf.census(scanned, config=config)
    name = f"demo dump ({files} files, seed {seed}, {len(scanned)} documents)"
    report(name, census, counts, people)
    return scanned


def real(workers: int) -> None:
    if not CORPUS.is_dir():
        print(f"\n### real documents: skipped, {CORPUS} not found")
        return
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    paths = tuple(d["path"] for d in truth["documents"])
    config = Config(key=BENCH_KEY, scan=ScanConfig(include=paths))
    scanned = list(leakclf.scan(CORPUS, workers=workers, progress=False, config=config))
    tops = {r.source.split("!/", 1)[0] for r in scanned}
    # one list of digests per person: its full name, then any alias (a nickname written elsewhere)
    people = {d for doc in truth["documents"] for person in doc["persons"] for d in person}
    counts = {
        "emails": len(truth["emails"]),
        "phones": len(truth["phones"]),
        "persons": len({person[0] for doc in truth["documents"] for person in doc["persons"]}),
        "organizations": len({o for d in truth["documents"] for o in d["organizations"]}),
    }
    census = leakclf.census(scanned, config=config)
    name = f"real documents ({len(tops)} files, {len(scanned)} documents)"
    report(name, census, counts, people)
    # one set of keys per organisation across the set: its first key is the one it has in
    # every document, the others are the spellings each document writes it with
    forms: dict[str, set[str]] = {}
    for doc in truth["documents"]:
        for key, *spelled in doc["organization_forms"]:
            forms.setdefault(key, {key}).update(spelled)
    org_match(census, [sorted(f) for f in forms.values()])


def synthetic(base: list[DocumentResult], rows: int, seed: int = 1) -> list[DocumentResult]:
    rng = random.Random(seed)
    out = []
    for i in range(rows):
        r = base[i % len(base)]
        copy = i // len(base)
        findings = tuple(
            dataclasses.replace(f, digest=f"{f.digest}-{copy % 3 and copy}") for f in r.findings
        )
        minhash = r.minhash
        if minhash is not None and i % 5:
            minhash = tuple(rng.getrandbits(32) for _ in minhash)
        out.append(
            r.replace(
                source=f"synthetic/{copy}/{r.source}",
                sha256=f"{r.sha256}-{copy}",
                text_sha256=f"{r.text_sha256}-{copy}" if r.text_sha256 else None,
                findings=findings,
                minhash=minhash,
            )
        )
    return out


def timing(files: int, rows: int, workers: int, tmp: Path) -> None:
    dump = generate(tmp / "timing", files=files, seed=7)
    t0 = time.perf_counter()
    scanned = list(leakclf.scan(dump, workers=workers, progress=False))
    scan_s = time.perf_counter() - t0
    per_row = scan_s / len(scanned)
    built = synthetic(scanned, rows)
    path = tmp / "results.parquet"
    write_rows([r.to_dict() for r in built], path)
    t0 = time.perf_counter()
    leakclf.census(path)
    census_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    leakclf.census(built)
    memory_s = time.perf_counter() - t0
    # Two estimates of the scan time of ``rows`` rows: the wall-clock rate of this scan (worker
    # start-up and model loading included), and the conservative one: only the per-document
    # stage timings the pipeline records, spread over the workers (no start-up at all).
    wall = per_row * rows
    lean = sum(sum(r.timings.values()) for r in scanned) / len(scanned) / workers * rows
    print(
        f"\nscan: {len(scanned)} rows ({files} files), {workers} workers: {scan_s:.1f}s wall = "
        f"{per_row * 1000:.1f} ms/row; estimated scan of {rows:,} rows: {wall:.0f}s (wall "
        f"rate), {lean:.0f}s (stage rate)"
    )
    print(
        f"census of {rows:,} rows from Parquet: {census_s:.1f}s = {census_s / wall:.1%} (wall) / "
        f"{census_s / lean:.1%} (stage) of the scan; from memory: {memory_s:.1f}s = "
        f"{memory_s / lean:.1%} (stage)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", choices=["demo", "real", "both"], default="both")
    ap.add_argument("--files", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7, help="demo generator seed (7 is the goal's)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timing", action="store_true", help="also time the census (issue 7)")
    ap.add_argument("--rows", type=int, default=20_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.source in ("demo", "both"):
            demo(args.files, args.workers, Path(tmp), args.seed)
        if args.source in ("real", "both"):
            real(args.workers)
        if args.timing:
            timing(args.files, args.rows, args.workers, Path(tmp))


if __name__ == "__main__":
    main()
