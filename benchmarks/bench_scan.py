"""Scan throughput and memory: `leakclf scan` with 1 and 2 workers vs a reference pipeline.

    .venv/bin/python benchmarks/bench_scan.py --files 2000
    .venv/bin/python benchmarks/bench_scan.py --files 2000 --copies 10 --workers 2 \
        --no-reference --no-resume      # 20,000 files: the same dump 10 times (duplicates)
    .venv/bin/python benchmarks/bench_scan.py --files 20000 --parts 10 --workers 2 \
        --no-reference --no-resume      # 20,000 generated files (10 seeds)
    .venv/bin/python benchmarks/bench_scan.py --files 2000 --workers 2 --dask
                                        # also --engine dask (a LocalCluster, 2 workers)

Generates a mixed demo dump (`leakclf.demo.generate`, every format, with duplicates), then
runs each contender as a subprocess, sampling the RSS of its whole process tree every 0.1 s.
Each run also reports the CPU seconds of its whole process tree and the characters it
analysed (leakclf: ``text_chars`` of every analysed row; reference: the text it passed to
Presidio), so files/s can be read together with chars per CPU-second from the same run, and
the CPU seconds of the driver process alone (``main_cpu_s``: listing, hashing, journal, writing),
and peak PSS besides peak RSS (``peak_pss_mb``: pages shared between processes counted once).
Reference: pdfminer.six, python-docx and stdlib email text extraction, then stock Presidio
``AnalyzerEngine`` per file, in one process (files it cannot read - archives, spreadsheets,
slides, mailboxes - are counted as processed with no text, which favours the reference).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
LEAKCLF = [sys.executable, "-m", "leakclf"]


def _children_cpu_s() -> float:
    """CPU seconds of every finished descendant (workers are joined, so they roll up)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd: list[str]) -> dict[str, Any]:
    t0, cpu0 = time.monotonic(), _children_cpu_s()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    parent, peak, peak_pss, main_cpu = psutil.Process(proc.pid), 0, 0, 0.0
    seen: dict[int, float] = {}  # pid -> its last sampled own CPU seconds
    samples = 0
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            samples += 1
            if samples % 10 == 1:  # PSS reads every mapping: once a second is enough
                pss = sum(p.memory_full_info().pss for p in tree if p.is_running())
                peak_pss = max(peak_pss, pss)
            for p in tree:
                own = p.cpu_times()
                seen[p.pid] = own.user + own.system
            main_cpu = seen[parent.pid]  # the driver process alone (workers are its children)
        except psutil.Error:
            pass
        time.sleep(0.1)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {
        "wall_s": time.monotonic() - t0,
        "peak_rss_mb": peak / 2**20,
        # shared pages counted once (RSS counts a page every process maps, e.g. the models a
        # forked worker shares with the zygote), sampled once a second
        "peak_pss_mb": round(peak_pss / 2**20),
        # a process nobody waited for (a Dask sandbox left to exit with its cluster) is not in
        # RUSAGE_CHILDREN: then the sum of every process's last sample is the better figure
        "cpu_s": max(_children_cpu_s() - cpu0, sum(seen.values())),
        "main_cpu_s": round(main_cpu, 1),  # sampled every 0.1 s: the last tenth may be missing
    }


def leakclf_chars(out: Path) -> dict[str, int]:
    """Characters leakclf analysed: extracted text of every analysed row (duplicates reuse)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(out, columns=["status", "text_chars", "ner_chars"])
    ok = table.filter(pc.equal(table["status"], "ok"))
    return {
        "chars_analysed": int(pc.sum(ok["text_chars"]).as_py() or 0),
        "ner_chars": int(pc.sum(ok["ner_chars"]).as_py() or 0),
    }


def files_and_bytes(root: Path) -> tuple[int, int]:
    sizes = [p.stat().st_size for p in root.rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


# -- the reference pipeline (run in its own process by --reference-only) -------


def _text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pdfminer.high_level import extract_text

        return extract_text(str(path))
    if suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if suffix == ".eml":
        import email
        from email import policy

        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        parts = [p.get_content() for p in msg.walk() if p.get_content_type() == "text/plain"]
        return "\n".join(str(p) for p in parts)
    if suffix in (".txt", ".csv", ".html", ".htm", ".md", ".json", ".rtf", ".log"):
        return path.read_text(encoding="utf-8", errors="replace")
    return ""


def reference(root: Path, stats: Path) -> None:
    import spacy.util
    from presidio_stock import stock_engine  # offline tldextract, then stock AnalyzerEngine

    engine = stock_engine(min(spacy.util.get_installed_models()))  # leakclf's model too
    chars = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            text = _text(path)
        except Exception:  # noqa: BLE001, S112 - the reference skips what it cannot read
            continue
        if text.strip():
            engine.analyze(text=text, language="en")
            chars += len(text)
    stats.write_text(json.dumps({"chars_analysed": chars}))


# -- driver ---------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument(
        "--dask",
        action="store_true",
        help="also scan with --engine dask (a LocalCluster with the same number of workers)",
    )
    ap.add_argument("--no-reference", action="store_true")
    ap.add_argument("--no-resume", action="store_true")
    ap.add_argument(
        "--parts",
        type=int,
        default=1,
        help="generate the dump as N parts of files/N, seeds seed..seed+N-1",
    )
    ap.add_argument(
        "--copies",
        type=int,
        default=1,
        help="scan N hard-linked copies of the dump (exact duplicates)",
    )
    ap.add_argument("--dir", default="/tmp/leakclf-bench")
    ap.add_argument("--reference-only", help=argparse.SUPPRESS)
    ap.add_argument("--reference-stats", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.reference_only:
        reference(Path(args.reference_only), Path(args.reference_stats))
        return
    base = Path(args.dir)
    dump = base / f"dump-{args.files}"
    if not dump.exists():
        from leakclf.demo import generate

        if args.parts == 1:
            generate(dump, files=args.files, seed=args.seed)
        for i in range(args.parts if args.parts > 1 else 0):
            part = dump / f"part-{args.seed + i}"
            generate(part, files=args.files // args.parts, seed=args.seed + i)
            truth = dump / f"{part.name}.truth.json"
            truth.rename(base / truth.name)  # keep the truth out of the scanned dump
    if args.copies > 1:
        many = base / f"dump-{args.files}x{args.copies}"
        if not many.exists():
            for i in range(args.copies):
                shutil.copytree(dump, many / f"copy-{i:02d}", copy_function=os.link)
        dump = many
    n, size = files_and_bytes(dump)
    report: dict[str, Any] = {"files": n, "mb": round(size / 1e6, 1), "runs": {}}
    runs = report["runs"]
    engines = ["local", "dask"] if args.dask else ["local"]
    for w, engine in [(int(x), e) for x in args.workers.split(",") for e in engines]:
        name = f"leakclf w{w}" if engine == "local" else f"leakclf dask w{w}"
        out = base / f"results-{dump.name}-w{w}{'-dask' if engine == 'dask' else ''}.parquet"
        for stale in base.glob(out.name + "*"):
            if stale.is_dir():
                shutil.rmtree(stale)
            elif not stale.name.endswith(".key"):  # the same key: rows compare across runs
                stale.unlink()
        runs[name] = measure(
            [
                *LEAKCLF,
                "scan",
                str(dump),
                "-o",
                str(out),
                "--workers",
                str(w),
                "--engine",
                engine,
                "--no-progress",
                "--limit",
                "0",
            ]
        )
        runs[name].update(leakclf_chars(out))
        if engine == "dask":
            continue
        if not args.no_resume:
            runs[f"leakclf w{w} resume"] = measure(
                [
                    *LEAKCLF,
                    "scan",
                    str(dump),
                    "-o",
                    str(out),
                    "--workers",
                    str(w),
                    "--resume",
                    "--no-progress",
                    "--limit",
                    "0",
                ]
            )
    if not args.no_reference:
        stats = base / "reference-stats.json"
        runs["reference"] = measure(
            [
                sys.executable,
                __file__,
                "--reference-only",
                str(dump),
                "--reference-stats",
                str(stats),
            ]
        )
        runs["reference"].update(json.loads(stats.read_text()))
    for r in runs.values():
        r["files_per_s"] = round(n / r["wall_s"], 2)
        r["mb_per_s"] = round(size / 1e6 / r["wall_s"], 3)
        if "chars_analysed" in r:  # the per-character view of the same run
            r["chars_per_cpu_s"] = round(r["chars_analysed"] / r["cpu_s"])
            r["chars_per_wall_s"] = round(r["chars_analysed"] / r["wall_s"])
        r["wall_s"], r["peak_rss_mb"] = round(r["wall_s"], 1), round(r["peak_rss_mb"])
        r["cpu_s"] = round(r["cpu_s"], 1)
    if "reference" in runs:
        ref = runs["reference"]
        for r in runs.values():
            r["x_reference"] = round(r["files_per_s"] / ref["files_per_s"], 2)
            if "chars_per_cpu_s" in r:
                r["x_reference_chars_per_cpu_s"] = round(
                    r["chars_per_cpu_s"] / ref["chars_per_cpu_s"], 2
                )
                r["x_reference_chars"] = round(r["chars_analysed"] / ref["chars_analysed"], 2)
    for w in args.workers.split(","):
        if f"leakclf w{w} resume" in runs:
            runs[f"leakclf w{w} resume"]["pct_of_full"] = round(
                100 * runs[f"leakclf w{w} resume"]["wall_s"] / runs[f"leakclf w{w}"]["wall_s"], 1
            )
    print(json.dumps(report, indent=2))
    (base / f"bench-scan-{dump.name}.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
