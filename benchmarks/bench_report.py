"""HTML report: time to write it, its size, and how fast it opens and filters in Chromium.

Peer, measured in the same run on the same rows: pandas ``DataFrame.to_html`` of the file
table alone (no census, no charts, no search), the plain table a user would otherwise make.
In Chromium, at each window width (1280 and 1920 px): load, then each filter (one word, a
level, a doc type, a folder, not read), the CSV export of the filtered rows, and the table's
width against the window's.

    .venv/bin/python benchmarks/bench_report.py [--docs 20000] [--no-browser]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from leakclf.model import DocumentResult, Finding

LABELS = ("EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "ORGANIZATION", "IBAN_CODE", "CREDIT_CARD")
LEVELS = ("public", "internal", "confidential", "restricted")


def fake_results(n: int, seed: int = 7) -> list[DocumentResult]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        findings = []
        for _ in range(rng.randrange(0, 16)):
            label = rng.choice(LABELS)
            domain = f"org{rng.randrange(300)}.example"
            findings.append(
                Finding(
                    label=label,
                    start=0,
                    end=5,
                    confidence=0.9,
                    detector=f"{label.lower()}/1",
                    digest=f"{label}-{rng.randrange(5000):05d}",
                    preview="x***@" + domain,
                    facets=(("domain", domain),) if label == "EMAIL_ADDRESS" else (),
                )
            )
        score = rng.randrange(101)
        out.append(
            DocumentResult(
                source=f"dump/folder{i % 97}/file-{i:06d}.pdf",
                doc_type=rng.choice(("invoice", "contract", "other")),
                level=LEVELS[min(score // 25, 3)],
                score=score,
                reasons=((f"{findings[0].label} x1", score),) if findings else (),
                findings=tuple(findings),
                text_sha256=f"{i:064x}",
                doc_date=f"20{rng.randrange(15, 25)}-{rng.randrange(1, 13):02d}-"
                f"{rng.randrange(1, 29):02d}",
                unread_reason="image-only" if i % 50 == 7 else None,
            )
        )
    return out


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


FILTERS = (  # (name, element id, value): what an analyst does first
    ("one word", "search", "folder7/"),
    ("level", "f-level", "restricted"),
    ("doc type", "f-type", "invoice"),
    ("folder", "f-folder", "folder7"),
    ("not read", "f-unread", "1"),
)

# Time one filter: set it, fire its event, force layout; then clear it again.
APPLY = """
var el = document.getElementById(arguments[0]); if (!el) { return -1; }
var t = performance.now(); el.value = arguments[1];
el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'));
document.body.offsetHeight; var spent = (performance.now() - t) / 1000;
el.value = ''; el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'));
return spent;"""

EXPORT = """
var button = document.getElementById('export'); if (!button) { return -1; }
var made = URL.createObjectURL, t = 0, spent = -1;
URL.createObjectURL = function (b) { spent = (performance.now() - t) / 1000; return made(b); };
t = performance.now(); button.click(); URL.createObjectURL = made; return spent;"""


def browser_times(page: Path, width: int = 1280) -> dict[str, float]:
    """Seconds to load and to apply each filter (and export) in headless Chromium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp()
    downloads = tempfile.mkdtemp()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
        f"--window-size={width},1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.execute_cdp_cmd(
            "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads}
        )
        t0 = time.perf_counter()
        driver.get(page.as_uri())
        times = {"load": time.perf_counter() - t0}
        for name, ident, value in FILTERS:
            times[name] = float(driver.execute_script(APPLY, ident, value))
        times["export"] = float(driver.execute_script(EXPORT))
        times["table/window width"] = float(
            driver.execute_script(
                "var t = document.getElementById('file-table') || document.querySelector('table');"
                "return t.getBoundingClientRect().width / window.innerWidth;"
            )
        )
        return times
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(downloads, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    import pandas as pd

    from leakclf.report import write_html
    from leakclf.scan import write_rows

    work = Path(tempfile.mkdtemp())
    results = fake_results(args.docs)
    src = work / "results.parquet"
    write_rows((r.to_dict() for r in results), src)

    from leakclf.report.census_view import ensure_census
    from leakclf.report.html import render_html
    from leakclf.rows import load_results

    write_html(
        fake_results(5), work / "warm.html"
    )  # imports (census, datasketch) out of the timing
    _, ours = timed(lambda: write_html(src, work / "report.html"))
    loaded, t_load = timed(lambda: load_results(src))  # the same work, step by step
    census, t_census = timed(lambda: ensure_census(loaded))
    _, t_render = timed(lambda: render_html(loaded, census))

    def peer() -> None:
        df = pd.read_parquet(src)
        df["findings"] = df["findings"].map(len)
        cols = ["source", "doc_type", "level", "score", "findings", "status"]
        (work / "peer.html").write_text(df[cols].to_html(), encoding="utf-8")

    _, theirs = timed(peer)
    size = (work / "report.html").stat().st_size / 1e6
    peer_size = (work / "peer.html").stat().st_size / 1e6
    print(f"docs={args.docs}, findings={sum(len(r.findings) for r in results)}")
    print(f"steps: load {t_load:.2f}s, census {t_census:.2f}s, render {t_render:.2f}s")
    print(
        f"write: leakclf report {ours:.2f}s, pandas to_html {theirs:.2f}s, ratio {ours / theirs:.1f}x"
    )
    print(
        f"size: leakclf report {size:.1f} MB, pandas to_html {peer_size:.1f} MB, ratio {size / peer_size:.2f}x"
    )
    if not args.no_browser:
        for width in (1280, 1920):
            ours_t = browser_times(work / "report.html", width)
            peer_t = browser_times(work / "peer.html", width)
            filters = ", ".join(
                f"{name} {ours_t[name] * 1000:.0f} ms"
                for name in (*(f[0] for f in FILTERS), "export")
            )
            print(
                f"chromium {width} px: load leakclf report {ours_t['load']:.2f}s, pandas to_html "
                f"{peer_t['load']:.2f}s, ratio {ours_t['load'] / peer_t['load']:.2f}x; over "
                f"{args.docs} rows: {filters}; table width "
                f"{ours_t['table/window width']:.0%} of the window"
            )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
