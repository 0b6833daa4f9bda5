"""NER noise: document vocabulary, stop words, digits and other spans that name nobody."""

from __future__ import annotations

import functools
import re

#: Business-document vocabulary that spaCy likes to call an ORG or PERSON ("|"-separated).
_VOCAB = """number|no|id|ref|reference|code|mail|call|due|aadhaar|acceptance|acceptance criteria|account|accounts payable|accounts receivable|additional
resources|address|admin|agreement|amendment|amendments|amount|amount
due|annex|api|appendix|approval|approvals|architecture|assignment|assumptions|attention|attn|authorization|background|balance|balance
due|bank|bank details|bcc|bearer|benefit change|best regards|bic|bill to|board|board of
directors|bsn|budget|build|cc|cgst|change order|change
request|client|company|compensation|conditions|confidential|confidential
information|consultant|consulting agreement|contract|contractor|contractor
details|corp|counterparts|credit note|csv|customer|database_url|date|date of birth|dear|debit
note|definitions|deliverable|deliverables|delivery|delivery
challan|deployment|description|design|discount|dispute resolution|dni|dob|docx|draft|due
date|e-mail|effective date|email|engagement|entire agreement|estimate|eur|executive
summary|exhibit|expenses|fax|fees|final|finance|force
majeure|fw|fwd|gantt|gbp|github_token|gmbh|governing law|grand
total|gst|handling|hello|hi|hours|hr|hsn|hsn/sac|http|https|iban|igst|inc|indemnification|indemnity|independent
contractor|insurance|intellectual property|internal|invoice|invoice date|invoice no|invoice
number|it|item|item code|items|key|kind regards|kpi|legal|limitation of
liability|llc|ltd|maintenance|management|master services
agreement|milestone|miscellaneous|mobile|msa|name|nda|net 30|net 45|net 60|net 90|nhs|nhs
number|nie|nif|nino|non-competition|non-disclosure
agreement|non-solicitation|notes|notice|notices|nric|objectives|order|order id|order
number|ownership of materials|page|part no|part
number|parties|party|passport|password|payment|payment details|payment terms|pdf|phone|po|po
number|poc|price|prices|procurement|proforma invoice|project|project code|project
manager|project name|project plan|proof of concept|pto|purchase order|purchase
requisition|qty|quantity|quotation|quote|quote
ref|rate|re|receipt|recitals|regards|remarks|remit to|remittance
advice|representations|requirements|residing|risks|roi|sac|sales tax|schedule|scope|scope of
work|secret|service|service level agreement|services|services agreement|severability|sgst|ship
to|shipping|sign-off|signature|signed|sku|sla|sold to|sow|ssn|stakeholders|statement of
work|steuer|steuer-id|stripe_key|subject|subtotal|supplier|support|swift|tax|tax
invoice|team|tel|term|termination|terms|terms and conditions|testing|tfn|thank you|thanks|the
agreement|the company|the parties|the purchase order|the statement of
work|timeline|title|token|total|total due|tracking|unit|unit
price|units|url|usd|user|username|vat|vendor|warranties|warranty|work order|work
product|www|xlsx|data processor|data controller|processor|controller|sub-processor|data
exporter|data importer|data subject|licensee|licensor|the licensee|the licensor"""
DOC_VOCAB = frozenset(" ".join(v.split()) for v in _VOCAB.split("|"))
#: Latin filler that spaCy reads as names.
_LOREM = """adipiscing aenean amet anim aute cillum congue consectetur culpa cupidatat deserunt dolor donec
duis eiusmod elit esse excepteur fugiat incididunt ipsum irure laborum lorem massa mauris mollit
nulla nunc occaecat officia orci pariatur pellentesque proident reprehenderit sed sint sit sunt
tempor tincidunt tristique ullamcorper velit vestibulum voluptate"""
LOREM = frozenset(_LOREM.split())
#: Last words of initiative and project names, which NER calls organisations.
_INITIATIVE_WORDS = """review migration rollout upgrade program programme initiative project assessment
implementation integration audit pilot launch refresh transformation modernization modernisation
phase workstream plan deployment roadmap sprint release onboarding"""
_INITIATIVE = frozenset(_INITIATIVE_WORDS.split())
#: Words before or at the start of a span that make it a person ("Dear X", "Hi X").
_SALUTATION_WORDS = "dear hi hello hey attn mr mrs ms miss dr prof sir madam"
SALUTATIONS = frozenset(_SALUTATION_WORDS.split())
#: Leading articles and determiners of other languages: a span that starts with one is a phrase.
_FUNCTION = """der die das des dem den unser unsere ihr ihre ein eine le la les du il lo gli el
los las un une una"""
FUNCTION_WORDS = frozenset(_FUNCTION.split())
#: Street-type words: a PERSON span holding one is part of an address.
_STREET = """street st road rd avenue ave lane ln drive dr boulevard blvd plaza square court ct
apt suite marg chowk nagar rue via viale strasse straße weg platz allee calle"""
STREET_WORDS = frozenset(_STREET.split())
#: Words of business headings that are never part of a person's name (English, German).
_NOT_NAMES = """deliverables received guidelines offer details pilot password order product agenda
summary overview report invoice contract agreement schedule milestone milestones project
migration rollout status update meeting minutes notes subtotal quantity description payment
conditions acceptance criteria scope services department policy procedure phase budget
estimate quotation proposal requirements specification architecture assessment training
onboarding release draft confidential internal customer vendor supplier billing
angebot vertrag vertrags rahmen rahmenvertrag rahmenvertrags leistungen konditionen bewertung
interne betrag einzelpreis rechnung rechnungsnummer lieferung auftrag auftragnehmer
auftraggeber protokoll besprechung projekt zahlung bedingungen"""
#: Words of organisations, institutions and roles: "Osservatorio Astronomico di Trieste",
#: "Dear Immigration Officer" name no person.
_INSTITUTIONS = """university universität universitat università universita universidad universidade
université universite institute institut istituto instituto osservatorio observatory laboratory
college school academy hospital ministry agency association foundation society centre center
council committee consulting solutions technologies systems bank airlines insurance holdings
sciences pharma pharmaceuticals software networks communications energy ventures officer
immigration recruiter hiring colleagues everyone madam whom concern curriculum vitae resume
lebenslauf cum laude summa magna profile experience education skills qualifications"""
NOT_NAMES = frozenset(_NOT_NAMES.split()) | frozenset(_INSTITUTIONS.split())
#: Legal forms: a PERSON span ending in one is a company ("Kroker KGaA").
_LEGAL_FORMS = (
    "inc ltd llc llp plc corp gmbh kg kgaa gbr ohg vof bvba ag spa srl sarl sas bv nv pty pte oy ab"
)
LEGAL_FORMS = frozenset(_LEGAL_FORMS.split())
#: Words that make an organisation name only with a distinctive word beside them.
_GENERIC_ORG = """global consulting services service solutions systems group holdings international
trading management marketing technologies technology energy online digital partners company
corporation enterprises industries network networks software data capital ventures worldwide
working science sciences"""
GENERIC_ORG = frozenset(_GENERIC_ORG.split())
#: Words of institutions that are organisations by their name ("University of Trieste").
_INSTITUTION_FORMS = """university universität universitat università universita universidad universidade
université universite college hochschule polytechnic politecnico"""
INSTITUTION_FORMS = frozenset(_INSTITUTION_FORMS.split())
_INSTITUTION_WORDS = (
    "applied technical technology arts state national federal medical business open"
)
_INSTITUTION_GENERIC = INSTITUTION_FORMS | frozenset(_INSTITUTION_WORDS.split())
_FILLER_WORDS = "co pvt private limited de di do da du des der für fur of xxx"
_FILLER = frozenset(_FILLER_WORDS.split())
_STRIP = " .,:;()[]'\"-#“”‘’«»"
_QUOTES = '"“”«»'
_ARTICLE = re.compile(r"^(?:the|a|an|this|our|your)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s$")  # "the Data Processor's" is the role, not a name


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, read on first use."""
    from spacy.lang.en.stop_words import STOP_WORDS  # load time: spaCy only when a span is judged

    return frozenset(STOP_WORDS)


def generic_org(name: str, *, institution: bool = False) -> bool:
    """ "Global Consulting Pvt Ltd", "Marketing LLC": no word but generic ones and legal forms;
    with ``institution``, also "University of Applied Sciences", "Technical University"."""
    generic = GENERIC_ORG | (_INSTITUTION_GENERIC if institution else frozenset())
    words = [w for w in _WORD.findall(name.casefold()) if w not in LEGAL_FORMS]
    return all(w in generic or w in stop_words() or w in _FILLER for w in words)


def is_vocab(text: str) -> bool:
    """True when ``text`` (articles aside) is business-document vocabulary."""
    core = _POSSESSIVE.sub("", " ".join(text.casefold().strip(_STRIP).split()))
    return core in DOC_VOCAB or _ARTICLE.sub("", core) in DOC_VOCAB


def is_noise(label: str, text: str) -> bool:
    """True for a span that is vocabulary, all stop words, digits or punctuation."""
    core = " ".join(text.casefold().strip(_STRIP).split())
    if len(core) < 2 or any(q in text for q in _QUOTES):
        return True
    if label == "DATE_TIME":
        return not (_MONTH.search(core) or _DATEISH.search(core))
    words = _WORD.findall(core)
    if not words or all(w in stop_words() for w in words):
        return True
    if is_vocab(core) or any(w in LOREM for w in words):
        return True
    if not any(c.isupper() for c in text):  # names and organisations are capitalised
        return True
    if label in ("PERSON", "ORGANIZATION") and words[0] in FUNCTION_WORDS:
        return True  # "Der Vertrag", "Unser Angebot": a German or French phrase, not a name
    if label == "PERSON":
        if any(w in STREET_WORDS or w in NOT_NAMES for w in words):
            return True  # "Rue de Thibault": an address; "Order Details": a heading
        return any(c.isdigit() or c in "@/\\=<>{}|_" for c in core) or len(words) > 4
    if label == "ORGANIZATION":
        if words[-1] in _INITIATIVE:  # "Granite Security Review" is a project, not a company
            return True
        if words[-1] in NOT_NAMES or words[0] in ("this", "these", "that"):
            return True  # "This Mutual Confidentiality Agreement" is the document itself
        return "@" in core or "://" in core or sum(c.isdigit() for c in core) > len(core) // 2
    return False


_DATEISH = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$|\d{1,2}:\d{2}|\b\d{1,2}(?:st|nd|rd|th)\b")
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)
