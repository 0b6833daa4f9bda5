"""Generated documents written wholly in one language: Spanish, Portuguese, French, German, Italian, Dutch.

    localized_examples(seed=0, per_template=1, templates=WILD_TRAIN, languages=LANGUAGES) -> list[Example]

The wild templates' layouts (``wild.py``: ERP print, report, form, letter, memo, sheet, slides, CV) with
every word taken from one language's vocabulary, ``data/local/<language>.json``, written from general
knowledge of how such documents are worded in those countries. ``pools`` maps type -> titles, heads,
labels, cols and lines as in ``wild_vocab.json`` (entries ``i % 6 == 5`` belong only to the held-out
templates ``WILD_HELD_OUT``: ``wild.pool_slice``); ``words`` holds what every type shares (memo and
letter words, signature labels, page furniture, table cells, cover-page fields), ``prose`` the
subject matter and ``filler`` legal and page text. Names and addresses come from Faker in the
language's locales; nothing here is English but the layout.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from faker import Faker

from leakclf.model import DOC_TYPES
from training.doctypes.generated import Example
from training.doctypes.wild import LAYOUTS, TITLE_DROP, WILD_HELD_OUT, WILD_TEMPLATES, pool_slice
from training.doctypes.wild_parts import furniture

__all__ = ["LANGUAGES", "Words", "localized_examples", "words"]

LANGUAGES = ("es", "pt", "fr", "de", "it", "nl")
LOCALES = MappingProxyType(
    {
        "es": ("es_ES", "es_MX"),
        "pt": ("pt_PT", "pt_BR"),
        "fr": ("fr_FR",),
        "de": ("de_DE", "de_AT"),
        "it": ("it_IT",),
        "nl": ("nl_NL", "nl_BE"),
    }
)
_DATA = Path(__file__).parent / "data" / "local"
_SIGNABLE = ("sow", "contract", "proof_of_execution")


@dataclass(frozen=True)
class Words:
    """One language's vocabulary (``data/local/<language>.json``)."""

    pools: dict[str, dict[str, tuple[str, ...]]]
    words: dict[str, tuple[str, ...]]
    prose: tuple[str, ...]
    filler: tuple[str, ...]

    def one(self, rng: random.Random, key: str) -> str:
        return rng.choice(rng.choice(self.words[key]).split("|"))


def words(language: str) -> Words:
    data = json.loads((_DATA / f"{language}.json").read_text(encoding="utf-8"))
    return Words(
        {t: {k: tuple(v) for k, v in p.items()} for t, p in data["pools"].items()},
        {k: tuple(v) if isinstance(v, list) else (v,) for k, v in data["words"].items()},
        tuple(data["prose"]),
        tuple(data["filler"]),
    )


def localized_examples(
    *,
    seed: int = 0,
    per_template: int = 1,
    templates: Sequence[int] = tuple(t for t in range(WILD_TEMPLATES) if t not in WILD_HELD_OUT),
    languages: Sequence[str] = LANGUAGES,
) -> list[Example]:
    rng = random.Random(seed)
    out = []
    for language in languages:
        w = words(language)
        fk = Faker(list(LOCALES[language]))
        fk.seed_instance(seed * 101 + LANGUAGES.index(language))
        for k in templates:
            for doc_type in DOC_TYPES:
                for _ in range(per_template):
                    text, signed = _document(rng, fk[rng.choice(LOCALES[language])], w, doc_type, k)
                    name = f"{w.one(rng, 'file')}{rng.randint(1, 9999)}.pdf"
                    out.append(
                        Example(text, name, doc_type, f"local-{language}-{doc_type}-{k}", signed)
                    )
    return out


def _pick(rng: random.Random, entries: list[str]) -> str:
    return rng.choice(rng.choice(entries).split("|")) if entries else ""


def _document(
    rng: random.Random, fk: Faker, w: Words, doc_type: str, k: int
) -> tuple[str, bool | None]:
    pools = w.pools[doc_type]
    titles, heads, labels, cols, sents = (
        pool_slice(pools.get(key, ()), k) for key in ("titles", "heads", "labels", "cols", "lines")
    )
    held = k in WILD_HELD_OUT
    entry = titles[(k - WILD_HELD_OUT[0]) % len(titles)] if held else titles[rng.randrange(2)]
    org, client = fk.company(), fk.company()
    person, sender = fk.name(), fk.name()
    title = rng.choice(entry.split("|")).format(n=rng.randint(100, 99999), person=person)
    date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2018, 2025)}"
    layout = (
        "cv" if doc_type == "resume" and k % 2 else LAYOUTS[(k + DOC_TYPES.index(doc_type)) % 9]
    )
    if doc_type == "correspondence":
        layout = "letter" if k % 3 else "memo"
    body: list[str] = []
    if layout in ("erp", "form", "letter") and rng.random() < 0.8:
        body += [org, fk.address(), *(_letterhead(rng, w) for _ in range(rng.randint(0, 2)))]
    if layout == "letter":
        body += ["", f"{fk.city()}, {date}", person, client, ""]
        if rng.random() < 0.6:
            body.append(f"{w.one(rng, 're')}: {title}")
        body.append(f"{w.one(rng, 'dear')} {person}:" if rng.random() < 0.5 else w.one(rng, "dear"))
    elif layout == "memo":
        body += [title] + [
            _kv(rng, w.one(rng, key), value)
            for key, value in (("to", person), ("from", sender), ("date", date), ("subject", title))
        ]
    elif layout == "cv":
        body += [person, f"{fk.job()} | {fk.email()} | {fk.phone_number()}"]
    elif rng.random() > TITLE_DROP:
        body.append(title.upper() if rng.random() < 0.3 else title)
    if layout != "letter" and labels:
        kvs = [
            _kv(rng, rng.choice(lab.split("|")), _value(rng, w, lab, date, client))
            for lab in rng.sample(labels, min(len(labels), rng.randint(2, 6)))
        ]
        if layout == "erp" and rng.random() < 0.5:  # two columns on one line
            kvs = ["    ".join(kvs[i : i + 2]) for i in range(0, len(kvs), 2)]
        body += kvs
    if cols and (layout in ("erp", "sheet", "form") or rng.random() < 0.5):
        body += _table(rng, w, rng.choice(cols).split("|"))
    sections = rng.randint(1, 3) if layout in ("erp", "sheet", "form") else rng.randint(2, 7)
    long = layout not in ("letter", "sheet") and rng.random() < 0.45  # real documents run to pages
    sections += rng.randint(5, 16) if long else 0
    for i in range(sections):
        if heads and layout != "letter":
            h = _pick(rng, heads)
            body += ["", f"{i + 1}. {h}" if layout == "report" and rng.random() < 0.6 else h]
        chosen = rng.sample(sents, min(len(sents), rng.randint(1, 3))) if sents else []
        texts = [rng.choice(s.split("|")) if len(s) < 90 else s for s in chosen]
        if rng.random() < (0.8 if long else 0.4):  # subject matter, shared by every type
            texts += rng.sample(w.prose, rng.randint(1, 4 if long else 1))
        if layout in ("slides", "memo", "cv"):
            body += [f"{rng.choice(('-', '•', '*', '–'))} {t}" for t in texts]
        else:
            body.append(" ".join(texts))
    if layout == "letter":
        body += ["", w.one(rng, "closing"), sender]
    signed: bool | None = None
    if doc_type in _SIGNABLE or (doc_type in ("purchase_order", "invoice") and rng.random() < 0.3):
        signed = rng.random() < 0.6
        body += _signature(rng, fk, w, (client, org)[: rng.randint(1, 2)], signed, date)
    if layout in ("report", "slides", "form") and rng.random() < 0.5:
        body = _front_matter(rng, fk, w, org, title, date, body)
    return "\n".join(_noise(rng, w, body, org, title)), signed


def _kv(rng: random.Random, label: str, value: str) -> str:
    return f"{label}{rng.choice((': ', ': ', ' : ', '  ', ' - '))}{value}"


def _letterhead(rng: random.Random, w: Words) -> str:
    digits = str(rng.randint(10**7, 10**9))
    return w.one(rng, "letterhead").format(
        phone=f"+{rng.randint(30, 99)} {digits}", digits=digits, n=rng.randint(10, 99)
    )


def _value(rng: random.Random, w: Words, label: str, date: str, client: str) -> str:
    low = label.lower()
    if any(d in low for d in w.words["date_words"]):
        return date
    if any(c in low for c in w.words["party_words"]):
        return client
    return rng.choice(
        (
            str(rng.randint(100, 999999)),
            f"{rng.choice('ABCFX')}{rng.randint(10, 99)}-{rng.randint(100, 9999)}",
            f"{rng.choice('ABCDEFGHJ')}{rng.randint(10**7, 10**8 - 1)}",
            w.one(rng, "cells"),
            "EUR",
        )
    )


def _table(rng: random.Random, w: Words, header: list[str]) -> list[str]:
    sep = rng.choice(("\t", "  ", " | ", "\n"))
    kinds = [_column(w, h) for h in header]
    rows, total = [sep.join(header)], 0.0
    for i in range(rng.randint(1, 8)):
        qty, price = rng.randint(1, 50), rng.randint(3, 3000) + rng.choice((0, 0.5, 0.25))
        total += qty * price
        value = {
            "qty": str(qty),
            "price": f"{price:,.2f}".replace(",", " ").replace(".", ","),
            "amount": f"{qty * price:,.2f}".replace(",", " ").replace(".", ","),
            "index": str(i + 1),
            "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}",
        }
        rows.append(sep.join(value.get(kind) or w.one(rng, "cells") for kind in kinds))
    if "amount" in kinds and rng.random() < 0.7:
        rows.append(f"{w.one(rng, 'total')}{sep}{total:,.2f}".replace(",", " ").replace(".", ","))
    return rows


def _column(w: Words, head: str) -> str:
    heads = head.lower().split()
    for kind in ("qty", "price", "amount", "index", "date"):
        if any(h.startswith(word) for h in heads for word in w.words[f"{kind}_words"]):
            return kind
    return "text"


def _signature(
    rng: random.Random, fk: Faker, w: Words, parties: tuple[str, ...], signed: bool, date: str
) -> list[str]:
    out = [""]
    for party in parties:
        out.append(f"{w.one(rng, 'for')} {party}")
        sign, name, role, when = (w.one(rng, key) for key in ("sign", "name", "role", "date"))
        out += (
            [f"{sign}: {fk.name()}", f"{role}: {fk.job()}", f"{when}: {date}"]
            if signed
            else [f"{sign}: ____________", f"{name}: ____________", f"{when}: ______"]
        )
    return out


def _front_matter(
    rng: random.Random, fk: Faker, w: Words, org: str, title: str, date: str, body: list[str]
) -> list[str]:
    """Cover page, revision history and contents before the body, as ``wild_parts.front_matter``."""
    people = [fk.name() for _ in range(3)]
    cover = rng.sample([org, f"{w.one(rng, 'project')} {fk.last_name()}"], rng.randint(0, 2))
    cover += [title] + [
        _kv(rng, rng.choice(f.split("|")), rng.choice(people + [date, "1.0", "2.1"]))
        for f in rng.sample(w.words["cover"], rng.randint(2, len(w.words["cover"])))
    ]
    if rng.random() < 0.6:
        cover += ["", w.one(rng, "history"), "  ".join(w.words["history_cols"])]
        cover += [
            f"{rng.randint(0, 3)}.{rng.randint(0, 9)}  {date}  {rng.choice(people)}  {w.one(rng, 'change')}"
            for _ in range(rng.randint(2, 6))
        ]
    if rng.random() < 0.6:
        heads = [ln for ln in body if 2 < len(ln) < 50 and ln[:1].isupper() and ln[-1:] != "."]
        cover += ["", w.one(rng, "contents")]
        cover += [f"{h} {'.' * rng.randint(5, 40)} {n + 3}" for n, h in enumerate(heads[1:12])]
    rest = body[1:] if body and body[0].lower() == title.lower() else body
    return cover + [""] + rest


def _noise(rng: random.Random, w: Words, body: list[str], org: str, title: str) -> list[str]:
    """Long neutral text, legal filler, page furniture, line wrapping and OCR, as ``wild_parts.noise``."""
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 4)):
            body += ["", " ".join(rng.sample(w.prose, rng.randint(2, 5)))]
    if rng.random() < 0.6:
        body += ["", " ".join(rng.sample(w.filler, rng.randint(1, 3)))]
    return furniture(
        rng, body, org, title, lambda page, pages: w.one(rng, "page").format(page=page, pages=pages)
    )
