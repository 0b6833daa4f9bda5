"""Readable features of a document for the doc-type model.

Every feature name says what it saw, so the top contributions double as evidence:
``title:'statement of work'``, ``section:'deliverables'``, ``kv:'invoice number'``,
``table:qty×price``, ``word:'remittance'``, ``name:'invoice'``, ``mail:headers``; also
``head:`` (words of lines 5-20), ``caps:`` (short upper-case lines), ``tc:`` (character
4-grams of title words, for other languages; left out of evidence) and ``cue:<type>`` (the
type whose lexicon phrase names the document in its title region, ``titles.py``, or in the
name of a workbook's first sheet, ``sheet_title``; the evidence quotes the phrase);
``concept:`` (a body word of ``concepts.py`` naming one business concept in any of the seven
languages: "entrega", "Lieferung" and "delivery" are
``concept:'delivery'``); and the language-independent cues of ``cues.py`` (``lex:``,
``lexfield:``, ``mail:``, ``stat:``). Letter-spaced capitals ("I N V O I C E") are read as one
word, and function words of the seven languages are left out of word features.
"""

from __future__ import annotations

import re
from itertools import islice, pairwise

from leakclf.doctypes.concepts import concepts
from leakclf.doctypes.cues import cues, layout
from leakclf.doctypes.titles import title_cue, without_parties
from leakclf.model import Document

MAX_CHARS = 6_000  # characters read per document: types show early; 6,000 beat 12,000 in grouped CV (model card)
WORD_NORM = 40  # word features are scaled by sqrt(WORD_NORM / distinct words) when more
_WORD = re.compile(r"[^\W\d_]{2,}")
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")  # four or more spaced letters
SPACED_CHARS = 1_000  # characters searched for letter-spaced titles
_KV = re.compile(r"^\s*([^\W\d_][\w .#/&'()-]{1,34}?)\s*[:#]\s*(\S.*)?$")
_MONEY = re.compile(r"\d[\d,.' ]*[.,]\d\d\b")
_SIG_LINE = re.compile(r"^\s*(by|signature|signed|authori[sz]ed signatory)\s*:", re.IGNORECASE)
_MAIL_HEAD = re.compile(r"^(from|to|cc|subject|sent|date)\s*:", re.IGNORECASE)
_TOTAL = re.compile(
    r"^(sub)?total[e]?\b|^(grand|net) total|^amount due|^balance due|^summe|^gesamt|^importe total"
)
_GREETING = re.compile(
    r"^(dear|hi|hello|hallo|bonjour|gentile|egregio|sehr geehrte|estimad[oa]|madame|monsieur)\b",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^(best|kind|warm)? ?regards|^sincerely|^yours|^cheers|^mit freundlichen|^cordiali|^distinti"
    r"|^cordialement|^atentamente|^saludos",
    re.IGNORECASE,
)
_QTY = (
    "qty",
    "quantity",
    "menge",
    "units",
    "qté",
    "quantité",
    "quantità",
    "q.tà",
    "cantidad",
    "pcs",
)
_PRICE = (
    "price",
    "rate",
    "unit cost",
    "preis",
    "prix",
    "prezzo",
    "precio",
    "amount",
    "total",
    "betrag",
    "importo",
)
_QTY_ANY = re.compile(
    "|".join(map(re.escape, _QTY))
)  # a quantity column header, anywhere in a line
_PRICE_ANY = re.compile("|".join(map(re.escape, _PRICE)))
CUE_VALUE = 3.0  # strength of ``cue:<type>``, chosen by held-out F1 over 1/3/6/12 (model card)
CAPS_LINES = 60  # lines searched for short upper-case lines (``caps:`` words)
HEAD_LINES = 20  # lines 5..20 give ``head:`` words: ERP prints put the title under the letterhead
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "this",
        "that",
        "are",
        "will",
        "from",
        "our",
        "your",
        "you",
        "have",
        "has",
        "not",
        "all",
        "any",
        "per",
        "its",
        "their",
        "been",
        "be",
        "was",
        "were",
        "shall",
        "may",
        "can",
        "each",
        "other",
        "such",
        "under",
        "into",
        "after",
        "before",
        "on",
        "in",
        "of",
        "to",
        "by",
        "as",
        "at",
        "or",
        "an",
        "is",
        "it",
    ]
) | frozenset(
    # function words of the other six languages: without them a document's language, not its
    # type, decides between types with few known words (grouped CV, model card)
    """le la les des du un une et est pour par sur dans au aux ce ces qui que en ne pas vous nous
    sont avec der die das den dem des ein eine einer und ist im zu zur zum von mit auf für sie wir
    bei aus oder nicht als auch wird werden el los las del una es para por con al lo se su sus como
    más il lo gli della delle dei di da è per con non uno che nel nella al alla sono de het een en
    van voor met op te is aan dat zijn bij om niet wordt os as do da dos das um uma não ao que em
    com na no nos
    """.split()  # noqa: SIM905 - a word list reads better as text
)


# a sheet name a spreadsheet program gave by default says nothing: "Sheet1", "Hoja1", "Tabelle1"
_DEFAULT_SHEET = re.compile(
    r"(sheet|hoja|planilha|folha|tabelle|blatt|feuil|feuille|foglio|blad|tabel|data)?\s*\d*",
    re.IGNORECASE,
)


def sheet_title(doc: Document) -> str | None:
    """The name of a workbook's first sheet when its author gave it one ("Issue Register",
    "Cronograma"): the workbook's title, read by the title cue. None for other documents."""
    sheet = next((p.name for p in doc.parts if p.kind == "sheet"), None)
    if sheet and not _DEFAULT_SHEET.fullmatch(sheet.strip()):
        return sheet.strip()
    return None


def _grams(word: str) -> list[str]:
    """Character 4-grams of a padded title word: "fattura" and "fatture" share most of them."""
    w = f"<{word}>"
    return [w[i : i + 4] for i in range(len(w) - 3)]


def unspaced(text: str) -> str:
    """Letter-spaced capitals in the first ``SPACED_CHARS`` read as one word: "O F F E R T E" ->
    "OFFERTE" (letterhead titles; searching only the top keeps the cost small)."""
    head = text[:SPACED_CHARS]
    if " " not in head:
        return text
    joined = _SPACED.sub(lambda m: m[0].replace(" ", "") if m[0].isupper() else m[0], head)
    return joined + text[SPACED_CHARS:]


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def extract(text: str, name: str = "", sheet: str | None = None) -> dict[str, float]:
    """Feature name -> value: presence (1.0), word features scaled for long texts, a few squashed counts."""
    return read(text, name, sheet)[0]


def read(
    text: str, name: str = "", sheet: str | None = None
) -> tuple[dict[str, float], tuple[str, str] | None]:
    """The features of ``extract`` and the title cue they saw (``titles.title_cue``), which the
    classifier quotes as evidence without looking for it again. ``sheet`` (``sheet_title``) is read
    as the first title line by the title cue only: the other features read the text alone."""
    text = unspaced(text[:MAX_CHARS])
    low_text = text.lower()
    nonempty = [ln for ln in (raw.strip() for raw in text.splitlines()) if ln]
    words = [w for w in _WORD.findall(low_text) if w not in _STOP]
    vocab = set(words) | {f"{a} {b}" for a, b in pairwise(words)}
    scale = min(1.0, (WORD_NORM / max(len(vocab), 1)) ** 0.5)  # length alone must not decide
    feats: dict[str, float] = {f"word:'{w}'": scale for w in vocab}
    feats.update(concepts(set(words)))  # the same concept in any of the seven languages
    for line in islice(without_parties(nonempty), 4):  # a party's name is not a title word
        toks = _WORD.findall(line.lower())[:8]  # pairs keep stop words: "statement of", "of work"
        feats.update((f"title:'{w}'", 1.0) for w in toks if w not in _STOP)
        feats.update((f"tc:'{g}'", 1.0) for w in toks if len(w) > 3 for g in _grams(w))
        feats.update(
            (f"title:'{a} {b}'", 1.0) for a, b in pairwise(toks) if a not in _STOP or b not in _STOP
        )
    for line in nonempty[4:HEAD_LINES]:
        feats.update((f"head:'{w}'", 1.0) for w in tokens(line)[:8])
    for line in nonempty[
        :CAPS_LINES
    ]:  # short upper-case lines are titles wherever extraction put them
        if len(line) <= 40 and line.isupper():
            feats.update((f"caps:'{w}'", 1.0) for w in tokens(line)[:5])
    kv_count = sig = money_lines = bullets = short = 0
    has_money = _MONEY.search(text) is not None  # an amount in a line is one in the text
    for line in nonempty:
        if len(line) < 50 and line[0].isupper() and not line.endswith((".", ",", ":")):
            toks = tokens(line)
            if 1 <= len(toks) <= 5:
                feats[f"section:'{' '.join(toks)}'"] = 1.0
        if (
            len(line) < 120
            and (":" in line or "#" in line)  # what _KV needs: the regex alone costs ~3x more
            and (kv := _KV.match(line))
            and len(kv.group(1).split()) <= 4
        ):
            kv_count += 1
            feats[f"kv:'{' '.join(tokens(kv.group(1)))}'"] = 1.0
        money_lines += has_money and _MONEY.search(line) is not None
        sig += ":" in line and _SIG_LINE.match(line) is not None  # the regex needs a colon
        bullets += line.startswith(("-", "•", "*"))
        short += len(line) < 30
    low_lines = [ln.lower() for ln in nonempty]  # lower() keeps line breaks and spaces as they are
    # a quantity header in some line is one in the text (the words span no line): one search first
    if _QTY_ANY.search(low_text) and any(
        _QTY_ANY.search(ln) and _PRICE_ANY.search(ln) for ln in low_lines
    ):
        feats["table:qty×price"] = 1.0
    if any(_TOTAL.match(ln) for ln in low_lines):
        feats["table:total"] = 1.0
    if sum(":" in ln and _MAIL_HEAD.match(ln) is not None for ln in nonempty[:12]) >= 2:
        feats["mail:headers"] = 1.0
    if any(_GREETING.match(ln) for ln in nonempty[:15]):
        feats["letter:greeting"] = 1.0
    if any(_CLOSING.match(ln) for ln in nonempty[-12:]):
        feats["letter:closing"] = 1.0
    if "in witness whereof" in low_text:
        feats["sig:witness-clause"] = 1.0
    if sig:
        feats["sig:block"] = 1.0
    feats["layout:kv-lines"] = min(kv_count / 8, 1.0)
    feats["layout:money-lines"] = min(money_lines / 8, 1.0)
    feats["layout:bullets"] = min(bullets / 6, 1.0)
    if cue := title_cue(f"{sheet}\n{text}" if sheet else text):
        feats[f"cue:{cue[0]}"] = CUE_VALUE
    stem = name.rsplit(".", 1)[0].lower().replace("_", " ").replace("-", " ")
    feats.update((f"name:'{w}'", 1.0) for w in tokens(stem))
    feats.update(cues(text))
    feats.update(layout(text, len(nonempty), money_lines, short))
    return feats, cue
