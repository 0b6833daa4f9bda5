"""PERSON names where the layout says a name stands, whether or not NER saw them.

* mail header lines (``To: Roe, Jane; Doe, John W.``, ``Cc: Jane Roe <jane.roe@...>``,
  ``To: Jane Roe/Contoso@Contoso``): NER splits "Last, First" lists into lone words or misses
  them;
* labelled fields (``Name: Jane Roe``, ``Billing Contact: Jane Roe``, ``By: /s/ Jane Roe``,
  ``Geschäftsführer: Jane Roe``), where the label asks for a person;
* a name written right before an address that spells its last name (``Helen Chen -
  hchen@...``, ``Jane Roe <jroe@...>``);
* a name after an honorific or academic title (``Prof Anil Mehta``, ``Herr Jonas Bäcker``);
* a line of its own among the first three of a text that is two or three capitalised words,
  the first a known given name (the NER gate's word lists) or the name spelled in an address
  or link below it, and none an ordinary word: the author line of a résumé or a letter.

A name found here replaces the spans NER found inside it (NER reads "Tanaka, Mark" as a place
and a first name); it never overrides a pattern detector's span (an address, a company found by
its legal form).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from leakclf.detectors.base import Candidate
from leakclf.detectors.gate import GateWords
from leakclf.detectors.masking import mask_name
from leakclf.detectors.noise import LEGAL_FORMS, is_noise
from leakclf.detectors.people_context import FIELD_WORDS
from leakclf.normalize import normalise_person

DETECTOR = "people.fields/1"
_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
_INITIAL = r"[A-ZÀ-ÖØ-Þ]\.?"
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|ten|ter|zu)"
#: First [M.] [van der] Last, up to four words; or Last, First [M.]. Words part at spaces only:
#: a tab separates table cells.
_NAME = rf"{_WORD}(?: +(?:{_WORD}|{_INITIAL}|{_PARTICLE}))*? +{_WORD}"
_LAST_FIRST = rf"{_WORD}(?: +Jr\.?| +Sr\.?)?, +{_WORD}(?: +{_WORD})?(?: +{_INITIAL})?"
_NAME_IN_ROW = re.compile(rf"(?<![\w'’-])(?P<name>{_LAST_FIRST}|{_NAME})")
_SEPARATORS = re.compile(r"[\s\"',;:|<(\[–—-]*(?:mailto:)?")
_TITLED = re.compile(
    rf"(?<![\w])(?:Prof|Dr|Mr|Mrs|Ms|Herr|Frau|Monsieur|Madame)\.?[ \t]+(?P<name>{_NAME})(?![\w'’-])"
)
_TOP = re.compile(rf"^{_WORD}(?: {_WORD}){{1,2}}$")
_HEADER = re.compile(
    r"^[ \t]*(?:from|to|cc|bcc|reply-to|sender)[ \t]*:[ \t]*(.+)$", re.IGNORECASE | re.MULTILINE
)
_ITEM_END = r"[ \t]*(?:<[^>\n]*>|\[[^\]\n]*\]|/[^;\n]*)?[ \t]*$"
_ITEM = re.compile(rf"^[ \t'\"]*(?P<name>{_LAST_FIRST}|{_NAME})[ \t'\"]*{_ITEM_END}")
_FIELD = re.compile(
    rf"(?P<label>[^\W\d][\w'’ ]{{1,30}}?)[ \t]*:[ \t]*(?:/s/[ \t]*)?(?P<name>{_NAME})"
    r"(?=[ \t]*$|[ \t]{2,}|[ \t]+[^\W\d][\w ]{0,20}:|[ \t]*[,(|])",
    re.MULTILINE,
)
_LABEL_SPAN = 31  # the longest label ``_FIELD`` reads: one letter and up to 30 more
#: The last character before a colon that cannot be part of a label or the blanks after it.
_NOT_LABEL = re.compile(r"[^\w'’ \t](?=[\w'’ \t]*\Z)")


def names_in_fields(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with PERSON candidates for names in header lines and person fields."""
    found = [*_header_names(text), *_field_names(text), *_top_names(text), *_titled_names(text)]
    found += _names_before_addresses(text, cands)
    if not found:
        return cands
    out = list(cands)
    for new in found:
        clash = [c for c in out if c.start < new.end and new.start < c.end]
        if any(c.label != "PERSON" and not c.detector.startswith("ner.") for c in clash):
            continue  # an address or a company found by its shape wins over the layout
        out = [c for c in out if c not in clash]
        out.append(new)
    return sorted(out, key=lambda c: (c.start, c.end))


def _header_names(text: str) -> Iterator[Candidate]:
    for line in _HEADER.finditer(text):
        pos = line.start(1)
        for item in re.split(r";|(?<=>),", line.group(1)):
            m = _ITEM.match(item)
            if m and "@" not in m.group("name"):
                yield from _candidate(m.group("name"), pos + m.start("name"), "field:header")
            pos += len(item) + 1


def _field_names(text: str) -> Iterator[Candidate]:
    for m in _field_matches(text):
        words = set(re.findall(r"\w+", m.group("label").casefold()))
        if words & FIELD_WORDS and not _HEADER.match(m.group(0)):
            yield from _candidate(m.group("name"), m.start("name"), "field:label")


def _field_matches(text: str) -> Iterator[re.Match[str]]:
    """``_FIELD.finditer(text)``, tried only where a match can start: at most
    ``_LABEL_SPAN`` characters before a colon, not counting the spaces and tabs right before
    it (a label is up to 31 characters that hold no colon, then blanks), and after the last
    character there that no label holds. The same matches in the same order; ``finditer``
    tries every position of the text."""
    pos = 0
    colon = text.find(":")
    while colon >= 0:
        blank = colon
        while blank > pos and text[blank - 1] in " \t":
            blank -= 1
        first = max(pos, blank - _LABEL_SPAN)
        stop = _NOT_LABEL.search(text, first, colon)
        for start in range(stop.end() if stop else first, colon):
            m = _FIELD.match(text, start)
            if m:
                yield m
                pos = m.end()
                break
        colon = text.find(":", max(pos, colon + 1))


def _titled_names(text: str) -> Iterator[Candidate]:
    for m in _TITLED.finditer(text):
        yield from _candidate(m.group("name"), m.start("name"), "field:title")


def _names_before_addresses(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Names on an address's line that its local part spells: right before it, the last name
    (``Helen Chen - hchen@``); anywhere before it on the line (a table row), first and last."""
    out: list[Candidate] = []
    for mail in cands:
        if mail.label != "EMAIL_ADDRESS":
            continue
        local = re.sub(r"[._+-]", "", mail.normalised.split("@", 1)[0])
        line_start = text.rfind("\n", 0, mail.start) + 1
        line = text[line_start : mail.start]
        for m in _NAME_IN_ROW.finditer(line):
            words = [re.sub(r"['’-]", "", w) for w in normalise_person(m.group("name")).split()]
            if len(words) < 2 or len(words[-1]) < 2:
                continue
            adjacent = _SEPARATORS.fullmatch(line[m.end() :]) is not None
            first, rest = words[0], "".join(words[1:])
            if (adjacent and words[-1] in local) or (first in local and rest in local):
                out += _candidate(m.group("name"), line_start + m.start("name"), "field:address")
    return out


def _top_names(text: str) -> Iterator[Candidate]:
    pos, seen = 0, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
            name = line.strip()
            words = [w.casefold() for w in name.split()]
            if (
                _TOP.match(name)
                and (words[0] in gate_words().names or _spelled_below(text, pos, words))
                and not any(gate_words().ordinary(w) for w in words)
            ):
                yield from _candidate(name, pos + line.index(name), "field:top")
            if seen == 3:
                return
        pos += len(line)


def _spelled_below(text: str, pos: int, words: list[str]) -> bool:
    """The lines under an author line spell the name in an address or a link
    ("Arjun Sen" over "arjunsen.com")."""
    below = re.sub(r"[^a-z]", "", text[pos : pos + 400].casefold()[len(" ".join(words)) :])
    return len(words[0]) > 1 and words[0] + words[-1] in below


@lru_cache(maxsize=1)
def gate_words() -> GateWords:
    """The NER gate's given names and ordinary words, read once per process."""
    return GateWords.load()


def _candidate(name: str, start: int, evidence: str) -> Iterator[Candidate]:
    name = name.rstrip(" ,")
    words = normalise_person(name).split()
    if is_noise("PERSON", name) or len(words) < 2 or words[-1] in LEGAL_FORMS:
        return
    yield Candidate(
        label="PERSON",
        start=start,
        end=start + len(name),
        confidence=0.9,
        detector=DETECTOR,
        value=name,
        normalised=normalise_person(name),
        preview=mask_name(name),
        evidence=(evidence,),
        specificity=20,
    )
