"""Pieces of the wild templates: front matter, tables, signature blocks, letterheads and noise."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable

from leakclf.demo.fakes import Fakes, Org
from training.doctypes.generated import ocr
from training.doctypes.vocab import CONTENTS, COVER, FILLER, HISTORY, LETTERHEAD

__all__ = [
    "choice",
    "front_matter",
    "furniture",
    "kv",
    "letterhead",
    "noise",
    "signature",
    "table",
    "value",
]


def front_matter(
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
        kv(rng, choice(rng, f), rng.choice(people + [date, "1.0", "2.3.1"]))
        for f in rng.sample(COVER, rng.randint(2, 6))
    ]
    if rng.random() < 0.6:
        cover += ["", choice(rng, HISTORY[0]), "  ".join(rng.sample(HISTORY[1].split("|"), 4))]
        cover += [
            f"{rng.randint(0, 3)}.{rng.randint(0, 9)}.0  {date}  {rng.choice(people)}  {rng.choice(('Draft', 'Review', 'Update', 'Stesura', 'Verifica'))}"
            for _ in range(rng.randint(2, 8))
        ]
    if rng.random() < 0.6:
        heads = [
            ln for ln in body if 2 < len(ln) < 50 and ln[:1].isupper() and not ln.endswith(".")
        ]
        cover += ["", choice(rng, CONTENTS)]
        cover += [f"{h} {'.' * rng.randint(5, 40)} {n + 3}" for n, h in enumerate(heads[1:12])]
    rest = body[1:] if body and body[0].lower() == title.lower() else body
    return cover + [""] + rest


def noise(rng: random.Random, fakes: Fakes, body: list[str], org: str, title: str) -> list[str]:
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
    return furniture(
        rng,
        body,
        org,
        title,
        lambda page, pages: f"Page {page} of {pages}" if rng.random() < 0.6 else f"- {page} -",
    )


def furniture(
    rng: random.Random,
    body: list[str],
    org: str,
    title: str,
    footer: Callable[[int, int], str],
) -> list[str]:
    """A print's marks on ``body``: repeated page furniture (a running head, the organisation or
    the title, and ``footer(page, pages)``), long lines wrapped, OCR errors; each at random."""
    if rng.random() < 0.5:
        pages = rng.randint(2, 5)
        step = max(8, len(body) // pages)
        out: list[str] = []
        for i in range(0, len(body), step):
            page = i // step + 1
            out += [org if rng.random() < 0.5 else title, *body[i : i + step], footer(page, pages)]
        body = out
    if rng.random() < 0.3:
        body = [
            ln if len(ln) < 70 else "\n".join(textwrap.wrap(ln, rng.randint(40, 90))) for ln in body
        ]
    text = "\n".join(body)
    return (ocr(text, rng) if rng.random() < 0.25 else text).split("\n")


def table(rng: random.Random, header: list[str]) -> list[str]:
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


def signature(
    rng: random.Random, fakes: Fakes, org: Org, client: Org, signed: bool, date: str
) -> list[str]:
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


def letterhead(rng: random.Random, org: Org) -> str:
    digits = str(rng.randint(10**8, 10**10))
    return rng.choice(LETTERHEAD).format(
        phone=f"+{rng.randint(1, 99)} {digits}",
        email=f"info@{org.domain}",
        site=org.domain,
        gstin=f"{rng.randint(10, 37)}AABCU{rng.randint(1000, 9999)}R1Z5",
        pan=f"AABCU{rng.randint(1000, 9999)}R",
        digits=digits,
    )


def kv(rng: random.Random, label: str, value: str) -> str:
    return f"{label}{rng.choice((': ', ': ', ' : ', '  ', ' - ', ' # '))}{value}"


def choice(rng: random.Random, entry: str) -> str:
    return rng.choice(entry.split("|"))


def value(rng: random.Random, label: str, date: str, client: str) -> str:
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
