"""Language-independent cues for the doc-type model: type words anywhere near the top, mail shape, layout.

    cues(text) -> {feature name: value}                         lexicon and mail cues
    layout(text, lines, money_lines, short_lines) -> {...}      layout statistics (counts from ``features.extract``)

- ``lex:<type>``: phrases of the title lexicon (``titles.py``) anywhere in the first ``LEX_CHARS``
  characters, not only in the title region ("Numéro de devis : 1001" under a letterhead says
  quote in any language the lexicon covers); ``lexfield:<type>`` when the phrase names a
  reference field ("Cotizacion : 492", "Invoice No. 7"); mail party lines are read without their
  names ("To: Rapp Bill" names a person, not an invoice; ``titles.without_parties``).
- ``mail:any-headers``: at least two printed header lines in any of the seven languages
  ("De :", "Von:", "Objet :", "Betreff:", "Asunto:", "Oggetto:", "Onderwerp:", "Assunto:",
  "Para:", "An:", "À :"); ``mail:thread`` (an original or forwarded message below),
  ``mail:exchange-address`` (an Exchange directory address, ``/o=acme/ou=...``: one organisation's
  mail system); ``letter:team-greeting`` ("Dear team", "Liebe Kolleginnen", "Chers collègues").
- ``stat:*`` (``layout``): binned shares of digits, lines with an amount and short lines, dates, and the length.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from leakclf.doctypes.titles import TYPE_OF, norm, without_parties

LEX_CHARS = 2000  # characters searched for type words below the title region
MAIL_LINES = 15  # non-empty lines searched for printed mail headers and team greetings
HEADER_LINE = re.compile(
    r"^(from|to|cc|bcc|subject|sent|date|re|de|von|an|objet|betreff|asunto|oggetto|onderwerp|"
    r"assunto|para|à|a|da|aan|van|envoyé|gesendet|enviado|inviato|verzonden|datum|fecha|data|"
    r"kopie|copie)\s*:",
    re.IGNORECASE,
)
_TEAM = re.compile(
    r"^(dear|hi|hello)\s+(team|all|colleagues|everyone|staff)|^(liebe|sehr geehrte) "
    r"(kolleginnen|kollegen|mitarbeiter)|^chers? coll[eè]gues|^estimad[oa]s (compa[ñn]er[oa]s|colegas)"
    r"|^cari colleghi|^beste collega|^caros colegas",
    re.IGNORECASE,
)
_REF = re.compile(r"(?:^|\s)(?:n[°º]|no\.?|nr\.?|number|numéro|número|numero|num)(?:\s|:|$)")
_FIELD_LINE = re.compile(r"^ ?[^:]{0,40}[:#]")
# a date: "\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b", written to start with a digit (the boundary
# checked after it) so the regex engine skips to the next digit: the same matches, ~4x faster
_DATE = re.compile(r"\d(?<!\w\d)\d{0,3}[./-]\d{1,2}[./-]\d{2,4}\b")
_DIGITS = "0123456789"
# read as spaces by the lexicon lookup (a regex: str.translate slows down on any non-ASCII text)
_EDGE = re.compile(r'[.,;:()\[\]{}#*"«»“”]')


def _spans() -> Mapping[str, tuple[int, ...]]:
    """First word of a lexicon phrase -> the phrase lengths in words starting with it, longest first."""
    spans: dict[str, set[int]] = {}
    for phrase in TYPE_OF:
        words = phrase.split()
        spans.setdefault(words[0], set()).add(len(words))
    return MappingProxyType({w: tuple(sorted(n, reverse=True)) for w, n in spans.items()})


_SPANS = _spans()


def cues(text: str) -> dict[str, float]:
    head = "\n".join(
        without_parties(text[:LEX_CHARS].splitlines())
    )  # a party's name is no type word
    feats = _lexicon(head)
    feats.update(_mail(text))
    return feats


def layout(text: str, lines: int, money_lines: int, short_lines: int) -> dict[str, float]:
    """Binned shares of digits, lines with an amount and short lines, dates, and the length (of ``text``, as read)."""
    lines = max(lines, 1)
    digits = sum(map(text.count, _DIGITS)) / max(len(text), 1)
    money, short = money_lines / lines, short_lines / lines
    return {
        f"stat:digits{min(int(digits * 20), 5)}": 1.0,
        f"stat:money{min(int(money * 10), 4)}": 1.0,
        f"stat:short{min(int(short * 5), 4)}": 1.0,
        f"stat:len{min(len(text) // 1500, 8)}": 1.0,
        f"stat:dates{min(len(_DATE.findall(text)), 6)}": 1.0,
    }


def _lexicon(head: str) -> dict[str, float]:
    count: dict[str, int] = {}
    fields: set[str] = set()
    normed = norm(head.replace("\n", " | "))
    # one substitution for all lines (``_EDGE`` keeps "|"): the same words, line by line
    for line, edged in zip(normed.split("|"), _EDGE.sub(" ", normed).split("|")):
        words = edged.split()
        if _SPANS.keys().isdisjoint(words):  # most lines name no type
            continue
        i = 0
        while i < len(words):
            span = next(
                (n for n in _SPANS.get(words[i], ()) if " ".join(words[i : i + n]) in TYPE_OF), 0
            )
            if not span:
                i += 1
                continue
            doc_type = TYPE_OF[" ".join(words[i : i + span])]
            count[doc_type] = count.get(doc_type, 0) + 1
            if _FIELD_LINE.match(line) or _REF.search(line):
                fields.add(doc_type)
            i += span
    feats = {f"lex:{t}": min(n, 3) / 3 for t, n in count.items()}
    feats.update((f"lexfield:{t}", 1.0) for t in fields)
    return feats


def _mail(text: str) -> dict[str, float]:
    top = text[:3000]
    lines = [ln.strip() for ln in top.splitlines() if ln.strip()][:MAIL_LINES]
    feats: dict[str, float] = {}
    if sum(":" in ln and HEADER_LINE.match(ln) is not None for ln in lines) >= 2:  # a colon first
        feats["mail:any-headers"] = 1.0
    if any(_TEAM.match(ln) for ln in lines):
        feats["letter:team-greeting"] = 1.0
    low = top.lower()
    if "/o=" in low or "/ou=" in low:
        feats["mail:exchange-address"] = 1.0
    if "original message" in low or "forwarded message" in low:
        feats["mail:thread"] = 1.0
    return feats
