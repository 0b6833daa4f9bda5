"""NER noise: document vocabulary, stop words, digits and other spans that name nobody."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

#: Business-document vocabulary that spaCy likes to call an ORG or PERSON.
DOC_VOCAB = frozenset(
    """statement of work|sow|purchase order|po|bill to|ship to|sold to|remit to|net 30|net 45|net 60|
    net 90|invoice|invoice number|invoice date|due date|payment terms|terms and conditions|subtotal|
    total|total due|amount due|balance due|tax|vat|qty|quantity|unit price|description|amount|
    master services agreement|msa|nda|non-disclosure agreement|service level agreement|sla|
    scope of work|change order|change request|proof of concept|poc|project plan|milestone|
    deliverables|deliverable|acceptance|acceptance criteria|appendix|exhibit|schedule|annex|
    agreement|contract|the parties|party|parties|client|customer|vendor|supplier|contractor|
    consultant|company|the company|signature|signed|date|name|title|page|regards|best regards|
    kind regards|dear|hi|hello|thanks|thank you|subject|re|fw|fwd|cc|bcc|attn|attention|
    confidential|internal|draft|final|pto|hr|it|finance|legal|procurement|accounts payable|
    accounts receivable|purchase requisition|quote|quotation|estimate|receipt|remittance advice|
    project|project manager|project code|project name|engagement|work order|order number|
    phone|email|e-mail|fax|tel|mobile|address|iban|swift|bic|ssn|dob|date of birth|passport|
    password|username|user|admin|api|key|token|secret|url|http|https|www|pdf|docx|xlsx|csv|usd|
    eur|gbp|inc|ltd|llc|gmbh|corp|the statement of work|the purchase order|the agreement|services|
    service|confidential information|non-competition|non-solicitation|ownership of materials|term|
    termination|governing law|indemnification|indemnity|warranties|warranty|representations|payment|
    fees|expenses|notices|notice|miscellaneous|entire agreement|severability|assignment|force majeure|
    intellectual property|additional resources|independent contractor|work product|compensation|
    limitation of liability|insurance|dispute resolution|amendments|amendment|counterparts|
    effective date|scope|background|recitals|definitions|benefit change|consulting agreement|
    services agreement|board|board of directors|management|executive summary|objectives|timeline|
    budget|risks|assumptions|approval|approvals|sign-off|terms|conditions|order|delivery|shipping|
    handling|discount|grand total|balance|account|bank|bank details|payment details|remarks|notes|
    item|items|sku|part number|unit|units|hours|rate|price|prices|sales tax|gst|igst|cgst|sgst|hsn|
    hsn/sac|sac|tax invoice|proforma invoice|credit note|debit note|delivery challan|gantt|kpi|roi|
    team|stakeholders|requirements|architecture|design|testing|deployment|support|maintenance""".split("|")
)
#: Latin filler that spaCy reads as names.
LOREM = frozenset(
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod tempor incididunt duis "
    "aute irure reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
    "occaecat cupidatat proident sunt culpa officia deserunt mollit anim laborum ullamcorper "
    "tristique vestibulum massa congue tincidunt mauris pellentesque orci nunc aenean donec".split()
)
DOC_VOCAB = frozenset(" ".join(v.split()) for v in DOC_VOCAB)
_STRIP = " .,:;()[]'\"-#“”‘’«»"
_QUOTES = "\"“”«»"
_ARTICLE = re.compile(r"^(?:the|a|an|this|our|your)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def is_vocab(text: str) -> bool:
    """True when ``text`` (articles aside) is business-document vocabulary."""
    core = " ".join(text.casefold().strip(_STRIP).split())
    return core in DOC_VOCAB or _ARTICLE.sub("", core) in DOC_VOCAB


def is_noise(label: str, text: str) -> bool:
    """True for a span that is vocabulary, all stop words, digits or punctuation."""
    core = " ".join(text.casefold().strip(_STRIP).split())
    if len(core) < 2 or any(q in text for q in _QUOTES):
        return True
    if label == "DATE_TIME":
        return not (_MONTH.search(core) or _DATEISH.search(core))
    words = _WORD.findall(core)
    if not words or all(w in STOP_WORDS for w in words):
        return True
    if is_vocab(core) or any(w in LOREM for w in words):
        return True
    if not any(c.isupper() for c in text):  # names and organisations are capitalised
        return True
    if label == "PERSON":
        return any(c.isdigit() or c in "@/\\=<>{}|_" for c in core) or len(words) > 4
    if label == "ORGANIZATION":
        return "@" in core or "://" in core or sum(c.isdigit() for c in core) > len(core) // 2
    return False


_DATEISH = re.compile(r"\d{1,4}[/.-]\d{1,2}|\d{1,2}:\d{2}|\b(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b")
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)
