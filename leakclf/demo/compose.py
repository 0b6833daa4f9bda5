"""Compose one fake business document as blocks (title, headings, key-values, tables, signatures).

    spec = compose(rng, fakes, "invoice", template=3)
    spec.blocks   # [("title", "Rechnung"), ("kv", [...]), ("table", header, rows), ...]
    spec.mentions # every entity written, in order

A template is (type, index): its title, layout and a slice of the wording pools.
"""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from leakclf.demo import lexicon, vocab
from leakclf.demo.fakes import ORG, PROJECT, Fakes, Mentions, Org, Person

TEMPLATES_PER_TYPE = 10
HELD_OUT = (8, 9)  # templates whose wording never reaches training
SIGNABLE = ("sow", "contract", "proof_of_execution")
Block = tuple[Any, ...]


@dataclass
class Spec:
    doc_type: str
    template: str
    blocks: list[Block] = field(default_factory=list)
    mentions: Mentions = field(default_factory=Mentions)
    signed: bool | None = None
    sender: Person | None = None
    recipients: list[Person] = field(default_factory=list)
    subject: str = ""
    client: Org | None = None


class _Ctx:
    """Fills ``{placeholders}`` through the mention recorder, left to right."""

    def __init__(self, rng: random.Random, fakes: Fakes, spec: Spec, internal: bool) -> None:
        self.rng, self.fakes, self.m = rng, fakes, spec.mentions
        own = fakes.owner
        others = [o for o in fakes.orgs if o != own]
        self.vendor: Org = own
        self.client: Org = own if internal else rng.choice(others)
        self.person: Person = rng.choice(fakes.members(self.client))
        self.project = rng.choice(fakes.projects)

    def fill(self, text: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda mt: self.value(mt.group(1)), text)

    def value(self, key: str) -> str:
        rng = self.rng
        if key in ("client", "vendor"):
            return self.m(ORG, getattr(self, key).name)
        if key == "person":
            return self.m.person(self.person, inverted=rng.random() < 0.2)
        if key == "project":
            return self.m(PROJECT, self.project[0])
        if key == "code":
            return self.m(PROJECT, self.project[1])
        if key == "iban":
            return self.m("IBAN_CODE", self.fakes.iban(rng.choice(("DE", "FR", "GB", "IT", "NL"))))
        if key == "amount":
            return f"{rng.choice(('EUR', 'USD', 'GBP'))} {rng.randint(2, 900) * 100:,}.00"
        if key == "date":
            return f"{rng.randint(2021, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if key in ("n", "po"):
            return f"{'PO-' if key == 'po' else ''}{rng.randint(1000, 99999)}"
        if key in ("page", "pages"):
            return "1"
        return key


def compose(rng: random.Random, fakes: Fakes, doc_type: str, template: int) -> Spec:
    spec = Spec(doc_type, f"{doc_type}-{template}")
    internal = doc_type == "internal_note"
    ctx = _Ctx(rng, fakes, spec, internal)
    spec.client = ctx.client
    layout = vocab.LAYOUTS[doc_type][template]
    title = ctx.fill(rng.choice(vocab.TITLES[doc_type][template].split("|")))
    pool = _slice(vocab.SENTENCES[doc_type], template)
    heads = _slice(vocab.HEADINGS[doc_type], template)
    labels = _slice(vocab.LABELS[doc_type], template)
    b = spec.blocks
    if layout in ("mail", "memo"):
        _mail_parties(spec, ctx, internal)
    if layout == "memo":
        to = ctx.m.person(spec.recipients[0])
        b.append(
            (
                "kv",
                [
                    ("To", to),
                    ("From", ctx.m.person(spec.sender or ctx.person)),
                    ("Date", ctx.value("date")),
                    ("Subject", title or "Notes"),
                ],
            )
        )
    elif layout == "letter":
        b.append(
            ("para", f"{ctx.m(ORG, ctx.vendor.name)}\n{fakes.faker[ctx.vendor.locale].address()}")
        )
        b.append(
            (
                "para",
                f"{ctx.value('date')}\n{ctx.m.person(ctx.person)}\n{ctx.m(ORG, ctx.client.name)}",
            )
        )
        if title:
            b.append(("title", title))
        b.append(("para", f"Dear {ctx.m.person(ctx.person)},"))
    elif title and layout != "mail":
        b.append(("title", title))
    if layout == "mail":
        spec.subject = title or rng.choice(("Quick question", "Update", "Documents", "Next steps"))
        b.append(("para", f"Hi {(spec.recipients or [ctx.person])[0].first},"))
    if labels and layout in ("form", "sheet", "report", "slides"):
        b.append(("kv", [(lab, _kv_value(ctx, lab)) for lab in labels[: rng.randint(3, 6)]]))
    if doc_type in ("invoice", "purchase_order", "quote") and layout != "letter":
        party = f"{ctx.m(ORG, ctx.client.name)}\n{ctx.m.person(ctx.person)}"
        b.append(("para", f"{party}\n{fakes.faker[ctx.client.locale].address()}"))
    tables = vocab.TABLES.get(doc_type, ())
    if tables and (layout in ("form", "sheet") or rng.random() < 0.4):
        b.append(_table(ctx, doc_type, tables[template % len(tables)]))
    if layout == "sheet":
        return _finish(spec, ctx, layout)
    terms = lexicon.terms(doc_type, template, HELD_OUT)
    long = rng.random() < 0.25
    for head in (
        heads[: rng.randint(2, 6 if not long else 12)] if layout not in ("mail", "letter") else [""]
    ):
        if head:
            b.append(("heading", head))
        picks = rng.sample(
            pool, k=min(len(pool), rng.randint(1, 3) if not long else rng.randint(2, 5))
        )
        texts = [ctx.fill(s) for s in picks]
        if layout not in ("mail", "letter") and rng.random() < 0.5:
            texts.insert(rng.randrange(len(texts) + 1), lexicon.sentence(rng, terms))
        if layout == "slides":
            b.append(("bullets", texts))
        else:
            b.append(("para", " ".join(texts)))
    return _finish(spec, ctx, layout)


def _finish(spec: Spec, ctx: _Ctx, layout: str) -> Spec:
    rng, m, b = ctx.rng, ctx.m, spec.blocks
    if layout in ("mail", "letter"):
        close = rng.choice(("Best regards,", "Kind regards,", "Sincerely,", "Cheers,"))
        sender = spec.sender or rng.choice(ctx.fakes.members(ctx.vendor))
        b.append(
            (
                "para",
                f"{close}\n{m.person(sender)}\n{sender.title}\n{m.phone(sender, rng.randrange(2))}",
            )
        )
    if spec.doc_type in SIGNABLE or (
        spec.doc_type in ("purchase_order", "quote") and rng.random() < 0.3
    ):
        spec.signed = rng.random() < 0.6
        b.append(_signature(ctx, spec.signed))
    return spec


def _signature(ctx: _Ctx, signed: bool) -> Block:
    rng, m = ctx.rng, ctx.m
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(
            "IN WITNESS WHEREOF, the parties have executed this document as of the date below."
        )
    if signed and rng.random() < 0.35:
        marker = rng.choice(
            (
                "DocuSign Envelope ID",
                "Adobe Sign Transaction ID",
                "Signed electronically via DocuSign",
            )
        )
        lines.insert(0, f"{marker}: {uuid.UUID(int=rng.getrandbits(128))}".upper())
    for org in (ctx.client, ctx.vendor):
        who = rng.choice(ctx.fakes.members(org))
        lines.append(f"For and on behalf of {m(ORG, org.name)}")
        if signed:
            lines += [f"By: {m.person(who)}", f"Title: {who.title}", f"Date: {ctx.value('date')}"]
        else:
            lines += [
                "By: ______________________",
                "Name: ____________________",
                "Title: ___________________",
                "Date: ____________________",
            ]
    return ("sig", lines)


def _table(ctx: _Ctx, doc_type: str, header: tuple[str, ...]) -> Block:
    rng = ctx.rng
    rows: list[list[str]] = []
    money = any(
        h.lower() in ("unit price", "price", "rate", "einzelpreis", "list price") for h in header
    )
    total = 0.0
    for i in range(rng.randint(2, 6)):
        qty, price = rng.randint(1, 40), rng.randint(5, 2000) + rng.choice((0, 0.5, 0.99))
        cells = []
        for h in header:
            hl = h.lower()
            if hl in ("qty", "quantity", "menge", "qty ordered", "qty received"):
                cells.append(str(qty))
            elif hl in ("unit price", "price", "rate", "einzelpreis", "list price", "net price"):
                cells.append(f"{price:,.2f}")
            elif hl in ("amount", "total", "line total", "betrag", "fee", "arr"):
                cells.append(f"{qty * price:,.2f}")
            elif hl in ("pos.", "item no.", "sku"):
                cells.append(f"{i + 1:03d}")
            else:
                cells.append(rng.choice(_CELL_WORDS.get(doc_type, _CELL_WORDS["*"])))
        total += qty * price
        rows.append(cells)
    if money:
        rows.append(["", "Subtotal", f"{total:,.2f}"][: len(header)])
        rows.append(["", "Total", f"{total * 1.2:,.2f}"][: len(header)])
    return ("table", header, rows)


def _kv_value(ctx: _Ctx, label: str) -> str:
    low = label.lower()
    if "date" in low or "until" in low or "period" in low or "contact" in low:
        return ctx.value("date")
    if low in ("project",):
        return ctx.value("project")
    if "code" in low:
        return ctx.value("code")
    if low in ("client", "customer", "account", "prepared for", "vendor"):
        return ctx.value("client")
    if low in ("supplier", "delivered by", "prepared by"):
        return ctx.value("vendor")
    if low in (
        "requested by",
        "accepted by",
        "owner",
        "project manager",
        "sponsor",
        "name",
        "buyer",
    ):
        return ctx.value("person")
    if low == "email":
        return ctx.m.email(ctx.person, ctx.rng.randrange(3))
    if low == "phone":
        return ctx.m.phone(ctx.person, ctx.rng.randrange(2))
    if "amount" in low or "fees" in low:
        return ctx.value("amount")
    if "risk" in low or "status" in low:
        return ctx.rng.choice(("High", "Medium", "Low", "Green", "Amber", "Red"))
    return ctx.value("n")


def _mail_parties(spec: Spec, ctx: _Ctx, internal: bool) -> None:
    own = ctx.fakes.members(ctx.fakes.owner)
    spec.sender = ctx.rng.choice(own)
    spec.recipients = (
        [ctx.rng.choice([p for p in own if p != spec.sender])] if internal else [ctx.person]
    )


def _slice(pool: tuple[str, ...], template: int) -> list[str]:
    """The part of a pool a template draws from. Every 5th entry belongs to the held-out
    templates (8, 9) only; training templates draw overlapping windows of the rest."""
    if not pool:
        return []
    if template in HELD_OUT:
        return [
            w
            for i, w in enumerate(pool)
            if i % 5 == 4 or (len(pool) < 10 and i % 3 == template % 3)
        ]
    own = [w for i, w in enumerate(pool) if i % 5 != 4]
    n = len(own)
    start = (template * 3) % n
    return [own[(start + i) % n] for i in range(max(3, (2 * n) // 3))]


_CELL_WORDS = {
    "project_plan": [
        "Data migration",
        "UAT",
        "Cut-over",
        "Training",
        "Design sign-off",
        "Done",
        "In progress",
        "Open",
        "Vendor delay",
    ],
    "internal_note": ["late payer", "renewal at risk", "friendly", "escalated", "key account"],
    "*": [
        "Consulting services",
        "Licence renewal",
        "Support package",
        "Laptop 14in",
        "Installation",
        "Cable set",
        "Training day",
        "Hosting (monthly)",
        "Yes",
        "No",
        "Met",
        "Not met",
    ],
}
