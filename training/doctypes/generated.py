"""The training corpus: demo-generator documents rendered as extracted text, with realistic noise.

    examples(seed=0, per_template=40, templates=range(8)) -> list[Example]

Noise: OCR-like spacing and broken words, page headers and footers, boilerplate, PDF-style
line wrapping, varied table/key-value separators, unrelated filler, mixed documents
(a cover note or terms appended), mail headers, generic file names, and a share of
documents without their title block. ``wild.py`` adds independent templates on top.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from leakclf.demo import vocab
from leakclf.demo.compose import HELD_OUT, compose
from leakclf.demo.containers import add_sensitive
from leakclf.demo.fakes import Fakes
from leakclf.demo.render import lines
from leakclf.model import DOC_TYPES

__all__ = ["HELD_OUT", "Example", "examples", "ocr"]

TITLE_DROP = 0.2  # share of documents rendered without their title block
_GENERIC_NAMES = (
    "scan",
    "document",
    "doc",
    "file",
    "export",
    "final",
    "copy",
    "img",
    "untitled",
    "attachment",
)


@dataclass(frozen=True)
class Example:
    text: str
    name: str
    label: str
    template: str
    signed: bool | None


def examples(
    *, seed: int = 0, per_template: int = 40, templates: Iterable[int] = range(8)
) -> list[Example]:
    rng = random.Random(seed)
    fakes = Fakes(seed, scale=2000)
    out = []
    for template in templates:
        for doc_type in DOC_TYPES:
            for _ in range(per_template):
                spec = compose(rng, fakes, doc_type, template)
                add_sensitive(spec, fakes, rng)
                text = _render(spec, rng, fakes)
                out.append(
                    Example(text, _name(doc_type, rng), doc_type, spec.template, spec.signed)
                )
    return out


def _render(spec, rng: random.Random, fakes: Fakes) -> str:  # type: ignore[no-untyped-def]
    sep = rng.choice(("\t", "  ", " | ", " ", "\n"))
    kv = rng.choice((": ", ": ", " ", ":\n", " : "))
    if rng.random() < TITLE_DROP:  # the title was a logo or got lost: body cues must carry
        spec.blocks = [b for b in spec.blocks if b[0] != "title"]
    body = list(lines(spec, sep=sep, kv=kv))
    if spec.sender is not None and rng.random() < 0.8:
        to = ", ".join(f"{p.name} <{p.email}>" for p in spec.recipients)
        body = [
            f"From: {spec.sender.name} <{spec.sender.email}>",
            f"To: {to}",
            f"Subject: {spec.subject}",
            "",
        ] + body
    if rng.random() < 0.3:  # a stray sentence from another type (training wording only)
        pool = vocab.SENTENCES[rng.choice(DOC_TYPES)]
        body += ["", rng.choice([w for i, w in enumerate(pool) if i % 5 != 4])]
    if rng.random() < 0.5:
        body += ["", " ".join(rng.sample(vocab.GENERIC, rng.randint(1, 3)))]
    if rng.random() < 0.35:
        body += ["", fakes.faker["en_US"].paragraph(nb_sentences=rng.randint(1, 4))]
    if rng.random() < 0.35:  # long, mostly neutral text, equally often for every type
        for head in rng.sample(vocab.GENERIC_HEADINGS, rng.randint(1, 4)):
            body += ["", head, fakes.faker["en_US"].paragraph(nb_sentences=rng.randint(3, 8))]
    if rng.random() < 0.4:
        body = [rng.choice(vocab.BOILERPLATE).format(page=1, pages=2)] + body
    if rng.random() < 0.4:
        body += ["", rng.choice(vocab.BOILERPLATE).format(page=2, pages=2)]
    if rng.random() < 0.3:
        body = [
            ln if len(ln) < 70 else "\n".join(textwrap.wrap(ln, rng.randint(50, 90))) for ln in body
        ]
    if rng.random() < 0.2:
        body = [ln.upper() if i < 3 else ln for i, ln in enumerate(body)]
    text = "\n".join(body)
    if rng.random() < 0.25:
        text = ocr(text, rng)
    return text


def ocr(text: str, rng: random.Random) -> str:
    """OCR-like noise: doubled spaces, split words, confused characters."""
    out = []
    for word in text.split(" "):
        r = rng.random()
        if r < 0.03 and len(word) > 5:
            cut = rng.randint(2, len(word) - 2)
            word = word[:cut] + " " + word[cut:]
        elif r < 0.05:
            word = word.replace("l", "1").replace("O", "0")
        elif r < 0.09:
            word += " "
        out.append(word)
    return " ".join(out)


def _name(doc_type: str, rng: random.Random) -> str:
    ext = rng.choice(("pdf", "docx", "pdf", "eml", "txt", "xlsx"))
    if rng.random() < 0.45:
        return f"{rng.choice(_GENERIC_NAMES)}{rng.randint(1, 999)}.{ext}"
    word = rng.choice((doc_type, doc_type.replace("_", "-"), doc_type.split("_")[0], "doc"))
    return f"{word}_{rng.randint(100, 99999)}.{ext}"
