"""Fast paths change speed only: NER's piece cache and BLAS, the regex engine, phone cues."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import regex
from detcases import KEY
from detgen import aws_key_id, cards, jwt
from threadpoolctl import threadpool_info

from leakclf.config import Config, DetectConfig
from leakclf.detectors import (
    DetectorSet,
    available,
    base,
    ner,
    people,
    people_context,
    people_fields,
    people_orgs,
)
from leakclf.detectors.base import (
    Candidate,
    Detector,
    Pattern,
    compile_pattern,
    first_char_first,
)
from leakclf.detectors.pii import dates, phone

FOOTER = "Regards,\nMargaret Olsen\nContoso Ltd., Leeds\n"
NOTE = "Dear Thibaut Blanchard,\nyour order ships from Rotterdam on Monday.\n\n"
OTHER = "Hi Priya Raman,\nthe audit starts in Denver next week.\n\n"


class Counting:
    """Wraps ``NerDetector.read`` and records the pieces NER reads."""

    def __init__(self, read: Callable[[list[str]], Iterator[Any]]) -> None:
        self.inner = read
        self.read: list[str] = []

    def __call__(self, pieces: list[str]) -> Iterator[Any]:
        self.read.extend(pieces)
        return self.inner(pieces)


def fresh(with_ner: DetectorSet) -> tuple[DetectorSet, Counting]:
    """A DetectorSet with an empty NER cache sharing the session's loaded model."""
    det = DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig()))
    assert det.ner is not None and with_ner.ner is not None
    det.ner._nlp = with_ner.ner.nlp
    det.ner.model_name = with_ner.ner.model_name
    counting = Counting(det.ner.read)
    det.ner.read = counting  # type: ignore[method-assign]
    return det, counting


@pytest.mark.parametrize(
    ("batches", "reads"),
    [
        pytest.param([[NOTE + FOOTER, OTHER + FOOTER]], 3, id="footer-once-per-batch"),
        pytest.param([[NOTE + FOOTER], [OTHER + FOOTER]], 3, id="footer-once-across-batches"),
        pytest.param([[NOTE + FOOTER], [NOTE + FOOTER]], 2, id="same-text-twice"),
        pytest.param([[NOTE, NOTE, NOTE]], 1, id="three-copies"),
        pytest.param([["no capitalised words here, only 12.50 USD\n"]], 0, id="nothing-to-read"),
    ],
)
def test_ner_never_reads_a_piece_twice(
    with_ner: DetectorSet, batches: list[list[str]], reads: int
) -> None:
    det, counting = fresh(with_ner)
    for texts in batches:
        got = det.detect_many(texts)
        # the cache changes nothing: same findings as a cold detector on each text alone
        for text, detection in zip(texts, got):
            cold, _ = fresh(with_ner)
            assert detection == cold.detect(text)
            assert all(text[f.start : f.end] == f.value for f in detection.findings)
    assert len(counting.read) == reads
    assert len(set(counting.read)) == reads


def test_ner_cache_is_bounded(with_ner: DetectorSet, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "CACHE_PIECES", 2)
    det, counting = fresh(with_ner)
    texts = [NOTE, OTHER, FOOTER]
    first = det.detect_many(texts)
    assert det.ner is not None and len(det.ner._cache) == 2
    assert det.detect_many(texts[:1]) == first[:1]  # NOTE was evicted: read again, same result
    assert len(counting.read) == 4 and counting.read[3] == counting.read[0]


def regex_patterns() -> Iterator[Any]:
    for ident, cls in available().items():
        if isinstance(cls, type) and issubclass(cls, Detector):
            for p in cls.patterns:
                if p.engine == "regex":
                    yield pytest.param(p, id=f"{ident}:{p.name}")


SAMPLES = [
    "Mail jane.doe+x@mail.contoso.co.uk, not jane@@x or .bad@x.com or x@localhost.",
    "Call +44 20 7946 0958, (415) 555-0132, 415.555.0132, 020 7946 0958 or 0049-30-1234567.",
    "Ref 2024-01-31, 12/31/2023, 1999-12-31T23:59, -2024-01-01, 19.04.2021, v1.2.3.4 and 10.0.0.1.",
    "SSN 078-05-1120, 078 05 1120, 078-05-11201, ITIN 912-70-1234, 9127-01234.",
    f"Cards {' '.join(cards('4'))} {' '.join(cards('37', 15))} 3056 930902 5904 3622-3056-9309.",
    "NIE X1234567L, Y-1234567-X; CF RSSMRA85T10A562S; NIR 2 84 05 75 108 042 73; S1234567D.",
    "VAT DE136695976, GB980780684, GB 123 4567 89 123, ATU13585627, NL004495445B01; -DE1234.",
    "IPv6 2001:db8::1, fe80::1%eth0, ::1 and http://a.example.com/x?y=1 www.example.org/path.",
    (
        "Smith, Jones and Partners; Rowe & Sons; 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, "
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4."
    ),
    (
        f"{aws_key_id(3)} ghp_{'a1B2' * 9} github_pat_{'x' * 82} glpat-{'Ab3_' * 5} "
        f"xoxb-123456789012-123456789012-{'A' * 24} sk_live_{'9' * 24} rk_test_{'Zz' * 12}"
    ),
    f"AIza{'B' * 35} {'Q' * 86}== Bearer {jwt(5)} the password is Blue-Cactus-77.",
]


@pytest.mark.parametrize("pattern", list(regex_patterns()))
def test_regex_engine_matches_like_re(pattern: Any) -> None:
    """A pattern moved to the ``regex`` engine for speed finds exactly what ``re`` finds."""
    fast = regex.compile(pattern.regex, pattern.flags)
    slow = re.compile(pattern.regex, pattern.flags)
    text = "\n".join(SAMPLES)
    for sample in (*SAMPLES, text, text.lower(), text.upper()):
        expected = [m.span(pattern.group) for m in slow.finditer(sample)]
        assert [m.span(pattern.group) for m in fast.finditer(sample)] == expected


FILLER = "it is done and filed. " * 10


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        pytest.param("Invoice No. INV-2024-1234\nTracking GB86 1234\n", [], id="codes-not-read"),
        pytest.param(
            "Hi Jane. the box is ready.\nLeeds office\n",
            ["Hi Jane. the box is ready.\nLeeds office\n"],
            id="short-lines-read-whole",
        ),
        pytest.param(
            "Jane Doe signed the renewal. " + FILLER + "Acme Corp paid the invoice.",
            ["Jane Doe signed the renewal. ", "Acme Corp paid the invoice."],
            id="paragraph-by-sentence",
        ),
    ],
)
def test_ner_reads_runs_worth_reading(text: str, pieces: list[str]) -> None:
    got = list(ner.runs(text, text))
    assert [p for _, p in got] == pieces
    assert all(text[off : off + len(piece)] == piece for off, piece in got)  # exact offsets


CUE_TEXTS = [
    "Tel. 020 7946 0958, London SW1A 1AA, United Kingdom; see www.example.co.uk.",
    "Facture: Société Dupont, 12 rue de la Paix, 75002 Paris cedex, téléphone 01 42 68 53 00.",
    "Rechnung der Müller GmbH, Hauptstraße 5, 80331 München, Deutschland. Telefon 089 1234567",
    "Factuur van Jansen B.V., Amsterdam; telefoon 020 123 4567. Het is een test.",
    "Factura de Calle Mayor S.L., Madrid, España. Teléfono 912 345 678 y los demás.",
    "Fattura della Rossi S.r.l., via Roma 1, Milano, Italia; il numero di telefono.",
    "GSTIN for Acme Pvt. Ltd, Mumbai, India. PIN code 400001, IFSC, ₹ 1,200 or Rs. 500.",
    "ABN of Acme Pty Ltd, Sydney, Australia, www.example.com.au",
    "Springfield, IL 62704-1234, USA; zip and EIN; www.example.us",
    "portland, maine's germanyness: parisian lyonnaise.uk.ukraine, rs232 and nl-nl.",
]


@pytest.mark.parametrize("region", list(phone._REGION_CUES))
def test_phone_region_cues_scan_literal_first_with_the_same_matches(region: str) -> None:
    """The cues are rewritten so ``re`` can skip ahead; every match stays the same."""
    plain = re.compile("|".join(phone._REGION_CUES[region]))
    fast = phone._cue(region)
    assert fast.pattern != plain.pattern  # the rewrite happened
    text = "\n".join(CUE_TEXTS).lower()
    for sample in (*(t.lower() for t in CUE_TEXTS), text, f" {text} "):
        assert [m.span() for m in fast.finditer(sample)] == [
            m.span() for m in plain.finditer(sample)
        ]


@pytest.mark.parametrize(
    ("cue", "rewritten"),
    [
        (r"\bparis\b", r"p(?<=\bp)aris\b"),
        (r"\bm[üu]nchen\b", r"m(?<=\bm)[üu]nchen\b"),
        (r"\.fr\b", r"\.fr\b"),  # opens with a literal already
        (r"\b[a-z]{1,2}\d", r"\b[a-z]{1,2}\d"),  # opens with a class: left alone
    ],
)
def test_literal_first(cue: str, rewritten: str) -> None:
    assert phone.literal_first(cue) == rewritten


@pytest.mark.parametrize(
    ("cue", "run"),
    [
        (r"\bparis\b", "paris"),
        (r"\.(?:co\.)?uk\b", "uk"),  # the group may be absent
        (r"\bpvt\.? ltd\b", " ltd"),  # so may the dot
        (r"\bpin ?code\b", "code"),
        (r"\bm[üu]nchen\b", "nchen"),
        (r"\bs\.r\.l\.", "s.r.l."),
        (r", [a-z]{2} \d{5}(?:-\d{4})?\b", ", "),
        (r"\brs\.? ?\d", "rs"),
        (r"a|b", ""),  # alternatives: no run in every match
        (r"\d+", ""),
    ],
)
def test_literal_run(cue: str, run: str) -> None:
    assert phone.literal_run(cue) == run


@pytest.mark.parametrize("region", list(phone._REGION_CUES))
def test_every_cue_match_holds_the_cues_literal_run(region: str) -> None:
    text = "\n".join(CUE_TEXTS).lower()
    seen = 0
    for cue in phone._REGION_CUES[region]:
        run = phone.literal_run(cue)
        for m in re.finditer(cue, text):
            assert run in m.group(), (cue, m.group())
            seen += 1
    assert seen  # the texts hold cues of every region


def test_phone_regions_skip_scans_and_count_like_a_scan_of_every_region() -> None:
    def scanned(lowered: str) -> tuple[tuple[str, ...], ...]:
        counts = {r: len(phone._cue(r).findall(lowered)) for r in phone._REGION_CUES}
        hinted = sorted(
            (r for r, n in counts.items() if n), key=lambda r: (-counts[r], phone.REGIONS.index(r))
        )
        return tuple(hinted), tuple(r for r in phone.REGIONS if r not in hinted)

    samples = [t.lower() for t in CUE_TEXTS] + ["\n".join(CUE_TEXTS).lower(), "no cue at all", ""]
    for sample in samples:
        assert phone.phone_regions(sample) == scanned(sample)
    assert phone.phone_regions("no cue at all") == ((), phone.REGIONS)


def test_phone_regions_read_only_when_a_number_needs_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real = phone.phone_regions

    def counting(lowered: str) -> tuple[tuple[str, ...], ...]:
        calls.append(lowered)
        return real(lowered)

    monkeypatch.setattr(phone, "phone_regions", counting)
    det = DetectorSet(Config(key=KEY, detect=DetectConfig(ner=False)))
    assert not [f for f in det.detect("Paris, le 3 mai. Rien à signaler.").findings]
    assert calls == []  # no candidate: the cues are never scanned
    found = det.detect("Paris, le 3 mai. Téléphone : 01 42 68 53 00.").findings
    assert [(f.label, dict(f.facets).get("country")) for f in found] == [("PHONE_NUMBER", "FR")]
    assert len(calls) == 1  # scanned once for the document, on first need


def test_ner_reads_with_numpy_blas_on_one_thread(with_ner: DetectorSet) -> None:
    """NER's matrices go to numpy's BLAS (cheaper here than blis), limited to one thread while
    NER reads, and the process's own setting is back afterwards."""

    def blas_threads() -> list[int]:
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    seen: list[list[int]] = []
    det, counting = fresh(with_ner)
    assert det.ner is not None and with_ner.ner is not None

    def watching(pieces: list[str]) -> Iterator[Any]:
        for doc in counting(pieces):  # the threads while each Doc is read
            seen.append(blas_threads())
            yield doc

    det.ner.read = watching  # type: ignore[method-assign]
    before = blas_threads()
    found = det.detect(NOTE + FOOTER).findings
    assert {f.label for f in found} >= {"PERSON", "LOCATION"}
    assert seen and all(threads and set(threads) == {1} for threads in seen)
    assert blas_threads() == before
    tok2vec = with_ner.ner.nlp.get_pipe("ner").model.get_ref("tok2vec")
    assert all(not node.ops.use_blis for node in tok2vec.walk())


FIELD_LINES = [
    "Name: Jane Roe",
    "Client Contact:\tJane Roe  Phone: 555",
    "Prepared by: /s/ Jean-Luc van der Berg, Title: Director",
    "Time 10:30 Approved by:   Maria G. Lopes",
    "a" * 40 + ": Jane Roe",  # a label longer than any _FIELD reads
    "x: Name: Jane Roe: Owner: Ann Lee\nSigned by : Ruth Hill (CFO)",
    "Name:Jane Roe Name: John Doe",
    "no colon Jane Roe here",
    "Ansprechpartner:\t\t\tJonas Bäcker | Ort: Köln",
    "Ref #12, Name: Jane Roe",  # characters no label holds, then a label
    "(a) Approved by: Ann Lee; (b) Owner: Ruth Hill",
    "x,Approved by:Jane Roe\tSigned by: John Doe",
]


@pytest.mark.parametrize("text", FIELD_LINES)
def test_person_fields_tried_before_colons_match_like_finditer(text: str) -> None:
    found = [(m.span(), m.groupdict()) for m in people_fields._field_matches(text)]
    assert found == [(m.span(), m.groupdict()) for m in people_fields._FIELD.finditer(text)]


@pytest.mark.parametrize(
    "before",
    [
        "Dear ",
        "We thank our managingdirector, ",  # the longest keyword (_ROLE drops its spaces)
        "This agreement is made by and between ",
        "Sehr geehrter ",
        "signed for Prof. ",
        "x" * 200 + " and the Chief Officer, ",
        "x" * 200 + "Dear, " + "y" * 30 + " ",
        "Mr",  # no blank after the title: no match
        "",
    ],
)
def test_context_keywords_searched_from_the_tail_match_like_a_full_search(before: str) -> None:
    tail = people_context.keyword_start(before)
    for pattern in (
        people_context._SALUTATION,
        people_context._TITLE,
        people_context._PARTY_BEFORE,
        people_context._ROLE_BEFORE,
        people._STREET_BEFORE,
    ):
        assert (pattern.search(before, tail) is None) == (pattern.search(before) is None)


@pytest.mark.parametrize(
    "before",
    [
        "12 avenue ",
        "x" * 200 + " 7 Boulevard. ",
        "Piazza\t",
        "ruelle ",
        "x" * 200 + " avenue x",
    ],
)
def test_street_words_searched_from_the_tail_match_like_a_full_search(before: str) -> None:
    tail = people_context.keyword_start(before)
    fast, full = people._STREET_BEFORE.search(before, tail), people._STREET_BEFORE.search(before)
    assert (fast and fast.span()) == (full and full.span())
    assert (full is None) == before.endswith(("ruelle ", " x"))


@pytest.mark.parametrize(
    "before",
    [
        "Name: ",
        "Prepared by: /s/ ",
        "Signed by :  ",
        "at 10:30 we met ",
        "Client Contact:\t",
        "see: x, Approved by:",
        "(CFO) Advisors： ",
        "Name: Jane, Approved by: ",
        "x" * 300 + " Name: ",
        "Ref #12 Prepared by: ",
        "Name: Jane Roe",
        ":",
    ],
)
def test_field_labels_searched_after_the_last_other_character_match_like_a_full_search(
    before: str,
) -> None:
    fast, full = people_context._field(before), people_context._FIELD.search(before)
    assert (fast and (fast.span(), fast.groups())) == (full and (full.span(), full.groups()))


@pytest.mark.parametrize(
    "text",
    ["University of Leeds", "UNIVERSITÄT", "İnstitut Pasteur", "Hochſchule", "POLYTECHNIC", "none"],
)
def test_institution_hint_is_never_skipped_when_it_matches(text: str) -> None:
    assert people_orgs._hinted(text) or not people_orgs._INSTITUTION_HINT.search(text)
    assert people_orgs._hinted(text) == (text != "none")


def test_literal_prefilters_cover_every_alternative() -> None:
    words = people_orgs._PROSE.pattern.split("(?:", 1)[1].split(")", 1)[0].split("|")
    assert all(any(w in word for w in people_orgs._PROSE_WORDS) for word in words)
    assert people_orgs._PARTIES.flags & re.IGNORECASE == 0
    assert people_orgs._PROSE.flags & re.IGNORECASE == 0


def _span(text: str, value: str, label: str) -> Candidate:
    start = text.index(value)
    return Candidate(label, start, start + len(value), 0.9, "t", value, value, "*", ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Jane Roe, IBM, USA", True, id="name-comma-org"),
        pytest.param("Jane Roe \t,\t IBM", True, id="blanks-around-the-comma"),
        pytest.param("Dear Jane Roe, IBM", False, id="name-not-opening-its-line"),
        pytest.param("Jane Roe; IBM", False, id="no-comma"),
        pytest.param("Jane Roe,, IBM", False, id="two-commas"),
        pytest.param("IBM, Jane Roe", False, id="org-before-the-name"),
    ],
)
def test_affiliation_tests_the_gap_first(text: str, expected: bool) -> None:
    person, org = _span(text, "Jane Roe", "PERSON"), _span(text, "IBM", "ORGANIZATION")
    assert people._affiliation(text, person, org) is expected


def first_char_first_patterns() -> Iterator[Any]:
    for ident, cls in available().items():
        if isinstance(cls, type) and issubclass(cls, Detector):
            for p in cls.patterns:
                if p.engine == "re" and first_char_first(p.regex) != p.regex:
                    yield pytest.param(p, id=f"{ident}:{p.name}")


def random_texts(seed: int, count: int = 300, size: int = 120) -> list[str]:
    """Strings of the characters these patterns care about: digits, capitals, separators."""
    rng = random.Random(seed)
    alphabet = "0123456789" * 4 + "ABCDGHKLMNPSTZÄÖÜÉ" * 2 + "abcxyzäß_" + " -./,+#()@\n&'"
    return ["".join(rng.choice(alphabet) for _ in range(size)) for _ in range(count)]


@pytest.mark.parametrize("pattern", list(first_char_first_patterns()))
def test_patterns_opening_with_their_first_character_match_as_written(pattern: Any) -> None:
    """``compile_pattern`` moves a leading lookbehind after the first character (``re`` then
    skips to the positions holding it): every match, group by group, stays the same."""
    fast = compile_pattern(pattern)
    slow = re.compile(pattern.regex, pattern.flags)
    assert fast.pattern != slow.pattern  # the rewrite happened
    text = "\n".join(SAMPLES)
    samples = [*SAMPLES, text, text.lower(), text.upper(), *random_texts(len(pattern.regex))]
    for sample in samples:
        expected = [(m.span(), m.groups()) for m in slow.finditer(sample)]
        assert [(m.span(), m.groups()) for m in fast.finditer(sample)] == expected


@pytest.mark.parametrize(
    ("written", "rewritten"),
    [
        (r"(?<![\w-])\d{9}(?![\w-])", r"\d(?<![\w-]\d)\d{8}(?![\w-])"),
        (r"(?<![\w-])\d{2,6}x", r"\d(?<![\w-]\d)\d{1,5}x"),
        (r"(?<![\w-])\d{2,}x", r"\d(?<![\w-]\d)\d{1,}x"),
        (r"(?<![\w-])\d+x", r"\d(?<![\w-]\d)\d*x"),
        (r"(?<![\w+/.,-])1[ .-]?", r"1(?<![\w+/.,-]1)[ .-]?"),
        (r"(?<![A-Za-z0-9])[A-Z]{2}\d", r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]{1}\d"),
        (r"(?<![\w])[A-ZÄÖÜ][a-z]+", r"[A-ZÄÖÜ](?<![\w][A-ZÄÖÜ])[a-z]+"),
        (r"(?<![\w.@/-])[A-Za-z0-9](?:x)", r"(?<![\w.@/-])[A-Za-z0-9](?:x)"),  # lower case
        (r"(?<![\w-])[\w]x", r"(?<![\w-])[\w]x"),  # \w holds lower case
        (r"(?<![\w-])\d{1,3}?x", r"(?<![\w-])\d{1,3}?x"),  # lazy
        (r"(?<![\w-])\d?x", r"(?<![\w-])\d?x"),  # may be absent
        (r"(?<![\w-])(?:AB|CD)x", r"(?:A(?<![\w-]A)B|C(?<![\w-]C)D)x"),  # a group
        (r"(?<![\d-])(?:4\d{3}|5[1-5]\d)x", r"(?:4(?<![\d-]4)\d{3}|5(?<![\d-]5)[1-5]\d)x"),
        (r"(?<![\w-])(?:\d{4}\.\d|\d{9})x", r"(?:\d(?<![\w-]\d)\d{3}\.\d|\d(?<![\w-]\d)\d{8})x"),
        (r"(?<![\w-])(?:A[)|]B|C(?:D|E))x", r"(?:A(?<![\w-]A)[)|]B|C(?<![\w-]C)(?:D|E))x"),
        (r"(?<![\w-])(?:[A-Z]\d|\d{9})x", r"(?<![\w-])(?:[A-Z]\d|\d{9})x"),  # two classes
        (r"(?<![\w-])(?:AB|[A-Z]\d)x", r"(?<![\w-])(?:AB|[A-Z]\d)x"),  # a letter and a class
        (r"(?<![\w-])(?:AB|cd)x", r"(?<![\w-])(?:AB|cd)x"),  # lower case
        (r"(?<![\w-])(?:AB|CD)?x", r"(?<![\w-])(?:AB|CD)?x"),  # an optional group
        (r"(?<![\w-])(?:AB|CD){2}x", r"(?<![\w-])(?:AB|CD){2}x"),  # a repeated group
        (r"(?<![\w-])(?:AB|CD", r"(?<![\w-])(?:AB|CD"),  # no closing parenthesis
        (r"(?i)(?<![\w])\d+", r"(?i)(?<![\w])\d+"),  # opens with flags
    ],
)
def test_first_char_first(written: str, rewritten: str) -> None:
    assert first_char_first(written) == rewritten


def test_detectors_share_scans_of_the_same_regex(patterns: DetectorSet) -> None:
    """``pii.date`` and ``pii.date_of_birth`` hold the same four patterns: a DetectorSet scans
    each once per text, with the same candidates as every detector scanning on its own."""
    text = "Born 12 March 1984; date of birth: 1984-03-12, DOB 12/03/1984. " + "\n".join(SAMPLES)
    lowered = text.lower()
    alone = [c for det in patterns.patterns for c in det.find(text, lowered)]
    calls: list[Any] = []
    real = base.scanned

    def counting(scans: base.Scans, rx: Any, text: str) -> list[Any]:
        calls.append((rx, rx in scans))
        return real(scans, rx, text)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(base, "scanned", counting)
        assert patterns._patterns(text) == alone
    dob = next(d for d in patterns.patterns if d.id == "pii.date_of_birth")
    assert {rx for rx, again in calls if again} >= {rx for _, rx in dob._compiled}


def test_a_plugin_find_without_scans_still_runs(patterns: DetectorSet) -> None:
    class OwnFind(Detector):  # a plug-in written before ``scans``
        id = "test.own_find"
        label = "TEST_ID"
        patterns = (Pattern("id", r"(?<![\w-])\d{9}(?![\w-])", 0.5),)

        def find(self, text: str, lowered: str) -> Iterator[Candidate]:  # type: ignore[override]
            yield from Detector.find(self, text, lowered)

    det = DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig(ner=False)))
    det.__dict__["patterns"] = (*patterns.patterns, OwnFind(KEY))
    found = det._patterns("SSN 123456789 and TIN 987654321.")
    assert [c.value for c in found if c.label == "TEST_ID"] == ["123456789", "987654321"]
    assert det._sharing[-1] is False and all(det._sharing[:-1])


#: The date patterns as first written, before they opened with their first character.
DATES_AS_WRITTEN = {
    "numeric": (
        r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d\d"
        + r"(?![\w/-]|\.\d)",
        0,
    ),
    "day-month": (
        r"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + dates._MONTHS
        + r"\.?,?\s+(?:19|20)\d\d(?!\w)",
        re.IGNORECASE,
    ),
    "month-day": (
        r"(?<![\w])"
        + dates._MONTHS
        + r"\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\w)",
        re.IGNORECASE,
    ),
}


def date_texts(seed: int, count: int = 2000) -> list[str]:
    """Dates and near-dates in the three shapes: days 0-39 with and without a leading 0,
    months in any case (and with a long s), separators, suffixes, years, glued to letters,
    digits and punctuation."""
    rng = random.Random(seed)
    months = ["Jan", "january", "MAR", "Sept", "sep", "ſep", "ſeptember", "may", "June", "jul",
              "Dec.", "Ma", "Mayo", "Ocak", "nov", "aug", "Fe"]  # fmt: skip
    days = [*(str(d) for d in range(40)), *(f"0{d}" for d in range(10)), "", "123"]
    edges = ["", "", "", " ", " ", "x", "/", ".", "-", "1", "0", "\n", "é", "_", "K"]
    years = ["1999", "2024", "1999", "2024", "2003", "99", "7", "20245", "1899", ""]
    blank = [" ", " ", " ", "", "  ", "\n", " of ", "of "]
    suffix = ["", "", "", "", "st", "nd", "th", "rd", "TH", ",", "."]

    def one() -> str:
        shape = rng.randrange(3)
        if shape == 0:
            seps = "/.-,"
            parts = [rng.choice(days), rng.choice(seps), rng.choice(days), rng.choice(seps)]
        elif shape == 1:
            parts = [rng.choice(days), rng.choice(suffix), rng.choice(blank), rng.choice(months),
                     rng.choice(suffix), rng.choice(blank)]  # fmt: skip
        else:
            parts = [rng.choice(months), rng.choice(suffix), rng.choice(blank), rng.choice(days),
                     rng.choice(suffix), rng.choice(blank)]  # fmt: skip
        return "".join([rng.choice(edges), *parts, rng.choice(years), rng.choice(edges)])

    return [" ".join(one() for _ in range(3)) for _ in range(count)]


@pytest.mark.parametrize("name", list(DATES_AS_WRITTEN))
def test_date_patterns_opening_with_their_first_character_match_as_written(name: str) -> None:
    regex_, flags = DATES_AS_WRITTEN[name]
    slow = re.compile(regex_, flags)
    fast = next(compile_pattern(p) for p in dates.DateDetector.patterns if p.name == name)
    assert fast.pattern != slow.pattern and not fast.pattern.startswith("(?<")
    text = "\n".join(SAMPLES)
    samples = [*SAMPLES, text, *date_texts(1), *(t.upper() for t in date_texts(2))]
    found = 0
    for sample in samples:
        expected = [m.span() for m in slow.finditer(sample)]
        assert [m.span() for m in fast.finditer(sample)] == expected, sample
        found += len(expected)
    assert found > 50  # the texts hold dates of this shape


_ADDRESSES = (
    "Write to a@wwi.com, b@wwi.com, c@fbrkm.de, d@contoso.co.uk, e@northwindgc.com, "
    "f@wide-world.com, g@fbrkm.de and h@tailspin-toys.com"
)


@pytest.mark.parametrize(
    "name",
    [
        "Wide World Importers",
        "Fabrikam Inc",
        "Contoso",
        "Northwind Global Consulting",
        "Tailspin Toys",
        "Unrelated Name",
    ],
)
def test_domain_labels_abbreviate_like_each_address(name: str) -> None:
    """The distinct domain labels of a text's addresses, compared with an organisation once
    each, give the forms ``abbreviated_by`` gives address by address, in the same order."""
    from leakclf.domains import abbreviated_by, abbreviates

    patterns = DetectorSet(Config(key=KEY, detect=DetectConfig(ner=False)))
    emails = [c for c in patterns._patterns(_ADDRESSES) if c.label == "EMAIL_ADDRESS"]
    assert len(emails) == 8
    per_address = [f for f in dict.fromkeys(abbreviated_by(name, e.facets) for e in emails) if f]
    labels = people._domain_labels([*emails, emails[0]])
    assert [f for f in labels if abbreviates(f, name)] == per_address


@pytest.mark.parametrize(
    ("line", "street"),
    [
        ("26 rue des Lilas", True),
        ("  12b, Main", True),
        ("Flat 3, 10 Downing Street", True),
        ("STRAẞE DES 17. JUNI", True),
        ("Hauptstr. 5", False),  # "str." needs a word boundary before it
        ("Unter den Linden Str. 5", False),  # nor a word after it: "Str.5" is one
        ("Unter den Linden Str.5", True),
        ("P.O. Box 1200", True),
        ("ſtreet corner", True),  # the long s matches "s" only under IGNORECASE
        ("VİA ROMA", True),  # so does the dotted capital I with "i"
        ("DRıVE", True),
        ("Revenue and streetwise plans", False),
        ("Strategy 2024", False),
        ("2024 plan", True),  # a house number's shape (the caller tells years apart)
        ("", False),
    ],
)
def test_street_lines_tested_for_their_words_first_match_like_a_full_search(
    line: str, street: bool
) -> None:
    assert people_context.is_street(line) is street
    assert (people_context._STREETISH.search(line) is not None) is street


def test_street_runs_hold_every_street_word() -> None:
    """Each alternative of the street words, lower-cased, holds one of the substring tests."""
    body = people_context._STREET_WORD.split("(?:", 1)[1].rsplit(")", 1)[0]
    for word in body.split("|"):
        plain = word.replace("\\.?", "").replace("\\.", ".").replace("\\b", "")
        assert any(run in plain for run in people_context._STREET_RUNS), word


def test_street_lines_match_like_a_full_search_on_random_lines() -> None:
    rng = random.Random(7)
    pieces = [*"abcdeilnorstuvwxyz .,\t0123456789ßẞſıİK", "street", "Rue", "P.O. Box", "weg"]
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        full = people_context._STREETISH.search(line) is not None
        assert people_context.is_street(line) is full, repr(line)
