"""OCR accuracy and speed: real text-layer PDFs rendered to images, OCR'd, compared to their text layer.

    .venv/bin/python benchmarks/bench_ocr.py [--docs 12] [--pages 2] [--doctype-docs 36]
    .venv/bin/python benchmarks/bench_ocr.py --languages   # eng alone vs seven languages

1. Word recall. For each of ``--docs`` PDFs from ``../shared/corpus/doctypes-train`` (real
   documents with a text layer), the first ``--pages`` pages are rendered at 300 dpi with
   pypdfium2 and OCR'd through leakclf's own OCR (``leakclf.extractors.ocr``, Tesseract, eng),
   clean and "scanned" (speckle noise, blur and a 2 degree skew: ``leakclf.demo.scans``).
   Recall = the share of the page's text-layer words (lower-cased, 2+ letters or digits,
   counted with multiplicity) that the OCR text contains. Pages with fewer than 30 words
   are skipped (nothing to measure).
2. Speed: pages per second per core (Tesseract runs with one thread; wall time per page,
   one page at a time, including rendering).
3. Doc-type accuracy: the PDFs of ``../shared/fixtures/real-world/doctypes`` (evaluation only)
   are classified by the shipped pipeline twice: from their text layer, and from the OCR of
   the same pages. The goal: the OCR'd accuracy within 5 points of the text layer's.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leakclf.config import Config, DetectConfig, OcrConfig
from leakclf.demo.scans import scanned
from leakclf.extractors.base import Context, Job, TextBuilder
from leakclf.extractors.ocr import ocr_image
from leakclf.model import Document
from leakclf.pipeline import Pipeline

SHARED = ROOT.parent / "shared"
WORD = re.compile(r"[^\W_]{2,}")
DPI = 300


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in WORD.findall(text))


def recall(truth: str, got: str) -> float:
    want, have = words(truth), words(got)
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else 1.0


def pages_of(path: Path, limit: int) -> list[tuple[str, object]]:
    """(text layer, 300 dpi greyscale image) of the first ``limit`` pages."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    out = []
    try:
        for i in range(min(len(pdf), limit)):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            page.close()
            out.append((text, image))
    finally:
        pdf.close()
    return out


def ocr(image: object, config: Config) -> str:
    job = Job("bench", "image/png", Context(config), TextBuilder(10**8))
    return ocr_image(job, image).text  # type: ignore[arg-type]


def bench_recall(args: argparse.Namespace, config: Config) -> None:
    corpus = sorted((SHARED / "corpus/doctypes-train").rglob("*.pdf"))
    step = max(len(corpus) // args.docs, 1)
    chosen = corpus[::step][: args.docs]
    clean, noisy, seconds, pages = [], [], 0.0, 0
    for n, path in enumerate(chosen):
        for k, (text, image) in enumerate(pages_of(path, args.pages)):
            if sum(words(text).values()) < 30:
                continue
            t0 = time.perf_counter()
            got = ocr(image, config)
            seconds += time.perf_counter() - t0
            pages += 1
            clean.append(recall(text, got))
            skew = 2.0 if (n + k) % 2 else -2.0
            noisy.append(recall(text, ocr(scanned(image, n * 100 + k, skew=skew), config)))
            print(f"  {path.parent.name}/{path.name} p{k + 1}: clean {clean[-1]:.3f} "
                  f"noisy {noisy[-1]:.3f}", flush=True)  # fmt: skip
    print(f"word recall, {pages} pages of {len(chosen)} PDFs at {DPI} dpi (eng):")
    print(f"  clean:               mean {statistics.mean(clean):.3f}  "
          f"median {statistics.median(clean):.3f}  min {min(clean):.3f}")  # fmt: skip
    print(f"  noise+blur+2deg skew: mean {statistics.mean(noisy):.3f}  "
          f"median {statistics.median(noisy):.3f}  min {min(noisy):.3f}")  # fmt: skip
    print(f"speed (clean pages, one Tesseract thread): {pages / seconds:.2f} pages/s per core "
          f"({seconds / pages:.2f} s/page)")  # fmt: skip


def bench_doctype(args: argparse.Namespace, config: Config) -> None:
    folder = SHARED / "fixtures/real-world/doctypes"  # the folder is the label (labels.csv)
    files = sorted(folder.rglob("*.pdf"))[: args.doctype_docs]
    pipe = Pipeline(config.replace(detect=DetectConfig(ner=False)))
    layer_docs, ocr_docs, truth = [], [], []
    for path in files:
        got = pages_of(path, args.pages)
        layer = "\n\n".join(t for t, _ in got)
        if len(layer.strip()) < 50:
            continue  # no text layer to compare with
        read = "\n\n".join(ocr(image, config) for _, image in got)
        truth.append(path.parent.name)
        for docs, text in ((layer_docs, layer), (ocr_docs, read)):
            docs.append(Document(path.name, None, "application/pdf", text, "", len(text)))
    a = [r.doc_type for r in pipe.analyze(layer_docs)]
    b = [r.doc_type for r in pipe.analyze(ocr_docs)]
    acc_a = sum(x == t for x, t in zip(a, truth)) / len(truth)
    acc_b = sum(x == t for x, t in zip(b, truth)) / len(truth)
    same = sum(x == y for x, y in zip(a, b)) / len(truth)
    print(f"doc-type accuracy, {len(truth)} real-world PDFs (first {args.pages} pages):")
    print(f"  text layer {acc_a:.3f}   OCR {acc_b:.3f}   difference {100 * (acc_a - acc_b):+.1f} "
          f"points   same label {same:.3f}")  # fmt: skip


def bench_languages(config: Config) -> None:
    """Seconds per image with ``eng`` alone and with all seven installed languages."""
    from PIL import Image

    images = sorted((SHARED / "fixtures/real-world/legacy/image").glob("*"))
    for langs in (("eng",), ("eng", "fra", "deu", "spa", "ita", "nld", "por")):
        cfg = config.replace(ocr=OcrConfig(languages=langs, page_timeout_s=300))
        times = []
        for path in images:
            t0 = time.perf_counter()
            ocr(Image.open(path), cfg)
            times.append(time.perf_counter() - t0)
        print(f"languages {'+'.join(langs)}: " + " ".join(f"{t:.1f}" for t in times) + " s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=12)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--doctype-docs", type=int, default=36)
    parser.add_argument("--skip-doctype", action="store_true")
    parser.add_argument("--languages", action="store_true", help="only: eng vs seven languages")
    args = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} not found: the benchmark reads real PDFs from it")
    config = Config(ocr=OcrConfig(page_timeout_s=300))
    if args.languages:
        bench_languages(config)
        return
    bench_recall(args, config)
    if not args.skip_doctype:
        bench_doctype(args, config)


if __name__ == "__main__":
    main()
