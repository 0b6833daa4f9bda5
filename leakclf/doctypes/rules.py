"""Rules around the doc-type model: how much content a document has, and what its mail headers say.

    content_chars(doc) -> int              characters of content (capped), mail header lines left out
    parties(doc) -> [(role, address)]      From/To/Cc/Bcc, from mail meta or header lines
    mail_kind(parties, text, own) -> ("internal_note" | "correspondence", evidence) | None

A mail whose parties are all in one organisation is internal; any outside party makes it
correspondence. The organisation is ``classify.own_domains`` when set (a party inside one of them
or a subdomain is internal); otherwise parties are compared by registrable domain
(``mail.acme.com`` and ``acme.com`` are one organisation): two organisations make correspondence,
one (with a known sender and another party) makes an internal note. A directory address without an
internet domain (Lotus Notes ``Jane Doe/HOU/ENRON@enronXgate``, Exchange ``/O=ENRON/OU=NA/CN=...``) was
resolved by the mail system the mail came from: all such parties are one organisation (inside
``own_domains``; else the same as a party's internet domain of one of their names, ``enron.com`` for
``ENRON``); so is a bare mailbox name in angle brackets (``Pereira <Pereira>``: the local mail system
resolved it). One organisation may hold its name under several top-level domains: ``enron.com``
and ``enron.net`` are one (the registrable domain's name without its public suffix). Automated mail
(a no-reply or newsletter sender, or an unsubscribe line) gets no header decision: its text says
what it is.
"""

from __future__ import annotations

import re
from itertools import islice

from leakclf.doctypes.cues import HEADER_LINE
from leakclf.doctypes.titles import PARTY_ROLES
from leakclf.domains import registrable_domain
from leakclf.model import Document

MIN_CONTENT = 100  # fewer characters of content than this: too little to judge a business type
ROLES = ("from", "to", "cc", "bcc")
_ADDR = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a directory address names its organisation: Exchange "/O=ENRON/OU=..." or the last part of a Notes
# name before "@" and a dotless mail domain ("Jane Doe/HOU/ENRON@enronXgate"; not "x/y@acme.com")
_DIRECTORY = re.compile(
    r"/o=([^\W\d_][\w&-]*)|/([^\W\d_][\w&-]*)@[^\W\d_][\w-]*(?![\w-]*\.\w)", re.IGNORECASE
)
# a bare mailbox name in angle brackets, no domain: "Pereira <Pereira>" (a local mail system's name)
_LOCAL = re.compile(r"<([^\W\d_][\w.'-]*)>")
_PARTY = re.compile(r"^(" + "|".join(PARTY_ROLES) + r")\s*:\s*(.*)$", re.IGNORECASE)
_QUOTED = re.compile(
    r"^(-* ?(original message|message d'origine|ursprüngliche nachricht|mensaje original|"
    r"messaggio originale|oorspronkelijk bericht|mensagem original)|>|on .* wrote:|\S.{0,40}\bwrote:$)",
    re.IGNORECASE,
)
HEAD_LINES = 40  # lines searched for printed mail headers
_AUTOMATED_SENDER = re.compile(
    r"^(no-?reply|do-?not-?reply|donotreply|newsletters?|news|notifications?|notify|alerts?|"
    r"mailer-daemon|postmaster|bounces?|marketing|updates|digest)\b",
    re.IGNORECASE,
)
_UNSUBSCRIBE = re.compile(
    r"unsubscribe|abmelden|se désabonner|désinscri|darse de baja|cancelar (a )?inscri|"
    r"uitschrijven|afmelden|disiscriv|annulla l'iscrizione",
    re.IGNORECASE,
)


GREETING_LINES = 40  # non-empty lines searched for a salutation by the letter-shape rule
# salutations in the seven languages, for the rule that correspondence needs a letter shape (a
# letterhead, two addresses and a date can put "Sehr geehrte Damen und Herren" on line 20)
_SALUTATION = re.compile(
    r"^(dear|hi|hello|sehr geehrte|liebe[rs]?|hallo|bonjour|madame|monsieur|messieurs|cher|chère|"
    r"estimad[oa]s?|señor(es|a)?|muy señor|distinguid[oa]s?|gentil[ei]|egregi[oa]|spett\.?(le|abile)|"
    r"geachte|prezad[oa]s?|exm[oa]s?\.?|caro senhor|cara senhora)\b",
    re.IGNORECASE,
)


def salutation(text: str) -> bool:
    """A salutation opens one of the first ``GREETING_LINES`` non-empty lines."""
    lines = (ln.strip() for ln in text[:6000].splitlines())
    return any(_SALUTATION.match(ln) for ln in islice(filter(None, lines), GREETING_LINES))


def content_chars(doc: Document, cap: int = 4 * MIN_CONTENT) -> int:
    """Non-space characters of ``doc.text`` outside its mail headers, counted up to about ``cap``.

    The headers are the mail extractor's ``headers`` parts or, in text that has none (a printed
    mail, a string), the header lines it opens with: a mail of a few words is a few words however
    it reached the classifier."""
    text = doc.text
    headers = sorted((p for p in doc.parts if p.kind == "headers"), key=lambda p: -p.start)
    for part in headers:
        text = text[: part.start] + text[part.end :]
    if not headers:
        text = text[_printed_headers(text) :]
    count = 0
    for start in range(0, len(text), 4 * cap):  # whitespace-only stretches can be long
        count += len("".join(text[start : start + 4 * cap].split()))
        if count >= cap:
            break
    return count


def _printed_headers(text: str) -> int:
    """The end of the header lines a text opens with (two or more: "From:", "Objet :", ...), else 0."""
    end = count = 0
    for line in text[:3000].splitlines(keepends=True):
        if line.strip():
            if not (":" in line and HEADER_LINE.match(line.strip())):  # a colon first
                break
            count += 1
        end += len(line)
    return end if count >= 2 else 0


def parties(doc: Document) -> list[tuple[str, str]]:
    """(role, lower-cased address) for each party, from mail meta or header lines at the top."""
    out: list[tuple[str, str]] = []
    for role in ROLES:
        value = doc.meta.get(role)
        values = value if isinstance(value, (list, tuple)) else [value] if value else []
        out += [(role, a) for v in values for a in _addresses(str(v))]
    return out or _header_lines(doc.text)


def _addresses(value: str) -> list[str]:
    """Lower-cased internet addresses, and ``directory@<organisation>`` for each directory address."""
    found = [a.lower() for a in _ADDR.findall(value)]
    if "/" in value:  # a directory address has a slash: the regex only then
        found += [f"directory@{(x or n).lower()}" for x, n in _DIRECTORY.findall(value)]
    if "<" in value and not found:  # "Pereira <Pereira>": resolved by the local mail system
        found += [f"directory@{n.lower()}" for n in _LOCAL.findall(value)]
    return found


def _header_lines(text: str) -> list[tuple[str, str]]:
    """Parties from the header lines of the first message printed at the top: ``From:``/``To:``/``Cc:``
    or their printed translations (``De :``, ``Von:``, ``Van:``, ``Da:``; ``À :``, ``An:``, ``Aan:``,
    ``Para:``, ``A:``; ``Kopie:``, ``Copie :``); a value may sit on the next line, as web mail
    archives print it. Only addresses count: a name without one names no organisation."""
    out: list[tuple[str, str]] = []
    lines = [ln.strip() for ln in text.splitlines()[:HEAD_LINES] if ln.strip()]
    role = None
    for line in lines:
        if out and _QUOTED.match(line):  # the regex only once there are parties
            break
        m = _PARTY.match(line) if ":" in line else None  # a header line has a colon
        if m:
            role, line = PARTY_ROLES[m.group(1).lower()], m.group(2)
        elif role is None or ":" in line[:20]:
            role = None
            continue
        out += [(role, a) for a in _addresses(line)]
    return out


def automated(who: list[tuple[str, str]], text: str) -> bool:
    senders = [a for role, a in who if role == "from"]
    return any(_AUTOMATED_SENDER.match(a.split("@", 1)[0]) for a in senders) or bool(
        _UNSUBSCRIBE.search(text[-3000:])
    )


def mail_kind(
    who: list[tuple[str, str]], text: str, own_domains: tuple[str, ...]
) -> tuple[str, str] | None:
    """The header decision, with its evidence; None when the mail is automated or the headers
    name too few parties (a sender and one more) to tell."""
    if automated(who, text):
        return None
    domains = [(role, a.rsplit("@", 1)[1]) for role, a in who]
    senders = [d for role, d in domains if role == "from"]  # internal needs a known sender
    if own_domains:
        own = {d.lower() for d in own_domains}
        note = "mail:owner domain from config"
        inside = [any(_within(d, o) for o in own) for _, d in domains]
        if all(inside) and len(domains) < 2:
            return None
        internal = all(inside)
    else:
        orgs = {_organisation(d, domains) for _, d in domains}
        if len(orgs) < 2 and (not senders or len(domains) < 2):
            return None
        note = "mail:parties' domains"
        internal = len(orgs) == 1
    if internal:
        return "internal_note", f"{note}; all parties internal"
    return "correspondence", f"{note}; external party"


def _within(domain: str, own: str) -> bool:
    """``domain`` is ``own`` or a subdomain of it; a directory address (no dot) was resolved by the
    mail system the mail came from, the owner's."""
    return "." not in domain or domain == own or domain.endswith("." + own)


def _organisation(domain: str, domains: list[tuple[str, str]]) -> str:
    """The registrable domain's name without its public suffix (``mail.acme.co.uk`` and ``acme.com``
    are ``acme``: one organisation under several top-level domains). Directory addresses (no dot)
    are all one organisation, the mail system that resolved them (Enron's Notes names ``ENRON``,
    ``ECT``, ``EES``); it is the organisation of a party's internet domain named as one of them
    (``enron.com`` for ``ENRON``), if any."""
    if "." in domain:  # the name without its public suffix: enron.com and enron.net are one
        return registrable_domain(domain).split(".", 1)[0]
    names = {d for _, d in domains if "." not in d}
    named = (registrable_domain(d).split(".", 1)[0] for _, d in domains if "." in d)
    return next((r for r in named if r in names), "(directory)")
