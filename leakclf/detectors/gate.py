"""Which lines NER must read: cheap signals that a segment may hold a name, place or date.

A segment is read when it holds a capitalised word (any script's capitals: "Łukasz",
"Ögren") that is not a stop word, document vocabulary or a code with digits - unless the
only such words are ordinary words that are capitalised for a reason other than being a
name: the first word of a sentence or a list item ("Visit ...", "Login from ...") or a word
in capitals ("MASTER SERVICES AGREEMENT"). Known given names and surnames, months and days
are never "ordinary". A lower-case segment is read when it holds two known names in a row
("please ask john smith").

The word lists are data files built by ``training/ner_gate.py`` (see leakclf/data/ner_gate/README.md).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from leakclf.detectors.noise import is_vocab, stop_words

DATA = Path(__file__).resolve().parents[1] / "data" / "ner_gate"
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
#: Characters that may end the text before a sentence- or item-initial word.
_OPENERS = frozenset(".!?:;•*·–—-=>|\"'“‘(«[")


@dataclass(frozen=True, slots=True)
class GateWords:
    names: frozenset[str]  # casefolded given names and surnames
    common: frozenset[str]  # casefolded ordinary lower-case words

    @classmethod
    def load(cls) -> GateWords:
        return cls(names=_read("names.txt.gz"), common=_read("common.txt.gz"))

    def ordinary(self, key: str) -> bool:
        """An ordinary word that is not also a name ("visit", not "will")."""
        return key in self.common and key not in self.names

    def lower_name(self, key: str) -> bool:
        return key in self.names and key not in self.common and key not in stop_words()


def _read(name: str) -> frozenset[str]:
    data = (DATA / name).read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def _initial(line: str, pos: int) -> bool:
    """The word at ``pos`` opens the segment, a sentence, a clause after ':' or a list item."""
    before = line[:pos].rstrip()
    if not before:
        return True
    if before[-1] in _OPENERS:
        return True
    return not any(c.isalpha() for c in before)  # "1. ", "a) " bullets and numbering


def worth_reading(line: str, words: GateWords | None = None) -> bool:
    """Can NER find anything in ``line`` (pattern findings already blanked)?

    Without ``words`` every capitalised word that is not vocabulary counts (the rule before
    the gate, kept for callers that have no word lists).
    """
    previous_name = False
    for m in _WORD.finditer(line):
        word = m.group().strip(".'’-&")
        if len(word) < 2 or any(map(str.isdigit, word)):
            previous_name = False
            continue
        key = word.casefold()
        if not word[0].isupper():
            is_name = words is not None and words.lower_name(key)
            if is_name and previous_name:
                return True  # "john smith" in lower-case text
            previous_name = is_name
            continue
        previous_name = False
        if key in stop_words() or is_vocab(word):
            continue
        if (
            words is not None
            and words.ordinary(key)
            and (word.isupper() or _initial(line, m.start()))
        ):
            continue
        return True
    return False
