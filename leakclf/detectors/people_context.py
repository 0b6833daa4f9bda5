"""Where a name stands: the contexts in which people, not products or places, are named.

``context(text, start, end)`` returns one of

``header``      a mail header line (From:, To:, Cc:, ...)
``salutation``  "Dear Jane Roe", "Hallo Jane Roe"
``title``       an honorific or academic title right before it ("Mr", "Dr.", "Prof", "Herr")
``field``       a labelled field that asks for a person ("Name:", "Prepared by:", "Advisors:"),
                the name first or later in its comma-separated list
``signature``   a line of its own after a closing ("Regards,"), or after "/s/"
``party``       a party to a contract ("between Jane Roe and ...", "Jane Roe (the "Consultant")")
``role``        beside a job title ("our Chairman, Jane Roe", "Jane Roe, VP Planning")
``owner``       a line of its own at the top of a text (a résumé's or a letter's author)
``address``     a line of its own above a street or beside a company, or followed on its line
                by a street: the recipient block of a letter, quote or invoice

or None. A name followed by a legal form ("Contoso Pharma, Inc.") is a company: None.
"""

from __future__ import annotations

import re

_HEADER = re.compile(
    r"^\s*(?:from|to|cc|bcc|reply-to|sender|von|an|de|à|para|a|für|da|van|aan)\s*:", re.IGNORECASE
)
_SALUTATION = re.compile(
    r"(?:^|\W)(?:dear|dearest|hi|hello|hey|greetings|attn|attention|liebe|lieber|hallo|"
    r"sehr geehrte[r]?|guten tag|bonjour|cher|chère|hola|estimad[oa]|"
    r"querid[oa]|caro|cara|gentile|beste|geachte|prezad[oa])\W*$",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"(?:^|[\s(,;])(?:mr|mrs|ms|miss|dr|prof|professor|herr|frau|monsieur|madame|mme|sig|"
    r"sig\.ra|dott|señor|señora|sr|sra)\.?\s+$",
    re.IGNORECASE,
)
#: Words of a field label that asks for a person ("Contact person:", "Prepared by:").
_FIELD_TEXT = """name names by contact person attn attention employee candidate author owner manager
representative signatory signed signature applicant requester recipient approver reviewer
prepared submitted approved requested reviewed issued authorised authorized agent tenant
landlord buyer seller lead assignee sponsor consultant contractor witness director officer
president secretary chair chairman customer client student holder cardholder salesperson
advisor advisors adviser supervisor supervisors participants attendees present members
nom nombre vorname nachname ansprechpartner kontakt bearbeiter verfasser unterschrift firmante
responsable naam geschäftsführer geschaftsfuhrer inhaber verantwortlich teilnehmer"""
FIELD_WORDS = frozenset(_FIELD_TEXT.split())
_FIELD = re.compile(r"(?:^|\s)([^\W\d][\w.'’/()-]*(?: [\w.'’/()-]+){0,3})\s*[:：]\s*(?:/s/\s*)?$")
#: The last character before a colon that is neither part of a ``_FIELD`` label nor a blank.
_NOT_LABEL = re.compile(r"[^\w.'’/()\s-](?=[\w.'’/()\s-]*\Z)")
_LIST_FIELD = re.compile(r"^\s*([^\W\d][\w.'’ /()-]{0,40}?)\s*[:：]\s*(?:[^,;:]{2,40}[,;]\s*)+$")
_CLOSING = re.compile(
    r"^\s*(?:(?:best|kind|warm|warmest|with best)?\s*regards|sincerely|yours(?: \w+)?|"
    r"best(?: wishes)?|thanks|thank you|many thanks|cheers|respectfully|cordially|"
    r"mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|grüße|cordialement|"
    r"bien cordialement|salutations|atentamente|saludos|un saludo|cordiali saluti|"
    r"distinti saluti|met vriendelijke groet(?:en)?|atenciosamente|signed|signature|"
    r"god bless)\W*$",
    re.IGNORECASE,
)
_PARTY_BEFORE = re.compile(
    r"\b(?:between|by and between|entre|zwischen|tra|tussen|and|und|et|y|e)\s*$", re.IGNORECASE
)
_PARTY_AFTER = re.compile(
    r"^\s*(?:\(\s*(?:the\s+)?[\"“'‘]|,\s*(?:an individual|residing|born|domiciled|wohnhaft|"
    r"geboren|demeurant|né|née|domiciliad[oa]|residente))",
    re.IGNORECASE,
)
_ROLE_TEXT = r"""ceo|cfo|cto|coo|cio|chairman|chairwoman|chair|president|vice president|vp|
director|managing director|manager|head|founder|co-founder|partner|counsel|attorney|lawyer|
secretary|treasurer|officer|engineer|developer|consultant|analyst|advisor|adviser|professor|
lecturer|researcher|scientist|student|intern|assistant|associate|supervisor|owner|
geschäftsführer|inhaber|gérant|directeur|directrice|presidente|direttore|gerente"""
_ROLE = "(?:" + "|".join(role.strip() for role in _ROLE_TEXT.split("|")) + ")"  # "vice president"
_ROLE_BEFORE = re.compile(rf"\b{_ROLE}\s*,?\s*$", re.IGNORECASE)
_ROLE_AFTER = re.compile(
    rf"^\s*(?:,|\(|–|—|-|\|)\s*(?:(?:our|the|a|an|new|former|senior|junior)\s+)*{_ROLE}\b",
    re.IGNORECASE,
)
_COMPANY_AFTER = re.compile(
    r"^[\s,]*(?:inc|ltd|llc|llp|plc|corp|corporation|gmbh|ag|pvt|private|limited|s\.?a\.?|"
    r"b\.?v\.?|n\.?v\.?|pty|co\.)\b",
    re.IGNORECASE,
)
_HOUSE_NUMBER = r"^\s*\d{1,5}[a-z]?,?\s+[^\W\d]{3,}"
_STREET_WORD = (
    r"\b(?:street|road|avenue|lane|drive|rue|straße|strasse|"
    r"str\.|weg|laan|platz|via|calle|suite|p\.?o\.? box)\b"
)
_STREETISH = re.compile(f"{_HOUSE_NUMBER}|{_STREET_WORD}", re.IGNORECASE)
_HOUSE_NUMBER_RX = re.compile(_HOUSE_NUMBER, re.IGNORECASE)
_STREET_WORD_RX = re.compile(_STREET_WORD, re.IGNORECASE)
#: What every ``_STREET_WORD`` match holds once lower-cased, and the characters other than A-Z
#: that ``re.IGNORECASE`` matches with an ASCII letter ("İ", "ı", "ſ", the Kelvin sign).
_STREET_RUNS: tuple[str, ...] = (
    "str", "road", "avenue", "lane", "drive", "rue", "weg", "laan", "platz", "via", "calle",
    "suite", "box",
)  # fmt: skip
_CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
_LEGAL_END = re.compile(
    r"\b(?:inc|ltd|llc|llp|plc|corp|gmbh|kg|ag|spa|srl|sarl|sas|bv|nv|pty|limited|vof|"
    r"s\.?p\.?a|b\.?v)\.?\s*$",
    re.IGNORECASE,
)
_OWNER_LINES = 3  # a name alone on one of the first lines of a text is its author's


def context(text: str, start: int, end: int, top: int = 0) -> str | None:
    """Where the name at ``text[start:end]`` stands, or None (see the module docstring)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if _COMPANY_AFTER.match(text[end : end + 40]):
        return None  # "Contoso Pharma, Inc.": a company
    if _HEADER.match(before):
        return "header"
    tail = keyword_start(before)
    if _SALUTATION.search(before, tail):
        return "salutation"
    if _TITLE.search(before, tail):
        return "title"
    label = (_field(before) or _LIST_FIELD.match(before)) if _colon(before) else None
    if label and FIELD_WORDS & set(re.findall(r"\w+", label.group(1).casefold())):
        return "field"
    if before.rstrip().endswith("/s/"):
        return "signature"
    if _PARTY_AFTER.match(after) or (
        _PARTY_BEFORE.search(before, tail)
        and "between" in text[max(0, start - 300) : start].casefold()
    ):
        return "party"
    if _ROLE_BEFORE.search(before, tail) or _ROLE_AFTER.match(after):
        return "role"
    alone = not before.strip() and not after.strip(" \t,.;|-–—")
    if alone and _after_closing(text, line_start):
        return "signature"
    if alone and start < top:
        return "owner"
    if alone and _address_block(text, line_start, line_end):
        return "address"
    if not before.strip() and re.match(r"^\s*[,–—-]\s*", after) and _STREETISH.search(after):
        return "address"  # "Jane Roe — 78 Kesseldallaan, Leuven"
    return None


#: More than the longest keyword of ``_SALUTATION``, ``_TITLE``, ``_PARTY_BEFORE``,
#: ``_ROLE_BEFORE`` and ``people._STREET_BEFORE`` ("managingdirector", "by and between",
#: "sehr geehrter") and the one character before it: how far before the end of a text's last
#: word their matches can start.
_KEYWORD_SPAN = 24


def keyword_start(before: str) -> int:
    """Where a match of those patterns can start in ``before`` at the earliest: each ends with
    a keyword (its last character a word character) and then non-word characters only.
    Searching from there (``pattern.search(before, pos)``: "^" and "\\b" still see the whole
    string) finds a match exactly when searching all of ``before`` does, without trying every
    position of a long line."""
    end = len(before)
    while end and not (before[end - 1].isalnum() or before[end - 1] == "_"):
        end -= 1
    return max(0, end - _KEYWORD_SPAN)


def _colon(before: str) -> bool:
    """``_FIELD`` and ``_LIST_FIELD`` need a colon: most lines before a name hold none."""
    return ":" in before or "：" in before


def _field(before: str) -> re.Match[str] | None:
    """``_FIELD.search(before)`` where ``before`` holds a colon, searched only from where a
    match can start. A match ends with the last colon and blanks (and "/s/"), and its label
    holds only label characters and blanks: it starts after the last other character before
    that colon. Searching from there (``^`` matches at the string's start only) finds what
    searching all of ``before`` finds, without trying every blank of a long line."""
    colon = max(before.rfind(":"), before.rfind("："))
    if before[colon + 1 :].strip() not in ("", "/s/"):
        return None
    stop = _NOT_LABEL.search(before, 0, colon)
    return _FIELD.search(before, stop.end() if stop else 0)


def is_street(line: str) -> bool:
    """A line that starts with a house number or names a street ("26 rue des Lilas")."""
    if _HOUSE_NUMBER_RX.match(line):
        return True
    # most lines name no street: substring tests first (~5x cheaper than the word search)
    lowered = line.lower()
    if not any(map(lowered.__contains__, _STREET_RUNS)) and not any(
        map(line.__contains__, _CASE_ODD)
    ):
        return False
    return _STREET_WORD_RX.search(line) is not None


def top_lines_end(text: str) -> int:
    """Offset just past the first ``_OWNER_LINES`` non-empty lines of ``text``."""
    seen, pos = 0, 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            seen += 1
            if seen == _OWNER_LINES:
                break
    return pos


def _after_closing(text: str, line_start: int) -> bool:
    """One of the three non-empty lines above ``line_start`` is a closing ("Regards,")."""
    lines = [ln for ln in text[max(0, line_start - 400) : line_start].splitlines() if ln.strip()]
    return any(_CLOSING.match(ln) for ln in lines[-3:])


def _address_block(text: str, line_start: int, line_end: int) -> bool:
    """The line after is a street or a company, or the line before is a company: a name in
    the recipient block of a letter, quote or invoice."""
    after = [ln for ln in text[line_end : line_end + 200].splitlines() if ln.strip()][:1]
    before = [ln for ln in text[max(0, line_start - 200) : line_start].splitlines() if ln.strip()]
    return bool(
        (after and (_STREETISH.search(after[0]) or _LEGAL_END.search(after[0])))
        or (before and _LEGAL_END.search(before[-1]))
    )


#: Words of a field label that asks for an organisation ("Client:", "Bill to:").
_ORG_FIELD_TEXT = """client customer vendor supplier provider company employer contractor buyer seller
bill ship sold licensee licensor recipient discloser party organisation organization firma kunde
lieferant auftraggeber auftragnehmer empresa cliente proveedor fournisseur société entreprise
from for"""
_ORG_FIELD_WORDS = frozenset(_ORG_FIELD_TEXT.split())
_ORG_PARTY_AFTER = re.compile(
    r"^\s*(?:\(\s*(?:the\s+)?[\"“'‘]|,\s*(?:a|an)\s+[\w ]{0,30}(?:corporation|company|"
    r"partnership|entity|organi[sz]ation)\b|,\s*(?:located|having|with (?:its|a) (?:principal|"
    r"registered)))",
    re.IGNORECASE,
)


#: "We met with Contoso": lower case, so a title ("Subject: Meeting with ...") is not one.
_MET_WITH = re.compile(
    r"\b(?:met|meet|meeting|meetings|call|negotiations?|talks) with\s+(?:the\s+)?$"
)


def org_context(text: str, start: int, end: int) -> str | None:
    """Where an organisation name stands: ``party`` (to a contract), ``meeting`` ("met with
    Contoso"), ``field`` ("Client:"), or
    ``signature`` ("For Contoso Ltd" opening a line); else None. A line of its own at the top is
    not enough: document titles ("Risk Register") stand there too."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    if _ORG_PARTY_AFTER.match(text[end : end + 80]) or (
        _PARTY_BEFORE.search(before, keyword_start(before))
        and "by and between" in " ".join(text[max(0, start - 200) : start].casefold().split())
    ):
        return "party"
    label = _field(before) if _colon(before) else None
    if label and _ORG_FIELD_WORDS & set(re.findall(r"\w+", label.group(1).casefold())):
        return "field"
    if _MET_WITH.search(before):
        return "meeting"  # "Jane and I met with Contoso in Leeds"
    if re.fullmatch(r"\s*for\s+", before, re.IGNORECASE):
        return "signature"
    return None


#: The last words of a part of an organisation, not an organisation of its own.
_UNIT = re.compile(
    r"\b(?:lab|labs|laboratory|laboratories|department|dept|team|working group|committee|"
    r"task force|abteilung|lehrstuhl|département|departamento|dipartimento)\.?\s*$",
    re.IGNORECASE,
)
_UNIT_HEAD = re.compile(
    r"^(?:the\s+)?(?:college|institute|institut|instituto|school|faculty|department)\s+"
    r"(?:of|for|für|de)\b",
    re.IGNORECASE,
)
_UNIVERSITY = re.compile(r"\buniversi|\bhochschule", re.IGNORECASE)
_LINE_LABEL = re.compile(r"\s*([^\W\d][\w' ]{0,30}?)\s*[:：]")  # the label opening a line
_PRODUCT_TEXT = """product products item items commodity pipeline service article artikel produkt
produit producto prodotto"""
_PRODUCT_FIELD_WORDS = frozenset(_PRODUCT_TEXT.split())
_BANK_NAME = re.compile(
    r"bank|banque|banco|banca|sparkasse|kasse\b|crédit|credit union", re.IGNORECASE
)
_PAYMENT = re.compile(
    r"\b(?:iban|bic|swift|sort code|routing|account (?:no|number)|bankverbindung|"
    r"bankleitzahl|blz|kontonummer|konto|bank details|bank:|banque :|rib)\b",
    re.IGNORECASE,
)


def org_in_passing(text: str, start: int, end: int) -> str | None:
    """Where an organisation name is mentioned in passing: ``payment`` (a bank in the payment
    details: a bank's name with IBAN, BIC or "Bankverbindung" on its line or the lines around
    it), ``unit`` (a lab, department or working group, or a college or institute of a
    university the text names: a part of an organisation), ``product`` (in a "Product:" or
    "Item:" field: what was traded, not who traded it); else None."""
    name = text[start:end]
    if _UNIT.search(name):
        return "unit"
    label = _LINE_LABEL.match(text[text.rfind("\n", 0, start) + 1 : start])
    if label and _PRODUCT_FIELD_WORDS & set(re.findall(r"\w+", label.group(1).casefold())):
        return "product"  # "Product: NG Firm, Contoso Gas Transmission Corp": what was traded
    if _UNIT_HEAD.match(name) and _UNIVERSITY.search(text[:start] + text[end:]):
        return "unit"  # "the College of Engineering" of a university named in the same text
    if _BANK_NAME.search(name):
        lines_start = text.rfind("\n", 0, text.rfind("\n", 0, start)) + 1
        after = text.find("\n", end)
        after = text.find("\n", after + 1) if after >= 0 else -1
        if _PAYMENT.search(text[lines_start : after if after >= 0 else len(text)]):
            return "payment"
    return None
