"""Readable features of a document for the doc-type model.

Every feature name says what it saw, so the top contributions double as evidence:
``title:'statement of work'``, ``section:'deliverables'``, ``kv:'invoice number'``,
``table:qty×price``, ``word:'remittance'``, ``name:'invoice'``, ``mail:headers``.
"""

from __future__ import annotations

import re

MAX_CHARS = 30_000  # characters read per document: types show early
_WORD = re.compile(r"[^\W\d_]{2,}")
_KV = re.compile(r"^\s*([^\W\d_][\w .#/&'()-]{1,34}?)\s*[:#]\s*(\S.*)?$")
_MONEY = re.compile(r"\d[\d,.' ]*[.,]\d\d\b")
_SIG_LINE = re.compile(r"^\s*(by|signature|signed|authori[sz]ed signatory)\s*:", re.I)
_MAIL_HEAD = re.compile(r"^(from|to|cc|subject|sent|date)\s*:", re.I)
_QTY = ("qty", "quantity", "menge", "units", "qté", "quantità", "pcs")
_PRICE = ("price", "rate", "unit cost", "preis", "prix", "prezzo", "amount", "total", "betrag")
_STOP = frozenset(
    "the and for with this that are will from our your you have has not all any per its their been be "
    "was were shall may can each other such under into after before on in of to by as at or an is it".split()
)


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def extract(text: str, name: str = "") -> dict[str, float]:
    """Feature name -> value (binary presence, a few counts squashed to 0..1)."""
    text = text[:MAX_CHARS]
    lines = [ln.strip() for ln in text.splitlines()]
    nonempty = [ln for ln in lines if ln]
    feats: dict[str, float] = {}

    def add(key: str, value: float = 1.0) -> None:
        feats[key] = max(feats.get(key, 0.0), value)

    words = tokens(text)
    for w in words:
        add(f"word:'{w}'")
    for a, b in zip(words, words[1:]):
        add(f"word:'{a} {b}'")
    for line in nonempty[:4]:
        toks = tokens(line)[:8]
        for w in toks:
            add(f"title:'{w}'")
        for a, b in zip(toks, toks[1:]):
            add(f"title:'{a} {b}'")
    kv_count = sig_filled = sig_empty = money_lines = 0
    for i, line in enumerate(nonempty):
        toks = tokens(line)
        if 1 <= len(toks) <= 5 and len(line) < 50 and not line.endswith((".", ",", ":")) and line[0].isupper():
            add(f"section:'{' '.join(toks)}'")
        kv = _KV.match(line)
        if kv and len(kv.group(1).split()) <= 4:
            kv_count += 1
            add(f"kv:'{' '.join(tokens(kv.group(1)))}'")
        if _MONEY.search(line):
            money_lines += 1
        if _SIG_LINE.match(line):
            filled = re.search(r":\s*[^\W\d_]{2,}", line) is not None
            sig_filled += filled
            sig_empty += not filled
        low = line.lower()
        if any(q in low for q in _QTY) and any(p in low for p in _PRICE):
            add("table:qty×price")
        if re.match(r"^(sub)?total\b|^(grand|net) total|^amount due|^balance due", low):
            add("table:total")
    head = nonempty[:12]
    if sum(bool(_MAIL_HEAD.match(ln)) for ln in head) >= 2:
        add("mail:headers")
    if any(re.match(r"^(dear|hi|hello|hallo|bonjour|gentile|sehr geehrte)\b", ln, re.I) for ln in nonempty[:15]):
        add("letter:greeting")
    if any(re.match(r"^(best|kind|warm)? ?regards|^sincerely|^yours|^cheers|^mit freundlichen", ln, re.I)
           for ln in nonempty[-12:]):
        add("letter:closing")
    if "in witness whereof" in text.lower():
        add("sig:witness-clause")
    if sig_filled or sig_empty:
        add("sig:block")
    add("layout:kv-lines", min(kv_count / 8, 1.0))
    add("layout:money-lines", min(money_lines / 8, 1.0))
    add("layout:bullets", min(sum(ln.startswith(("-", "•", "*")) for ln in nonempty) / 6, 1.0))
    n = len(words)
    add("length:short" if n < 80 else "length:medium" if n < 600 else "length:long")
    stem = name.rsplit(".", 1)[0].lower()
    for w in tokens(stem.replace("_", " ").replace("-", " ")):
        add(f"name:'{w}'")
    return feats

