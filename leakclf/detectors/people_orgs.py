"""ORGANIZATION names where the layout says an organisation acts, whether or not NER saw them.

The organisations people belong to and deal with, found by where they stand:

* a university or school by its name in seven languages (``University of Leeds``,
  ``Universidade Federal de Minas Gerais``, ``Universität Hamburg``, ``Contoso University``); a unit of one ("College of Engineering", "Institute for ...") beside a
  university named in the same text is part of it, not an organisation of its own;
* a labelled field that asks for an organisation (``Client: Tailspin Security``,
  ``Provider: LucernePublishing``, ``Employer:``, ``Firma:``, ``Société :``);
* a party to a contract (``by and between Wide World Importers and R. J. Roe
  Enterprises``);
* a signature for a company (``/s/ Jane Roe for Wide World Importers``, ``for and on
  behalf of Contoso``);
* an employer beside a job title in a résumé (``CONTOSO | SOFTWARE ENGINEERING INTERN``,
  ``Software Engineer at Contoso``);
* an employer or school in prose (``I work part-time at Northwind Grocery``);
* a sender or recipient: a name on a line of its own right above a street.

Each candidate carries the evidence the census reads (``shape:institution``, ``context:field``,
``context:party``, ``context:signature``, ``context:role``, ``context:address``). A name found here replaces the NER
spans inside it; it never overrides a pattern detector's span or a name the layout found.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from leakclf.detectors.base import Candidate
from leakclf.detectors.masking import mask_middle
from leakclf.detectors.noise import (
    GENERIC_ORG,
    INSTITUTION_FORMS,
    LEGAL_FORMS,
    generic_org,
    is_noise,
    is_vocab,
)
from leakclf.detectors.people_context import is_street
from leakclf.detectors.people_fields import DETECTOR as PEOPLE_FIELDS
from leakclf.detectors.people_fields import gate_words
from leakclf.domains import name_forms, org_facets
from leakclf.normalize import normalise_org

DETECTOR = "people.orgs/1"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’&.-]*"
_LINK = r"(?:of|for|and|de|del|della|degli|des|du|da|do|di|der|für|van|&)"


def _name(space: str = r"[ \t]") -> str:
    """Up to six capitalised words (initials, CamelCase), joined by spaces and linking words."""
    return rf"{_CAP}(?:{space}+(?:{_LINK}{space}+)?{_CAP}){{0,5}}"


_NAME = _name()
_INST_WORD = "|".join(
    sorted(INSTITUTION_FORMS | {"universiteit", "institute", "institut", "instituto"})
)
_INSTITUTION = re.compile(
    rf"(?<![\w'’-])(?:{_CAP}[ \t]+){{0,3}}(?i:{_INST_WORD})(?![\w'’-])"
    rf"(?:[ \t]+(?:{_LINK}[ \t]+){{0,2}}{_CAP}){{0,4}}"
)
_UNIVERSITY = re.compile(r"univers|hochschule|politecnico|polytechnic|college", re.IGNORECASE)
_UNIT_HEAD = re.compile(
    r"^(?:college|institute|institut|instituto|school|faculty|department)\s+(?:of|for|für|de)\b",
    re.IGNORECASE,
)
_ORG_LABELS = """client customer vendor supplier provider company employer contractor licensee
licensor organisation organization bill sold firma arbeitgeber auftraggeber auftragnehmer lieferant
empresa proveedor société societe entreprise employeur fournisseur ditta azienda fornitore
bedrijf werkgever leverancier opdrachtgever"""
_ORG_LABEL_WORDS = frozenset(_ORG_LABELS.split())
#: A value after a colon; its label is read backwards from the colon (``_LABEL``): matching
#: from the colon keeps the scan linear, a label pattern tried at every letter was not.
_FIELD = re.compile(rf"[:：][ \t]*(?P<name>{_NAME})")
_LABEL = re.compile(r"[^\W\d][\w'’ ]{0,30}$")
_WRAP = r"(?:[ \t]|\n(?![ \t]*\n))"  # a space or a line break, not a blank line
_PARTIES = re.compile(
    r"\b(?:by\s+and\s+between|(?:made|entered\s+into|concluded)\b[^.;]{0,120}?\bbetween)"
    rf"\s+(?:the\s+)?(?P<a>{_name(_WRAP)})\s*,?\s+and\s+(?:the\s+)?(?P<b>{_name(_WRAP)})"
)
_FOR = re.compile(rf"[ \t](?:for and on behalf of|on behalf of|for)[ \t]+(?P<name>{_NAME})")
_ROLE_WORDS = r"""intern|engineer|developer|researcher|fellow|manager|consultant|assistant|
analyst|director|scientist|designer|architect|founder|officer|administrator|
programmer|technician|specialist|trainee|werkstudent|praktikant|ingenieur|ingeniero|ingénieur|
stagiaire|becario|estagiário|stagista"""
_ROLE = "(?:" + "".join(_ROLE_WORDS.split()) + ")"
_EMPLOYER_LINE = re.compile(
    rf"^[ \t]*(?P<name>{_NAME})[ \t]*(?:\||–|—|[ \t]-[ \t])[ \t]*"
    rf"(?:[\w&+/.-]+[ \t]+){{0,4}}(?i:{_ROLE})s?\b",
    re.MULTILINE,
)
#: "Engineer at Contoso": matched from the preposition, the job title read backwards from it.
_AT = re.compile(rf"[ \t](?:at|@|bei|chez|en|presso|bij)[ \t]+(?P<name>{_NAME})")
_TITLE_END = re.compile(rf"(?i:\b{_ROLE}s?)$")
_HINTS = ("univers", "college", "hochschule", "polite", "polytech", "institut")
_INSTITUTION_HINT = re.compile("|".join(_HINTS), re.IGNORECASE)
#: The characters besides A-Z that ``re.IGNORECASE`` matches with a lower-case ASCII letter
#: ("İ" and "ı" with "i", "ſ" with "s", the Kelvin sign with "k").
_CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def _hinted(text: str) -> bool:
    """False when ``_INSTITUTION_HINT`` cannot match: none of its words in the lower-cased
    text and none of the characters that match an ASCII letter only under IGNORECASE (a
    substring test is ~10x cheaper than the case-insensitive scan)."""
    lowered = text.lower()
    return any(h in lowered for h in _HINTS) or any(c in text for c in _CASE_ODD)


_PROSE = re.compile(
    r"\b(?:work|works|worked|working|employed|job|position|internship|interned|studied|"
    r"study|studying|enrolled)(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:at|for)[ \t]+(?:the[ \t]+)?"
    rf"(?P<name>{_NAME})"
)
#: One of these is in every ``_PROSE`` match (case-sensitive): a text without them is not scanned.
_PROSE_WORDS = ("work", "employed", "job", "position", "intern", "stud", "enrolled")
_LINE_NAME = re.compile(rf"[ \t]*(?P<name>{_CAP}(?: (?:{_LINK} )?{_CAP}){{0,3}})[ \t]*")
_YEAR = re.compile(r"\s*(?:19|20)\d\d\b")  # "2014 top 52 of 2500": a year, not a house number
_PERSON_SHAPE = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|prof|herr|frau|hr|fr|mme|mlle|monsieur|madame|sir|sr|sra|srta|"
    r"dña|sig|sig\.ra|dhr|mevr|mw)\.?\s|"
    r"\s(?:jr|sr|dds|dvm|md|phd|esq|ii|iii)\.?$",
    re.IGNORECASE,
)
#: Template text: "Sample Company", "Musterfirma GmbH", "Your Company Name".
_PLACEHOLDER = re.compile(
    r"(?i)\b(?:sample|example|placeholder|your|muster\w*|beispiel\w*|exemple|ejemplo|"
    r"esempio|voorbeeld|exemplo)\b"
)
_EDGE = ("the", "a", "an", "our", "your", "this", "that")
_ABBREV = frozenset(("inc", "corp", "ltd", "co", "bros", "intl", "int'l", "univ", "dept", "st"))


def orgs_in_layout(text: str, cands: list[Candidate], key: bytes) -> list[Candidate]:
    """``cands`` with ORGANIZATION candidates for organisations the layout names."""
    found = [*_institutions(text), *_fields(text), *_parties(text), *_signed_for(text, cands)]
    found += [*_employers(text), *_letterheads(text)]
    if not found:
        return cands
    out = list(cands)
    for new in sorted(found, key=lambda c: (c.start, -c.end)):
        new = replace(new, facets=org_facets(key, name_forms(new.value)))
        clash = [c for c in out if c.start < new.end and new.start < c.end]
        if any(not _yields(c, new) for c in clash):
            continue
        out = [c for c in out if c not in clash]
        out.append(new)
    return sorted(out, key=lambda c: (c.start, c.end))


def _yields(c: Candidate, org: Candidate) -> bool:
    """A span an organisation found by the layout replaces: one NER found, not a person; or
    a name the layout took for a person in a field that asks for a client or a provider
    (``_candidate`` leaves out names that start with a given name)."""
    if c.detector == PEOPLE_FIELDS and c.label == "PERSON":
        return "context:field" in org.evidence and _org_shaped(org.value)
    return c.detector.startswith("ner.") and c.label != "PERSON"


def _org_shaped(name: str) -> bool:
    """Three words or more, a generic organisation word or legal form last ("... Solutions"),
    or one word that is no given name: "Client: Jane Roe" stays a person."""
    words = [w.casefold().strip(".,") for w in name.split()]
    if len(words) == 1:
        return words[0] not in gate_words().names
    return len(words) >= 3 or words[-1] in GENERIC_ORG or words[-1] in LEGAL_FORMS


def _institutions(text: str) -> Iterator[Candidate]:
    if not _hinted(text) or not _INSTITUTION_HINT.search(text):
        return  # most texts name no school: skip the slower pattern
    found = [(m.start(), m.group(0)) for m in _INSTITUTION.finditer(text)]
    universities = {start for start, name in found if _UNIVERSITY.search(name)}
    for start, name in found:
        if _UNIT_HEAD.match(name) and universities - {start}:
            continue  # "College of Engineering" of a university named in the same text
        if generic_org(name, institution=True):
            continue  # "University of Applied Sciences", "Technical University"
        yield from _candidate(name, start, "shape:institution")


def _fields(text: str) -> Iterator[Candidate]:
    for m in _FIELD.finditer(text):
        label = _LABEL.search(text[max(0, m.start() - 31) : m.start()].rsplit("\n", 1)[-1])
        words = set(re.findall(r"\w+", label.group(0).casefold())) if label else set()
        if words & _ORG_LABEL_WORDS:
            yield from _candidate(m.group("name"), m.start("name"), "context:field")


def _parties(text: str) -> Iterator[Candidate]:
    if "between" not in text:
        return  # _PARTIES needs it (case-sensitive): skip the scan
    for m in _PARTIES.finditer(text):
        for side in ("a", "b"):
            yield from _candidate(m.group(side), m.start(side), "context:party")


def _signed_for(text: str, cands: list[Candidate]) -> Iterator[Candidate]:
    """ "Jane Roe for Wide World Importers": a person signs for an organisation."""
    people = {c.end for c in cands if c.label == "PERSON"}
    for m in _FOR.finditer(text):
        if m.start() in people or text[: m.start()].rstrip().endswith("/s/"):
            yield from _candidate(m.group("name"), m.start("name"), "context:signature")


def _employers(text: str) -> Iterator[Candidate]:
    titled = (
        m for m in _AT.finditer(text) if _TITLE_END.search(text[max(0, m.start() - 40) : m.start()])
    )
    prose = _PROSE.finditer(text) if any(w in text for w in _PROSE_WORDS) else ()
    for m in (*_EMPLOYER_LINE.finditer(text), *titled, *prose):
        yield from _candidate(m.group("name"), m.start("name"), "context:role")


def _letterheads(text: str) -> Iterator[Candidate]:
    """A name on a line of its own right above a street: the sender or recipient of a letter
    or an invoice ("Proseware" over "26 rue des Lilas")."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    for (pos, line), (_, below) in itertools.pairwise(lines):
        m = _LINE_NAME.fullmatch(line)
        if m and not line.isupper() and is_street(below) and not _YEAR.match(below):
            yield from _candidate(m.group("name"), pos + m.start("name"), "context:address")


def _trim(name: str, institution: bool) -> tuple[int, int]:
    """The span of ``name`` less leading articles, a sentence that starts after a full stop
    ("... of Hamburg. My"), and trailing linking words; a university's name also less
    trailing ordinary words ("University of Leeds Expected")."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", name)]
    lists = gate_words()
    while words and name[slice(*words[0])].casefold() in _EDGE:
        words.pop(0)
    for i, (a, b) in enumerate(words[:-1]):
        word = name[a:b]
        if word.endswith(".") and len(word) > 3 and word.casefold().rstrip(".") not in _ABBREV:
            words = words[: i + 1]  # "Hamburg." ends a sentence; "R." and "Corp." do not
            break
    while len(words) > 1:
        last = name[slice(*words[-1])].casefold().strip(".,")
        ordinary = institution and lists.ordinary(last)
        if last in INSTITUTION_FORMS or not (re.fullmatch(_LINK, last) or ordinary):
            break
        words.pop()
    return (words[0][0], words[-1][1]) if words else (0, 0)


def _candidate(name: str, start: int, evidence: str) -> Iterator[Candidate]:
    institution = evidence == "shape:institution"  # "University" is no name on its own
    if _PERSON_SHAPE.search(name) or sum(ch.isdigit() for ch in name) >= 3:
        return  # "Dr. Nicole Roe", "Hr. Roe", "Greg Roe DDS", "Invoice No. INV-2026-517440"
    if ".." in name or _PLACEHOLDER.search(name):
        return  # a table of contents' dot leaders; template text
    a, b = _trim(name, institution)
    trimmed = name[a:b].rstrip(" .,;:")
    if not trimmed:
        return
    start += a
    words = trimmed.split()
    lists = gate_words()
    ordinary = all(lists.ordinary(w.casefold().strip(".,")) for w in words)
    weak = evidence in ("context:field", "context:address")
    if weak and len(words) == 1 and any(ch.isdigit() for ch in trimmed):
        return  # "Item: REFRIMAT05": a code, not a name
    if is_vocab(trimmed) or (ordinary and (len(words) == 1 or weak)):
        return  # "Confidential", "Client: Confidential Information", "Billing Address"
    if evidence == "context:address" and len(words) == 1 and words[0].casefold() in lists.names:
        return  # "Ishita" over a street: a recipient written by a given name
    if evidence == "context:role" and is_noise("ORGANIZATION", trimmed):
        return  # prose and résumé lines are the weakest evidence: NER's noise rules apply
    if (
        not institution
        and 2 <= len(words) <= 3
        and (
            all(w.casefold().strip(".,") in lists.names for w in words if len(w) > 2)
            or len(words[-1].rstrip(".")) == 1
        )
    ):
        return  # "Jane Roe", "Kumar P": a person, whatever the field says
    yield Candidate(
        label="ORGANIZATION",
        start=start,
        end=start + len(trimmed),
        confidence=0.8,
        detector=DETECTOR,
        value=trimmed,
        normalised=normalise_org(trimmed),
        preview=mask_middle(trimmed),
        evidence=(evidence,),
        specificity=20,
    )
