"""The declarative detector: id, version, label, patterns, context words, one validate hook.

A detector never builds a Finding itself: it yields ``Candidate`` values (raw value in
memory only) and ``DetectorSet`` turns them into digested, masked findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import regex

from leakclf.config import Config
from leakclf.detectors.masking import mask_middle


@dataclass(frozen=True, slots=True)
class Pattern:
    """A named regex with the confidence a bare (validated) match earns."""

    name: str
    regex: str
    score: float
    flags: int = 0
    group: int | str = 0  # the group that holds the value
    # the regex engine: "regex" scans several times faster where a pattern opens with a
    # lookbehind before a literal or a digit class (measured per pattern, same matches)
    engine: Literal["re", "regex"] = "re"


def compile_pattern(pattern: Pattern) -> Any:
    """The compiled ``re.Pattern`` or ``regex.Pattern`` (same match API) for ``pattern``."""
    if pattern.engine == "regex":
        return regex.compile(pattern.regex, pattern.flags)
    return re.compile(first_char_first(pattern.regex), pattern.flags)


#: A lookbehind on one class: ``(?<![\w-])``.
_BEHIND = re.compile(r"\(\?<!(\[(?:\\.|[^]\\])+\]|\\w)\)")
#: One character class, digit or upper-case letter with an optional greedy count of at least
#: one: ``\d{9}``.
_ATOM = re.compile(
    r"(\\d|\[(?:\\.|[^]\\])+\]|[A-Z0-9])"  # \d, [...], a digit or capital
    r"(?:\{([1-9]\d*)(?:(,)(\d*))?\}|(\+))?(?![?*+{])"
)


def first_char_first(rx: str) -> str:
    r"""The same regex written to open with its first character: ``(?<![\w-])\d{9}`` ->
    ``\d(?<![\w-]\d)\d{8}``. Same matches (the lookbehind, one character later, looks at the
    same character before the match), but ``re`` can skip to the positions that hold the
    first character instead of trying the lookbehind at every position: 2-3x faster scans of
    the digit and capital-letter patterns (measured on the bench dump). A lookbehind before a
    group moves into each alternative when every alternative opens with a digit or capital
    letter, or all with the same class (``(?<![\d-])(?:4\d{3}|5[1-5]\d{2})`` ->
    ``(?:4(?<![\d-]4)\d{3}|5(?<![\d-]5)[1-5]\d{2})``: ``re`` skips to those characters). Left
    as written when it does not open that way, when a first class holds lower-case letters
    (most characters of any text: nothing to skip), or when the group is repeated or
    optional."""
    m = _BEHIND.match(rx)
    if m is None:
        return rx
    before, body = m.group(1), rx[m.end() :]
    if not body.startswith("(?:"):
        return _opening(before, body) or rx
    group = _alternatives(body)
    if group is None:
        return rx
    alternatives, end = group
    opened = [_opening(before, alt) for alt in alternatives]
    firsts = {m.group(1) for m in map(_ATOM.match, alternatives) if m is not None}
    if None in opened or (len(firsts) > 1 and any(len(f) > 1 for f in firsts)):
        return rx  # re skips ahead only to literal characters, or to one shared class
    return "(?:" + "|".join(map(str, opened)) + ")" + body[end:]


def _opening(before: str, rx: str) -> str | None:
    r"""``rx`` (the lookbehind ``(?<!before)`` stands before it) opening with its first
    character and the lookbehind after it; None when ``rx`` does not open with one."""
    m = _ATOM.match(rx)
    if m is None or "\\w" in m.group(1) or re.search("[a-z]", re.sub(r"\\.", "", m.group(1))):
        return None
    atom, low, comma, high, plus = m.groups()
    if plus:
        rest = f"{atom}*"
    elif low is None:
        rest = ""
    elif comma:
        rest = f"{atom}{{{int(low) - 1},{int(high) - 1 if high else ''}}}"
    else:
        rest = f"{atom}{{{int(low) - 1}}}"
    return f"{atom}(?<!{before}{atom}){rest}{rx[m.end() :]}"


def _alternatives(body: str) -> tuple[list[str], int] | None:
    """The alternatives of the group ``body`` opens with (``(?:``) and the index after its
    ``)``; None when it does not close, or when a quantifier follows it."""
    alternatives, depth, start, i = [], 0, 3, 3
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: to its closing "]" ("]" right after "[" or "[^" is a member)
            i += 2 if body.startswith("[^", i) else 1
            i += 1 if body.startswith("]", i) else 0
            while i < len(body) and body[i] != "]":
                i += 2 if body[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == ")":
            alternatives.append(body[start:i])
            repeated = body[i + 1 : i + 2] in ("?", "*", "+", "{")
            return None if repeated else (alternatives, i + 1)
        elif ch == "|" and not depth:
            alternatives.append(body[start:i])
            start = i + 1
        i += 1
    return None


#: The matches of each compiled regex in one text, by regex (equal regexes, equal matches).
Scans = dict[Any, list[Any]]


def scanned(scans: Scans, rx: Any, text: str) -> list[Any]:
    """``rx``'s matches in ``text``: from ``scans``, or found and kept there."""
    found = scans.get(rx)
    if found is None:
        found = scans[rx] = list(rx.finditer(text))
    return found


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match before digesting. Lives in memory only; never logged."""

    label: str
    start: int
    end: int
    confidence: float
    detector: str
    value: str
    normalised: str
    preview: str
    evidence: tuple[str, ...]
    facets: tuple[tuple[str, str], ...] = ()
    specificity: int = 50
    validated: bool = False


def words_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive alternation; spaces in a phrase match any whitespace."""
    if not words:
        return None
    alts = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


#: Words next to a number that make it a document or item number, not a person's identifier.
NUMBER_LABELS = ("order", "invoice", "po", "part", "sku", "serial", "ref", "tracking", "item")


class Detector:
    """Subclass and declare; override ``validate``/``normalise``/``preview``/``facets`` when needed."""

    id: ClassVar[str]
    version: ClassVar[int] = 1
    label: ClassVar[str]
    patterns: ClassVar[tuple[Pattern, ...]]
    context: ClassVar[tuple[str, ...]] = ()  # words that raise confidence
    negative: ClassVar[tuple[str, ...]] = ()  # words that lower it ("order number")
    needs_context: ClassVar[bool] = False  # drop matches without a context word
    context_boost: ClassVar[float] = 0.35
    negative_penalty: ClassVar[float] = 0.5
    window: ClassVar[int] = 48  # characters searched before and after a match
    specificity: ClassVar[int] = 50  # overlap resolution: higher wins
    triggers: ClassVar[tuple[str, ...]] = ()  # lower-case substrings one of which must occur
    # (detectors that need context default to their context words)

    def __init__(self, key: bytes = b"", config: Config | None = None) -> None:
        self.key_bytes = key  # digest key, for detectors whose facets carry a digest
        self.config = config or Config()  # read-only; e.g. census rules that shape a digest
        self._compiled = tuple((p, compile_pattern(p)) for p in self.patterns)
        self._context = words_regex(self.context)
        self._negative = words_regex(self.negative)
        # a cheap prefilter: a detector that needs context is skipped when no context word occurs
        words = tuple(w.lower().split()[0] for w in self.context) if self.needs_context else ()
        self._triggers = self.triggers or words

    @classmethod
    def ident(cls) -> str:
        return f"{cls.id}/{cls.version}"

    # -- hooks ----------------------------------------------------------------

    def validate(self, value: str) -> tuple[str, ...] | None:
        """Checks on the value: None drops it, () means nothing checked, else evidence."""
        return ()

    def adjust(self, value: str, confidence: float) -> float:
        """A last word on confidence (e.g. a phone number that is possible but not valid)."""
        return confidence

    def trim(self, value: str) -> str:
        """The part of a match that is the value (a substring), e.g. without trailing punctuation."""
        return value

    def normalise(self, value: str) -> str:
        return " ".join(value.split())

    def preview(self, value: str) -> str:
        return mask_middle(value)

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        return ()

    # -- matching -------------------------------------------------------------

    def find(self, text: str, lowered: str, scans: Scans | None = None) -> Iterator[Candidate]:
        """Candidates in ``text`` (``lowered`` is ``text.lower()``). ``scans``: the matches of
        each regex already scanned in this text, which a DetectorSet shares between its
        detectors (``pii.date`` and ``pii.date_of_birth`` scan the same four patterns)."""
        if self._triggers and not any(map(lowered.__contains__, self._triggers)):
            return
        for pattern, rx in self._compiled:
            for m in rx.finditer(text) if scans is None else scanned(scans, rx, text):
                cand = self._candidate(text, m, pattern)
                if cand is not None:
                    yield cand

    def _candidate(self, text: str, m: Any, pattern: Pattern) -> Candidate | None:
        start, end = m.span(pattern.group)
        value = self.trim(m.group(pattern.group))
        if not value:
            return None
        start += m.group(pattern.group).index(value)
        end = start + len(value)
        before = text[max(0, start - self.window) : start]
        after = text[end : end + self.window]
        hit = self._near(self._context, before, after)
        if not hit and self.needs_context:
            return None
        checks = self.validate(value)
        if checks is None:
            return None
        evidence = [f"pattern:{pattern.name}", *checks]
        confidence = pattern.score
        if hit:
            confidence += self.context_boost
            evidence.append(f"context:{hit!r}")
        # negative words count on the match's own line only ("PO Number" below a phone is not about it)
        neg = self._near(self._negative, before.rsplit("\n", 1)[-1], after.split("\n", 1)[0])
        if neg:
            confidence -= self.negative_penalty
            evidence.append(f"negative:{neg!r}")
        confidence = self.adjust(value, confidence)
        normalised = self.normalise(value)
        return Candidate(
            label=self.label,
            start=start,
            end=end,
            confidence=max(0.0, min(1.0, confidence)),
            detector=self.ident(),
            value=value,
            normalised=normalised,
            preview=self.preview(value),
            evidence=tuple(evidence),
            facets=self.facets(value, normalised),
            specificity=self.specificity,
            validated=bool(checks),
        )

    @staticmethod
    def _near(rx: re.Pattern[str] | None, before: str, after: str) -> str | None:
        if rx is None:
            return None
        m = rx.search(before) or rx.search(after)
        return " ".join(m.group(0).lower().split()) if m else None
