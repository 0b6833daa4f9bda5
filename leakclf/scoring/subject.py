"""Whose data is it: a person's, or a business's own published contact data.

    detect -> classify -> subject -> score

Runs once per document, after classification, and adds ``subject:person`` or
``subject:business-party`` (with the cue that decided it) to each finding's evidence.

* Always a person's: SSNs, ITINs, national IDs, passports, driving licences, dates of birth,
  card numbers (the ``PERSON_LABELS``).
* Always a business's: VAT IDs, EINs, ABNs, ACNs, GSTINs, SWIFT codes and routing numbers
  (they name a company or a bank).
* Decided from the document for bank accounts, IBANs, phones, emails and street addresses:
  a personal cue near the value (employee, home, mobile, salary, ...) makes it a person's;
  otherwise a business cue makes it the business's own: a role mailbox (info@, billing@),
  a switchboard/office/fax label, the issuer's name or legal form on the same line, the
  block it sits in ("Bank details", "Remit to", ...), or the letterhead/footer of an
  invoice, quote, purchase order, contract or letter. Bank details of a business document
  default to the issuer's. In a resume (when the classifier is sure) all of them are the
  person's. Everything else is a person's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from leakclf.model import Document, Finding, Part

BUSINESS_PARTY = "subject:business-party"
PERSON = "subject:person"

PERSON_LABELS = frozenset(
    {
        "US_SSN",
        "US_ITIN",
        "NATIONAL_ID",
        "US_PASSPORT",
        "US_DRIVER_LICENSE",
        "DATE_OF_BIRTH",
        "CREDIT_CARD",
        "IN_PAN",
        "SALARY",
    }
)
BUSINESS_LABELS = frozenset(
    {"VAT_ID", "US_EIN", "AU_ABN", "AU_ACN", "IN_GSTIN", "SWIFT_CODE", "US_ROUTING_NUMBER"}
)
DECIDED = frozenset(
    {"IBAN_CODE", "US_BANK_NUMBER", "PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS"}
)
_BANK = frozenset({"IBAN_CODE", "US_BANK_NUMBER"})

#: Doc types a business issues about itself: their letterhead, footer and bank block are its own.
ISSUED = frozenset(
    {
        "invoice",
        "quote",
        "purchase_order",
        "contract",
        "sow",
        "proof_of_execution",
        "correspondence",
        "poc",
        "project_plan",
    }
)


def _words(*words: str) -> re.Pattern[str]:
    alts = sorted((r"\s*".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


_PERSONAL = _words(
    "employee",
    "employee name",
    "staff",
    "payee",
    "home",
    "personal",
    "mobile",
    "cell",
    "cellphone",
    "handy",
    "portable",
    "emergency contact",
    "next of kin",
    "spouse",
    "salary",
    "salaries",
    "wages",
    "payroll",
    "direct deposit",
    "date of birth",
    "dob",
    "patient",
    "tenant",
    "applicant",
    "candidate",
    "customer account",
    "your account",
    "account holder",
    "beneficiary name",
    "recipient",
    "mr",
    "mrs",
    "ms",
    "dr",
)
#: Headings of a block whose values are the business's own (searched up the block above).
_BLOCK = _words(
    "bank details",
    "banking details",
    "bank information",
    "bank account details",
    "payment details",
    "payment information",
    "payment instructions",
    "remit to",
    "remittance",
    "pay to",
    "please pay",
    "wire transfer to",
    "bankverbindung",
    "kontoverbindung",
    "coordonnées bancaires",
    "coordonnees bancaires",
    "rib",
    "datos bancarios",
    "coordinate bancarie",
    "bankgegevens",
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "media enquiries",
    "media inquiries",
    "press office",
    "press enquiries",
    "for further information",
    "for more information",
    "registered office",
    "head office",
    "headquarters",
    "contact us",
)
#: Labels on the value's own line (or just before it) that make it the business's own.
_LINE = _words(
    "switchboard",
    "main office",
    "office",
    "reception",
    "customer service",
    "customer care",
    "hotline",
    "toll-free",
    "toll free",
    "helpdesk",
    "help desk",
    "support",
    "sales",
    "billing",
    "accounts payable",
    "accounts receivable",
    "fax",
    "company",
    "vat",
    "gst",
    "gstin",
    "abn",
    "ein",
    "registered in",
    "company no",
    "company number",
    "siret",
    "handelsregister",
    "www",
)
_LEGAL_FORM = _words(
    "ltd",
    "limited",
    "llc",
    "l.l.c.",
    "inc",
    "inc.",
    "corp",
    "corporation",
    "gmbh",
    "ag",
    "s.a.",
    "sa",
    "sarl",
    "s.a.r.l.",
    "sas",
    "s.l.",
    "s.r.l.",
    "srl",
    "spa",
    "s.p.a.",
    "b.v.",
    "bv",
    "n.v.",
    "plc",
    "pvt",
    "pvt.",
    "pty",
    "llp",
    "co.",
    "kg",
    "oy",
    "ab",
)
_ROLE_MAILBOX = re.compile(
    r"^(?:info|sales|billing|accounts?|accounting|invoices?|invoicing|support|contact|office|"
    r"hello|admin|ap|ar|finance|orders?|noreply|no-reply|enquiries|inquiries|service|"
    r"customerservice|help|team|mail|reception|payments?|procurement|purchasing|hr|jobs|"
    r"careers|press|media|marketing|bookings?|reservations?|legal|compliance|webmaster)\b",
    re.IGNORECASE,
)
_EDGE = 400  # characters at the top and bottom of a document that count as letterhead/footer


def assign(
    doc: Document, doc_type: str, findings: Sequence[Finding], *, uncertain: bool = False
) -> tuple[Finding, ...]:
    """``findings`` with ``subject:...`` evidence added (labels without a subject unchanged).
    ``uncertain``: the classifier is unsure of ``doc_type``; "a resume is all personal" then
    does not apply (an invoice taken for a resume keeps its bank block the issuer's)."""
    text = doc.text
    orgs = [(f.start, f.end) for f in findings if f.label == "ORGANIZATION"]
    out = []
    for f in findings:
        cue = _subject(text, doc.parts, doc_type, f, orgs, uncertain)
        out.append(f if cue is None else replace(f, evidence=(*f.evidence, *cue)))
    return tuple(out)


def _subject(
    text: str,
    parts: Sequence[Part],
    doc_type: str,
    f: Finding,
    orgs: list[tuple[int, int]],
    uncertain: bool,
) -> tuple[str, ...] | None:
    if f.label == "IN_PAN" and "pan-holder:business" in f.evidence:
        return (BUSINESS_PARTY,)
    if f.label in PERSON_LABELS:
        return (PERSON,)
    if f.label in BUSINESS_LABELS:
        return (BUSINESS_PARTY,)
    if f.label not in DECIDED:
        return None
    if doc_type == "resume" and not uncertain:
        return (PERSON, "subject-cue:resume")
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    before = text[max(0, line_start - 160) : f.start]  # this line and the block heading above
    if _PERSONAL.search(text[line_start : f.start]) or _PERSONAL.search(before[-80:]):
        return (PERSON, "subject-cue:personal-label")
    if f.label == "EMAIL_ADDRESS":
        local = text[f.start : f.end].partition("@")[0]
        if _ROLE_MAILBOX.match(local):
            return (BUSINESS_PARTY, "subject-cue:role-mailbox")
    if _BLOCK.search(_block_above(text, line_start)) or _BLOCK.search(text[line_start : f.start]):
        return (BUSINESS_PARTY, "subject-cue:business-block")
    if f.label != "EMAIL_ADDRESS" and _LINE.search(before[-80:]):
        return (BUSINESS_PARTY, "subject-cue:business-label")
    near = before[-100:] if f.label in _BANK else ""  # "Account name: X Pvt Ltd" above the number
    if (
        _LEGAL_FORM.search(line)
        or _LEGAL_FORM.search(near)
        or any(s < line_start + len(line) and e > line_start for s, e in orgs)
    ):
        return (BUSINESS_PARTY, "subject-cue:issuer-name")
    if doc_type in ISSUED:
        if f.start < _EDGE or f.end > len(text) - _EDGE or _in_margin(parts, f.start):
            return (BUSINESS_PARTY, "subject-cue:letterhead-or-footer")
        if f.label in _BANK:
            return (BUSINESS_PARTY, "subject-cue:issuer-bank-details")
    return (PERSON,)


def _block_above(text: str, line_start: int, lines: int = 12) -> str:
    """The lines above ``line_start`` up to a blank line (at most ``lines``): the value's block."""
    above = text[max(0, line_start - 1200) : line_start].split("\n")[:-1]
    block: list[str] = []
    for line in reversed(above[-lines:]):
        if not line.strip():
            break
        block.append(line)
    return "\n".join(reversed(block))


def _in_margin(parts: Sequence[Part], pos: int) -> bool:
    return any(p.kind in ("header", "footer") and p.start <= pos < p.end for p in parts)
