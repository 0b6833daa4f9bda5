"""PHONE_NUMBER: candidates by regex, validated and normalised to E.164 with ``phonenumbers``.

Formatting earns confidence: an international ``+CC`` number is likely a phone, a
national number with separators less so, and a bare digit run needs a context word.
A number without a country code is parsed first in the regions the document points to
(``phone_regions``: TLDs, country and city names, postcodes, language), then in ``REGIONS``;
the first region where it is a valid number wins, else the first where it is possible.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from leakclf.detectors.base import NUMBER_LABELS, Candidate, Detector, Pattern, Scans
from leakclf.detectors.masking import mask_digits

#: Regions tried, in order, for numbers written without a country code.
REGIONS = ("US", "GB", "DE", "FR", "IN", "AU", "ES", "IT", "NL", "CA", "IE", "SG")

#: What in a document points to a region: TLDs, names, postcode shapes and common words.
_REGION_CUES: dict[str, tuple[str, ...]] = {
    "GB": (
        r"\.(?:co\.)?uk\b",
        r"\bunited kingdom\b",
        r"\bengland\b",
        r"\bscotland\b",
        r"\bwales\b",
        r"\blondon\b",
        r"\bmanchester\b",
        r"\b[a-z]{1,2}\d[a-z\d]? \d[a-z]{2}\b",
        r"\bvat reg",
    ),
    "FR": (
        r"\.fr\b",
        r"\bfrance\b",
        r"\bparis\b",
        r"\blyon\b",
        r"\bcedex\b",
        r"\bt[ée]l[ée]phone\b",
        r"\bfacture\b",
        r"\bsiret\b",
        r"\bsoci[ée]t[ée]\b",
        r" le ",
        r" la ",
        r" les ",
        r" des ",
        r" et ",
    ),
    "DE": (
        r"\.de\b",
        r"\bdeutschland\b",
        r"\bgermany\b",
        r"\bberlin\b",
        r"\bm[üu]nchen\b",
        r"\bhamburg\b",
        r"\bgmbh\b",
        r"\bstra(?:ß|ss)e\b",
        r"\btelefon\b",
        r"\brechnung\b",
        r" und ",
        r" der ",
        r" die ",
        r" das ",
    ),
    "NL": (
        r"\.nl\b",
        r"\bnederland\b",
        r"\bnetherlands\b",
        r"\bamsterdam\b",
        r"\brotterdam\b",
        r"\bb\.v\.",
        r"\bfactuur\b",
        r"\btelefoon\b",
        r" het ",
        r" een ",
        r" van ",
    ),
    "ES": (
        r"\.es\b",
        r"\bespa[ñn]a\b",
        r"\bspain\b",
        r"\bmadrid\b",
        r"\bbarcelona\b",
        r"\btel[ée]fono\b",
        r"\bfactura\b",
        r"\bs\.l\.",
        r"\bcalle\b",
        r" el ",
        r" los ",
        r" las ",
        r" y ",
    ),
    "IT": (
        r"\.it\b",
        r"\bitalia\b",
        r"\bitaly\b",
        r"\broma\b",
        r"\bmilano\b",
        r"\bfattura\b",
        r"\bs\.r\.l\.",
        r"\bvia\b",
        r" il ",
        r" della ",
        r" di ",
        r" e ",
    ),
    "IN": (
        r"\.in\b",
        r"\bindia\b",
        r"\bmumbai\b",
        r"\bdelhi\b",
        r"\bbengaluru\b",
        r"\bbangalore\b",
        r"\bgstin\b",
        r"\bpvt\.? ltd\b",
        r"\bpin ?code\b",
        r"\bifsc\b",
        r"₹",
        r"\brs\.? ?\d",
    ),
    "AU": (
        r"\.au\b",
        r"\baustralia\b",
        r"\bsydney\b",
        r"\bmelbourne\b",
        r"\babn\b",
        r"\bpty\.? ltd\b",
    ),
    "US": (
        r"\.us\b",
        r"\busa\b",
        r"\bunited states\b",
        r", [a-z]{2} \d{5}(?:-\d{4})?\b",
        r"\bzip\b",
        r"\bein\b",
    ),
}
_NOT_PHONE = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,3}(?:\.\d{1,3}){3})$"
)
_END = r"(?![\w/]|[.,-]\d)"
_GROUPS = r"\d{2,5}(?:[ .-]\d{2,8}){0,4}"


class PhoneDetector(Detector):
    id = "pii.phone"
    label = "PHONE_NUMBER"
    specificity = 55
    version = 2
    context = (
        "phone",
        "telephone",
        "tel",
        "tél",
        "téléphone",
        "telephone no",
        "telefon",
        "telefono",
        "teléfono",
        "tfno",
        "telefoon",
        "móvil",
        "movil",
        "portable",
        "cellulare",
        "handy",
        "mobiel",
        "mobile no",
        "contact no",
        "phone no",
        "ph no",
        "t:",
        "p:",
        "m:",
        "phone #",
        "mobile",
        "cell",
        "call",
        "fax",
        "contact",
        "whatsapp",
        "ph",
        "mob",
        "direct",
        "landline",
        "phone number",
    )
    negative = (
        *NUMBER_LABELS,
        "reference",
        "account",
        "acct",
        "routing",
        "iban",
        "ssn",
        "case",
        "ticket",
        "model",
        "abn",
        "acn",
        "gstin",
        "ein",
        "tfn",
        "vat",
        "pan",
        "cin",
        "siret",
        "account id",
    )
    patterns = (
        Pattern(
            "international",
            # "+33 6 12 36 84 26", "+12015546563", "+1 (201) 555-0123"; a comma may precede
            # the "+" (CSV cells), but not a digit and comma ("1,00...").
            r"(?<![\w+/.-])(?<!\d,)(?:\+|00)\d{1,3}(?:[ .-]?\(\d{1,5}\))?(?:[ .-]?\d{1,8}){1,6}"
            + _END,
            0.7,
            engine="regex",
        ),
        Pattern(
            "national-area",
            r"(?<![\w+/.,(-])\(\d{1,5}\)[ .-]?" + _GROUPS + _END,
            0.55,
            engine="regex",
        ),
        Pattern(
            "us-trunk",  # 1-800-555-0199, 1 (800) 555-0199, 1.212.555.0143
            r"(?<![\w+/.,-])1[ .-]?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]\d{4}" + _END,
            0.55,
        ),
        Pattern("national-3-3-4", r"(?<![\w+/.,-])\d{3}([-.])\d{3}\1\d{4}" + _END, 0.5),
        Pattern(
            "national", r"(?<![\w+/.,-])\d{2,6}(?:[ .-]\d{2,8}){1,4}" + _END, 0.35, engine="regex"
        ),
        Pattern("digits", r"(?<![\w+/.,-])\d{7,15}" + _END, 0.15),
    )

    _lowered = ""  # the document, lower-cased (a per-document copy carries it)
    _regions: tuple[tuple[str, ...], ...] | None = None

    def find(self, text: str, lowered: str, scans: Scans | None = None) -> Iterator[Candidate]:
        """Matches parsed in the regions this document points to (a copy carries them)."""
        view = copy.copy(self)
        view._lowered, view._regions = lowered, None
        yield from Detector.find(view, text, lowered, scans)

    @property
    def regions(self) -> tuple[tuple[str, ...], ...]:
        """(hinted, the rest), read from the document's cues on first need: most texts hold
        no national-format candidate worth parsing, and reading the cues is a scan per region."""
        if self._regions is None:
            self._regions = phone_regions(self._lowered)
        return self._regions

    def validate(self, value: str) -> tuple[str, ...] | None:
        if not 7 <= sum(map(str.isdigit, value)) <= 15 or _NOT_PHONE.match(value):
            return None
        parsed = parse_phone(value, self.regions)
        if parsed is None:
            return None
        return ("phonenumbers:valid",) if parsed[2] else ("phonenumbers:possible",)

    def adjust(self, value: str, confidence: float) -> float:
        parsed = parse_phone(value, self.regions)
        # possible but not valid (an unassigned area code): formatting and context must carry it
        return confidence if parsed and parsed[2] else confidence - 0.2

    def normalise(self, value: str) -> str:
        parsed = parse_phone(value, self.regions)
        return parsed[1] if parsed else value

    def preview(self, value: str) -> str:
        return mask_digits(value, keep_end=2)

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        parsed = parse_phone(value, self.regions)
        return (("country", parsed[0]),) if parsed and parsed[0] else ()


def phone_regions(lowered: str) -> tuple[tuple[str, ...], ...]:
    """(regions the lower-cased document has cues for, most first; the rest of ``REGIONS``)."""
    text = lowered[:200_000]
    counts = {region: _count(region, text) for region in _REGION_CUES}
    hinted = sorted(
        (r for r, n in counts.items() if n), key=lambda r: (-counts[r], REGIONS.index(r))
    )
    return tuple(hinted), tuple(r for r in REGIONS if r not in hinted)


def _count(region: str, text: str) -> int:
    """How many cues of ``region`` ``text`` holds; 0 without a scan when it holds none of
    their literal runs (most documents point to one region or none: a substring test is ~10x
    cheaper than scanning for the cues)."""
    if not any(map(text.__contains__, _runs(region))):
        return 0
    return len(_cue(region).findall(text))


@cache
def _cue(region: str) -> re.Pattern[str]:
    return re.compile("|".join(map(literal_first, _REGION_CUES[region])))


@cache
def _runs(region: str) -> tuple[str, ...]:
    return tuple(literal_run(cue) for cue in _REGION_CUES[region])


def literal_run(cue: str) -> str:
    """The longest run of characters that every match of ``cue`` holds, in order ("" when it
    has none or has alternatives outside a group): ``\\bpvt\\.? ltd\\b`` -> ``" ltd"``.
    Escapes other than punctuation (``\\b``, ``\\d``), classes, groups, ``.`` and a
    character a quantifier follows (it may be absent) end a run."""
    runs, run, i = [], "", 0
    while i < len(cue):
        ch = cue[i]
        if ch == "|":
            return ""  # alternatives: no run is in every match
        if ch in "?*+{":
            runs.append(run[:-1])  # the character before may be absent (or repeated)
            run, i = "", (cue.index("}", i) if ch == "{" else i) + 1
        elif ch == "\\":
            literal = not cue[i + 1].isalnum()
            runs.append("" if literal else run)
            run, i = (run + cue[i + 1] if literal else ""), i + 2
        elif ch in "([":
            runs.append(run)
            run, i = "", _closing(cue, i) + 1
        elif ch in ".^$":
            runs.append(run)
            run, i = "", i + 1
        else:
            run, i = run + ch, i + 1
    runs.append(run)
    return max(runs, key=len)


def _closing(cue: str, i: int) -> int:
    """The index of the ``)`` or ``]`` that closes the group or class opening at ``i``."""
    depth, j = 0, i
    while True:
        if cue[j] == "\\":
            j += 2
            continue
        if cue[i] == "[":
            if cue[j] == "]" and j > i + 1:
                return j
        elif cue[j] == "(":
            depth += 1
        elif cue[j] == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1


_BOUNDARY_LETTER = re.compile(r"\\b([^\W\d_])")


def literal_first(cue: str) -> str:
    """The same cue opening with its first letter: ``\\bparis`` -> ``p(?<=\\bp)aris``.

    When every branch of an alternation opens with a literal, ``re`` jumps to the positions
    holding one of those characters instead of trying every branch at every position
    (6x faster here, same matches).
    """
    m = _BOUNDARY_LETTER.match(cue)
    if m is None:
        return cue
    letter = m.group(1)
    return f"{letter}(?<=\\b{letter}){cue[m.end() :]}"


@lru_cache(maxsize=4096)
def parse_phone(
    value: str, regions: tuple[tuple[str, ...], ...] = ((), REGIONS)
) -> tuple[str, str, bool] | None:
    """(region, E.164, valid): among the document's hinted regions the first where ``value`` is
    valid, else the first where it is possible; then the same in order over the rest, where the
    first possible region wins (a number valid only in some unhinted region stays "possible")."""
    import phonenumbers  # load time: phonenumbers only when used

    raw = "+" + value[2:] if value.startswith("00") else value
    tiers = ((None,),) if raw.startswith("+") else regions
    for n, tier in enumerate(tiers):
        possible: tuple[str, str, bool] | None = None
        for region in tier:
            try:
                num = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_possible_number(num):
                continue
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
            code = phonenumbers.region_code_for_country_code(num.country_code or 0)
            found = ("" if code == "001" else code), e164, phonenumbers.is_valid_number(num)
            if found[2] or (n and len(tiers) > 1):
                return found
            possible = possible or found
        if possible is not None:
            return possible
    return None
