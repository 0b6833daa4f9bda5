""" "Wild" training templates: documents shaped like ERP prints, government SOWs, CVs, minutes, ...

    wild_examples(seed=0, per_template=20, templates=range(12)) -> list[Example]

Independent of the demo generator's layouts. Template ``k`` of a type fixes a layout, a title and
a slice of each pool in ``wild_vocab``; entries ``i % 6 == 5`` of every pool belong only to the
held-out templates (``WILD_HELD_OUT``). Noise is heavy: repeated page headers and footers, page
numbers, tables flattened one cell per line, legal filler, long neutral bodies after the title.
"""

from __future__ import annotations

import random
import textwrap

from leakclf.demo.fakes import Fakes
from leakclf.doctypes.corpus import Example, ocr
from leakclf.doctypes.wild_vocab import CONTENTS, COVER, FILLER, HISTORY, LETTERHEAD, POOLS, PROSE
from leakclf.model import DOC_TYPES

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


def _slice(pool: tuple[str, ...], k: int) -> list[str]:
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
    heads, labels = _slice(pools["heads"], k), _slice(pools["labels"], k)
    cols, sents = _slice(pools["cols"], k), _slice(pools["lines"], k)
    titles = _slice(pools["titles"], k)
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
            *(_letterhead(rng, org) for _ in range(rng.randint(0, 2))),
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
            _kv(rng, "To", person.name),
            _kv(rng, "From", rng.choice(fakes.members(org)).name),
            _kv(rng, "Date", date),
            _kv(rng, "Subject", title),
        ]
    elif layout == "cv":
        body += [person.name, f"{person.title} | {person.email} | {rng.randint(10**9, 10**10)}"]
    elif rng.random() > TITLE_DROP:
        body.append(title.upper() if rng.random() < 0.3 else title)
    if layout != "letter" and labels:
        kvs = [
            _kv(rng, _choice(rng, lab), _value(rng, lab, date, client.name))
            for lab in rng.sample(labels, min(len(labels), rng.randint(2, 6)))
        ]
        if layout == "erp" and rng.random() < 0.5:  # two columns on one line
            kvs = ["    ".join(kvs[i : i + 2]) for i in range(0, len(kvs), 2)]
        body += kvs
    if cols and (layout in ("erp", "sheet", "form") or rng.random() < 0.5):
        body += _table(rng, rng.choice(cols).split("|"))
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
        body += _signature(rng, fakes, org, client, signed, date)
    if layout in ("report", "slides", "form") and rng.random() < 0.5:
        body = _front_matter(rng, fakes, org.name, title, date, body)
    body = _noise(rng, fakes, body, org.name, title)
    return "\n".join(body), signed


def _front_matter(  # type: ignore[no-untyped-def]
    rng: random.Random, fakes: Fakes, org: str, title: str, date: str, body: list[str]
) -> list[str]:
    """Cover page, revision history and contents before the body; the title may sit lines down."""
    people = [p.name for p in rng.sample(fakes.people, 3)]
    cover = [
        org,
        rng.choice(("Project", "Progetto", "Projekt", "Projet"))
        + f" {rng.choice(fakes.projects)[0]}",
    ]
    cover = rng.sample(cover, rng.randint(0, 2)) + [title]
    cover += [
        _kv(rng, _choice(rng, f), rng.choice(people + [date, "1.0", "2.3.1"]))
        for f in rng.sample(COVER, rng.randint(2, 6))
    ]
    if rng.random() < 0.6:
        cover += ["", _choice(rng, HISTORY[0]), "  ".join(rng.sample(HISTORY[1].split("|"), 4))]
        cover += [
            f"{rng.randint(0, 3)}.{rng.randint(0, 9)}.0  {date}  {rng.choice(people)}  {rng.choice(('Draft', 'Review', 'Update', 'Stesura', 'Verifica'))}"
            for _ in range(rng.randint(2, 8))
        ]
    if rng.random() < 0.6:
        heads = [
            ln for ln in body if 2 < len(ln) < 50 and ln[:1].isupper() and not ln.endswith(".")
        ]
        cover += ["", _choice(rng, CONTENTS)]
        cover += [f"{h} {'.' * rng.randint(5, 40)} {n + 3}" for n, h in enumerate(heads[1:12])]
    rest = body[1:] if body and body[0].lower() == title.lower() else body
    return cover + [""] + rest


def _noise(rng: random.Random, fakes: Fakes, body: list[str], org: str, title: str) -> list[str]:
    if rng.random() < 0.5:  # long neutral body: the cue is only near the top
        for _ in range(rng.randint(1, 6)):
            body += [
                "",
                fakes.faker[rng.choice(("en_US", "it_IT", "de_DE", "fr_FR"))].paragraph(
                    nb_sentences=rng.randint(3, 9)
                ),
            ]
    if rng.random() < 0.6:
        body += ["", " ".join(rng.sample(FILLER, rng.randint(1, 3)))]
    if rng.random() < 0.5:  # repeated page furniture
        pages = rng.randint(2, 5)
        step = max(8, len(body) // pages)
        out: list[str] = []
        for i in range(0, len(body), step):
            page = i // step + 1
            out += [
                org if rng.random() < 0.5 else title,
                *body[i : i + step],
                f"Page {page} of {pages}" if rng.random() < 0.6 else f"- {page} -",
            ]
        body = out
    if rng.random() < 0.3:
        body = [
            ln if len(ln) < 70 else "\n".join(textwrap.wrap(ln, rng.randint(40, 90))) for ln in body
        ]
    text = "\n".join(body)
    if rng.random() < 0.25:
        text = ocr(text, rng)
    return text.split("\n")


def _table(rng: random.Random, header: list[str]) -> list[str]:
    sep = rng.choice(("\t", "  ", " | ", "\n"))
    rows = [sep.join(header)]
    total = 0.0
    for i in range(rng.randint(1, 8)):
        qty, price = rng.randint(1, 50), rng.randint(3, 3000) + rng.choice((0, 0.5, 0.25))
        total += qty * price
        cells = []
        for h in header:
            hl = h.lower()
            if any(
                w in hl
                for w in ("qty", "quant", "menge", "q.tà", "qté", "cantidad", "hours", "units")
            ):
                cells.append(str(qty))
            elif any(
                w in hl
                for w in ("price", "rate", "prezzo", "preis", "prix", "p.u.", "precio", "fee")
            ):
                cells.append(f"{price:,.2f}")
            elif any(
                w in hl
                for w in ("amount", "total", "importo", "betrag", "montant", "importe", "revenue")
            ):
                cells.append(f"{qty * price:,.2f}")
            elif any(
                w in hl
                for w in ("sl", "pos", "line", "id", "item", "level", "code", "réf", "código")
            ):
                cells.append(str(i + 1))
            elif "date" in hl or hl in ("start", "finish", "due", "planned", "forecast", "week"):
                cells.append(
                    f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2019, 2025)}"
                )
            else:
                cells.append(
                    rng.choice(
                        (
                            "Item A",
                            "Service",
                            "Module 2",
                            "Yes",
                            "No",
                            "Open",
                            "Done",
                            "High",
                            "Low",
                            "n/a",
                            "Lot 7",
                        )
                    )
                )
        rows.append(sep.join(cells))
    if rng.random() < 0.7 and any(c[0].isdigit() and "." in c for c in rows[-1].split(sep)):
        rows.append(
            f"{rng.choice(('Total', 'TOTAL', 'Totale', 'Summe', 'Total général'))}{sep}{total:,.2f}"
        )
    return rows


def _signature(rng: random.Random, fakes: Fakes, org, client, signed: bool, date: str) -> list[str]:  # type: ignore[no-untyped-def]
    out = [""]
    for party in (client, org)[: rng.randint(1, 2)]:
        who = rng.choice(fakes.members(party))
        out.append(
            rng.choice(("For", "On behalf of", "Per", "Für", "Pour", "Por")) + f" {party.name}"
        )
        label = rng.choice(
            ("By", "Signature", "Signed", "Authorised Signatory", "Firma", "Unterschrift")
        )
        out += (
            [f"{label}: {who.name}", f"Title: {who.title}", f"Date: {date}"]
            if signed
            else [f"{label}: ____________", "Name: ____________", "Date: ______"]
        )
    return out


def _letterhead(rng: random.Random, org) -> str:  # type: ignore[no-untyped-def]
    digits = str(rng.randint(10**8, 10**10))
    return rng.choice(LETTERHEAD).format(
        phone=f"+{rng.randint(1, 99)} {digits}",
        email=f"info@{org.domain}",
        site=org.domain,
        gstin=f"{rng.randint(10, 37)}AABCU{rng.randint(1000, 9999)}R1Z5",
        pan=f"AABCU{rng.randint(1000, 9999)}R",
        digits=digits,
    )


def _kv(rng: random.Random, label: str, value: str) -> str:
    return f"{label}{rng.choice((': ', ': ', ' : ', '  ', ' - ', ' # '))}{value}"


def _choice(rng: random.Random, entry: str) -> str:
    return rng.choice(entry.split("|"))


def _value(rng: random.Random, label: str, date: str, client: str) -> str:
    low = label.lower()
    if "date" in low or "data" in low or "datum" in low or "fecha" in low:
        return date
    if any(
        w in low
        for w in ("customer", "client", "vendor", "supplier", "party", "fornitore", "consignee")
    ):
        return client
    return rng.choice(
        (
            f"{rng.randint(100, 999999)}",
            f"INV/{rng.randint(10, 99)}-{rng.randint(100, 9999)}",
            f"{rng.randint(1, 99)}AABCU{rng.randint(1000, 9999)}R1Z5",
            "Net 30",
            "EUR",
            "Standard",
        )
    )
