"""Wild training templates: documents shaped like ERP prints, government SOWs, CVs, minutes, ...

    wild_examples(seed=0, per_template=20, templates=range(12)) -> list[Example]

Independent of the demo generator's layouts. Template ``k`` of a type fixes a layout, a title and
a slice of each pool in ``wild_vocab``; entries ``i % 6 == 5`` of every pool belong only to the
held-out templates (``WILD_HELD_OUT``). Noise is heavy: repeated page headers and footers, page
numbers, tables flattened one cell per line, legal filler, long neutral bodies after the title.
"""

from __future__ import annotations

import random

from leakclf.demo.fakes import Fakes
from leakclf.model import DOC_TYPES
from training.doctypes import wild_parts as parts
from training.doctypes.generated import Example
from training.doctypes.vocab import POOLS, PROSE

WILD_TEMPLATES = 14
WILD_HELD_OUT = (12, 13)
LAYOUTS = ("erp", "report", "form", "letter", "memo", "sheet", "report", "erp", "slides", "cv")
TITLE_DROP = 0.25  # share of documents without their title line (a logo, or lost in extraction)
_SIGNABLE = ("sow", "contract", "proof_of_execution")


def wild_examples(
    *, seed: int = 0, per_template: int = 20, templates: tuple[int, ...] = tuple(range(12))
) -> list[Example]:
    rng = random.Random(seed)
    fakes = Fakes(seed + 7, scale=500)
    out = []
    for k in templates:
        for doc_type in DOC_TYPES:
            for _ in range(per_template):
                text, signed = _document(rng, fakes, doc_type, k)
                name = f"{rng.choice(('scan', 'doc', 'file', 'print', 'export'))}{rng.randint(1, 9999)}.pdf"
                out.append(Example(text, name, doc_type, f"wild-{doc_type}-{k}", signed))
    return out


def pool_slice(pool: tuple[str, ...], k: int) -> list[str]:
    """The entries of ``pool`` template ``k`` draws from: the held-out templates the entries
    ``i % 6 == 5``, each training template its own three fifths of the others."""
    if k in WILD_HELD_OUT:
        picked = [w for i, w in enumerate(pool) if i % 6 == 5]
        return picked or list(pool[-1:])
    own = [w for i, w in enumerate(pool) if i % 6 != 5]
    if not own:
        return []
    n = len(own)
    return [own[(k * 5 + i) % n] for i in range(max(2, (3 * n) // 5))]


def _pick(rng: random.Random, entries: list[str]) -> str:
    return rng.choice(rng.choice(entries).split("|")) if entries else ""


def _document(rng: random.Random, fakes: Fakes, doc_type: str, k: int) -> tuple[str, bool | None]:
    pools = POOLS[doc_type]
    heads, labels = pool_slice(pools["heads"], k), pool_slice(pools["labels"], k)
    cols, sents = pool_slice(pools["cols"], k), pool_slice(pools["lines"], k)
    titles = pool_slice(pools["titles"], k)
    first = (k - WILD_HELD_OUT[0]) % len(titles) if k in WILD_HELD_OUT else 0
    title_entry = (
        titles[first] if k in WILD_HELD_OUT else titles[rng.randrange(min(2, len(titles)))]
    )
    org, client = rng.sample(fakes.orgs, 2)
    person = rng.choice(fakes.members(client))
    title = rng.choice(title_entry.split("|")).format(n=rng.randint(100, 99999), person=person.name)
    layout = (
        "cv" if doc_type == "resume" and k % 2 else LAYOUTS[(k + DOC_TYPES.index(doc_type)) % 9]
    )
    if doc_type == "correspondence":
        layout = "letter" if k % 3 else "memo"
    date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2018, 2025)}"
    body: list[str] = []
    if layout in ("erp", "form", "letter") and rng.random() < 0.8:
        body += [
            org.name,
            fakes.faker[org.locale].address(),
            *(parts.letterhead(rng, org) for _ in range(rng.randint(0, 2))),
        ]
    if layout == "letter":
        body += ["", date, person.name, client.name, ""]
        if rng.random() < 0.6:
            body.append(f"{_pick(rng, labels) or 'Re'}: {title}")
        body += [
            rng.choice(("Dear", "Gentile", "Sehr geehrte/r", "Madame, Monsieur,", "Estimado"))
            + f" {person.name},"
        ]
    elif layout == "memo":
        body += [
            title,
            parts.kv(rng, "To", person.name),
            parts.kv(rng, "From", rng.choice(fakes.members(org)).name),
            parts.kv(rng, "Date", date),
            parts.kv(rng, "Subject", title),
        ]
    elif layout == "cv":
        body += [person.name, f"{person.title} | {person.email} | {rng.randint(10**9, 10**10)}"]
    elif rng.random() > TITLE_DROP:
        body.append(title.upper() if rng.random() < 0.3 else title)
    if layout != "letter" and labels:
        kvs = [
            parts.kv(rng, parts.choice(rng, lab), parts.value(rng, lab, date, client.name))
            for lab in rng.sample(labels, min(len(labels), rng.randint(2, 6)))
        ]
        if layout == "erp" and rng.random() < 0.5:  # two columns on one line
            kvs = ["    ".join(kvs[i : i + 2]) for i in range(0, len(kvs), 2)]
        body += kvs
    if cols and (layout in ("erp", "sheet", "form") or rng.random() < 0.5):
        body += parts.table(rng, rng.choice(cols).split("|"))
    n_sections = rng.randint(1, 3) if layout in ("erp", "sheet", "form") else rng.randint(2, 7)
    long = layout not in ("letter", "sheet") and rng.random() < 0.45  # real documents run to pages
    n_sections += rng.randint(5, 16) if long else 0
    for i in range(n_sections):
        if heads and layout not in ("letter",):
            h = _pick(rng, heads)
            if h:
                body += ["", f"{i + 1}. {h}" if layout == "report" and rng.random() < 0.6 else h]
        chosen = rng.sample(sents, min(len(sents), rng.randint(1, 3))) if sents else []
        texts = [rng.choice(s.split("|")) if len(s) < 90 else s for s in chosen]
        if rng.random() < (0.8 if long else 0.4):  # subject matter, shared by every type
            texts += rng.sample(PROSE, rng.randint(1, 4 if long else 1))
        if long and rng.random() < 0.6:
            loc = rng.choice(("en_US", "en_GB", "it_IT", "de_DE", "fr_FR"))
            texts.append(fakes.faker[loc].paragraph(nb_sentences=rng.randint(2, 8)))
        if layout in ("slides", "memo", "cv"):
            body += [f"{rng.choice(('-', '•', '*', '–'))} {t}" for t in texts]
        else:
            body.append(" ".join(texts))
    if layout == "letter":
        body += [
            "",
            rng.choice(
                (
                    "Yours faithfully,",
                    "Best regards,",
                    "Cordiali saluti,",
                    "Mit freundlichen Grüßen",
                    "Cordialement,",
                    "Atentamente,",
                )
            ),
            rng.choice(fakes.members(org)).name,
        ]
    signed: bool | None = None
    if doc_type in _SIGNABLE or (doc_type in ("purchase_order", "invoice") and rng.random() < 0.3):
        signed = rng.random() < 0.6
        body += parts.signature(rng, fakes, org, client, signed, date)
    if layout in ("report", "slides", "form") and rng.random() < 0.5:
        body = parts.front_matter(rng, fakes, org.name, title, date, body)
    body = parts.noise(rng, fakes, body, org.name, title)
    return "\n".join(body), signed
