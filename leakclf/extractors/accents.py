"""Accents a PDF drew apart from their letter, joined back: "an ´ alisis" is "análisis".

TeX's default fonts draw an accent as a glyph of its own, which the text layer gives as a
spacing mark (´ ¨ ˜ ˆ ˇ) before its letter, sometimes with a space on either side, twice, or
stranded at the end of a line. A mark joins the letter after it only where the pair makes one
accented letter of the languages read here ("´a", "¨o", "˜n", "ˇc"; TeX's dotless "ı" is an
"i"), or where the letter already carries it, so "it´s" keeps its apostrophe; a mark stranded at a line's end is dropped. The grave
accent is left alone: backticks quote code.
"""

from __future__ import annotations

import re
import unicodedata

_COMBINING = {
    "\u00b4": ("\u0301", "aeiouyAEIOUY\u0131"),  # ´ acute
    "\u00a8": ("\u0308", "aeiouyAEIOUY\u0131"),  # ¨ diaeresis
    "\u02dc": ("\u0303", "aonAON"),  # ˜ tilde
    "\u02c6": ("\u0302", "aeiouAEIOU\u0131"),  # ˆ circumflex
    "\u02c7": ("\u030c", "cszrneCSZRNE"),  # ˇ caron
}
_MARK = "[" + "".join(_COMBINING) + "]"
_ANY = re.compile(_MARK)
_PAIR = re.compile(rf"(?P<pre>[^\W\d_] )?(?P<mark>{_MARK})(?: ?(?P=mark))* ?(?P<base>[^\W\d_])")
_STRANDED = re.compile(rf" ?{_MARK}+(?=\n|$)")


def join_accents(text: str) -> str:
    """``text`` with each detached accent on its letter and stranded ones dropped."""
    if not _ANY.search(text):
        return text
    return _STRANDED.sub("", _PAIR.sub(_joined, text))


def _joined(m: re.Match[str]) -> str:
    combining, bases = _COMBINING[m["mark"]]
    base = m["base"]
    if combining in unicodedata.normalize("NFD", base):  # "librer ´ ías": drawn twice
        letter = base
    elif base in bases:
        letter = unicodedata.normalize("NFC", ("i" if base == "\u0131" else base) + combining)
        if len(letter) != 1:
            return m[0]
    else:
        return m[0]
    pre = m["pre"] or ""
    # "Hern ´ andez": a lower-case letter goes on with the word before; "´Angel" starts one
    return (pre[0] if pre and base.islower() else pre) + letter
