"""Facets that let the census resolve people without their names, and say where a name stood.

Applied to PERSON candidates after overlaps and cross-label consistency are settled:

``("pfull", d)``  keyed digest of the full form, first + last word (``jane roe``); absent for
                  an initial form such as "J. Roe"
``("pinit", d)``  keyed digest of the initial form (``j roe``); "J. Roe" joins the one full
                  name in the census that shares it
``("ctx", kind)`` the name stands where people are named: ``header`` (From:/To:/Cc: lines),
                  ``salutation`` ("Dear Jane Roe"), ``field`` ("Name: Jane Roe", "Prepared by:"),
                  ``signature`` (a line of its own after "Regards"), ``party`` ("between Jane
                  Roe and ...", "Jane Roe (the "Consultant")"), ``owner`` (a line of its own at
                  the top: a résumé's or a letter's author), ``address`` (a line of its own
                  above a street or beside a company: a recipient block)
``("pjoin", d)``  the full form with the last name's words joined (``tristan vandepavert``),
                  as an address's local part writes a multi-word or hyphenated name
``("email", d)``  the address written right after the name (``Jane Roe <jane.roe@...>``), by
                  its EMAIL_ADDRESS digest

Both digests use the PERSON label, the same as the ``("person", d)`` facet an address's
``first.last`` local part carries, so the census links names and addresses by digest alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from leakclf.detectors.base import Candidate
from leakclf.normalize import joined_form, person_forms
from leakclf.privacy import digest

_HEADER = re.compile(
    r"^\s*(?:from|to|cc|bcc|reply-to|sender|von|an|de|à|para|a|für|da|van|aan)\s*:", re.IGNORECASE
)
_SALUTATION = re.compile(
    r"(?:^|\W)(?:dear|dearest|hi|hello|hey|greetings|attn|attention|liebe|lieber|hallo|"
    r"sehr geehrte[r]?(?: herr| frau)?|guten tag|bonjour|cher|chère|hola|estimad[oa]|"
    r"querid[oa]|caro|cara|gentile|beste|geachte|prezad[oa])\W*$",
    re.IGNORECASE,
)
#: Words of a field label that asks for a person ("Contact person:", "Prepared by:").
_FIELD_TEXT = """name names by contact person attn attention employee candidate author owner manager
    representative signatory signed signature applicant requester recipient approver reviewer
    prepared submitted approved requested reviewed issued authorised authorized agent tenant
    landlord buyer seller lead assignee sponsor consultant contractor witness director officer
    president secretary chair chairman customer client student holder nom nombre vorname nachname
    ansprechpartner kontakt bearbeiter verfasser unterschrift firmante responsable naam"""
_FIELD_WORDS = frozenset(_FIELD_TEXT.split())
_FIELD = re.compile(r"^\s*([^\W\d][\w .'/()-]{0,40}?)\s*[:：]\s*$")
_CLOSING = re.compile(
    r"^\s*(?:(?:best|kind|warm|warmest|with best)?\s*regards|sincerely|yours(?: \w+)?|"
    r"best(?: wishes)?|thanks|thank you|many thanks|cheers|respectfully|cordially|"
    r"mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|grüße|cordialement|"
    r"bien cordialement|salutations|atentamente|saludos|un saludo|cordiali saluti|"
    r"distinti saluti|met vriendelijke groet(?:en)?|atenciosamente|signed|signature)\W*$",
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
_ADDRESS_AFTER = re.compile(r"^[\"'”’]?\s*[<(\[]")
_OWNER_LINES = 3  # a name alone on one of the first lines of a text is its author's


def add_people_facets(text: str, cands: list[Candidate], key: bytes) -> list[Candidate]:
    """Name-form digests, context and display-address facets on every full PERSON candidate."""
    if not any(c.label == "PERSON" for c in cands):
        return cands
    emails = sorted((c for c in cands if c.label == "EMAIL_ADDRESS"), key=lambda c: c.start)
    top = _top_lines_end(text)
    out = []
    for c in cands:
        if c.label == "PERSON":
            c = _with_facets(text, c, key, emails, top)
        out.append(c)
    return out


def _with_facets(
    text: str, c: Candidate, key: bytes, emails: list[Candidate], top: int
) -> Candidate:
    full, initial = person_forms(c.normalised)
    if initial is None or ("name", "partial") in c.facets:
        return c
    facets = [f for f in c.facets if f[0] not in ("pfull", "pjoin", "pinit", "ctx", "email")]
    if full is not None:
        facets.append(("pfull", digest(key, "PERSON", full)))
        joined = joined_form(c.normalised)
        if joined != full:
            facets.append(("pjoin", digest(key, "PERSON", joined)))
    facets.append(("pinit", digest(key, "PERSON", initial)))
    kind = context(text, c.start, c.end, top)
    if kind:
        facets.append(("ctx", kind))
    after = text[c.end : c.end + 4]
    if _ADDRESS_AFTER.match(after):
        mail = next((e for e in emails if c.end <= e.start <= c.end + 4), None)
        if mail is not None:
            facets.append(("email", digest(key, "EMAIL_ADDRESS", mail.normalised)))
    return replace(c, facets=tuple(facets))


def context(text: str, start: int, end: int, top: int = 0) -> str | None:
    """Where the name at ``text[start:end]`` stands, as one of the ``ctx`` kinds, or None."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if _HEADER.match(before):
        return "header"
    if _SALUTATION.search(before):
        return "salutation"
    label = _FIELD.match(before)
    if label and _FIELD_WORDS & set(re.findall(r"\w+", label.group(1).casefold())):
        return "field"
    if _PARTY_AFTER.match(after) or (
        _PARTY_BEFORE.search(before) and "between" in text[max(0, start - 300) : start].casefold()
    ):
        return "party"
    alone = not before.strip() and not after.strip(" \t,.;|-–—")
    if alone and _after_closing(text, line_start):
        return "signature"
    if alone and start < top:
        return "owner"
    if alone and _address_block(text, line_start, line_end):
        return "address"
    return None


_STREETISH = re.compile(
    r"^\s*\d{1,5}[a-z]?,?\s+[^\W\d]{3,}|\b(?:street|road|avenue|lane|drive|rue|"
    r"straße|strasse|weg|platz|via|calle|suite|p\.?o\.? box)\b",
    re.IGNORECASE,
)
_LEGAL_END = re.compile(
    r"\b(?:inc|ltd|llc|llp|plc|corp|gmbh|kg|ag|spa|srl|sarl|sas|bv|nv|pty|"
    r"limited|s\.?p\.?a|b\.?v)\.?\s*$",
    re.IGNORECASE,
)


def _address_block(text: str, line_start: int, line_end: int) -> bool:
    """The line after is a street or a company, or the line before is a company: a name in
    the recipient block of a letter, quote or invoice."""
    after = [ln for ln in text[line_end : line_end + 200].splitlines() if ln.strip()][:1]
    before = [ln for ln in text[max(0, line_start - 200) : line_start].splitlines() if ln.strip()]
    return bool(
        (after and (_STREETISH.search(after[0]) or _LEGAL_END.search(after[0])))
        or (before and _LEGAL_END.search(before[-1]))
    )


def _after_closing(text: str, line_start: int) -> bool:
    """One of the three non-empty lines above ``line_start`` is a closing ("Regards,")."""
    lines = [ln for ln in text[max(0, line_start - 400) : line_start].splitlines() if ln.strip()]
    return any(_CLOSING.match(ln) for ln in lines[-3:])


def _top_lines_end(text: str) -> int:
    """Offset just past the first ``_OWNER_LINES`` non-empty lines of ``text``."""
    seen, pos = 0, 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            seen += 1
            if seen == _OWNER_LINES:
                break
    return pos
